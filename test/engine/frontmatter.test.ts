import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from '../helpers/fast-check';
import { splitPost } from '../../server/engine/frontmatter';
import { LineIndex } from '../../server/engine/text';
import { hugoSite, serviceFor } from '../helpers/memory-workspace';

const slice = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

test('splitPost: offsets stay right with leading blank lines, a BOM and CRLF', () => {
  for (const text of ['---\ntitle: A\n---\nBody', '\n\n---\ntitle: A\n---\nBody', '\ufeff---\r\ntitle: A\r\n---\r\nBody', ' \t\n---\ntitle: A\n---\nBody']) {
    const { bodyStart, frontMatter } = splitPost(text);
    assert.equal(text.slice(bodyStart), 'Body', JSON.stringify(text));
    assert.equal(slice(text, frontMatter!.openSpan), '---');
    assert.deepEqual(frontMatter!.data, { title: 'A' });
    const pair = frontMatter!.document!.contents as { items: { key: { range: number[] } }[] };
    const keyStart = frontMatter!.contentSpan.start + pair.items[0].key.range[0];
    assert.equal(text.slice(keyStart, keyStart + 5), 'title');
  }
});

test('splitPost: no front matter, --- not on the first line, or ---- is not a block', () => {
  for (const text of ['Just text', 'Text\n---\ntitle: A\n---\n', '----\ntitle: A\n----\n', '']) {
    const { bodyStart, frontMatter } = splitPost(text);
    assert.equal(frontMatter, undefined, JSON.stringify(text));
    assert.ok(bodyStart <= text.length);
  }
});

test('splitPost: YAML errors carry offsets inside the block', () => {
  const text = '---\ntitle: A\n  bad: indent\n---\n';
  const { frontMatter } = splitPost(text);
  assert.ok(frontMatter!.problems.length > 0);
  for (const problem of frontMatter!.problems) {
    assert.ok(problem.span.start >= frontMatter!.contentSpan.start && problem.span.end <= frontMatter!.contentSpan.end + 1);
  }
});

test('LineIndex: positions count UTF-16 units; CRLF keeps the \\r on its line', () => {
  const lines = new LineIndex('a🌱b\r\nsecond\nthird');
  assert.deepEqual(lines.position(3), { line: 0, character: 3 });
  assert.deepEqual(lines.position(6), { line: 1, character: 0 });
  assert.equal(lines.lineEnd(0), 4);
  assert.deepEqual(lines.position(1000), { line: 2, character: 5 });
  assert.equal(lines.offset({ line: 1, character: 2 }), 8);
});

test('the engine never throws on any text, and every range lies inside it', async () => {
  const workspace = hugoSite();
  const service = serviceFor(workspace);
  const pieces = fc.constantFrom('---', '---js', '\n', '\r\n', 'title: ', 'date: 2025-01-01', 'author: x', '"', "'", '&a ', '*a', '[', '{', '\ufeff', '#', '<!-- postlint-disable -->', '  ', ':', '- ', '\ud800');
  const text = fc.oneof(fc.string(), fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join('')));
  await fc.assert(
    fc.asyncProperty(text, async (input) => {
      const { diagnostics } = await service.check('/site/content/blog/p.md', input);
      const lines = new LineIndex(input);
      const end = lines.position(input.length);
      for (const d of diagnostics) {
        for (const position of [d.range.start, d.range.end]) {
          assert.ok(position.line < end.line || (position.line === end.line && position.character <= end.character));
        }
        assert.ok(d.message.length > 0 && d.docsUrl.endsWith(`${d.ruleId}.md`));
      }
    }),
    { numRuns: 300 },
  );
});
