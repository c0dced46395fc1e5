import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitPost } from '../../server/engine/frontmatter/frontmatter';
import { LineIndex } from '../../server/engine/text/line-index';
import type { Fix } from '../../server/engine/types';
import { checkPost, hugoSite, only, rangeText, serviceFor, SITE } from '../helpers/memory-workspace';

/** The text with one fix's edits applied, last first. */
function applyFixes(text: string, fix: Fix): string {
  const lines = new LineIndex(text);
  const edits = fix.edits.map((edit) => ({ start: lines.offset(edit.range.start), end: lines.offset(edit.range.end), newText: edit.newText })).sort((a, b) => b.start - a.start);
  return edits.reduce((out, edit) => out.slice(0, edit.start) + edit.newText + out.slice(edit.end), text);
}

async function syntaxProblems(text: string) {
  const site = hugoSite({ 'content/blog/p.md': text });
  return only(await checkPost(site, 'content/blog/p.md'), 'frontmatter-syntax').map((d) => ({ text: rangeText(text, d), message: d.message, line: d.range.start.line }));
}

test('frontmatter-syntax: YAML that does not parse is reported where it breaks', async () => {
  const problems = await syntaxProblems('---\ntitle: A\n\tdate: 2025-01-01\n---\nBody\n');
  assert.deepEqual(problems.map((p) => [p.line, p.text]), [[2, '\t']]);
  assert.match(problems[0].message, /not valid YAML: Tabs are not allowed as indentation/);
});

test('frontmatter-syntax: an unclosed quote is shown on the value that opens it, not where YAML gives up', async () => {
  const problems = await syntaxProblems('---\ntitle: "Seed swap\nauthor: alice\ndate: 2025-01-01\n---\nBody\n');
  assert.deepEqual(problems.map((p) => [p.line, p.text]), [[1, '"Seed swap']]);
  assert.equal(problems[0].message, 'This value opens a quote, “"”, that is never closed. Add the closing “"” at the end of the value.');
});

test('frontmatter-syntax: a quoted value whose lines go on no deeper than its key is one value, as Hugo\u2019s YAML readers fold it; its place is where it is written', async () => {
  const cases: [string, Record<string, unknown>][] = [
    // The second line at the key's own column: YAML 1.2 wants it deeper, goccy/go-yaml and go-yaml v3 do not.
    ['---\ntitle: "Harbour notes"\nsummary: "We talked to the harbour master,   \nabout the new pier."\ntags:\n  - boats\n---\nBody\n', { summary: 'We talked to the harbour master, about the new pier.', tags: ['boats'] }],
    ['---\r\ntitle: "Harbour notes"\r\nexcerpt: "New here?\r\nStart with the tide tables."\r\n\r\nimage: /img/buoy.svg\r\n---\r\nBody\r\n', { excerpt: 'New here? Start with the tide tables.', image: '/img/buoy.svg' }],
    // Single quotes with an escaped quote, under a nested key; and two such values.
    ["---\ntitle: Harbour notes\nparams:\n  note: 'it''s\n  windy'\nafter: 1\n---\n", { params: { note: "it's windy" }, after: 1 }],
    ['---\ntitle: Harbour notes\na: "one\nline"\nb: "two\nlines\nhere"\n---\n', { a: 'one line', b: 'two lines here' }],
  ];
  for (const [text, values] of cases) {
    const site = hugoSite({ 'content/blog/p.md': text });
    const diagnostics = await checkPost(site, 'content/blog/p.md');
    assert.deepEqual(only(diagnostics, 'frontmatter-syntax'), [], JSON.stringify(text));
    const { frontMatter } = splitPost(text);
    for (const [key, value] of Object.entries(values)) assert.deepEqual(frontMatter?.data?.[key], value, key);
    // Positions are those of the text as written: each key's span covers the key.
    for (const pair of frontMatter?.keys ?? []) assert.equal(text.slice(pair.keySpan.start, pair.keySpan.end), pair.key);
  }
  // A value the key after it depends on: `date` below a continued summary is still read, and checked.
  const dated = '---\ntitle: Harbour notes\nsummary: "one\nline"\ndate: 2025-02-30\n---\n';
  const schema = only(await checkPost(hugoSite({ 'content/blog/p.md': dated }), 'content/blog/p.md'), 'frontmatter-schema');
  assert.deepEqual(schema.map((d) => rangeText(dated, d)), ['2025-02-30']);
});

