import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from '../helpers/fast-check';
import type { Tree } from '@lezer/common';
import { parseBody } from '../../server/engine/markdown/body.js';
import { gfmParser, markdownParser } from '../../server/engine/markdown/lezer.js';
import type { BodyModel, Span } from '../../server/engine/markdown/index.js';
import { corpusTest } from '../helpers/corpus';
import { anyText, joinedPieces, markdownish } from '../helpers/markdown-arbitraries';
import { corpusBlogDir, loadCorpus } from './corpus.js';

function allSpans(m: BodyModel): Span[] {
  const spans: Span[] = [];
  for (const l of m.links) spans.push(l.span, l.urlSpan, ...(l.textSpan ? [l.textSpan] : []));
  for (const i of m.images) spans.push(i.span, i.srcSpan, ...(i.altSpan ? [i.altSpan] : []));
  for (const h of m.headings) spans.push(h.span);
  for (const c of m.comments) spans.push(c.span);
  for (const s of m.shortcodes) {
    spans.push(s.span, s.nameSpan);
    for (const p of s.params) spans.push(p.span, p.valueSpan);
  }
  for (const p of m.shortcodeProblems) spans.push(p.span);
  spans.push(...m.code);
  for (const d of m.definitions) spans.push(d.span, d.urlSpan);
  for (const a of m.anchors) spans.push(a.span);
  return spans;
}

/** A copy of a model, or of any part of it, with every span moved by `by`. */
function movedBy<T>(value: T, by: number): T {
  return moved(value, by) as T;
}

function moved(value: unknown, by: number): unknown {
  if (Array.isArray(value)) return value.map((item: unknown) => moved(item, by));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 2 && typeof record.start === 'number' && typeof record.end === 'number') return { start: record.start + by, end: record.end + by };
  return Object.fromEntries(keys.map((key) => [key, moved(record[key], by)]));
}

function checkModel(text: string, bodyStart: number, m: BodyModel): void {
  for (const s of allSpans(m)) {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), 'integer offsets');
    assert.ok(bodyStart <= s.start && s.start <= s.end && s.end <= text.length, `span ${s.start}-${s.end} in ${bodyStart}-${text.length}`);
  }
  const slice = (s: Span) => text.slice(s.start, s.end);
  for (const l of m.links) {
    if (l.source === 'shortcode' && slice(l.urlSpan).includes('\\"')) continue;
    assert.equal(slice(l.urlSpan), l.url, `url of a ${l.source} link`);
  }
  for (const i of m.images) {
    if (!(i.source === 'shortcode' && slice(i.srcSpan).includes('\\"'))) assert.equal(slice(i.srcSpan), i.src);
    if (i.source !== 'markdown' && i.altSpan !== undefined && !slice(i.altSpan).includes('\\"')) assert.equal(slice(i.altSpan), i.alt);
    if (i.source === 'markdown') assert.equal(typeof i.alt, 'string');
  }
  for (const c of m.comments) {
    assert.ok(slice(c.span).startsWith('<!--'));
    // The text is the inside as written (block-quote markers of later lines left out).
    if (!c.text.includes('\n')) assert.equal(text.slice(c.span.start + 4, c.span.start + 4 + c.text.length), c.text);
    assert.ok(c.text.length <= c.span.end - c.span.start - 4);
  }
  for (const s of m.shortcodes) assert.match(slice(s.span), /^\{\{[<%]/);
  for (const h of m.headings) assert.ok(h.id === h.explicitId || h.id.length > 0);
}

describe('parseBody never throws and keeps offsets exact', () => {
  it('on arbitrary and Markdown-like input', () => {
    fc.assert(
      fc.property(anyText, anyText, (front, body) => {
        const text = front + body;
        const m = parseBody(text, front.length);
        checkModel(text, front.length, m);
      }),
      { numRuns: 1500 },
    );
  });

  it('gives the same result, shifted, whatever precedes the body', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), markdownish, (front, body) => {
        const alone = parseBody(body, 0);
        const shifted = parseBody(front + body, front.length);
        assert.deepEqual(shifted, movedBy(alone, front.length));
      }),
      { numRuns: 500 },
    );
  });

  it('accepts out-of-range body offsets', () => {
    for (const start of [-5, 1e9, Number.NaN, 2.5]) {
      const m = parseBody('# Hi\n[x](y)', start);
      checkModel('# Hi\n[x](y)', 0, m);
    }
  });
});

function nodes(tree: Tree): string {
  const out: string[] = [];
  const c = tree.cursor();
  do out.push(`${c.type.name}:${c.from}-${c.to}`);
  while (c.next());
  return out.join(' ');
}

/**
 * How many times @lezer/markdown's HTMLTag parser runs while `text` is parsed: the
 * calls of its first expression (an autolink's), which it runs on every `<` offered.
 */
function htmlTagCalls(text: string): number {
  const exec = RegExp.prototype.exec;
  let calls = 0;
  RegExp.prototype.exec = function (this: RegExp, input: string) {
    if (this.source.startsWith('^(?:[a-z][-\\w+.]+:')) calls++;
    return exec.call(this, input);
  };
  try {
    markdownParser.parse(text);
  } finally {
    RegExp.prototype.exec = exec;
  }
  return calls;
}

