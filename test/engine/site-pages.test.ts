import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathKey, sanitizePath } from '../../server/engine/site/hugo-urls';
import { matchRedirect, parseNetlifyToml, parseRedirectsFile } from '../../server/engine/site/redirects';
import { readSite } from '../../server/engine/site/site';
import { SitePages } from '../../server/engine/site/site-pages';
import type { PageInputs } from '../../server/engine/site/page-inputs';
import type { UrlData } from '../../server/engine/site/page-url-data';
import { hugoSite, SITE, type MemoryWorkspace } from '../helpers/memory-workspace';

/** The index of the test site in `workspace`, built as the engine builds it (with `inputs` when given). */
async function pagesOf(workspace: MemoryWorkspace, inputs?: PageInputs): Promise<SitePages> {
  return SitePages.load(workspace, await readSite(workspace, SITE), inputs);
}

test("sanitizePath: Hugo's URL paths: lower case, spaces as one hyphen, punctuation dropped, letters of any script kept", () => {
  assert.equal(sanitizePath('End-of-Year-2024'), 'end-of-year-2024');
  assert.equal(sanitizePath("Measuring your program's success"), 'measuring-your-programs-success');
  assert.equal(sanitizePath('Tools  (and more) - 2.0'), 'tools-and-more-2.0');
  assert.equal(sanitizePath('À bord: été'), 'à-bord-été');
  assert.equal(sanitizePath('オープンソース (OSPO) 入門'), 'オープンソース-ospo-入門');
});

test('pathKey: one form for every way of writing a path', () => {
  for (const path of ['/Blog/Post/', '/blog/post', '/blog//post/index.html', '/blog/./other/../post']) assert.equal(pathKey(path), '/blog/post');
  assert.equal(pathKey('/'), '/');
  assert.equal(pathKey(''), '/');
});

test('redirects: comments, query conditions, statuses, splats and placeholders', () => {
  const rules = parseRedirectsFile('# old\n/a   /b\n/shop id=:id  /items/:id  301\n/news/:year/*  /archive/:year/:splat  200!\nhttps://old.example.org/*  /x\n', '_redirects');
  assert.equal(rules.length, 3);
  assert.equal(matchRedirect(rules, '/a')?.target, '/b');
  assert.equal(matchRedirect(rules, '/shop')?.redirect.to, '/items/:id');
  const news = matchRedirect(rules, '/news/2024/spring/fair', true);
  assert.equal(news?.target, '/archive/2024/spring/fair/');
  assert.equal(news?.redirect.status, 200);
  assert.equal(matchRedirect(rules, '/news'), undefined);
  assert.deepEqual(parseNetlifyToml('[[redirects]]\nfrom = "/c"\nto = "/d"\nstatus = 302\n', 'netlify.toml').map((rule) => [rule.from, rule.to, rule.status]), [['/c', '/d', 302]]);
  assert.deepEqual(parseNetlifyToml('not [ toml', 'netlify.toml'), []);
});

test('SitePages: pages by URL, alias and file; the post URL from edited front matter; anchors parsed on demand', async () => {
  const workspace = hugoSite({
    'content/blog/first.md': '---\ntitle: First\naliases: [old-first]\n---\n\n## Hello there\n',
    'content/about.md': '---\ntitle: About\nURL: /about-us/\n---\n',
  });
  const pages = await pagesOf(workspace);
  assert.equal(pages.resolve('/blog/first/').found, true);
  assert.equal(pages.resolve('/about-us').found, true);
  assert.equal(pages.resolve('/about/').found, false);
  assert.equal(pages.resolve('/old-first/').found, true, 'a relative alias, from the language root');
  assert.equal(pages.resolve('/blog/old-first/').found, true, 'or from the page folder');
  assert.equal(pages.urlOf(`${SITE}/content/blog/first.md`, { slug: 'premier' }), '/blog/premier/');
  const page = pages.pageOfFile(`${SITE}/content/blog/first.md`)!;
  assert.deepEqual([...(await pages.anchorsOf(page))!.ids], ['hello-there']);
});

test('SitePages: date tokens of permalinks; a page without a date is at Hugo zero time', async () => {
  const workspace = hugoSite({
    'hugo.yaml': 'baseURL: https://example.org/\npermalinks:\n  posts: /:year/:month/:day/:filename/\n',
    'content/posts/spring.md': '---\ntitle: Spring\ndate: 2025-03-09T10:00:00Z\n---\n',
    'content/posts/undated.md': '---\ntitle: Undated\n---\n',
  });
  const pages = await pagesOf(workspace);
  assert.equal(pages.resolve('/2025/03/09/spring/').found, true);
  assert.equal(pages.resolve('/1/01/01/undated/').found, true);
  assert.equal(pages.resolve('/posts/spring/').found, false);
});

