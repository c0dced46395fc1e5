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
