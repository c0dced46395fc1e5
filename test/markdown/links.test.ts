import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBody } from '../../server/engine/markdown/index.js';
import { at, post } from './helpers.js';

describe('markdown links', () => {
  it('reports an inline link with exact offsets after the front matter', () => {
    const { text, bodyStart } = post('Read [the **full** guide](https://example.org/guide "Guide") today.\n');
    const m = parseBody(text, bodyStart);
    assert.equal(m.links.length, 1);
    const [link] = m.links;
    assert.equal(link.source, 'markdown');
    assert.equal(link.url, 'https://example.org/guide');
    assert.equal(at(text, link.urlSpan), 'https://example.org/guide');
    assert.equal(at(text, link.span), '[the **full** guide](https://example.org/guide "Guide")');
    assert.equal(link.text, 'the full guide');
    assert.equal(at(text, link.textSpan), 'the **full** guide');
    assert.equal(link.title, 'Guide');
    assert.ok(link.span.start > bodyStart);
  });

  it('strips the <> around a destination and keeps an empty destination', () => {
    const text = 'A [spaced](<my file.md>) and [nothing]() link.';
    const m = parseBody(text, 0);
    assert.deepEqual(
      m.links.map((l) => [l.url, at(text, l.urlSpan), l.text]),
      [
        ['my file.md', 'my file.md', 'spaced'],
        ['', '', 'nothing'],
      ],
    );
    // The empty URL sits right after the '('.
    assert.equal(text[m.links[1].urlSpan.start - 1], '(');
  });

  it('keeps the URL as written (no escape or entity decoding)', () => {
    const text = '[q](https://x.org/?a=1&amp;b=2) [e](https://x.org/a\\_b)';
    const m = parseBody(text, 0);
    assert.deepEqual(
      m.links.map((l) => l.url),
      ['https://x.org/?a=1&amp;b=2', 'https://x.org/a\\_b'],
    );
    for (const l of m.links) assert.equal(at(text, l.urlSpan), l.url);
  });

  it('gives plain link text: marks removed, code content kept, escapes and entities decoded', () => {
    const text = '[*go* `now` \\[1\\] &amp; ~~old~~](a) [**here**](b) [ ](c) [, ](d)';
    const m = parseBody(text, 0);
    assert.deepEqual(
      m.links.map((l) => l.text),
      ['go now [1] & old', 'here', ' ', ', '],
    );
  });

  it('joins a link text that wraps onto the next line with one space', () => {
    const text = '> quoted [first\n> second](https://q.example)\n';
    const m = parseBody(text, 0);
    assert.equal(m.links[0].text, 'first second');
  });

  it('reports both the image and the link of a linked image; the link text is the alt', () => {
    const { text, bodyStart } = post('[![Project logo](/img/logo.png)](https://project.example)\n');
    const m = parseBody(text, bodyStart);
    assert.equal(m.images.length, 1);
    assert.equal(m.links.length, 1);
    const [img] = m.images;
    const [link] = m.links;
    assert.equal(img.src, '/img/logo.png');
    assert.equal(at(text, img.srcSpan), '/img/logo.png');
    assert.equal(img.alt, 'Project logo');
    assert.equal(at(text, img.altSpan), 'Project logo');
    assert.equal(at(text, img.span), '![Project logo](/img/logo.png)');
    assert.equal(link.url, 'https://project.example');
    assert.equal(link.text, 'Project logo');
    assert.equal(at(text, link.textSpan), '![Project logo](/img/logo.png)');
  });

  it('resolves full, collapsed and shortcut reference links against definitions', () => {
    const body = [
      'See [the docs][Docs Site], [docs site][] and [DOCS   site].',
      'Also [unknown][nope] and [missing].',
      '',
      '[docs site]: https://docs.example/start "Start here"',
      '[docs site]: https://ignored.example',
      '',
    ].join('\n');
    const { text, bodyStart } = post(body);
    const m = parseBody(text, bodyStart);
    assert.equal(m.definitions.length, 2);
    const def = m.definitions[0];
    assert.equal(def.label, 'docs site');
    assert.equal(at(text, def.urlSpan), 'https://docs.example/start');
    assert.equal(at(text, def.span), '[docs site]: https://docs.example/start "Start here"');
    assert.deepEqual(
      m.links.map((l) => [l.source, l.url, at(text, l.span), l.text, l.label, l.title]),
      [
        ['reference', 'https://docs.example/start', '[the docs][Docs Site]', 'the docs', 'Docs Site', 'Start here'],
        ['reference', 'https://docs.example/start', '[docs site][]', 'docs site', 'docs site', 'Start here'],
        ['reference', 'https://docs.example/start', '[DOCS   site]', 'DOCS   site', 'DOCS   site', 'Start here'],
      ],
    );
    // The URL span of a reference link is the definition's.
    for (const l of m.links) assert.deepEqual(l.urlSpan, def.urlSpan);
  });

  it('falls back to [text] as a shortcut when [text][label] has no definition', () => {
    const text = '[known][absent]\n\n[known]: /known/\n';
    const m = parseBody(text, 0);
    assert.equal(m.links.length, 1);
    assert.equal(at(text, m.links[0].span), '[known]');
    assert.equal(m.links[0].url, '/known/');
  });

  it('resolves reference images', () => {
    const text = '![A chart][fig1]\n\n[fig1]: </img/chart one.png>\n';
    const m = parseBody(text, 0);
    assert.equal(m.images.length, 1);
    assert.equal(m.images[0].src, '/img/chart one.png');
    assert.equal(at(text, m.images[0].srcSpan), '/img/chart one.png');
    assert.equal(m.images[0].alt, 'A chart');
    assert.equal(m.images[0].label, 'fig1');
  });

  it('reports autolinks and GFM bare URLs, but not URLs inside link text or destinations', () => {
    const text = 'Go to <https://auto.example/x> or https://bare.example/path?q=1. Or www.site.example, or mail team@corp.example.\n' +
      '[https://in-text.example](https://dest.example)\n';
    const m = parseBody(text, 0);
    assert.deepEqual(
      m.links.map((l) => [l.source, l.url, at(text, l.span)]),
      [
        ['autolink', 'https://auto.example/x', '<https://auto.example/x>'],
        ['bare', 'https://bare.example/path?q=1', 'https://bare.example/path?q=1'],
        ['bare', 'www.site.example', 'www.site.example'],
        ['bare', 'team@corp.example', 'team@corp.example'],
        ['markdown', 'https://dest.example', '[https://in-text.example](https://dest.example)'],
      ],
    );
    assert.equal(m.links[0].text, undefined);
    assert.equal(at(text, m.links[0].urlSpan), 'https://auto.example/x');
  });

  it('leaves a URL inside brackets as text, as Goldmark does, whether the brackets make a link or not', () => {
    const text = 'See [https://plain.example] and [see https://in.example/a][nope] and [ https://spaced.example/ ] then https://after.example/x.';
    const m = parseBody(text, 0);
    assert.deepEqual(
      m.links.map((l) => [l.source, l.url]),
      [['bare', 'https://after.example/x']],
    );
  });

  // Each case as Hugo 0.111 (Goldmark's linkify) publishes it: linked, or left as text.
  const LINKIFIED: [string, boolean][] = [
    ['x https://a.example/p', true],
    ['https://a.example/p at the start', true],
    ['x\nhttps://a.example/p on a later line', true],
    ['> https://a.example/p', true],
    ['>https://a.example/p', true],
    ['**https://a.example/p**', true],
    ['~~https://a.example/p~~', true],
    ['(https://a.example/p)', true],
    ['x\u00a0https://a.example/p', true],
    ['"https://a.example/p" in quotes', true],
    ["it'https://a.example/p", true],
    ['a--https://a.example/p', true],
    ['a...https://a.example/p', true],
    ['`code`https://a.example/p', true],
    ['<b>https://a.example/p</b>', true],
    ['[l](https://l.example/)https://a.example/p', true],
    ['| a |\n| - |\n|https://a.example/p|', true],
    ['Colon:https://a.example/p', false],
    ['中文见https://a.example/p', false],
    ['a.https://a.example/p', false],
    ['a,https://a.example/p', false],
    ['a)https://a.example/p', false],
    ['&amp;https://a.example/p', false],
    ['\\*https://a.example/p', false],
  ];

  it('links a bare URL only where Goldmark\'s linkify is triggered: at a line\'s start, after white space, *, _, ~, (, or after what its parser reads whole', () => {
    for (const [line, linked] of LINKIFIED) {
      const urls = parseBody(`${line}\n`, 0).links.filter((l) => l.source === 'bare').map((l) => l.url.replace(/["|*_~)]+$/, ''));
      assert.deepEqual(urls, linked ? ['https://a.example/p'] : [], line);
    }
  });

  it('reads the start of the body as the start of a line, whatever the front matter ends with', () => {
    const text = '+++\ntitle = "t"\n+++https://a.example/p\n';
    assert.deepEqual(parseBody(text, text.indexOf('https')).links.map((l) => l.url), ['https://a.example/p']);
  });

  it('handles CRLF line endings', () => {
    const body = '# Title\r\n\r\nFirst [one](https://one.example)\r\nsecond <https://two.example>\r\n\r\n[ref]: https://three.example\r\n\r\n[three][ref]\r\n';
    const { text, bodyStart } = post(body, '---\r\ntitle: x\r\n---\r\n');
    const m = parseBody(text, bodyStart);
    assert.deepEqual(
      m.links.map((l) => [l.url, at(text, l.urlSpan)]),
      [
        ['https://one.example', 'https://one.example'],
        ['https://two.example', 'https://two.example'],
        ['https://three.example', 'https://three.example'],
      ],
    );
    assert.equal(at(text, m.definitions[0].span), '[ref]: https://three.example');
    assert.equal(m.headings[0].text, 'Title');
    assert.equal(at(text, m.headings[0].span), '# Title');
  });

  it('treats the body offset as a start: nothing from the front matter is reported', () => {
    const fm = '---\nlink: "[x](https://fm.example)"\n---\n';
    const { text, bodyStart } = post('Body https://body.example\n', fm);
    const m = parseBody(text, bodyStart);
    assert.deepEqual(
      m.links.map((l) => l.url),
      ['https://body.example'],
    );
    assert.equal(at(text, m.links[0].span), 'https://body.example');
  });

  it('treats [^label] as a footnote (Hugo), not as a reference link', () => {
    const text = 'Claim[^1] and [^two].\n\n[^1]: https://source.example/paper\n[^two]: See [the data](https://data.example).\n';
    const m = parseBody(text, 0);
    assert.deepEqual(m.definitions, []);
    assert.deepEqual(
      m.links.map((l) => [l.source, l.url]),
      [
        ['bare', 'https://source.example/paper'],
        ['markdown', 'https://data.example'],
      ],
    );
  });

  it('reads <https://…> in a footnote as the autolink Goldmark makes of it, on the footnote\'s line or the next', () => {
    const text = 'One[^1] two[^2] three[^3].\n\n[^1]:\n    <https://report.example/market>\n\n[^2]: <https://other.example/x?a=1>\n\n[^3]: <not a url>\n';
    const m = parseBody(text, 0);
    assert.deepEqual(
      m.links.map((l) => [l.source, l.url, at(text, l.urlSpan), at(text, l.span)]),
      [
        ['autolink', 'https://report.example/market', 'https://report.example/market', '<https://report.example/market>'],
        ['autolink', 'https://other.example/x?a=1', 'https://other.example/x?a=1', '<https://other.example/x?a=1>'],
      ],
    );
  });
});
