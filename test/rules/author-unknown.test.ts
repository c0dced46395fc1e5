import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MemoryWorkspace, checkPost, hugoSite, only, rangeText } from '../helpers/memory-workspace';

test('author-unknown: an author missing from data/authors.yaml, with the closest one suggested', async () => {
  const text = '---\ntitle: A\ndate: 2025-01-01\nauthor: alcie\n---\n';
  const [diagnostic, ...rest] = only(await checkPost(hugoSite({ 'content/blog/p.md': text }), 'content/blog/p.md'), 'author-unknown');
  assert.equal(rest.length, 0);
  assert.equal(rangeText(text, diagnostic), 'alcie');
  assert.equal(diagnostic.message, '“alcie” is not an author of this site. Did you mean “alice”? Use a key of data/authors.yaml.');
  assert.equal(diagnostic.fixes[0].edits[0].newText, 'alice');
});

test('author-unknown: an author written as their display name suggests their key', async () => {
  const text = '---\ntitle: A\ndate: 2025-01-01\nauthor: Bob Stone\n---\n';
  const [diagnostic] = only(await checkPost(hugoSite({ 'content/blog/p.md': text }), 'content/blog/p.md'), 'author-unknown');
  assert.match(diagnostic.message, /Did you mean “bob”/);
});

test('author-unknown: each author of a list is checked; far-off names get no guess', async () => {
  const text = '---\ntitle: A\ndate: 2025-01-01\nauthor: [alice, zz-unknown-person]\n---\n';
  const diagnostics = only(await checkPost(hugoSite({ 'content/blog/p.md': text }), 'content/blog/p.md'), 'author-unknown');
  assert.deepEqual(diagnostics.map((d) => rangeText(text, d)), ['zz-unknown-person']);
  assert.doesNotMatch(diagnostics[0].message, /Did you mean/);
  assert.deepEqual(diagnostics[0].fixes, []);
});

test('author-unknown: known authors, config authors and keys with spaces are fine', async () => {
  const site = hugoSite({
    'data/authors.yaml': 'alice:\n  name: Alice\nJane Roe:\n  name: Jane Roe\n',
    '.postlintrc.json': '{ "authors": ["guest"] }',
    'content/blog/a.md': '---\ntitle: A\ndate: 2025-01-01\nauthor: Jane Roe\n---\n',
    'content/blog/b.md': '---\ntitle: B\ndate: 2025-01-01\nauthor: guest\n---\n',
  });
  assert.deepEqual(await checkPost(site, 'content/blog/a.md'), []);
  assert.deepEqual(await checkPost(site, 'content/blog/b.md'), []);
});

test('author-unknown: a site without data/authors has nothing to check against', async () => {
  const site = new MemoryWorkspace({
    '/site/hugo.toml': 'baseURL = "https://example.org/"\n',
    '/site/content/posts/p.md': '---\ntitle: A\ndate: 2025-01-01\nauthor: anyone\n---\n',
  });
  assert.deepEqual(await checkPost(site, 'content/posts/p.md'), []);
});

test('author-unknown: a shortened key suggests the one author it begins', async () => {
  const site = hugoSite({
    'data/authors.yaml': 'marisolr:\n  name: M R\nmarcus:\n  name: M\n',
    'content/blog/p.md': '---\ntitle: A\ndate: 2025-01-01\nauthor: mariso\n---\n',
    'content/blog/q.md': '---\ntitle: A\ndate: 2025-01-01\nauthor: mar\n---\n',
  });
  const [diagnostic] = only(await checkPost(site, 'content/blog/p.md'), 'author-unknown');
  assert.match(diagnostic.message, /Did you mean “marisolr”/);
  const [ambiguous] = only(await checkPost(site, 'content/blog/q.md'), 'author-unknown');
  assert.doesNotMatch(ambiguous.message, /Did you mean/);
});

