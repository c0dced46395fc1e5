import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  IMAGE_SHORTCODE_PARAMS,
  LINK_SHORTCODE_PARAMS,
  parseBody,
  scanShortcodes,
} from '../../server/engine/markdown/index.js';
import { at, post } from './helpers.js';

describe('shortcode scanner', () => {
  it('reads a multi-line shortcode with named parameters', () => {
    const body = 'Intro.\n\n{{< button\n  link="https://forms.example/apply"\n  text="Apply now" >}}\n\nOutro.\n';
    const { text, bodyStart } = post(body);
    const m = parseBody(text, bodyStart);
    assert.equal(m.shortcodes.length, 1);
    const [sc] = m.shortcodes;
    assert.equal(sc.name, 'button');
    assert.equal(sc.delimiter, '<');
    assert.equal(sc.closing, false);
    assert.equal(sc.selfClosing, false);
    assert.equal(at(text, sc.nameSpan), 'button');
    assert.equal(at(text, sc.span), '{{< button\n  link="https://forms.example/apply"\n  text="Apply now" >}}');
    assert.deepEqual(
      sc.params.map((p) => [p.name, p.value, at(text, p.span), at(text, p.valueSpan)]),
      [
        ['link', 'https://forms.example/apply', 'link="https://forms.example/apply"', 'https://forms.example/apply'],
        ['text', 'Apply now', 'text="Apply now"', 'Apply now'],
      ],
    );
    // The button is a link; its URL inside the parameter is not also a bare link.
    assert.deepEqual(
      m.links.map((l) => [l.source, l.shortcode, l.param, l.url, at(text, l.urlSpan), l.text]),
      [['shortcode', 'button', 'link', 'https://forms.example/apply', 'https://forms.example/apply', 'Apply now']],
    );
    assert.equal(at(text, m.links[0].span), at(text, sc.span));
  });

  it('reads positional, quoted, raw-string and escaped parameters', () => {
    const text = '{{< gist user `multi\nline raw` "say \\"hi\\"" 42 >}}';
    const { shortcodes, problems } = scanShortcodes(text, 0, text.length);
    assert.deepEqual(problems, []);
    assert.equal(shortcodes.length, 1);
    assert.deepEqual(
      shortcodes[0].params.map((p) => [p.name, p.value, at(text, p.valueSpan)]),
      [
        [undefined, 'user', 'user'],
        [undefined, 'multi\nline raw', 'multi\nline raw'],
        [undefined, 'say "hi"', 'say \\"hi\\"'],
        [undefined, '42', '42'],
      ],
    );
  });

  it('reads % delimiters, closing and self-closing tags', () => {
    const text = '{{% note title=`Heads up` %}}Body{{% /note %}} {{< br />}} {{< / highlight >}}';
    const { shortcodes, problems } = scanShortcodes(text, 0, text.length);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      shortcodes.map((s) => [s.name, s.delimiter, s.closing, s.selfClosing, at(text, s.span)]),
      [
        ['note', '%', false, false, '{{% note title=`Heads up` %}}'],
        ['note', '%', true, false, '{{% /note %}}'],
        ['br', '<', false, true, '{{< br />}}'],
        ['highlight', '<', true, false, '{{< / highlight >}}'],
      ],
    );
  });

  it('skips shortcode comments and masks what is inside them', () => {
    const { text, bodyStart } = post('Write {{</* img src="https://docs.example/x.png" */>}} or {{%/* note */%}}.\n');
    const m = parseBody(text, bodyStart);
    assert.equal(m.shortcodes.length, 0);
    assert.equal(m.shortcodeProblems.length, 0);
    assert.equal(m.links.length, 0);
    assert.equal(m.images.length, 0);
  });

  it('reports never-closed delimiters and unbalanced quotes', () => {
    const body = [
      'A {{< button link="https://x.example" text="Go"',
      '',
      'B {{< img src="/a.png alt="Broken" >}}',
      '',
      'C {{</* never closed comment',
      '',
      'D {{< ok >}}',
      '',
    ].join('\n');
    const { text, bodyStart } = post(body);
    const m = parseBody(text, bodyStart);
    assert.deepEqual(
      m.shortcodes.map((s) => s.name),
      ['ok'],
    );
    assert.equal(m.shortcodeProblems.length, 3);
    const [unclosed, quote, comment] = m.shortcodeProblems;
    assert.match(unclosed.message, /not closed/);
    assert.equal(at(text, unclosed.span), '{{< button');
    assert.match(quote.message, /quote/i);
    assert.equal(at(text, quote.span), '" >}}');
    assert.match(comment.message, /comment/);
    assert.equal(at(text, comment.span), '{{</*');
    for (const p of m.shortcodeProblems) assert.ok(p.span.start >= bodyStart);
  });

  it('ignores shortcodes inside code', () => {
    const body = 'Inline `{{< img src="a.png" >}}` and\n\n```\n{{< button link="https://b.example" >}}\n{{< broken\n```\n';
    const m = parseBody(body, 0);
    assert.equal(m.shortcodes.length, 0);
    assert.equal(m.shortcodeProblems.length, 0);
    assert.equal(m.links.length, 0);
    assert.equal(m.images.length, 0);
  });

  it('keeps Markdown and HTML from seeing inside shortcode tags', () => {
    const body = [
      'Go {{< note text="<a href=\'https://in-param.example\'>x</a> [y](https://md-in-param.example)" >}}.',
      '',
      '[Read it]({{< ref "posts/other.md" >}}) and <a href="{{< relref "about" >}}">about</a>.',
      '',
    ].join('\n');
    const { text, bodyStart } = post(body);
    const m = parseBody(text, bodyStart);
    assert.deepEqual(
      m.links.map((l) => [l.source, l.url, at(text, l.urlSpan), l.text]),
      [
        ['markdown', '{{< ref "posts/other.md" >}}', '{{< ref "posts/other.md" >}}', 'Read it'],
        ['html', '{{< relref "about" >}}', '{{< relref "about" >}}', 'about'],
      ],
    );
    assert.deepEqual(
      m.shortcodes.map((s) => s.name),
      ['note', 'ref', 'relref'],
    );
  });

  it('turns img/figure/iframe shortcodes into images and links', () => {
    const body = [
      '{{< img src="/img/team.jpg" alt="The team on stage" width="600" >}}',
      '{{< img src="/img/banner.png" >}}',
      '{{< figure src="/img/f.png" alt="" link="https://fig.example" >}}',
      '{{< iframe src="https://slides.example/embed/9" >}}',
      '{{< youtube_enhanced id="dQw4w9WgXcQ" >}}',
      '',
    ].join('\n');
    const { text, bodyStart } = post(body);
    const m = parseBody(text, bodyStart);
    assert.deepEqual(
      m.images.map((i) => [i.source, i.shortcode, i.src, at(text, i.srcSpan), i.alt, at(text, i.altSpan)]),
      [
        ['shortcode', 'img', '/img/team.jpg', '/img/team.jpg', 'The team on stage', 'The team on stage'],
        ['shortcode', 'img', '/img/banner.png', '/img/banner.png', undefined, undefined],
        ['shortcode', 'figure', '/img/f.png', '/img/f.png', '', ''],
      ],
    );
    assert.deepEqual(m.images[0].attributes, { src: '/img/team.jpg', alt: 'The team on stage', width: '600' });
    assert.deepEqual(
      m.links.map((l) => [l.shortcode, l.param, l.url]),
      [
        ['figure', 'link', 'https://fig.example'],
        ['iframe', 'src', 'https://slides.example/embed/9'],
      ],
    );
  });

  it('exports the link and image parameter tables', () => {
    assert.deepEqual(LINK_SHORTCODE_PARAMS, { button: ['link'], iframe: ['src'], figure: ['link'] });
    assert.deepEqual(IMAGE_SHORTCODE_PARAMS, { img: { src: 'src', alt: 'alt' }, figure: { src: 'src', alt: 'alt' } });
  });

  it('does not mistake prose or template braces for shortcodes', () => {
    const text = 'Braces {{ .Title }} and {x} and {{{< odd >}} stay text.';
    const { shortcodes, problems } = scanShortcodes(text, 0, text.length);
    assert.deepEqual(
      shortcodes.map((s) => at(text, s.span)),
      ['{{< odd >}}'],
    );
    assert.deepEqual(problems, []);
  });

  it('treats the inside of a highlight shortcode as code', () => {
    const body = 'Before.\n\n{{< highlight markdown >}}\n[x](https://inside.example) <!-- c -->\n## Not a heading\n{{< /highlight >}}\n\nAfter https://after.example\n';
    const { text, bodyStart } = post(body);
    const m = parseBody(text, bodyStart);
    assert.deepEqual(
      m.links.map((l) => l.url),
      ['https://after.example'],
    );
    assert.equal(m.comments.length, 0);
    assert.equal(m.headings.length, 0);
    assert.deepEqual(
      m.shortcodes.map((s) => [s.name, s.closing]),
      [
        ['highlight', false],
        ['highlight', true],
      ],
    );
    assert.deepEqual(
      m.code.map((s) => at(text, s)),
      ['\n[x](https://inside.example) <!-- c -->\n## Not a heading\n'],
    );
  });

  it('keeps a closed tag that mixes named and positional parameters, with a problem', () => {
    const text = '{{< figure src="/a.png" wide >}}';
    const m = parseBody(text, 0);
    assert.equal(m.shortcodes.length, 1);
    assert.equal(m.shortcodeProblems.length, 1);
    assert.match(m.shortcodeProblems[0].message, /mixes named and positional/);
    assert.equal(at(text, m.shortcodeProblems[0].span), 'wide');
  });
});
