import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBody } from '../../server/engine/markdown/index.js';
import { parseAttributes } from '../../server/engine/markdown/fence-attributes.js';
import { post } from './helpers.js';

const fencesOf = (body: string) => {
  const { text, bodyStart } = post(body);
  return parseBody(text, bodyStart).fences.map(({ language, attributes, lines }) => ({ language, attributes, lines }));
};

describe('code fences', () => {
  it('reads the language up to a space or a brace, and the attribute block after it, typed as Goldmark types it', () => {
    const [spaced, glued] = fencesOf('```lisp { linenos=true, linenostart=20, hl_lines=["2", 3], lineanchors=ref--a1, title="Knots \\"tied\\"" }\n(a)\n```\n\n~~~go{#main .wide .dark anchorlinenos=1}\nx\n~~~\n');
    assert.deepEqual(spaced, {
      language: 'lisp',
      attributes: [
        { name: 'linenos', value: true },
        { name: 'linenostart', value: 20 },
        { name: 'hl_lines', value: ['2', 3] },
        { name: 'lineanchors', value: 'ref--a1' },
        { name: 'title', value: 'Knots "tied"' },
      ],
      lines: 1,
    });
    assert.deepEqual(glued, {
      language: 'go',
      attributes: [
        { name: 'id', value: 'main' },
        { name: 'class', value: 'wide dark' },
        { name: 'anchorlinenos', value: 1 },
      ],
      lines: 1,
    });
  });

  it('counts the lines Hugo highlights: trailing empty lines dropped, a line of spaces kept, none in an empty block', () => {
    const fences = fencesOf('```go\na\n\nb\n\n\n```\n\n```go\n```\n\n```go\na\n   \n```\n\n> ```go\n> a\n>\n> b\n>\n> ```\n\n```go\nnever closed\n\n');
    assert.deepEqual(
      fences.map((fence) => fence.lines),
      [3, 0, 2, 3, 1],
    );
  });

  it('reads no attributes from a block Goldmark would not parse, and none from an indented block', () => {
    const fences = fencesOf('```go { linenos=true, 9lives=true }\na\n```\n\n```go { unclosed=true\na\n```\n\n    { linenos=true }\n');
    assert.deepEqual(
      fences.map((fence) => fence.attributes),
      [[], []],
    );
    assert.deepEqual(parseAttributes('  {a=-1.5e2, b=null, c={d=x}}', 0), [
      { name: 'a', value: -150 },
      { name: 'b', value: null },
      { name: 'c', value: [{ name: 'd', value: 'x' }] },
    ]);
    assert.equal(parseAttributes('{a=[1,]}', 0), undefined);
  });
});
