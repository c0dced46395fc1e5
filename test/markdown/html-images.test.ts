import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBody } from '../../server/engine/markdown/index.js';
import { at, post } from './helpers.js';

describe('raw HTML links', () => {
  it('takes the text of an inline <a> up to a </a> in a later inline node', () => {
    const { text, bodyStart } = post('Please <a href="https://cfp.example/submit"\n   title="CFP">send *your* **talk**\nproposal</a> soon.\n');
    const m = parseBody(text, bodyStart);
    assert.equal(m.links.length, 1);
    const [a] = m.links;
    assert.equal(a.source, 'html');
    assert.equal(a.param, 'href');
    assert.equal(a.url, 'https://cfp.example/submit');
    assert.equal(at(text, a.urlSpan), 'https://cfp.example/submit');
    assert.equal(at(text, a.span), '<a href="https://cfp.example/submit"\n   title="CFP">send *your* **talk**\nproposal</a>');
    assert.equal(a.text, 'send your talk proposal');
    assert.equal(at(text, a.textSpan), 'send *your* **talk**\nproposal');
  });

  it('uses the alt of an image inside <a> as its text', () => {
    const text = 'Logo: <a href="/home"><img src="/logo.svg" alt="Home page"></a>';
    const m = parseBody(text, 0);
    assert.equal(m.links[0].text, 'Home page');
    assert.equal(m.images[0].alt, 'Home page');
  });

  it('reports an <a> that is never closed in its paragraph without text', () => {
    const text = 'An <a href="/open">open tag\n\nand a stray</a> later.';
    const m = parseBody(text, 0);
    assert.equal(m.links.length, 1);
    assert.equal(at(text, m.links[0].span), '<a href="/open">');
    assert.equal(m.links[0].text, undefined);
    assert.equal(m.links[0].textSpan, undefined);
  });

  it('reads links, images, iframes, comments and ids from HTML blocks', () => {
    const body = [
      '<div class="cards" id="partners">',
      '  <!-- partner list -->',
      '  <a href="https://p1.example" name="p1">Partner &amp; <b>friend</b></a>',
      '  <iframe src="https://player.example/embed/1" title="Talk"></iframe>',
      '  <img src="/img/p2.png">',
      '</div>',
      '',
    ].join('\n');
    const { text, bodyStart } = post(body);
    const m = parseBody(text, bodyStart);
    assert.deepEqual(
      m.links.map((l) => [l.source, l.param, l.url, at(text, l.urlSpan), l.text]),
      [
        ['html', 'href', 'https://p1.example', 'https://p1.example', 'Partner & friend'],
        ['html', 'src', 'https://player.example/embed/1', 'https://player.example/embed/1', undefined],
      ],
    );
    assert.equal(at(text, m.links[0].span), '<a href="https://p1.example" name="p1">Partner &amp; <b>friend</b></a>');
    assert.deepEqual(
      m.comments.map((c) => [c.text, at(text, c.span)]),
      [[' partner list ', '<!-- partner list -->']],
    );
    assert.deepEqual(
      m.anchors.map((a) => [a.id, at(text, a.span)]),
      [
        ['partners', 'partners'],
        ['p1', 'p1'],
      ],
    );
    assert.equal(m.images.length, 1);
    assert.equal(m.images[0].alt, undefined);
  });

  it('does not report markdown inside an HTML block', () => {
    const text = '<div>\n[not a link](https://nope.example) https://nope2.example\n</div>\n';
    const m = parseBody(text, 0);
    assert.equal(m.links.length, 0);
  });
});

