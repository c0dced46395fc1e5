import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Tree } from '@lezer/common';
import fc from '../helpers/fast-check';
import { parseBody } from '../../server/engine/markdown/body.js';
import { gfmParser, markdownParser, passthroughParser } from '../../server/engine/markdown/lezer.js';
import { PASSTHROUGH_NODE, passthroughInline } from '../../server/engine/markdown/passthrough.js';
import type { PassthroughDelimiter } from '../../server/engine/markdown/types.js';
import { passthroughDelimiters } from '../../server/engine/site/passthrough.js';
import { anyText, joinedPieces } from '../helpers/markdown-arbitraries';
import { at, post } from './helpers.js';

/** hugo-theme-stack's demo: `\[ \]` and `$$ $$` for blocks, `\( \)` inline. */
const STACK: PassthroughDelimiter[] = [
  { open: '\\[', close: '\\]' },
  { open: '$$', close: '$$' },
  { open: '\\(', close: '\\)' },
];

function model(body: string, passthrough: readonly PassthroughDelimiter[] = STACK) {
  const { text, bodyStart } = post(body);
  const m = parseBody(text, bodyStart, { passthrough });
  return {
    urls: [...m.links.map((link) => link.url), ...m.images.map((image) => image.src)],
    passthrough: m.passthrough.map((span) => at(text, span)),
    headings: m.headings.map((heading) => heading.text),
  };
}

describe('passthrough: text between the site\u2019s delimiters is not Markdown', () => {
  it('holds no link, image or bare URL, inline or on lines of its own; outside, Markdown is read', () => {
    const found = model(
      [
        'Sum $$ a [x](y) b $$, box \\[ c [p](q) d \\] and root \\( [a](b) ![i](j.png) \\); then [kept](/kept/).',
        '',
        '$$',
        'f(x) = *x* https://math.example/ [u](v)',
        '$$',
        '',
      ].join('\n'),
    );
    assert.deepEqual(found.urls, ['/kept/']);
    assert.deepEqual(found.passthrough, ['$$ a [x](y) b $$', '\\[ c [p](q) d \\]', '\\( [a](b) ![i](j.png) \\)', '$$\nf(x) = *x* https://math.example/ [u](v)\n$$']);
  });

  it('with the extension off (no delimiters), the same text is Markdown', () => {
    assert.deepEqual(model('Sum $$ a [x](y) b $$ and \\( [a](b) \\).\n', []).urls, ['y', 'b']);
  });

  it('`$` is no delimiter unless configured: `$$` configured leaves `$ … $` Markdown', () => {
    assert.deepEqual(model('Costs $ [five](/price/) $.\n').urls, ['/price/']);
    assert.deepEqual(model('Costs $ [five](/price/) $.\n', [{ open: '$', close: '$' }]).urls, []);
  });

  it('block delimiters are tried before inline ones, in the order configured', () => {
    const dollars = [
      { open: '$$', close: '$$' },
      { open: '$', close: '$' },
    ];
    assert.deepEqual(model('$$a$ [x](y) $$\n', dollars).passthrough, ['$$a$ [x](y) $$']);
    // With `$` alone, `$$` is `$` closed at once (no passthrough), then `$a$`.
    assert.deepEqual(model('$$a$ [x](y) $$\n', [{ open: '$', close: '$' }]), { urls: ['y'], passthrough: ['$a$'], headings: [] });
  });

  it('an opener with no closer in its block is text, and what follows it is Markdown', () => {
    assert.deepEqual(model('Open $$ [k](l)\n\nand $$ closed in another paragraph.\n').urls, ['l']);
  });

  it('a closer right after the opener makes no passthrough; two backslashes escape an opener', () => {
    assert.deepEqual(model('$$$$ [e](f)\n').urls, ['f']);
    assert.deepEqual(model('\\\\$$ [m](n) $$\n'), { urls: ['n'], passthrough: [], headings: [] });
  });

  it('a code span or a link destination read first keeps its delimiters', () => {
    assert.deepEqual(model('`$$` [a](b) `$$` and [c]($$d) $$\n').urls, ['b', '$$d']);
  });

  it('in a heading or a list item too, and the heading keeps its text as written', () => {
    const found = model('## Energy \\( [E](mc) \\) again\n\n- item $$ [x](y) $$\n');
    assert.deepEqual(found.urls, []);
    assert.deepEqual(found.headings, ['Energy \\( [E](mc) \\) again']);
  });
});

