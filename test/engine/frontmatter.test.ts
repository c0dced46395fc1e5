import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from '../helpers/fast-check';
import { splitPost } from '../../server/engine/frontmatter/frontmatter';
import { LineIndex } from '../../server/engine/text/line-index';
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

test('splitPost: no front matter when the page starts with other text, or --- is not first', () => {
  for (const text of ['Just text', 'Text\n---\ntitle: A\n---\n', '# Heading\n', ';;;\ntitle: A\n;;;\n', '']) {
    const { bodyStart, frontMatter } = splitPost(text);
    assert.equal(frontMatter, undefined, JSON.stringify(text));
    assert.equal(bodyStart, 0);
  }
});

// Hugo's lexer: three delimiter characters open the block, and the rest of that line is
// the parser's first line; the first line starting with the same three closes it.
test('splitPost: openers and closers as Hugo reads them', () => {
  const cases: [string, string, string[]][] = [
    // text, body, the text of each problem's span
    ['------\ntitle: A\n---\nBody', 'Body', []],
    ['--- # a comment\ntitle: A\n---\nBody', 'Body', []],
    ['-----\ntitle: A\n---\nBody', 'Body', ['--']],
    ['----\ntitle: A\n----\nBody', '-\nBody', ['-', '----']],
    ['---\ntitle: A\n------\nBody', '---\nBody', ['------']],
    ['---\n---\nBody', 'Body', []],
    ['- a list\n- first\n', '- a list\n- first\n', ['-']],
    ['++ plus\n', '++ plus\n', ['++']],
    ['  \n\t---\ntitle: A\n---\nBody', 'Body', []],
    ['---\rtitle: A\r---\rBody', 'Body', []],
  ];
  for (const [text, body, problems] of cases) {
    const { bodyStart, frontMatter } = splitPost(text);
    assert.equal(text.slice(bodyStart), body, JSON.stringify(text));
    assert.deepEqual(frontMatter!.problems.map((p) => slice(text, p.span)), problems, JSON.stringify(text));
  }
});

test('splitPost: JSON front matter is read as JSON data, with positions', () => {
  const text = '{\n  "title": "A {brace} \\" quote",\n  "date": "2025-01-01"\n}\nBody';
  const { bodyStart, frontMatter } = splitPost(text);
  assert.equal(text.slice(bodyStart), 'Body');
  assert.equal(frontMatter!.language, 'json');
  assert.deepEqual(frontMatter!.data, { title: 'A {brace} " quote', date: '2025-01-01' });
  assert.deepEqual(frontMatter!.keys.map((k) => slice(text, k.keySpan)), ['"title"', '"date"']);

  const broken = '{ "title": "A", }\nBody';
  const problems = splitPost(broken).frontMatter!.problems;
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /not valid JSON/);
  assert.equal(splitPost('{ "title": "A"\nBody').frontMatter!.problems[0].message, 'The JSON front matter opened here never ends. Close its “{” with a “}”.');
});

test('splitPost: YAML errors carry offsets inside the block', () => {
  const text = '---\ntitle: A\n  bad: indent\n---\n';
  const { frontMatter } = splitPost(text);
  // The YAML parser's two complaints about `A` followed by a more indented key, on the text they are about.
  assert.deepEqual(
    frontMatter!.problems.map((problem) => [problem.message, text.slice(problem.span.start, problem.span.end)]),
    [
      ['The front matter is not valid YAML: Nested mappings are not allowed in compact mappings.', 'A'],
      ['The front matter is not valid YAML: Implicit keys need to be on a single line.', 'A\n  bad'],
    ],
  );
  for (const problem of frontMatter!.problems) {
    assert.ok(problem.span.start >= frontMatter!.contentSpan.start && problem.span.end <= frontMatter!.contentSpan.end + 1);
  }
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