describe('images', () => {
  it('tells an <img> without alt from one with alt=""', () => {
    const { text, bodyStart } = post('<img src="/a.png"> <img src="/b.png" alt=""> <img alt=\'Chart\' src=/c.png width=300>\n');
    const m = parseBody(text, bodyStart);
    assert.equal(m.images.length, 3);
    const [a, b, c] = m.images;
    assert.equal(a.alt, undefined);
    assert.equal(a.altSpan, undefined);
    assert.equal(at(text, a.srcSpan), '/a.png');
    assert.equal(b.alt, '');
    assert.ok(b.altSpan !== undefined);
    assert.equal(b.altSpan.start, b.altSpan.end);
    // The empty alt span sits between the two quotes.
    assert.equal(text.slice(b.altSpan.start - 5, b.altSpan.start + 1), 'alt=""');
    assert.equal(c.alt, 'Chart');
    assert.equal(at(text, c.altSpan), 'Chart');
    assert.equal(c.src, '/c.png');
    assert.equal(at(text, c.srcSpan), '/c.png');
    assert.deepEqual(c.attributes, { alt: 'Chart', src: '/c.png', width: '300' });
    assert.equal(at(text, c.span), "<img alt='Chart' src=/c.png width=300>");
  });

  it('marks decorative images', () => {
    const text = [
      '<img src="a.png" role="presentation">',
      '<img src="b.png" ROLE="None" alt="">',
      '<img src="c.png" aria-hidden="true">',
      '<img src="d.png" role="img" alt="Real">',
      '', // ends the HTML block: the next line is Markdown again
      '![md](e.png)',
    ].join('\n');
    const m = parseBody(text, 0);
    assert.deepEqual(
      m.images.map((i) => [i.src, i.decorative]),
      [
        ['a.png', true],
        ['b.png', true],
        ['c.png', true],
        ['d.png', false],
        ['e.png', false],
      ],
    );
    assert.equal(m.images[1].attributes['role'], 'None');
  });

  it('always gives markdown images a string alt, possibly empty', () => {
    const text = '![](/img/empty.png) ![IMG_5630](/img/IMG_5630.jpg "Camera") ![*A* `b`](c.png)';
    const m = parseBody(text, 0);
    assert.deepEqual(
      m.images.map((i) => [i.alt, at(text, i.altSpan), i.src, i.attributes['title']]),
      [
        ['', '', '/img/empty.png', undefined],
        ['IMG_5630', 'IMG_5630', '/img/IMG_5630.jpg', 'Camera'],
        ['A b', '*A* `b`', 'c.png', undefined],
      ],
    );
  });
});

describe('HTML comments', () => {
  it('finds inline, multi-line, block and nested comments', () => {
    const body = [
      'Text <!-- postlint-disable link-text --> more <!-- split',
      'over lines --> end.',
      '',
      '<!-- block comment',
      '![Source]() -->',
      '',
      '- item <!-- in a list -->',
      '',
      '| a | b |',
      '|---|---|',
      '| <!-- cell --> | x |',
      '',
    ].join('\n');
    const { text, bodyStart } = post(body);
    const m = parseBody(text, bodyStart);
    assert.deepEqual(
      m.comments.map((c) => c.text),
      [' postlint-disable link-text ', ' split\nover lines ', ' block comment\n![Source]() ', ' in a list ', ' cell '],
    );
    for (const c of m.comments) {
      const src = at(text, c.span)!;
      assert.ok(src.startsWith('<!--') && src.endsWith('-->'), src);
      assert.equal(src.slice(4, -3), c.text);
    }
    // The commented-out image is not an image.
    assert.equal(m.images.length, 0);
  });

  it('does not treat a comment broken by a blank line as a comment', () => {
    const m = parseBody('start <!-- not\n\nclosed --> here', 0);
    assert.equal(m.comments.length, 0);
  });
});