test('SitePages: an index rebuilt from the data another thread sent (structured clone) answers as the original', async () => {
  const workspace = hugoSite({
    'hugo.yaml': 'baseURL: https://example.org/\n',
    'content/blog/first.md': '---\ntitle: First\naliases: [/old-first/]\n---\n\n## Hello there\n',
    'content/blog/bundle/index.md': '---\ntitle: Bundle\n---\n',
    'content/blog/bundle/photo.png': 'png',
    'content/docs/_index.md': '---\ntitle: Docs\n---\n',
    'static/img/logo.svg': '<svg/>',
    'static/_redirects': '/gone /blog/first/ 301\n/dead /nowhere 404\n',
  });
  const site = await readSite(workspace, SITE);
  const original = await SitePages.load(workspace, site);
  const copy = SitePages.fromData(workspace, site, structuredClone(original.data()));
  for (const path of ['/blog/first/', '/old-first/', '/blog/bundle/', '/blog/bundle/photo.png', '/docs/', '/img/logo.svg', '/gone', '/dead', '/blog/missing/', '/img/logo.png', '/blog/index.xml']) {
    assert.deepEqual(copy.resolve(path), original.resolve(path), path);
  }
  assert.equal(copy.suggestion('/images/logo.svg'), original.suggestion('/images/logo.svg'));
  assert.deepEqual(copy.renderHooks, original.renderHooks);
  assert.equal(copy.hasContentFile(`${SITE}/content/blog/bundle/photo.png`), true);
  const page = copy.pageOfFile(`${SITE}/content/blog/first.md`)!;
  assert.equal(page, copy.pageOfUrl('/blog/first/'), 'the pages the maps share stay one object');
  assert.deepEqual([...(await copy.anchorsOf(page))!.ids], ['hello-there']);
});

test('redirects: the first matching rule wins, top to bottom, whether its first segment is written out or a placeholder', () => {
  const rules = parseRedirectsFile('/docs/old   /docs/new\n/:lang/x   /placeholder-first\n/en/x   /literal-second\n/en/*   /splat\n/*   /anything\n', '_redirects');
  assert.equal(matchRedirect(rules, '/en/x')?.target, '/placeholder-first');
  assert.equal(matchRedirect(rules, '/en/y')?.target, '/splat');
  assert.equal(matchRedirect(rules, '/docs/old')?.target, '/docs/new');
  assert.equal(matchRedirect(rules, '/docs/other')?.target, '/anything');
  const many = parseRedirectsFile(Array.from({ length: 5000 }, (_, i) => `/section-${i}/*   /moved-${i}/:splat`).join('\n'), '_redirects');
  assert.equal(matchRedirect(many, '/section-4321/page')?.target, '/moved-4321/page');
  assert.equal(matchRedirect(many, '/nowhere/page'), undefined);
});

test('SitePages with page inputs: what an earlier build remembered stands for the files it answers for, which are not read, and the index is the same', async () => {
  const files = {
    'hugo.yaml': 'baseURL: https://example.org/\npermalinks:\n  posts: /:year/:slug/\n',
    'content/posts/spring.md': '---\ntitle: Spring\ndate: 2025-03-09\nslug: early-spring\naliases: [/old-spring/]\n---\n',
    'content/posts/plain.md': '---\ntitle: Plain\n---\nNo URL of its own.\n',
    'content/posts/moved.md': '+++\ntitle = "Moved"\ndate = 2024-01-02T03:04:05Z\nurl = "/elsewhere/"\n+++\n',
    'content/about.md': '---\ntitle: About\n---\n',
  };
  const remembered = new Map<string, { keys: string; data: unknown }>();
  const memo: PageInputs = {
    recall: (file, keys) => {
      const entry = remembered.get(file);
      return entry && entry.keys === JSON.stringify(keys) ? (entry.data as UrlData) : undefined;
    },
    remember: (file, keys, data) => void remembered.set(file, { keys: JSON.stringify(keys), data }),
  };
  const first = hugoSite(files);
  const built = await pagesOf(first, memo);
  const contentFiles = Object.keys(files).filter((file) => file.startsWith('content/')).map((file) => `${SITE}/${file}`);
  assert.deepEqual([...remembered.keys()].sort(), contentFiles.sort(), 'every content file read is remembered');

  const second = hugoSite(files);
  const rebuilt = await pagesOf(second, memo);
  assert.deepEqual(second.reads.filter((path) => path.includes('/content/')), [], 'no content file is read again');
  assert.deepEqual(rebuilt.data(), built.data());
  assert.equal(rebuilt.resolve('/2025/early-spring/').found, true);
  assert.equal(rebuilt.resolve('/old-spring/').found, true);
  assert.equal(rebuilt.resolve('/elsewhere/').found, true);

  // An answer for other keys (the permalink changed) is not taken: the file is read.
  const dated = hugoSite({ ...files, 'hugo.yaml': 'baseURL: https://example.org/\npermalinks:\n  posts: /:year/:month/:filename/\n' });
  const redated = await pagesOf(dated, memo);
  assert.ok(dated.reads.includes(`${SITE}/content/posts/spring.md`));
  assert.equal(redated.resolve('/2025/03/spring/').found, true);
});

test('SitePages: a page with JSON front matter is served where its slug, url and aliases say, as Hugo serves it', async () => {
  const workspace = hugoSite({
    'content/blog/jay.md': '{\n  "title": "Jay",\n  "slug": "j-for-json",\n  "aliases": ["/old-jay/"]\n}\n\nWritten in JSON.\n',
    'content/blog/moved.md': '  {"title": "Moved", "url": "/moved-here/"}\nBody.\n',
  });
  const pages = await pagesOf(workspace);
  assert.equal(pages.resolve('/blog/j-for-json/').found, true);
  assert.equal(pages.resolve('/blog/jay/').found, false);
  assert.equal(pages.resolve('/old-jay/').found, true);
  assert.equal(pages.resolve('/moved-here/').found, true);
});