function nodes(tree: Tree): string {
  const out: string[] = [];
  const cursor = tree.cursor();
  do out.push(`${cursor.type.name}:${cursor.from}-${cursor.to}`);
  while (cursor.next());
  return out.join(' ');
}

/** The passthrough parser without the plain-text skipper: what the skipper must not change. */
const unskipped = gfmParser.configure([{ defineNodes: [PASSTHROUGH_NODE] }, passthroughInline(STACK)]);

const PIECES = ['$', '$$', '\\', '\\(', '\\)', '\\[', '\\]', '\\\\', '[x](y)', '`', '*', 'a', ' ', '\n', '\n\n', '# ', '- ', '> ', 'www.x.example', 'me@x.example', '<b>'];

describe('passthrough: the parser', () => {
  it('skips plain text still, and builds the tree it would without skipping', () => {
    assert.equal((passthroughParser(STACK) as unknown as { inlineNames: string[] }).inlineNames[0], 'PlainText');
    fc.assert(
      fc.property(fc.oneof(anyText, joinedPieces(fc.constantFrom(...PIECES))), (text) => {
        assert.equal(nodes(passthroughParser(STACK).parse(text)), nodes(unskipped.parse(text)));
      }),
      { numRuns: 1000 },
    );
  });

  it('is the plain parser when no delimiter is configured, and one parser per list of delimiters', () => {
    assert.equal(passthroughParser([]), markdownParser);
    assert.equal(passthroughParser(STACK), passthroughParser(STACK.map((delimiter) => ({ ...delimiter }))));
  });

  it('a body with no opener gets the same model as with the extension off', () => {
    fc.assert(
      fc.property(anyText, (body) => {
        fc.pre(!body.includes('$$') && !body.includes('\\(') && !body.includes('\\['));
        assert.deepEqual(parseBody(body, 0, { passthrough: STACK }), parseBody(body, 0));
      }),
      { numRuns: 500 },
    );
  });
});

describe('passthrough: the site config', () => {
  const markup = (passthrough: unknown, goldmark: Record<string, unknown> = {}) => ({ markup: { ...goldmark, goldmark: { extensions: { passthrough } } } });

  it('gives block delimiters first, then inline ones, when enabled', () => {
    const config = markup({ enable: true, delimiters: { inline: [['\\(', '\\)']], block: [['\\[', '\\]'], ['$$', '$$']] } });
    assert.deepEqual(passthroughDelimiters(config), STACK);
  });

  it('gives none when the extension is off, unset, or Markdown is not rendered by Goldmark', () => {
    const delimiters = { block: [['$$', '$$']] };
    assert.deepEqual(passthroughDelimiters(markup({ enable: false, delimiters })), []);
    assert.deepEqual(passthroughDelimiters(markup({ delimiters })), []);
    assert.deepEqual(passthroughDelimiters({}), []);
    assert.deepEqual(passthroughDelimiters(markup({ enable: true, delimiters }, { defaultMarkdownHandler: 'pandoc' })), []);
  });

  it('reads keys in any case and `enable` as Hugo decodes it; leaves out pairs Hugo could not use', () => {
    const config = { Markup: { Goldmark: { Extensions: { Passthrough: { Enable: 'true', Delimiters: { Inline: [['$', '$'], ['', ')'], ['(('], [1, 2], ['[[', '']] } } } } } };
    assert.deepEqual(passthroughDelimiters(config), [{ open: '$', close: '$' }]);
  });
});