test('author-unknown: a display name in any case suggests its key; a key in another case is not the key', async () => {
  const authors = 'jdoe:\n  name: Jane Doe\nmlopez:\n  name: María López\nalice:\n  name: Alice Martin\n';
  const cases: [string, string][] = [
    ['jane doe', 'jdoe'],
    ['JANE DOE', 'jdoe'],
    ['jAnE dOe', 'jdoe'],
    ['MARÍA LÓPEZ', 'mlopez'],
    ['alice martin', 'alice'],
    ['ALICE', 'alice'],
  ];
  for (const [written, key] of cases) {
    const text = `---\ntitle: A\ndate: 2025-01-01\nauthor: ${written}\n---\n`;
    const found = only(await checkPost(hugoSite({ 'data/authors.yaml': authors, 'content/blog/p.md': text }), 'content/blog/p.md'), 'author-unknown');
    assert.deepEqual(
      found.map((d) => [rangeText(text, d), d.message, d.fixes.map((fix) => [fix.title, fix.edits[0].newText, fix.safe])]),
      [[written, `“${written}” is not an author of this site. Did you mean “${key}”? Use a key of data/authors.yaml.`, [[`Change the author to “${key}”`, key, false]]]],
      written,
    );
  }
});

/** The author-unknown diagnostics of one post, as text covered, message and fixes (title, new text, safe, preferred). */
async function unknownAuthors(text: string, files: Record<string, string> = {}) {
  const site = hugoSite({ ...files, 'content/blog/p.md': text });
  return only(await checkPost(site, 'content/blog/p.md'), 'author-unknown').map((d) => [
    rangeText(text, d),
    d.message,
    d.fixes.map((fix) => [fix.title, fix.edits.map((edit) => edit.newText), fix.safe, fix.preferred]),
  ]);
}

const NO_GUESS = (author: string) => `“${author}” is not an author of this site. Use a key of data/authors.yaml, or add the author there.`;
const GUESS = (author: string, key: string) => `“${author}” is not an author of this site. Did you mean “${key}”? Use a key of data/authors.yaml.`;

test('author-unknown: values that are not text are left to frontmatter-schema; text items of a list are still checked', async () => {
  assert.deepEqual(await unknownAuthors('---\ntitle: A\ndate: 2025-01-01\nauthor: 42\n---\n'), []);
  assert.deepEqual(await unknownAuthors('---\ntitle: A\ndate: 2025-01-01\nauthor: [alice, 42, zed, bob]\n---\n'), [['zed', NO_GUESS('zed'), []]]);
});

test('author-unknown: the fix replaces the author with the suggested key, never automatically', async () => {
  assert.deepEqual(await unknownAuthors('---\ntitle: A\ndate: 2025-01-01\nauthor: [bob, alcie]\n---\n'), [
    ['alcie', GUESS('alcie', 'alice'), [['Change the author to “alice”', ['alice'], false, true]]],
  ]);
});

test('author-unknown (TOML): an item of a list can only be shown with its list, so it gets no fix', async () => {
  const text = '+++\ntitle = "A"\ndate = 2025-01-01\nauthor = ["alice", "alcie"]\n+++\n';
  assert.deepEqual(await unknownAuthors(text), [['["alice", "alcie"]', GUESS('alcie', 'alice'), []]]);
  assert.deepEqual(await unknownAuthors('+++\ntitle = "A"\ndate = 2025-01-01\nauthor = "alcie"\n+++\n'), [
    ['"alcie"', GUESS('alcie', 'alice'), [['Change the author to “alice”', ['alice'], false, true]]],
  ]);
});

test('author-unknown: an author entry without a name is still a key to suggest', async () => {
  const files = { 'data/authors.yaml': 'carol:\n  bio: Writes about soil.\nalice:\n  name: Alice Martin\n' };
  assert.deepEqual(await unknownAuthors('---\ntitle: A\ndate: 2025-01-01\nauthor: Alice Martin\n---\n', files), [
    ['Alice Martin', GUESS('Alice Martin', 'alice'), [['Change the author to “alice”', ['alice'], false, true]]],
  ]);
  assert.deepEqual(await unknownAuthors('---\ntitle: A\ndate: 2025-01-01\nauthor: carlo\n---\n', files), [
    ['carlo', GUESS('carlo', 'carol'), [['Change the author to “carol”', ['carol'], false, true]]],
  ]);
});

test('author-unknown: a post without readable front matter, or whose author cannot be located, gives nothing', async () => {
  assert.deepEqual(await unknownAuthors('# No front matter\n'), []);
  assert.deepEqual(await unknownAuthors('---\ntitle: "A\nauthor: zed\n---\n'), []);
  // TOML reads the escaped key as `author`; Postlint's line scan does not, so there is no place to show.
  assert.deepEqual(await unknownAuthors('+++\ntitle = "A"\ndate = 2025-01-01\n"auth\\u006Fr" = "zed"\n+++\n'), []);
});
