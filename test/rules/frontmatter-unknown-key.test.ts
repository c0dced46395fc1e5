import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPost, hugoSite, only, rangeText, SITE } from '../helpers/memory-workspace';

async function unknownKeys(text: string, options: { baseURL?: string; config?: string } = {}) {
  const files: Record<string, string> = { 'content/blog/p.md': text };
  if (options.config) files['.postlintrc.json'] = options.config;
  const site = hugoSite(files, { baseURL: options.baseURL });
  return only(await checkPost(site, 'content/blog/p.md'), 'frontmatter-unknown-key');
}

test('frontmatter-unknown-key: `Title` is on the key, with "did you mean" and a safe rename', async () => {
  const text = '---\nTitle: Capital\ndate: 2025-01-01\n---\n';
  const [diagnostic, ...rest] = await unknownKeys(text);
  assert.equal(rest.length, 0);
  assert.equal(rangeText(text, diagnostic), 'Title');
  assert.equal(diagnostic.severity, 'warning');
  assert.match(diagnostic.message, /did you mean `title`\?/);
  assert.deepEqual(diagnostic.fixes[0].edits[0].newText, 'title');
  assert.equal(diagnostic.fixes[0].safe, true);
});

test('frontmatter-unknown-key: a rename that would duplicate a key is not safe', async () => {
  const [diagnostic] = await unknownKeys('---\ntitle: a\nTitle: b\ndate: 2025-01-01\n---\n');
  assert.equal(diagnostic.fixes[0].safe, false);
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

test('frontmatter-unknown-key: a key that differs only in case is told the exact spelling, camel case included', async () => {
  const text = '---\ntitle: A\ndate: 2025-01-01\npostlint_kind: event-recap\nevent: Summit\neventurl: https://example.org/s\n---\n';
  const diagnostics = await unknownKeys(text);
  assert.deepEqual(
    diagnostics.map((d) => [rangeText(text, d), d.message, d.fixes.map((fix) => [fix.title, fix.edits[0].newText, fix.safe, fix.preferred])]),
    [['eventurl', "Unknown front matter key `eventurl`: did you mean `eventUrl`? Write it as `eventUrl`, as the site's templates and other tools expect.", [['Rename `eventurl` to `eventUrl`', 'eventUrl', true, true]]]],
  );
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

test('frontmatter-unknown-key: a case-only slip is renamed safely unless the right key is also there', async () => {
  const text = '---\ntitle: A\ndate: 2025-01-01\nTags: [a]\nDRAFT: true\ntags: [b]\n---\n';
  const lower = (key: string) => `Unknown front matter key \`${key}\`: did you mean \`${key.toLowerCase()}\`? Write it in lower case, as the site's templates and other tools expect.`;
  assert.deepEqual(described(text, await unknownKeys(text)), [
    ['Tags', lower('Tags'), [['Rename `Tags` to `tags`', 'tags', false, true]]],
    ['DRAFT', lower('DRAFT'), [['Rename `DRAFT` to `draft`', 'draft', true, true]]],
  ]);
});

test('frontmatter-unknown-key: a post without front matter, or with broken front matter, has no keys to check', async () => {
  assert.deepEqual(await unknownKeys('# No front matter\n'), []);
  assert.deepEqual(await unknownKeys('---\nTitle: "A\ndate: 2025-01-01\n---\n'), []);
});