test('frontmatter-syntax: an unclosed quote gets "Add the closing quote" at the end of its line, in the editor only, and the front matter then reads', async () => {
  for (const [text, quote] of [['---\ntitle: "Seed swap  \nauthor: alice\ndate: 2025-01-01\n---\nBody\n', '"'], ["---\r\ntitle: 'Seed swap\r\ndate: 2025-01-01\r\n---\r\nBody\r\n", "'"]]) {
    const site = hugoSite({ 'content/blog/p.md': text });
    const [problem] = only(await checkPost(site, 'content/blog/p.md'), 'frontmatter-syntax');
    assert.equal(problem.fixes.length, 1);
    const [fix] = problem.fixes;
    assert.deepEqual([fix.title, fix.safe, fix.preferred], [`Add the closing “${quote}”`, false, true]);
    const fixed = applyFixes(text, fix);
    assert.match(fixed, new RegExp(`^title: ${quote}Seed swap${quote}`, 'm'));
    const after = hugoSite({ 'content/blog/p.md': fixed });
    assert.deepEqual(only(await checkPost(after, 'content/blog/p.md'), 'frontmatter-syntax'), []);
  }
});

test('frontmatter-syntax: an opening --- that is never closed', async () => {
  const problems = await syntaxProblems('---\ntitle: Open\ndate: 2025-01-01\n\nThe body starts but the block never ends.\n');
  assert.deepEqual(problems.map((p) => p.text), ['---']);
  assert.match(problems[0].message, /never closed/);
});

test('frontmatter-syntax: a root that is not a mapping', async () => {
  const problems = await syntaxProblems('---\n- title\n- date\n---\nBody\n');
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /key: value/);
});

test('frontmatter-syntax: duplicate keys, on the second one', async () => {
  const text = '---\ntitle: One\ndate: 2025-01-01\ntitle: Two\n---\n';
  const problems = await syntaxProblems(text);
  assert.equal(problems.length, 1);
  assert.equal(problems[0].text, 'title');
  assert.equal(problems[0].line, 3);
});

test('frontmatter-syntax: ---js front matter is reported and never run', async () => {
  const marker = '__postlint_ran_front_matter__';
  const text = `---js\n{ title: (globalThis.${marker} = true, 'x') }\n---\nBody\n`;
  const problems = await syntaxProblems(text);
  assert.equal((globalThis as Record<string, unknown>)[marker], undefined, 'the JavaScript must not run');
  // The tag once, on line 1; the JavaScript below it is then what it is to Hugo: broken YAML.
  assert.deepEqual(problems.map((p) => p.line), [0, 1]);
  assert.equal(problems[0].text, 'js');
  assert.equal(
    problems[0].message,
    'Hugo reads no language name after “---”: “js” would stop the build. It reads YAML between “---” lines and TOML between “+++” lines (Postlint never runs front matter as code). Remove “js” and write the front matter in YAML.',
  );
});

test('frontmatter-syntax: a billion-laughs alias bomb is refused quickly, without hanging', async () => {
  const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  const problems = await syntaxProblems(`---\ntitle: x\ndate: 2025-01-01\n${levels.join('\n')}\n---\n`);
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /alias/i);
});

test('frontmatter-syntax: valid YAML, with comments, quotes and CRLF, gives nothing', async () => {
  assert.deepEqual(await syntaxProblems('---\r\n# a comment\r\ntitle: "A # not a comment"\r\ndate: 2025-01-01\r\n---\r\n'), []);
  assert.deepEqual(await syntaxProblems('---\ntitle: Empty body\ndate: 2025-01-01\n---\n'), []);
});

test('frontmatter-syntax: a post without front matter has no block to read (frontmatter-missing says it)', async () => {
  assert.deepEqual(await syntaxProblems('# Garden notes\n\nNo front matter.\n'), []);
});

test('frontmatter-syntax: every problem of the block is reported, each with its whole message', async () => {
  const problems = await syntaxProblems('---\ntitle: One\ntitle: Two\ndate: 1\ndate: 2\n--- trailing\nBody\n');
  assert.deepEqual(problems, [
    { text: 'title', message: 'The key “title” appears more than once. Keep one of them.', line: 2 },
    { text: 'date', message: 'The key “date” appears more than once. Keep one of them.', line: 4 },
    { text: '--- trailing', message: '“trailing” after the closing “---” is published at the top of the page. Hugo ends the front matter after “---”: write “---” alone on the line.', line: 5 },
  ]);
});

