import assert from 'node:assert/strict';
import { test } from 'node:test';
import { filesFilter } from '../../server/engine/site/content-mounts';
import { urlSettings } from '../../server/engine/site/hugo-urls';
import { readSite } from '../../server/engine/site/site';
import { SitePages } from '../../server/engine/site/site-pages';
import { hugoSite, MemoryWorkspace, serviceFor, SITE } from '../helpers/memory-workspace';

const page = (title: string, extra = '') => `---\ntitle: ${title}\n${extra}---\n\nWords.\n`;
const POST = (body: string) => `---\ntitle: Rope care\ndate: 2025-04-02\nauthor: alice\n---\n\n${body}\n`;

/**
 * A site laid out as Hugo module mounts: English at the root from `content/en`, Dutch
 * under /nl/ from `content/nl` with the English guides as fallbacks (but not the English
 * specs), a mounted file, a folder a build step fills (absent here) and one outside the site.
 */
const MOUNTS = [
  'mounts:',
  '  - source: content/en',
  '    target: content',
  '  - source: tmp/charts',
  '    target: content/guides/charts',
  '  - source: notes/crew-roster.md',
  '    target: content/about/crew.md',
  '  - source: ../shared-pages',
  '    target: content/shared',
  '  - source: content/nl',
  '    target: content',
  '    sites: { matrix: { languages: [nl] } }',
  '  - source: content/en/guides',
  '    target: content/guides',
  "    files: ['! specs/**']",
  '    sites: { matrix: { languages: [nl] } }',
  '',
].join('\n');

function mountedSite(files: Record<string, string> = {}): MemoryWorkspace {
  return hugoSite({
    'hugo.yaml': 'baseURL: https://example.org/\ndefaultContentLanguage: en\nlanguages:\n  en: {}\n  nl: {}\n',
    'config/_default/module.yaml': MOUNTS,
    'content/en/_index.md': page('Home'),
    'content/en/guides/_index.md': page('Guides'),
    'content/en/guides/knots/_index.md': page('Knots'),
    'content/en/guides/knots/bowline.md': page('Bowline'),
    'content/en/guides/specs/rope-sizes.md': page('Rope sizes'),
    'content/en/blog/_index.md': page('Blog'),
    'content/nl/_index.md': page('Thuis'),
    'content/nl/guides/knots/_index.md': page('Knopen'),
    'notes/crew-roster.md': page('Crew roster'),
    ...files,
  });
}

async function check(workspace: MemoryWorkspace, body: string) {
  const path = `${SITE}/content/en/blog/rope-care.md`;
  workspace.files.set(path, POST(body));
  const result = await serviceFor(workspace).check(path, POST(body));
  const broken = result.diagnostics.filter((d) => d.ruleId === 'link-broken-local').map((d) => d.message.split(/[“”]/)[1]);
  return { broken, unverified: result.unverified };
}

test('content mounts: a page is served where its mount puts it, in the mount\u2019s language', async () => {
  const workspace = mountedSite();
  const pages = await SitePages.load(workspace, await readSite(workspace, SITE));
  assert.equal(pages.resolve('/guides/knots/').found && pages.pageOfUrl('/guides/knots/')?.file, `${SITE}/content/en/guides/knots/_index.md`);
  assert.equal(pages.pageOfUrl('/nl/guides/knots/')?.file, `${SITE}/content/nl/guides/knots/_index.md`, 'the language\u2019s own page comes first');
  assert.equal(pages.pageOfUrl('/nl/guides/knots/bowline/')?.file, `${SITE}/content/en/guides/knots/bowline.md`, 'a fallback from the English mount');
  assert.equal(pages.pageOfUrl('/nl/guides/specs/rope-sizes/'), undefined, 'the files filter keeps the specs out of the Dutch fallback');
  assert.equal(pages.pageOfUrl('/guides/specs/rope-sizes/')?.file, `${SITE}/content/en/guides/specs/rope-sizes.md`);
  assert.equal(pages.pageOfUrl('/about/crew/')?.file, `${SITE}/notes/crew-roster.md`, 'a mounted file takes the target\u2019s name');
  assert.equal(pages.pageOfUrl('/en/guides/knots/'), undefined, 'the source folder is not part of the URL');
  assert.equal(pages.pageOfFile(`${SITE}/content/en/guides/knots/bowline.md`)?.url, '/guides/knots/bowline/', 'a file\u2019s own page is its first mount\u2019s');
});

test('content mounts: links into mounted pages resolve; links into a mount not on disk, or outside the site, are not verified', async () => {
  const { broken, unverified } = await check(
    mountedSite(),
    '[a](/guides/knots/bowline/) [b](/nl/guides/knots/bowline/) [c](/guides/charts/tides/) [d](/shared/flags/) [e](/guides/knots/sheet-bend/) [f](/about/crew/)',
  );
  assert.deepEqual(broken, ['/guides/knots/sheet-bend/'], 'a page missing from a mount on disk is still broken');
  assert.deepEqual(
    unverified.map(({ ruleId, reason }) => [ruleId, reason]),
    [
      ['link-broken-local', 'mounted from “tmp/charts”, which is not on disk'],
      ['link-broken-local', 'mounted from “/shared-pages”, outside the site'],
    ],
  );
  assert.equal(unverified[0].range.start.line, 6);
});

test('content mounts: without module.mounts, contentDir and each language\u2019s contentDir are the mounts, as before', async () => {
  const workspace = hugoSite({ 'hugo.yaml': 'baseURL: https://example.org/\nlanguages:\n  en: { contentDir: content/en }\n  fr: {}\n' });
  const settings = urlSettings(await readSite(workspace, SITE));
  assert.deepEqual(
    settings.mounts.map(({ source, languages }) => [source, languages.map((language) => language.key)]),
    [
      [`${SITE}/content/en`, ['en']],
      [`${SITE}/content`, ['fr']],
    ],
  );
});

