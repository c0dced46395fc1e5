import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readSite } from '../../server/engine/site/site';
import { createLanguageService } from '../../server/engine/language-service';
import { MemoryWorkspace } from '../helpers/memory-workspace';

test('site: config/_default is merged with config/production, as the production build reads it', async () => {
  const workspace = new MemoryWorkspace({
    '/s/config/_default/hugo.yaml': 'baseURL: http://localhost/\ncontentDir: content/en/\n',
    '/s/config/_default/params.yaml': 'color: green\n',
    '/s/config/production/hugo.yaml': 'baseURL: https://example.org/\n',
    '/s/config/development/hugo.yaml': 'baseURL: http://dev.example/\n',
  });
  assert.equal(await createLanguageService({ workspace }).siteRootOf('/s/content/en/blog'), '/s');
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
  assert.equal(await createLanguageService({ workspace: new MemoryWorkspace({ '/x/a.md': '' }) }).siteRootOf('/x'), undefined);
});

test('readSite: a config folder\u2019s name.<lang> files go under that language, as Hugo places them; a file holding only its own key is unwrapped', async () => {
  const workspace = new MemoryWorkspace({
    '/s/config/_default/hugo.toml': 'baseURL = "https://example.org/"\n',
    '/s/config/_default/languages.fr.toml': 'contentDir = "content/fr"\nweight = 2\n',
    '/s/config/_default/languages.en.toml': 'contentDir = "content/en"\n',
    '/s/config/_default/params.fr.toml': 'tagline = "Bonjour"\n',
    '/s/config/_default/menus.en.toml': '[[main]]\nname = "Home"\n',
    '/s/config/_default/permalinks.toml': '[permalinks]\npost = "/:year/:slug/"\n',
  });
  const { config } = await readSite(workspace, '/s');
  // smol-toml makes objects without a prototype: compare plain copies.
  const plain = (value: unknown) => JSON.parse(JSON.stringify(value));
  assert.deepEqual(plain(config.languages), {
    fr: { contentDir: 'content/fr', weight: 2, params: { tagline: 'Bonjour' } },
    en: { contentDir: 'content/en', menus: { main: [{ name: 'Home' }] } },
  });
  assert.deepEqual(plain(config.permalinks), { post: '/:year/:slug/' });
});

test('readSite: files in folders inside the config folder are read where they sort, by their own names, as Hugo walks it', async () => {
  const workspace = new MemoryWorkspace({
    '/s/config/_default/hugo.toml': 'baseURL = "https://example.org/"\ntitle = "first"\n',
    '/s/config/_default/languages/languages.yaml': 'en:\n  weight: 1\n',
    '/s/config/_default/module/module.yaml': 'mounts:\n  - source: content/en\n    target: content\n    lang: en\n',
    // Sorts after hugo.toml, so its title wins, as Hugo's later files do.
    '/s/config/_default/nested/deeper/hugo.yaml': 'title: second\n',
    '/s/config/_default/notes/readme.txt': 'not a config file',
  });
  const { config } = await readSite(workspace, '/s');
  assert.deepEqual(config.languages, { en: { weight: 1 } });
  assert.deepEqual(config.module, { mounts: [{ source: 'content/en', target: 'content', lang: 'en' }] });
  assert.equal(config.title, 'second');
});

test('readSite: a config folder nested without end is read to a depth, not followed forever', async () => {
  const files: Record<string, string> = { '/s/config/_default/hugo.yaml': 'baseURL: https://example.org/\n' };
  let folder = '/s/config/_default';
  for (let depth = 1; depth <= 20; depth++) {
    folder += '/z'; // sorts after params.yaml, so a deeper file is read later and wins
    files[`${folder}/params.yaml`] = `depth: ${depth}\n`;
  }
  const { config } = await readSite(new MemoryWorkspace(files), '/s');
  assert.deepEqual(config.params, { depth: 8 }, 'the eighth folder down is the deepest read');
});

test('siteFor: the nearest folder with a Hugo config is the root, a nested site included, and each folder on the way up is listed once', async () => {
  const workspace = new CountingWorkspace({
    '/s/hugo.toml': 'title = "Outer"\n',
    '/s/content/blog/a/post.md': '',
    '/s/content/blog/b/post.md': '',
    '/s/content/blog/c/post.md': '',
    '/s/content/docs/inner/hugo.yaml': 'title: Inner\n',
    '/s/content/docs/inner/content/page.md': '',
  });
  const service = createLanguageService({ workspace });
  for (const folder of ['a', 'b', 'c']) assert.equal((await service.siteFor(`/s/content/blog/${folder}/post.md`)).root, '/s');
  assert.equal((await service.siteFor('/s/content/docs/inner/content/page.md')).root, '/s/content/docs/inner');
  assert.equal((await service.siteFor('/elsewhere/notes.md')).loose, true);
  const listedTwice = [...workspace.listed].filter(([, count]) => count > 1);
  assert.deepEqual(listedTwice, [], 'no folder listed more than once');
  assert.deepEqual(['/s/content/blog', '/s/content', '/s'].map((folder) => workspace.listed.get(folder)), [1, 1, 1]);
});

/** Counts how often each folder is listed. */
class CountingWorkspace extends MemoryWorkspace {
  readonly listed = new Map<string, number>();

  override async readDirectory(path: string) {
    this.listed.set(path, (this.listed.get(path) ?? 0) + 1);
    return super.readDirectory(path);
  }
}