test('frontmatter-syntax: two keys that differ only in case are one key written twice, as Hugo reads keys in any case', async () => {
  const sameKey = (second: string, first: string) =>
    `“${second}” repeats the key “${first}”, as Hugo reads keys in any case. It keeps only one of their values, not always the same one: keep one of them.`;
  assert.deepEqual(await syntaxProblems('---\ntitle: One\nTitle: Two\ndate: 2025-01-01\nTITLE: Three\n---\nBody\n'), [
    { text: 'Title', message: sameKey('Title', 'title'), line: 2 },
    { text: 'TITLE', message: sameKey('TITLE', 'title'), line: 4 },
  ]);
  // Keys no schema knows too: the theme reads one of them, and which is not fixed.
  assert.deepEqual(await syntaxProblems('---\ntitle: A\ndate: 2025-01-01\nHero: a.png\nhero: b.png\n---\n'), [{ text: 'hero', message: sameKey('hero', 'Hero'), line: 4 }]);
  // JSON front matter, its key quoted.
  assert.deepEqual(await syntaxProblems('{\n  "title": "A",\n  "date": "2025-01-01",\n  "Date": "2025-01-02"\n}\nBody\n'), [{ text: '"Date"', message: sameKey('Date', 'date'), line: 3 }]);
  // Keys that differ by more than case are two keys.
  assert.deepEqual(await syntaxProblems('---\ntitle: A\ndate: 2025-01-01\npubdate: 2025-01-01\npublishDate: 2025-01-01\n---\n'), []);
});

test('frontmatter-syntax: a key repeated after an empty value is named, at the repeated key, with LF or CRLF (found by test/fuzz)', async () => {
  // YAML's own check reported it at the line break after `title: `, as "The key `` appears more than once".
  for (const eol of ['\n', '\r\n']) {
    const text = ['---', 'title: ', 'title: A', 'date: 2025-01-01', '---', ''].join(eol);
    assert.deepEqual(await syntaxProblems(text), [{ text: 'title', message: 'The key “title” appears more than once. Keep one of them.', line: 2 }], JSON.stringify(eol));
  }
});

/** The range of each frontmatter-syntax finding of a post, and the text of its line. */
async function syntaxRanges(text: string) {
  const site = hugoSite({ 'content/blog/p.md': text });
  const lines = text.split(/\r\n|\r|\n/);
  return only(await checkPost(site, 'content/blog/p.md'), 'frontmatter-syntax').map(({ range }) => ({ range, line: lines[range.start.line] }));
}

const atEndOf = (line: number, text: string) => ({ range: { start: { line, character: text.length }, end: { line, character: text.length } }, line: text });

test('frontmatter-syntax: a YAML or JSON error stops before the line break it reaches, a point at the end of its line if nothing is left (found by test/fuzz)', async () => {
  // The range covered the \r: it ended one unit past the line's text, between the \r and the \n.
  assert.deepEqual(await syntaxRanges('---\r\ntitle:\r\n  key: value\r\n  deep:\r\n !   x: 1\r\n---\r\n'), [atEndOf(3, '  deep:')]);
  assert.deepEqual(await syntaxRanges('{\r\n  "title": "A\r\n"\r\n}\r\n'), [atEndOf(1, '  "title": "A')]);
  // YAML's second error is at the \n: between the two characters of the CRLF, one past the line.
  const unclosedFlow = await syntaxRanges('---\r\nk: [{a]\r\n---\r\n');
  assert.deepEqual(unclosedFlow.at(-1), atEndOf(1, 'k: [{a]'));
  // A range YAML gives over more than one character ends before the line break it ends with, not on the next line.
  const [unexpected] = await syntaxRanges('---\r\nk: [a]"]\r\nt: xy\r\n---\r\n');
  assert.deepEqual(unexpected.range, { start: { line: 1, character: 6 }, end: { line: 2, character: 5 } });
});

test('frontmatter-syntax: Org-mode front matter in a Markdown file is no problem (Hugo reads it), only listed as not verified', async () => {
  const text = '#+title: Tide tables\n#+date: 2025-02-03\n\nWhen the tide turns, the boats go out.\n';
  const result = await serviceFor(hugoSite({ 'content/blog/tides.md': text })).check(`${SITE}/content/blog/tides.md`, text);
  assert.deepEqual(result.diagnostics.filter((d) => d.ruleId.startsWith('frontmatter-')), []);
  assert.deepEqual(
    result.unverified.map((entry) => [entry.ruleId, rangeText(text, entry), entry.reason]),
    [['frontmatter-syntax', '#+title: Tide tables', 'its front matter is Org-mode’s “#+key:” lines, which Hugo reads and Postlint does not: its keys and values are not checked']],
  );
});