/** Pieces of HTML and autolinks, whole, cut and never ended. */
const HTML_PIECES = ['<', '>', '<!--', '-->', '->', '<!-->', '<?', '?>', '<![CDATA[', ']]>', '<!A', '<!DOCTYPE', '<ab:', 'mailto:', 'a+b.c:', 'x@y.example', '!#@a.b', '<a b="', '"', "'", '=', '/', ' ', '\t', '\u00a0', '\n', '\n\n', 'Text ', '<x>', '</x>', '-', '!', '@', '`'];

describe('the guarded parser (autolink, table and HTML guards, plain-text skipping)', () => {
  it('skips plain text (every inline parser is known to the skipper)', () => {
    assert.equal((markdownParser as unknown as { inlineNames: string[] }).inlineNames[0], 'PlainText');
  });

  it('builds the same tree as parser.configure(GFM) on random input', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        assert.equal(nodes(markdownParser.parse(text)), nodes(gfmParser.parse(text)));
      }),
      { numRuns: 1000 },
    );
  });

  it('builds the same tree as parser.configure(GFM) on e-mail, URL, hard break, emphasis and table edge cases', () => {
    const samples = [
      'a@b.co x.y@z.example_ -me@x.io +tag@a.b.c. user@host mailto:a@b.cc xmpp:a@b.cc/res',
      'www.x.com/path) (https://q.example/a_(b)) http://x.y?z=1. https://a_b.c.d www.e_f.gh',
      `${'a'.repeat(99)}@long.example ${'b'.repeat(100)}@long.example ${'c'.repeat(101)}@long.example`,
      '[link www.in.example and me@in.example](u) word@ @start.example a.@b.cd',
      `x.${'d'.repeat(100)}@e.example -${'f'.repeat(99)}@g.example a+b.c-d@h.example .@i.example é${'j'.repeat(5)}@k.example`,
      'hard  \nbreak   \r\nnot \nbreak\\\nescaped  \n  \n trailing  ',
      'a  b   c\tc \t \n*em* _u_ **s** ~~del~~ ~~~x~~~ `code` ``a`b`` \\[ \\* &amp; &#35; &x; <b>t</b> <!-- c --> ![i](s) [l][r] ]',
      '| a | [b|c](u) |\n|---|:-:|\n| `d|e` | f \\| g |\nh | i\n\nno|table\n-|-\n\n- [ ] task\n- [x] done [l](u)\n',
      '> quote www.q.example\n> *more*  \n> end',
      `a_${'b'.repeat(60)}@c.example x_y@z.example *${'e'.repeat(98)}@f.example`,
    ];
    for (const s of samples) assert.equal(nodes(markdownParser.parse(s)), nodes(gfmParser.parse(s)));
  });

  it('builds the same tree as parser.configure(GFM) on HTML-like input', () => {
    fc.assert(
      fc.property(joinedPieces(fc.constantFrom(...HTML_PIECES)), (text) => {
        assert.equal(nodes(markdownParser.parse(text)), nodes(gfmParser.parse(text)));
      }),
      { numRuns: 1000 },
    );
  });

  it('builds the same tree as parser.configure(GFM) on runs of spaces, with and without line breaks (found by test/fuzz: the skipper read each run again from each space)', () => {
    const spacey = fc.array(fc.oneof(fc.constantFrom(' ', '  ', '\n', '\r\n', '\t', '\\', '*', '`', '[x](y)', 'a'), fc.nat({ max: 40 }).map((n) => ' '.repeat(n))), { maxLength: 30 });
    fc.assert(
      fc.property(spacey, (parts) => {
        const text = parts.join('');
        assert.equal(nodes(markdownParser.parse(text)), nodes(gfmParser.parse(text)));
      }),
      { numRuns: 1000 },
    );
  });

  it('does not offer HTMLTag a `<` whose comment, instruction, CDATA section or URL never ends (found by test/fuzz)', () => {
    // Each such `<` scanned the rest of its paragraph: `{{<` and `<!--` 36,000 times took 3.5 s, `<ab:` 40,000 times 13 s.
    const endless = [`${'<!--'.repeat(2000)} >`, `${'<?'.repeat(2000)} >`, `${'<![CDATA['.repeat(1000)} >`, `${'<ab:'.repeat(2000)} >`, '<!A'.repeat(2000)];
    // In a paragraph: at the start of a line, `<!--`, `<?` and `<!` open HTML blocks instead.
    for (const text of endless.map((run) => `Text ${run}`)) {
      assert.equal(htmlTagCalls(text), 0, JSON.stringify(text.slice(0, 12)));
      assert.equal(nodes(markdownParser.parse(text)), nodes(gfmParser.parse(text)));
    }
    assert.equal(htmlTagCalls('Text <!-- a --> <?php ?> <ab:c> <x y="1"> <!-x@y.example>'), 5, 'where the end comes, HTMLTag reads each');
  });

  corpusTest('builds the same tree as parser.configure(GFM) on the corpus', { corpus: corpusBlogDir() }, () => {
    const posts = loadCorpus()!;
    for (const p of posts) assert.equal(nodes(markdownParser.parse(p.text)), nodes(gfmParser.parse(p.text)), p.name);
  });
});