test('content mounts: a config that names content mounts drops the default content folder, as Hugo does', async () => {
  const workspace = hugoSite({
    'hugo.yaml': 'baseURL: https://example.org/\nmodule:\n  mounts:\n    - source: pages\n      target: content\n',
    'pages/blog/ferry-times.md': page('Ferry times'),
    'content/blog/old.md': page('Old'),
  });
  const pages = await SitePages.load(workspace, await readSite(workspace, SITE));
  assert.equal(pages.pageOfUrl('/blog/ferry-times/')?.file, `${SITE}/pages/blog/ferry-times.md`);
  assert.equal(pages.pageOfUrl('/blog/old/'), undefined, 'content/ is not mounted any more');
});

test('files filters: Hugo\u2019s glob slices, with `! ` for exclusions', () => {
  const noSpecs = filesFilter(['! specs/**']);
  assert.equal(noSpecs('knots/bowline.md'), true);
  assert.equal(noSpecs('specs/rope.md'), false);
  const onlyMarkdown = filesFilter(['**/*.md', '! **/README.md']);
  assert.equal(onlyMarkdown('a/b.md'), true);
  assert.equal(onlyMarkdown('a/README.md'), false);
  assert.equal(onlyMarkdown('a/b.png'), false);
});

test('uncertain URLs stay local: a page whose dated permalink cannot be worked out hides only the links that may lead to it', async () => {
  const workspace = hugoSite({
    'hugo.yaml': 'baseURL: https://example.org/\npermalinks:\n  blog: /:year/:month/:slug/\nfrontmatter:\n  date: [date]\n',
    'content/blog/undated.md': page('Undated', 'slug: undated\ndate: sometime in spring\n'),
    'content/blog/dated.md': page('Dated', 'slug: dated\ndate: 2024-05-01\n'),
  });
  const path = `${SITE}/content/blog/post.md`;
  const text = POST('[a](/2024/05/dated/) [b](/2023/07/undated/) [c](/2024/05/missing/)');
  workspace.files.set(path, text);
  const result = await serviceFor(workspace).check(path, text);
  assert.deepEqual(
    result.diagnostics.filter((d) => d.ruleId === 'link-broken-local').map((d) => d.message.split(/[“”]/)[1]),
    ['/2024/05/missing/'],
    'a broken link elsewhere is still reported',
  );
  assert.equal(result.unverified.length, 1);
  assert.match(result.unverified[0].reason, /content\/blog\/undated\.md/);
});

test('a site that writes its _redirects at build time: a missing address is not verified, and says why', async () => {
  const workspace = hugoSite({
    'hugo.yaml': 'baseURL: https://example.org/\noutputFormats:\n  hostRedirects:\n    mediaType: text/plain\n    baseName: _redirects\n',
    'content/blog/here.md': page('Here'),
  });
  const { broken, unverified } = await check(workspace, '[a](/blog/here/) [b](/blog/moved-away/)');
  assert.deepEqual(broken, []);
  assert.deepEqual(
    unverified.map(({ reason }) => reason),
    ['the site writes its “_redirects” at build time (output format “hostRedirects”), and a redirect there may serve this address'],
  );
});

test('a config file the site makes at build time and is not here: missing addresses are not verified, and say which file', async () => {
  const workspace = hugoSite({
    'config/_default/hugo.yaml': 'baseURL: https://example.org/\n',
    'config/_default/.gitignore': '# written by the build\nmodule.yaml\n*.local.yaml\n',
    'content/blog/here.md': page('Here'),
  });
  const site = await readSite(workspace, SITE);
  assert.deepEqual(site.generatedConfig, ['config/_default/module.yaml'], 'a name with a wildcard is no file');
  const { broken, unverified } = await check(workspace, '[a](/blog/here/) [b](/guides/)');
  assert.deepEqual(broken, []);
  assert.match(unverified[0].reason, /^“config\/_default\/module\.yaml”, which the site makes at build time/);
  workspace.files.set(`${SITE}/config/_default/module.yaml`, 'mounts: []\n');
  assert.equal((await readSite(workspace, SITE)).generatedConfig, undefined, 'once it is there, the site is read as it is');
});

test('a bundle resource opened in the editor is no post: it gets no diagnostics', async () => {
  const workspace = hugoSite({ 'content/blog/trip/index.md': page('Trip'), 'content/blog/trip/notes.md': 'no front matter\n' });
  const result = await serviceFor(workspace).check(`${SITE}/content/blog/trip/notes.md`, 'no front matter\n');
  assert.deepEqual([result.isPost, result.diagnostics], [false, []]);
  const index = await serviceFor(workspace).check(`${SITE}/content/blog/trip/index.md`, page('Trip'));
  assert.equal(index.isPost, true);
});

test('a content adapter (_content.gotmpl) makes its pages at build time: links under its section are not verified, others still are', async () => {
  const workspace = hugoSite({
    'content/boats/_index.md': page('Boats'),
    'content/boats/_content.gotmpl': '{{/* makes one page per boat from data/boats.json */}}\n',
    'content/blog/here.md': page('Here'),
  });
  const { broken, unverified } = await check(workspace, '[a](/boats/skylark/) [b](/blog/gone/)');
  assert.deepEqual(broken, ['/blog/gone/']);
  assert.deepEqual(
    unverified.map(({ reason }) => reason),
    ['pages under it are made at build time by “content/boats/_content.gotmpl”'],
  );
});
