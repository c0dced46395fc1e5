import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPost, hugoSite, only, rangeText } from '../helpers/memory-workspace';

const TODO = 'https://todogroup.org/';
const ON = '{ "rules": { "frontmatter-key-case": "warn" } }';

async function keyCase(text: string, options: { baseURL?: string; config?: string; name?: string } = {}) {
  const name = options.name ?? 'content/blog/p.md';
  const files: Record<string, string> = { [name]: text };
  if (options.config) files['.postlintrc.json'] = options.config;
  const diagnostics = only(await checkPost(hugoSite(files, { baseURL: options.baseURL }), name), 'frontmatter-key-case');
  return diagnostics.map((d) => ({
    text: rangeText(text, d),
    severity: d.severity,
    message: d.message,
    fixes: d.fixes.map((fix) => [fix.title, fix.edits.map((edit) => edit.newText).join(), fix.safe, fix.preferred]),
  }));
}

const message = (key: string, name: string) =>
  `“${key}” is spelt “${name}” in the schema. Hugo reads both, but write “${name}” so that every post, and every tool that reads the file, spells the key one way.`;

test('frontmatter-key-case: off in the hugo preset, where Hugo reads `Title:` as `title:` and nothing else reports it', async () => {
  const text = '---\nTitle: Pruning\nDate: 2025-02-11\nPublishDate: 2025-02-11\n---\n';
  assert.deepEqual(await keyCase(text), []);
  const all = await checkPost(hugoSite({ 'content/blog/p.md': text }), 'content/blog/p.md');
  assert.deepEqual(all, [], 'no unknown key, no missing title or date');
});

test('frontmatter-key-case: a warning in the todogroup preset, on the key, with a safe rename to the schema\'s spelling', async () => {
  const text = '---\nTitle: Pruning the old pear trees\ndate: 2025-02-11\nAuthor: alice\npublishdate: 2025-02-11\n---\n';
  assert.deepEqual(await keyCase(text, { baseURL: TODO }), [
    { text: 'Title', severity: 'warning', message: message('Title', 'title'), fixes: [['Rename “Title” to “title”', 'title', true, true]] },
    { text: 'Author', severity: 'warning', message: message('Author', 'author'), fixes: [['Rename “Author” to “author”', 'author', true, true]] },
    { text: 'publishdate', severity: 'warning', message: message('publishdate', 'publishDate'), fixes: [['Rename “publishdate” to “publishDate”', 'publishDate', true, true]] },
  ]);
});

test('frontmatter-key-case: turned on in a hugo site, camel-case kind keys included', async () => {
  const text = '---\ntitle: Summit\ndate: 2025-01-01\npostlint_kind: event-recap\nevent: Summit\neventurl: https://example.org/s\nLASTMOD: 2025-01-02\n---\n';
  assert.deepEqual((await keyCase(text, { config: ON })).map((d) => [d.text, d.fixes[0][1]]), [
    ['eventurl', 'eventUrl'],
    ['LASTMOD', 'lastmod'],
  ]);
});

test('frontmatter-key-case: keys the schema does not know, nested keys and keys spelt right are left alone', async () => {
  const text = '---\ntitle: A\ndate: 2025-01-01\nFeatured: true\nparams:\n  Hero: a.png\n---\n';
  assert.deepEqual(await keyCase(text, { config: ON }), []);
});

test('frontmatter-key-case: a key repeated in another case is frontmatter-syntax\'s, not renamed into an exact duplicate', async () => {
  const text = '---\ntitle: A\nTitle: B\ndate: 2025-01-01\n---\n';
  assert.deepEqual(await keyCase(text, { config: ON }), []);
  const syntax = only(await checkPost(hugoSite({ 'content/blog/p.md': text }), 'content/blog/p.md'), 'frontmatter-syntax');
  assert.deepEqual(syntax.map((d) => rangeText(text, d)), ['Title']);
});

test('frontmatter-key-case: quoted keys keep their quotes, in YAML, JSON and TOML', async () => {
  const rename = async (text: string) => (await keyCase(text, { config: ON })).map((d) => [d.text, d.fixes[0][1]]);
  assert.deepEqual(await rename('---\n"Title": A\n\'Date\': 2025-01-01\n---\n'), [['"Title"', '"title"'], ["'Date'", "'date'"]]);
  assert.deepEqual(await rename('{\n  "Title": "A",\n  "date": "2025-01-01"\n}\n'), [['"Title"', '"title"']]);
  assert.deepEqual(await rename('+++\nTitle = "A"\n"Date" = 2025-01-01\n+++\n'), [['Title', 'title'], ['"Date"', '"date"']]);
});
