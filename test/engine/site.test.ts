import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findSiteRoot, readSite } from '../../server/engine/site/site';
import { MemoryWorkspace } from '../helpers/memory-workspace';

test('site: config/_default is merged with config/production, as the production build reads it', async () => {
  const workspace = new MemoryWorkspace({
    '/s/config/_default/hugo.yaml': 'baseURL: http://localhost/\ncontentDir: content/en/\n',
    '/s/config/_default/params.yaml': 'color: green\n',
    '/s/config/production/hugo.yaml': 'baseURL: https://example.org/\n',
    '/s/config/development/hugo.yaml': 'baseURL: http://dev.example/\n',
  });
  assert.equal(await findSiteRoot(workspace, '/s/content/en/blog/a.md'), '/s');
  const site = await readSite(workspace, '/s');
  assert.equal(site.baseURL, 'https://example.org/');
  assert.equal(site.contentDir, '/s/content/en');
  assert.deepEqual(site.config.params, { color: 'green' });
});

test('site: hugo.toml and TOML authors are read', async () => {
  const workspace = new MemoryWorkspace({
    '/t/hugo.toml': 'baseURL = "https://todogroup.org/"\ncontentDir = "posts-src"\n',
    '/t/data/authors.toml': '[amy]\nname = "Amy"\n',
  });
  const site = await readSite(workspace, '/t');
  assert.equal(site.impliedPreset, 'todogroup');
  assert.equal(site.contentDir, '/t/posts-src');
  assert.deepEqual([...site.authors!.keys()], ['amy']);
});

test('site: a broken site config is a problem, not a crash; no site at all is a loose folder', async () => {
  const workspace = new MemoryWorkspace({ '/b/hugo.yaml': 'baseURL: [\n' });
  const site = await readSite(workspace, '/b');
  assert.equal(site.problems.length, 1);
  assert.match(site.problems[0], /hugo\.yaml could not be read/);
  assert.equal(await findSiteRoot(new MemoryWorkspace({ '/x/a.md': '' }), '/x/a.md'), undefined);
});
