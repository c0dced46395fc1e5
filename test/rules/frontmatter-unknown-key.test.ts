import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPost, hugoSite, only, rangeText, SITE } from '../helpers/memory-workspace';

async function unknownKeys(text: string, options: { baseURL?: string; config?: string } = {}) {
  const files: Record<string, string> = { 'content/blog/p.md': text };
  if (options.config) files['.postlintrc.json'] = options.config;
  const site = hugoSite(files, { baseURL: options.baseURL });
  return only(await checkPost(site, 'content/blog/p.md'), 'frontmatter-unknown-key');
}

test('frontmatter-unknown-key: a key written in another case is the known key, as Hugo reads it (frontmatter-key-case may ask for the spelling)', async () => {
  assert.deepEqual(await unknownKeys('---\nTitle: Capital\nDATE: 2025-01-01\nPublishdate: 2025-01-01\n---\n'), []);
  assert.deepEqual(await unknownKeys('---\nTitle: Capital\nDate: 2025-01-01\nAuthor: alice\nDescription: x\n---\n', { baseURL: 'https://todogroup.org/' }), []);
});

test('frontmatter-unknown-key: two keys that differ only in case are frontmatter-syntax\'s, not an unknown key', async () => {
  assert.deepEqual(await unknownKeys('---\ntitle: a\nTitle: b\ndate: 2025-01-01\n---\n'), []);
  const text = '---\ntitle: a\ndate: 2025-01-01\ntoc: true\nTOC: false\n---\n';
  assert.deepEqual((await unknownKeys(text, { baseURL: 'https://todogroup.org/' })).map((d) => rangeText(text, d)), ['toc']);
});

test('frontmatter-unknown-key: the hugo preset reports only likely typos; themes add their own keys', async () => {
  const text = '---\ntitle: A\ndate: 2025-01-01\ntoc: true\nfeatured_image: /a.png\ndescripton: x\n---\n';
  const diagnostics = await unknownKeys(text);
  assert.deepEqual(diagnostics.map((d) => rangeText(text, d)), ['descripton']);
  assert.match(diagnostics[0].message, /did you mean `description`/);
});

test('frontmatter-unknown-key: the todogroup preset reports every unknown key', async () => {
  const text = '---\ntitle: A\nauthor: alice\ndate: 2025-01-01\ntoc: true\n---\n';
  const diagnostics = await unknownKeys(text, { baseURL: 'https://todogroup.org/' });
  assert.deepEqual(diagnostics.map((d) => rangeText(text, d)), ['toc']);
  assert.match(diagnostics[0].message, /does not read it/);
});

test('frontmatter-unknown-key: keys allowed in the config are accepted', async () => {
  const config = '{ "rules": { "frontmatter-unknown-key": ["warn", { "allow": ["toc"], "mode": "all" }] } }';
  const diagnostics = await unknownKeys('---\ntitle: A\ndate: 2025-01-01\ntoc: true\nhero: x\n---\n', { config });
  assert.deepEqual(diagnostics.map((d) => d.message.match(/`(\w+)`/)?.[1]), ['hero']);
  assert.ok(SITE);
});

test('frontmatter-unknown-key (hugo): a theme key that is a plural or singular of a known key is not a typo', async () => {
  const text = '---\ntitle: A\ndate: 2025-01-01\nimage: /hero.png\ntag: x\npubdate: 2025-01-01\n---\n';
  assert.deepEqual(await unknownKeys(text), []);
});

test('frontmatter-unknown-key: a kind\'s camel-case key written in lower case is known', async () => {
  const text = '---\ntitle: A\ndate: 2025-01-01\npostlint_kind: event-recap\nevent: Summit\neventurl: https://example.org/s\n---\n';
  assert.deepEqual(await unknownKeys(text), []);
});

test('frontmatter-unknown-key: `allow` takes keys in any case, as Hugo and the theme read them', async () => {
  const config = '{ "rules": { "frontmatter-unknown-key": ["warn", { "allow": ["toc"], "mode": "all" }] } }';
  assert.deepEqual(await unknownKeys('---\ntitle: A\ndate: 2025-01-01\nTOC: true\n---\n', { config }), []);
});

/** A diagnostic as the text it covers, its message and its fixes (title, new text, safe, preferred). */
function described(text: string, diagnostics: Awaited<ReturnType<typeof unknownKeys>>) {
  return diagnostics.map((d) => [rangeText(text, d), d.message, d.fixes.map((fix) => [fix.title, fix.edits[0].newText, fix.safe, fix.preferred])]);
}

test('frontmatter-unknown-key (hugo): a key one letter or an -s/-es away from a known key passes either way; a slip is renamed, never safely', async () => {
  const text = '---\ntitle: A\ndate: 2025-01-01\ntitles: x\nalias: /a\nsluges: x\ncategorie: [a]\ndescripton: x\n---\n';
  assert.deepEqual(described(text, await unknownKeys(text)), [
    ['descripton', 'Unknown front matter key `descripton`: did you mean `description`? Rename it so the site reads it.', [['Rename `descripton` to `description`', 'description', false, true]]],
  ]);
});

test('frontmatter-unknown-key (todogroup): plurals are reported too, and a key with no near match gets no fix', async () => {
  const text = '---\ntitle: A\nauthor: alice\ndate: 2025-01-01\ntitles: x\nalias: /a\ntoc: true\n---\n';
  assert.deepEqual(described(text, await unknownKeys(text, { baseURL: 'https://todogroup.org/' })), [
    ['titles', 'Unknown front matter key `titles`: did you mean `title`? Rename it so the site reads it.', [['Rename `titles` to `title`', 'title', false, true]]],
    ['alias', 'Unknown front matter key `alias`: did you mean `aliases`? Rename it so the site reads it.', [['Rename `alias` to `aliases`', 'aliases', false, true]]],
    ['toc', 'Unknown front matter key `toc`: the todogroup preset does not read it. Remove it, or allow it in .postlintrc.json (rules.frontmatter-unknown-key.allow).', []],
  ]);
});

test('frontmatter-unknown-key: a post without front matter, or with broken front matter, has no keys to check', async () => {
  assert.deepEqual(await unknownKeys('# No front matter\n'), []);
  assert.deepEqual(await unknownKeys('---\nTitle: "A\ndate: 2025-01-01\n---\n'), []);
});