describe('code', () => {
  it('hides everything inside code spans and blocks and reports their ranges', () => {
    const body = [
      'Use `[x](https://code.example) <!-- c --> {{< img src="q" >}}` inline.',
      '',
      '```markdown',
      '[y](https://fenced.example) ![i](j.png) <a href="k">k</a>',
      '{{< button link="https://fenced-sc.example" >}}',
      '<!-- fenced comment -->',
      '```',
      '',
      '    [z](https://indented.example)',
      '',
      'After [real](https://real.example).',
      '',
    ].join('\n');
    const { text, bodyStart } = post(body);
    const m = parseBody(text, bodyStart);
    assert.deepEqual(
      m.links.map((l) => l.url),
      ['https://real.example'],
    );
    assert.equal(m.images.length, 0);
    assert.equal(m.comments.length, 0);
    assert.equal(m.shortcodes.length, 0);
    assert.equal(m.shortcodeProblems.length, 0);
    assert.deepEqual(
      m.code.map((s) => at(text, s)),
      [
        '`[x](https://code.example) <!-- c --> {{< img src="q" >}}`',
        '```markdown\n[y](https://fenced.example) ![i](j.png) <a href="k">k</a>\n{{< button link="https://fenced-sc.example" >}}\n<!-- fenced comment -->\n```',
        '[z](https://indented.example)',
      ],
    );
  });
});

describe('raw HTML in block quotes', () => {
  it('reads tags and comments continued on "> " lines', () => {
    const text = '> Note <a\n> href="https://quoted.example">quoted\n> link</a> <!-- keep\n> this -->\n';
    const m = parseBody(text, 0);
    assert.deepEqual(
      m.links.map((l) => [l.url, at(text, l.urlSpan), l.text]),
      [['https://quoted.example', 'https://quoted.example', 'quoted link']],
    );
    assert.deepEqual(
      m.comments.map((c) => [c.text, at(text, c.span)]),
      [[' keep\n this ', '<!-- keep\n> this -->']],
    );
  });
});

describe('images in a captioned <figure>', () => {
  /** Each HTML image's src with whether the model puts it in a captioned figure. */
  const captioned = (text: string) => parseBody(text, 0).images.map((image) => [image.src, image.inCaptionedFigure === true]);

  it('marks an <img> whose figure has a figcaption with text, before or after it, in one HTML block', () => {
    const text = [
      'The stall at opening time.',
      '<figure>',
      '  <img src="/img/stall.png"/>',
      '  <figcaption><div class="title">The stall</div></figcaption>',
      '</figure>',
      '',
      '<figure><figcaption>Rope knots</figcaption><img src="/img/knots.png"></figure>',
      '',
    ].join('\n');
    assert.deepEqual(captioned(text), [['/img/stall.png', true], ['/img/knots.png', true]]);
  });

  it('reads a figure across HTML blocks, with Markdown as its caption text', () => {
    const text = ['<figure>', '<img src="/img/tide.png">', '', '<figcaption>', '', 'The *tide* at noon', '', '</figcaption>', '</figure>', ''].join('\n');
    assert.deepEqual(captioned(text), [['/img/tide.png', true]]);
  });

  it('does not mark an image whose figure has no caption, a blank one, or only a caption around another figure', () => {
    const text = [
      '<figure><img src="/img/none.png"></figure>',
      '',
      '<figure><img src="/img/blank.png"><figcaption> &nbsp; </figcaption></figure>',
      '',
      '<figure><figure><img src="/img/inner.png"></figure><figcaption>Outer</figcaption></figure>',
      '',
      '<figure><img src="/img/after.png"><figcaption>Nets</figcaption></figure> <img src="/img/outside.png">',
      '',
    ].join('\n');
    assert.deepEqual(captioned(text), [
      ['/img/none.png', false],
      ['/img/blank.png', false],
      ['/img/inner.png', false],
      ['/img/after.png', true],
      ['/img/outside.png', false],
    ]);
  });

  it('does not count an image inside the figcaption as captioned', () => {
    const text = '<figure><img src="/img/map.png"><figcaption><img src="/img/icon.png"> Map</figcaption></figure>\n';
    assert.deepEqual(captioned(text), [['/img/map.png', true], ['/img/icon.png', false]]);
  });
});
