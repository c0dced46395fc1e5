import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hugoSite, serviceFor, SITE } from '../helpers/memory-workspace';

// A check notes what it looked up in the site's page index; the language server re-checks
// a post when a file with one of those keys changes. These tests hold the two sides together.

const POST = (body: string) => `---\ntitle: A post\ndate: 2026-01-05\nauthor: alice\n---\n\n${body}\n`;

function site() {
  return hugoSite({
    'content/blog/linking.md': POST('See [the guide](/blog/guide/#getting-started), [the old page](/old-name/) and ![A green leaf on wet stone](/img/leaf.png).'),
    'content/blog/guide.md': '---\ntitle: Guide\ndate: 2026-01-02\naliases: [/old-name/]\n---\n\n## Getting started\n',
    'content/blog/alone.md': POST('Nothing here points anywhere on this site.'),
    'content/blog/bundle/index.md': POST('A bundle with ![A photo of a small harbour](harbour.jpg).'),
    'content/blog/bundle/harbour.jpg': 'jpg',
    'static/img/leaf.png': 'png',
  });
}

const meets = (dependencies: string[], keys: string[] | 'site') => keys !== 'site' && keys.some((key) => dependencies.includes(key));

test('dependencies: a post depends on the pages, aliases, anchors and static files it reaches, and on nothing else', async () => {
  const workspace = site();
  const service = serviceFor(workspace);
  const linking = await service.check(`${SITE}/content/blog/linking.md`, workspace.files.get(`${SITE}/content/blog/linking.md`)!);
  const alone = await service.check(`${SITE}/content/blog/alone.md`, workspace.files.get(`${SITE}/content/blog/alone.md`)!);
  assert.deepEqual(linking.diagnostics.map((d) => d.ruleId), []);

  const guide = await service.indexKeysOf(`${SITE}/content/blog/guide.md`, { build: true });
  const leaf = await service.indexKeysOf(`${SITE}/static/img/leaf.png`, { build: true });
  assert.ok(meets(linking.dependencies, guide), 'the guide: linked by URL, by alias, and read for its headings');
  assert.ok(meets(linking.dependencies, leaf), 'the image under static/');
  assert.equal(meets(alone.dependencies, guide) || meets(alone.dependencies, leaf), false, 'a post without site links depends on neither');
});

test('dependencies: a bundle depends on its own resources; a link that finds nothing depends on the address it looked for', async () => {
  const workspace = site();
  workspace.files.set(`${SITE}/content/blog/waiting.md`, POST('Soon: [the sequel](/blog/sequel/).'));
  const service = serviceFor(workspace);
  const bundle = await service.check(`${SITE}/content/blog/bundle/index.md`, workspace.files.get(`${SITE}/content/blog/bundle/index.md`)!);
  assert.ok(meets(bundle.dependencies, await service.indexKeysOf(`${SITE}/content/blog/bundle/harbour.jpg`, { build: true })));

  const waiting = await service.check(`${SITE}/content/blog/waiting.md`, workspace.files.get(`${SITE}/content/blog/waiting.md`)!);
  assert.deepEqual(waiting.diagnostics.map((d) => d.ruleId), ['link-broken-local']);
  // The page arrives: its keys in the new index meet what the post looked for.
  workspace.files.set(`${SITE}/content/blog/sequel.md`, '---\ntitle: Sequel\ndate: 2026-02-01\n---\n');
  service.invalidate();
  assert.ok(meets(waiting.dependencies, await service.indexKeysOf(`${SITE}/content/blog/sequel.md`, { build: true })));
});

test('dependencies: a page whose slug changes is found under its old address by the old index, and its new one by the new', async () => {
  const workspace = site();
  const service = serviceFor(workspace);
  const linking = await service.check(`${SITE}/content/blog/linking.md`, workspace.files.get(`${SITE}/content/blog/linking.md`)!);
  const guidePath = `${SITE}/content/blog/guide.md`;
  const before = await service.indexKeysOf(guidePath, { build: false });
  assert.ok(before !== 'site' && before.includes('/blog/guide'));
  workspace.files.set(guidePath, '---\ntitle: Guide\ndate: 2026-01-02\nslug: handbook\n---\n\n## Getting started\n');
  service.invalidate();
  assert.deepEqual(await service.indexKeysOf(guidePath, { build: false }), [], 'no index, no keys: nothing was looked up in it yet');
  const after = await service.indexKeysOf(guidePath, { build: true });
  assert.ok(after !== 'site' && after.includes('/blog/handbook') && !after.includes('/blog/guide'));
  assert.ok(meets(linking.dependencies, before), 'the linking post is found through the old address');
});

test('dependencies: config, data, layouts and redirects concern every post', async () => {
  const workspace = site();
  const service = serviceFor(workspace);
  for (const path of ['hugo.yaml', 'data/authors.yaml', 'layouts/shortcodes/note.html', 'static/_redirects', '.postlintrc.json']) {
    assert.equal(await service.indexKeysOf(`${SITE}/${path}`, { build: true }), 'site', path);
  }
});

test('dependencies: forgetPage drops the headings read from a page, so its new text is read', async () => {
  const workspace = site();
  const service = serviceFor(workspace);
  const linkingPath = `${SITE}/content/blog/linking.md`;
  const check = async () => (await service.check(linkingPath, workspace.files.get(linkingPath)!)).diagnostics.map((d) => d.ruleId);
  assert.deepEqual(await check(), []);
  workspace.files.set(`${SITE}/content/blog/guide.md`, '---\ntitle: Guide\ndate: 2026-01-02\naliases: [/old-name/]\n---\n\n## First steps\n');
  assert.deepEqual(await check(), [], 'the headings read before are kept');
  await service.forgetPage(`${SITE}/content/blog/guide.md`);
  assert.deepEqual(await check(), ['link-broken-fragment']);
});

test('dependencies: the keys of many files at once are each file\u2019s own, whatever site (or none) it is in', async () => {
  const workspace = site();
  workspace.files.set('/elsewhere/loose.md', POST('A file in no site.'));
  const service = serviceFor(workspace);
  const paths = ['/elsewhere/loose.md', `${SITE}/content/blog/guide.md`, `${SITE}/hugo.yaml`, `${SITE}/static/img/leaf.png`];
  const many = await service.indexKeysOfFiles(paths, { build: true });
  for (const path of paths) assert.deepEqual(many.get(path), await service.indexKeysOf(path, { build: true }), path);
  assert.deepEqual(many.get('/elsewhere/loose.md'), [], 'outside any site: no index, no keys');
  assert.equal(many.get(`${SITE}/hugo.yaml`), 'site');
  assert.ok(Array.isArray(many.get(`${SITE}/content/blog/guide.md`)) && (many.get(`${SITE}/content/blog/guide.md`) as string[]).includes('/blog/guide'));
});
