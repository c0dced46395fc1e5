import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import fc from '../helpers/fast-check';
import { LineIndex } from '../../server/engine/text/line-index';
import { checkPost, hugoSite, only } from '../helpers/memory-workspace';

test('LineIndex: positions count UTF-16 units; CRLF keeps the \\r on its line', () => {
  const lines = new LineIndex('a🌱b\r\nsecond\nthird');
  assert.deepEqual(lines.position(3), { line: 0, character: 3 });
  assert.deepEqual(lines.position(6), { line: 1, character: 0 });
  assert.equal(lines.lineEnd(0), 4);
  assert.deepEqual(lines.position(1000), { line: 2, character: 5 });
  assert.equal(lines.offset({ line: 1, character: 2 }), 8);
});

test('LineIndex: a lone \\r ends a line, as LSP clients count lines (found by test/fuzz)', () => {
  // Lines: `a`, `bc` (ended by CRLF), ``, `d` (ended by a lone \r each), `e`.
  const lines = new LineIndex('a\rbc\r\n\rd\re');
  assert.equal(lines.lineCount, 5);
  assert.deepEqual([0, 2, 6, 7, 9].map((offset) => lines.position(offset)), [0, 1, 2, 3, 4].map((line) => ({ line, character: 0 })));
  assert.deepEqual([0, 1, 2, 3, 4].map((line) => lines.lineEnd(line)), [1, 4, 6, 8, 10]);
  // A column past a line's end is its end, before the lone \r.
  assert.equal(lines.offset({ line: 3, character: 5 }), 8);
});

/** Texts made of the characters line counting and UTF-16 columns trip on. */
const linesText = fc.array(fc.constantFrom('a', 'bc', '\r', '\n', '\r\n', '🌱'), { maxLength: 12 }).map((parts) => parts.join(''));

test('LineIndex: every position is the one an editor\u2019s document gives (vscode-languageserver-textdocument), and back', () => {
  fc.assert(
    fc.property(linesText, (text) => {
      const lines = new LineIndex(text);
      const editor = TextDocument.create('file:///p.md', 'markdown', 1, text);
      assert.equal(lines.lineCount, editor.lineCount);
      for (let offset = 0; offset <= text.length; offset++) {
        // Between the \r and the \n of a CRLF no position is right: the editor moves it back, LineIndex lets it show.
        if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
        assert.deepEqual(lines.position(offset), editor.positionAt(offset), `offset ${offset}`);
      }
      for (let line = 0; line < editor.lineCount; line++) {
        for (let character = 0; character <= 3; character++) assert.equal(lines.offset({ line, character }), editor.offsetAt({ line, character }), `${line}:${character}`);
      }
    }),
    { numRuns: 500 },
  );
});

test('a post with a lone \\r: a finding after it is on the line an editor shows (found by test/fuzz)', async () => {
  const text = '---\ntitle: A\ndate: 2025-01-01\n---\nOne\rTwo [x](http://plain.example/)\n';
  const [insecure] = only(await checkPost(hugoSite({ 'content/blog/p.md': text }), 'content/blog/p.md'), 'link-insecure');
  // The engine said line 4, columns 12 to 33: past the 3 units of `One`.
  assert.deepEqual(insecure.range, { start: { line: 5, character: 8 }, end: { line: 5, character: 29 } });
});
