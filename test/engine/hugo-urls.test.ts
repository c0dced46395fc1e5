import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from '../helpers/fast-check';
import { frontMatterDates } from '../../server/engine/site/front-matter-dates';
import {
  CONTENT_EXTENSIONS,
  contentExtension,
  isRecord,
  keysNeeded,
  mayBeUnder,
  pageShape,
  pageUrl,
  pageUrls,
  pathKey,
  placeOf,
  sanitizePath,
  setting,
  taxonomiesOfFile,
  urlSettings,
  type Language,
  type PageUrl,
  type UrlFrontMatter,
  type UrlSettings,
} from '../../server/engine/site/hugo-urls';
import type { Site } from '../../server/engine/site/site';

// Every expected URL below is written by hand from Hugo's documentation
// (URL management, permalinks, multilingual mode), never computed by the code.

const ROOT = '/site';

function siteWith(config: Record<string, unknown>, baseURL?: string): Site {
  return { root: ROOT, config, baseURL, contentDir: `${ROOT}/content`, dates: frontMatterDates(config), impliedPreset: 'hugo', problems: [], loose: false };
}

const settingsOf = (config: Record<string, unknown>, baseURL?: string) => urlSettings(siteWith(config, baseURL));

/** Where Hugo serves `rel` (a path inside the content folder) in the given language. */
function urlOf(rel: string, data: UrlFrontMatter, settings: UrlSettings, language: Language = settings.defaultLanguage): PageUrl {
  return pageUrl({ language, rel }, pageShape(rel), data, settings);
}

const english: Language = { key: 'en', prefix: '' };

test('setting: config keys are found whatever their case, the exact spelling first', () => {
  assert.equal(setting({ BaseURL: 'https://a.example/' }, 'baseurl'), 'https://a.example/');
  assert.equal(setting({ baseurl: 'https://a.example/' }, 'baseURL'), 'https://a.example/');
  assert.equal(setting({ title: 'lower', Title: 'exact' }, 'Title'), 'exact');
  assert.equal(setting({ title: 'x' }, 'author'), undefined);
  assert.equal(setting({ flag: false }, 'flag'), false, 'a false value is a value, not a missing key');
});

test('setting: only a mapping has keys (not a list, a date, null or a scalar)', () => {
  assert.equal(setting(['a'], '0'), undefined);
  assert.equal(setting(null, 'x'), undefined);
  assert.equal(setting(undefined, 'x'), undefined);
  assert.equal(setting('text', 'length'), undefined);
  assert.equal(setting(new Date(0), 'getTime'), undefined);
});

test('isRecord: a plain mapping is one; lists, dates, null and scalars are not', () => {
  assert.equal(isRecord({}), true);
  assert.equal(isRecord({ a: 1 }), true);
  for (const value of [[], [1], null, undefined, new Date(0), 'a', 3, true]) assert.equal(isRecord(value), false, String(value));
});

test('urlSettings: a site with no settings is Hugo default: English at the root, tags and categories, pretty URLs', () => {
  const { mounts, uglyURLs, ...settings } = settingsOf({});
  assert.equal(uglyURLs('posts'), false);
  assert.deepEqual(
    mounts.map(({ source, target, languages, legacy }) => ({ source, target, languages, legacy })),
    [{ source: `${ROOT}/content`, target: '', languages: [english], legacy: true }],
  );
  assert.deepEqual(settings, {
    languages: [english],
    defaultLanguage: english,
    pagePatterns: new Map(),
    sectionPatterns: new Map(),
    taxonomies: new Map([['en', ['tags', 'categories']]]),
    dateSources: ['date', 'publishdate', 'pubdate', 'published', 'lastmod', 'modified'],
    fileNameChains: [],
    gitInfo: false,
    basePath: '',
  });
});

test('urlSettings: the default language of a one-language site goes in a subfolder when defaultContentLanguageInSubdir is true', () => {
  const settings = settingsOf({ defaultContentLanguage: 'DE', defaultContentLanguageInSubdir: true });
  const german = { key: 'de', prefix: '/de' };
  assert.deepEqual(settings.languages, [german]);
  assert.deepEqual(settings.defaultLanguage, german);
  assert.deepEqual(settings.mounts.map(({ source, languages }) => [source, languages]), [[`${ROOT}/content`, [german]]]);
});

test('urlSettings: languages: keys lower-cased, own content folders, the default at the root, disabled ones left out', () => {
  const settings = settingsOf({
    defaultContentLanguage: 'FR',
    languages: {
      en: { contentDir: 'content/english/', weight: 2 },
      FR: { ContentDir: 'content/french', weight: 1 },
      de: { disabled: true, contentDir: 'content/german' },
      it: { disabled: false },
      ja: {},
    },
  });
  const french = { key: 'fr', prefix: '' };
  const [english, italian, japanese] = [{ key: 'en', prefix: '/en' }, { key: 'it', prefix: '/it' }, { key: 'ja', prefix: '/ja' }];
  assert.deepEqual(settings.languages, [english, french, italian, japanese]);
  assert.deepEqual(settings.defaultLanguage, french);
  assert.deepEqual(
    settings.mounts.map(({ source, target, languages, legacy }) => ({ source, target, languages, legacy })),
    [
      { source: `${ROOT}/content/english`, target: '', languages: [english], legacy: true },
      { source: `${ROOT}/content/french`, target: '', languages: [french], legacy: true },
      { source: `${ROOT}/content`, target: '', languages: [italian, japanese], legacy: true },
    ],
    'deepest first: a language folder inside the shared one stays its language\'s',
  );
});

test('urlSettings: with defaultContentLanguageInSubdir every language has its prefix, the default one too', () => {
  const settings = settingsOf({ defaultContentLanguageInSubdir: true, languages: { en: {}, es: {} } });
  assert.deepEqual(
    settings.languages.map((language) => language.prefix),
    ['/en', '/es'],
  );
  assert.equal(settings.defaultLanguage.key, 'en');
});

test('urlSettings: a language list that does not name the default language falls back to its first language', () => {
  const settings = settingsOf({ defaultContentLanguage: 'pt', languages: { es: {}, ca: {} } });
  assert.equal(settings.defaultLanguage.key, 'es');
});

test('urlSettings: when every language is disabled the default language remains, at the root', () => {
  assert.deepEqual(settingsOf({ languages: { en: { disabled: true } } }).languages, [english]);
});

test('urlSettings: permalinks in the old form (section: pattern) set regular pages only', () => {
  const settings = settingsOf({ permalinks: { Posts: '/:year/:title/', broken: 3 } });
  assert.deepEqual(settings.pagePatterns, new Map([['posts', '/:year/:title/']]));
  assert.deepEqual(settings.sectionPatterns, new Map());
});

test('urlSettings: permalinks in the new form: page and section patterns, either one alone', () => {
  const both = settingsOf({ Permalinks: { page: { posts: '/articles/:slug/' }, Section: { posts: '/articles/' } } });
  assert.deepEqual(both.pagePatterns, new Map([['posts', '/articles/:slug/']]));
  assert.deepEqual(both.sectionPatterns, new Map([['posts', '/articles/']]));
  const sectionOnly = settingsOf({ permalinks: { section: { docs: '/manual/' } } });
  assert.deepEqual(sectionOnly.pagePatterns, new Map());
  assert.deepEqual(sectionOnly.sectionPatterns, new Map([['docs', '/manual/']]));
  const pageOnly = settingsOf({ permalinks: { page: { docs: '/manual/:slug/' } } });
  assert.deepEqual(pageOnly.pagePatterns, new Map([['docs', '/manual/:slug/']]));
  assert.deepEqual(pageOnly.sectionPatterns, new Map());
});

test('urlSettings: taxonomies are the plural names of the taxonomies setting', () => {
  assert.deepEqual(settingsOf({ taxonomies: { tag: 'tags', series: 'Series', broken: 7, empty: '' } }).taxonomies, new Map([['en', ['tags', 'series']]]));
  assert.deepEqual(settingsOf({ taxonomies: ['tags'] }).taxonomies, new Map([['en', ['tags', 'categories']]]), 'a list is not a taxonomies mapping');
  assert.deepEqual(settingsOf({ taxonomies: {} }).taxonomies, new Map([['en', []]]), 'an empty mapping turns them all off');
});

test('urlSettings: a language\'s own taxonomies replace the site\'s for that language; the others keep the site\'s', () => {
  const settings = settingsOf({
    taxonomies: { tag: 'tags', category: 'categories', topic: 'topics' },
    languages: {
      en: {},
      FR: { Taxonomies: { tag: 'Etiquettes', category: 'rubriques' } },
      de: { taxonomies: { tag: 'schlagworte' }, weight: 3 },
      nl: { taxonomies: 'tags' },
    },
  });
  assert.deepEqual(
    settings.taxonomies,
    new Map([
      ['en', ['tags', 'categories', 'topics']],
      ['fr', ['etiquettes', 'rubriques']],
      ['de', ['schlagworte']],
      ['nl', ['tags', 'categories', 'topics']],
    ]),
    'Hugo merges a language\'s maps with the strategy "none": none of the site\'s entries are added; a value that is no mapping is ignored',
  );
});

test('urlSettings: a language\'s taxonomies with `_merge: deep` add the site\'s entries they lack, with no default for a site that sets none', () => {
  const languages = { en: {}, sv: { taxonomies: { _merge: 'deep', tag: 'taggar' } } };
  const merged = settingsOf({ taxonomies: { tag: 'tags', series: 'series' }, languages });
  assert.deepEqual(merged.taxonomies.get('sv'), ['taggar', 'series'], 'its own `tag` wins; `series` comes from the site');
  assert.deepEqual(settingsOf({ languages }).taxonomies, new Map([['en', ['tags', 'categories']], ['sv', ['taggar']]]));
});

test('taxonomiesOfFile: the taxonomies of the language a content file is in, by its name or its language\'s content folder', () => {
  const settings = settingsOf({
    taxonomies: { tag: 'tags' },
    languages: { en: {}, fr: { taxonomies: { tag: 'FRtags' } }, fa: { contentDir: 'content.fa', taxonomies: { tag: 'FAtags' } } },
  });
  assert.deepEqual(taxonomiesOfFile(`${ROOT}/content/posts/syntax.md`, settings), ['tags']);
  assert.deepEqual(taxonomiesOfFile(`${ROOT}/content/posts/syntax.fr.md`, settings), ['frtags']);
  assert.deepEqual(taxonomiesOfFile(`${ROOT}/content.fa/posts/syntax.md`, settings), ['fatags']);
  assert.deepEqual(taxonomiesOfFile('/elsewhere/notes.fr.md', settings), ['tags'], 'outside the content folders: the default language');
});

test('urlSettings: uglyURLs when set to true, or for the sections a map sets true; the frontmatter setting orders the date sources', () => {
  assert.equal(settingsOf({ uglyURLs: true }).uglyURLs('posts'), true);
  assert.equal(settingsOf({ uglyurls: true }).uglyURLs(''), true);
  assert.equal(settingsOf({ uglyURLs: 'yes' }).uglyURLs('posts'), false);
  const bySection = settingsOf({ uglyURLs: { Post: true, docs: false } }).uglyURLs;
  assert.deepEqual([bySection('post'), bySection('docs'), bySection('about')], [true, false, false]);
  assert.deepEqual(settingsOf({ frontmatter: { date: [':filename', ':default'] } }).dateSources.slice(0, 2), [':filename', 'date']);
});

test('urlSettings: the base path is the path of baseURL, without trailing slashes', () => {
  assert.equal(settingsOf({}, 'https://example.org/Docs/').basePath, '/docs');
  assert.equal(settingsOf({}, 'https://example.org/a/b//').basePath, '/a/b');
  assert.equal(settingsOf({}, 'https://example.org/').basePath, '');
  assert.equal(settingsOf({}, 'https://example.org').basePath, '');
  assert.equal(settingsOf({}, '').basePath, '');
  assert.equal(settingsOf({}, 'not a url/docs/').basePath, '', 'a baseURL that is no URL gives no base path');
});

test("sanitizePath: Hugo keeps . _ # + ~ - @ / and letters, turns a run of spaces into one hyphen, drops the rest", () => {
  assert.equal(sanitizePath('Release_Notes.v2'), 'release_notes.v2');
  assert.equal(sanitizePath('C# & C++'), 'c#-c++');
  assert.equal(sanitizePath('a - b'), 'a-b', 'no second hyphen beside a written one');
  assert.equal(sanitizePath('a -b'), 'a-b');
  assert.equal(sanitizePath('a- b'), 'a-b');
  assert.equal(sanitizePath('  Leading and trailing  '), 'leading-and-trailing');
  assert.equal(sanitizePath('Tabs\tand\nlines'), 'tabs-and-lines');
  assert.equal(sanitizePath('docs/Getting Started'), 'docs/getting-started');
  assert.equal(sanitizePath('team@Example ~home'), 'team@example-~home');
  assert.equal(sanitizePath('what?!'), 'what');
  assert.equal(sanitizePath(''), '');
  assert.equal(sanitizePath('?!'), '', 'nothing kept');
  assert.equal(sanitizePath('   '), '');
});

test('pathKey: clean paths lose only a trailing slash; others are resolved segment by segment', () => {
  assert.equal(pathKey('/Blog/'), '/blog');
  assert.equal(pathKey('/blog'), '/blog');
  assert.equal(pathKey('/'), '/');
  assert.equal(pathKey('blog/post/'), '/blog/post', 'a path without its leading slash');
  assert.equal(pathKey('/index.html'), '/');
  assert.equal(pathKey('/blog/Index.HTML'), '/blog');
  assert.equal(pathKey('/blog/index.html/extra'), '/blog/index.html/extra', 'index.html in the middle is a folder name');
  assert.equal(pathKey('/a/../../b'), '/b', 'no climbing above the root');
  assert.equal(pathKey('/.well-known/security.txt'), '/.well-known/security.txt');
  assert.equal(pathKey('/a/b/.'), '/a/b');
  assert.equal(pathKey('//'), '/');
  assert.equal(pathKey('/a//b'), '/a/b');
});

test('contentExtension: the file kinds Hugo renders, whatever the case; others are not content', () => {
  // Hugo's media/builtin.go: the suffixes of its default content types.
  for (const extension of ['.md', '.mdown', '.markdown', '.html', '.htm', '.adoc', '.asciidoc', '.ad', '.org', '.pandoc', '.pdc', '.rst']) {
    assert.equal(contentExtension(`page${extension}`), extension);
  }
  assert.equal(contentExtension('POST.MD'), '.md');
  assert.equal(contentExtension('notes.txt'), undefined);
  assert.equal(contentExtension('post.md.bak'), undefined);
});

test('pageShape: _index is the home page or a section, index a leaf bundle, any other file a page', () => {
  assert.deepEqual(pageShape('_index.md'), { kind: 'home', dirs: [], name: '', bundle: true });
  assert.deepEqual(pageShape('docs/_index.md'), { kind: 'section', dirs: ['docs'], name: 'docs', bundle: true });
  assert.deepEqual(pageShape('docs/guides/_index.html'), { kind: 'section', dirs: ['docs', 'guides'], name: 'guides', bundle: true });
  assert.deepEqual(pageShape('posts/trip/index.md'), { kind: 'page', dirs: ['posts'], name: 'trip', bundle: true });
  assert.deepEqual(pageShape('posts/2024/trip/index.md'), { kind: 'page', dirs: ['posts', '2024'], name: 'trip', bundle: true });
  assert.deepEqual(pageShape('posts/Spring.Notes.md'), { kind: 'page', dirs: ['posts'], name: 'Spring.Notes', bundle: false });
  assert.deepEqual(pageShape('about.md'), { kind: 'page', dirs: [], name: 'about', bundle: false });
  assert.deepEqual(pageShape('posts/README'), { kind: 'page', dirs: ['posts'], name: 'README', bundle: false }, 'no extension: the stem is the whole name');
});

test('pageUrl: without settings a page is served at its path, sanitised, with a trailing slash', () => {
  const settings = settingsOf({});
  assert.deepEqual(urlOf('posts/My First Post.md', {}, settings), { url: '/posts/my-first-post/' });
  assert.deepEqual(urlOf('about.md', {}, settings), { url: '/about/' });
  assert.deepEqual(urlOf('posts/trip/index.md', {}, settings), { url: '/posts/trip/' });
  assert.deepEqual(urlOf('Docs/Guide Book/_index.md', {}, settings), { url: '/docs/guide-book/' });
  assert.deepEqual(urlOf('_index.md', {}, settings), { url: '/' });
});

test('pageUrl: slug replaces the last part of a page URL, not of a section one', () => {
  const settings = settingsOf({});
  assert.deepEqual(urlOf('posts/first.md', { slug: 'Hello World' }, settings), { url: '/posts/hello-world/' });
  assert.deepEqual(urlOf('posts/trip/index.md', { slug: 'voyage' }, settings), { url: '/posts/voyage/' });
  assert.deepEqual(urlOf('about.md', { slug: 'who' }, settings), { url: '/who/' });
  assert.deepEqual(urlOf('posts/first.md', { slug: '' }, settings), { url: '/posts/first/' }, 'an empty slug is no slug');
  assert.deepEqual(urlOf('posts/first.md', { slug: 2024 }, settings), { url: '/posts/2024/' }, 'Hugo reads a number as its text');
  assert.deepEqual(urlOf('posts/first.md', { slug: ['x'] }, settings), { url: '/posts/first/' }, 'a list is no text');
  assert.deepEqual(urlOf('posts/_index.md', { slug: 'articles' }, settings), { url: '/posts/' });
});

test('pageUrl: url replaces the whole path, on pages and sections, before any permalink', () => {
  const settings = settingsOf({ permalinks: { page: { posts: '/:year/:slug/' }, section: { posts: '/articles/' } } });
  assert.deepEqual(urlOf('posts/a.md', { url: '/custom/path/', slug: 'other' }, settings), { url: '/custom/path/' });
  assert.deepEqual(urlOf('posts/_index.md', { url: '/all-posts/' }, settings), { url: '/all-posts/' });
  assert.deepEqual(urlOf('posts/a.md', { url: ' /spaced/ ' }, settings), { url: '/spaced/' });
  assert.deepEqual(urlOf('about.md', { url: 'relative/' }, settings), { url: '/relative/' });
  assert.deepEqual(urlOf('about.md', { url: '   ' }, settings), { url: '/about/' }, 'a blank url is no url');
  assert.deepEqual(urlOf('about.md', { url: 5 }, settings), { url: '/5/' }, 'Hugo reads a number as its text');
  assert.deepEqual(urlOf('posts/a.md', { url: '/news/2021/launch' }, settings), { url: '/news/2021/launch/' }, 'no dot: written as index.html, linked with a slash');
  assert.deepEqual(urlOf('posts/a.md', { url: '/feed.xml' }, settings), { url: '/feed.xml' }, 'a dot: a file, as written');
  assert.deepEqual(urlOf('about.md', { url: ['/a/'] }, settings), { url: '/about/' });
});

test('pageUrl: in a language with a prefix, paths, permalinks and relative urls are under it; a url from / is not', () => {
  const settings = settingsOf({ languages: { en: {}, fr: {} }, permalinks: { posts: '/articles/:slug/' } });
  const french = settings.languages[1];
  assert.deepEqual(urlOf('_index.md', {}, settings, french), { url: '/fr/' });
  assert.deepEqual(urlOf('about.md', {}, settings, french), { url: '/fr/about/' });
  assert.deepEqual(urlOf('posts/a.md', { slug: 'bonjour' }, settings, french), { url: '/fr/articles/bonjour/' });
  assert.deepEqual(urlOf('posts/a.md', {}, settings, french), { uncertainPath: '/fr/articles/*/' });
  assert.deepEqual(urlOf('about.md', { url: 'a-propos/' }, settings, french), { url: '/fr/a-propos/' });
  assert.deepEqual(urlOf('about.md', { url: '/a-propos/' }, settings, french), { url: '/a-propos/' });
});

test('pageUrl: a section pattern is for the section page, a page pattern for the pages of the top-level section', () => {
  const settings = settingsOf({ permalinks: { page: { posts: '/articles/:sections/:filename/' }, section: { docs: '/manual/' } } });
  assert.deepEqual(urlOf('docs/_index.md', {}, settings), { url: '/manual/' });
  assert.deepEqual(urlOf('docs/setup.md', {}, settings), { url: '/docs/setup/' });
  assert.deepEqual(urlOf('posts/_index.md', {}, settings), { url: '/posts/' });
  assert.deepEqual(urlOf('posts/2024/spring.md', {}, settings), { url: '/articles/posts/2024/spring/' });
  // Hugo lower-cases the whole path; lookups compare paths by pathKey, lower case.
  const autumn = urlOf('Posts/Autumn.md', {}, settings);
  assert.equal('url' in autumn && pathKey(autumn.url), '/articles/posts/autumn', 'patterns match the section whatever its case');
});

test('pageUrl: every permalink token Hugo documents, from the front matter and the file', () => {
  const pattern = (token: string) => settingsOf({ permalinks: { posts: `/x/${token}/` } });
  const data = { title: 'Spring Fair!', slug: 'Fair Day', date: '2024-03-09T10:00:00Z' };
  const expect = (token: string, value: string, front: UrlFrontMatter = data) =>
    assert.deepEqual(urlOf('posts/2024/Spring Notes.md', front, pattern(token)), { url: `/x/${value}/` }, token);
  expect(':section', 'posts');
  expect(':sections', 'posts/2024');
  expect(':title', 'spring-fair');
  expect(':slug', 'fair-day');
  expect(':slug', 'spring-fair', { title: 'Spring Fair!' });
  expect(':filename', 'spring-notes');
  expect(':contentbasename', 'spring-notes');
  expect(':slugorfilename', 'fair-day');
  expect(':slugorfilename', 'spring-notes', { title: 'Spring Fair!' });
  expect(':slugorcontentbasename', 'fair-day');
  expect(':slugorcontentbasename', 'spring-notes', { slug: '' });
  // 9 March 2024 was a Saturday.
  expect(':year', '2024');
  expect(':month', '03');
  expect(':monthname', 'march');
  expect(':day', '09');
  expect(':weekday', '6');
  expect(':weekdayname', 'saturday');
});

test('pageUrl: a leaf bundle is named after its folder in :filename', () => {
  const settings = settingsOf({ permalinks: { posts: '/:filename/' } });
  assert.deepEqual(urlOf('posts/Big Trip/index.md', {}, settings), { url: '/big-trip/' });
});

test('pageUrl: dates from a YAML timestamp, in UTC; 25 December 2023 was a Monday', () => {
  const settings = settingsOf({ permalinks: { posts: '/:year/:month/:day/:monthname/:weekday/:weekdayname/' } });
  assert.deepEqual(urlOf('posts/a.md', { date: new Date('2023-12-25T23:30:00Z') }, settings), { url: '/2023/12/25/december/1/monday/' });
  assert.deepEqual(urlOf('posts/a.md', { date: ' 2023-12-25 ' }, settings), { url: '/2023/12/25/december/1/monday/' });
});

test('pageUrl: :monthname and :weekdayname are the English names, in lower case', () => {
  const settings = settingsOf({ permalinks: { posts: '/:monthname/:weekdayname/' } });
  const names = (date: string) => {
    const result = urlOf('posts/a.md', { date }, settings);
    return 'url' in result ? result.url : result.uncertainPath;
  };
  const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
  // The 1st of each month of 2024 fell on these days (2024 began on a Monday and was a leap year).
  const firsts = ['monday', 'thursday', 'friday', 'monday', 'wednesday', 'saturday', 'monday', 'thursday', 'sunday', 'tuesday', 'friday', 'sunday'];
  for (let month = 0; month < 12; month++) {
    assert.equal(names(`2024-${String(month + 1).padStart(2, '0')}-01`), `/${months[month]}/${firsts[month]}/`);
  }
});

test('pageUrl: a page without a date is at Hugo zero time, 1 January of year 1, a Monday', () => {
  const settings = settingsOf({ permalinks: { posts: '/:year/:month/:day/:monthname/:weekday/:weekdayname/' } });
  assert.deepEqual(urlOf('posts/a.md', {}, settings), { url: '/1/01/01/january/1/monday/' });
});

test('pageUrl: the page date comes from the site\u2019s date sources in order; a file\u2019s time or git date, or a value that is no date, is unknown here', () => {
  const settings = (date: string[], extra: Record<string, unknown> = {}) => settingsOf({ frontmatter: { date }, permalinks: { posts: '/blog/:year/:slug/' }, ...extra });
  const byName = settings([':filename', ':default']);
  assert.deepEqual(urlOf('posts/2023-05-01-a.md', { slug: 'a', dates: { date: '2024-03-09' } }, byName), { url: '/blog/2023/a/' }, 'the file name first');
  assert.deepEqual(urlOf('posts/a.md', { slug: 'a', dates: { date: '2024-03-09' } }, byName), { url: '/blog/2024/a/' }, 'then the keys');
  assert.deepEqual(urlOf('posts/a.md', { slug: 'a', dates: { publishdate: '2022-01-02' } }, byName), { url: '/blog/2022/a/' });
  assert.deepEqual(urlOf('posts/a.md', { slug: 'a' }, byName), { url: '/blog/1/a/' }, 'no source gives one: Hugo\u2019s zero time');
  assert.deepEqual(urlOf('posts/a.md', { slug: 'a', dates: { date: 'March 2024' } }, byName), { uncertainPath: '/blog/*/a/' });
  assert.deepEqual(urlOf('posts/a.md', { slug: 'a', dates: { date: new Date('invalid') } }, byName), { uncertainPath: '/blog/*/a/' });
  assert.deepEqual(urlOf('posts/a.md', { slug: 'a', dates: { date: 20240309 } }, byName), { uncertainPath: '/blog/*/a/' });
  assert.deepEqual(urlOf('posts/a.md', { slug: 'a', dates: { date: '2024-03-09' } }, settings([':filemodtime', 'date'])), { uncertainPath: '/blog/*/a/' });
  assert.deepEqual(urlOf('posts/a.md', { slug: 'a', dates: { date: '2024-03-09' } }, settings([':git', 'date'])), { url: '/blog/2024/a/' }, 'without git info, :git gives nothing');
  assert.deepEqual(urlOf('posts/a.md', { slug: 'a', dates: { date: '2024-03-09' } }, settings([':git', 'date'], { enableGitInfo: true })), { uncertainPath: '/blog/*/a/' });
});

test('pageUrl: with `:filename` in the date list, a dated file name gives the date and, unless the front matter sets `slug`, the slug', () => {
  const settings = settingsOf({ frontmatter: { date: [':filename', ':default'] } });
  assert.deepEqual(urlOf('blog/2023-11-20-harvest-moon.md', {}, settings), { url: '/blog/harvest-moon/' });
  assert.deepEqual(urlOf('blog/2023-11-20-harvest-moon.md', { dates: { date: '2023-12-01' } }, settings), { url: '/blog/harvest-moon/' }, 'the file name comes first');
  assert.deepEqual(urlOf('blog/2023-11-20-harvest-moon/index.md', {}, settings), { url: '/blog/harvest-moon/' }, 'a leaf bundle by its folder name');
  assert.deepEqual(urlOf('blog/2023-11-20-Harvest Moon.md', {}, settings), { url: '/blog/harvest-moon/' }, 'sanitised as any slug');
  assert.deepEqual(urlOf('blog/2023-11-20-harvest-moon.md', { slug: 'moonrise' }, settings), { url: '/blog/moonrise/' });
  assert.deepEqual(urlOf('blog/2023-11-20-harvest-moon.md', { slug: '' }, settings), { url: '/blog/2023-11-20-harvest-moon/' }, 'a blank slug written: no slug from the name');
  assert.deepEqual(urlOf('blog/2023-11-20-harvest-moon.md', { slug: null }, settings), { url: '/blog/2023-11-20-harvest-moon/' });
  assert.deepEqual(urlOf('blog/2023-11-20.md', {}, settings), { url: '/blog/2023-11-20/' }, 'nothing after the date: the file name stays');
  assert.deepEqual(urlOf('blog/harvest-moon.md', {}, settings), { url: '/blog/harvest-moon/' }, 'no date in the name');
  assert.deepEqual(urlOf('blog/2023-02-30-moon.md', {}, settings), { url: '/blog/2023-02-30-moon/' }, 'no such day');
  assert.deepEqual(urlOf('blog/2023-11-20-tide-tables-v2.1.md', {}, settings), { url: '/blog/tide-tables-v2/' }, 'Hugo takes off what follows a last dot');
  assert.deepEqual(urlOf('blog/2023-11-20-harvest-moon/_index.md', {}, settings), { url: '/blog/2023-11-20-harvest-moon/' }, 'a section keeps its folder');
  assert.deepEqual(urlOf('blog/2023-11-20-harvest-moon.md', { url: '/moon/' }, settings), { url: '/moon/' }, '`url` wins');
  assert.deepEqual(urlOf('blog/2023-11-20-harvest-moon.md', {}, settingsOf({})), { url: '/blog/2023-11-20-harvest-moon/' }, 'Hugo\u2019s default lists do not read the file name');
});

test('pageUrl: the file name gives the slug only when Hugo gets to `:filename`: the sources before it give no date', () => {
  const after = settingsOf({ frontmatter: { date: ['date', ':filename'] } });
  assert.deepEqual(urlOf('blog/2023-11-20-moon.md', { dates: { date: '2023-12-01' } }, after), { url: '/blog/2023-11-20-moon/' });
  assert.deepEqual(urlOf('blog/2023-11-20-moon.md', { dates: { date: '' } }, after), { url: '/blog/moon/' }, 'an empty value gives no date');
  assert.deepEqual(urlOf('blog/2023-11-20-moon.md', {}, after), { url: '/blog/moon/' });
  const modTime = settingsOf({ frontmatter: { date: [':fileModTime', ':filename'] } });
  assert.deepEqual(urlOf('blog/2023-11-20-moon.md', {}, modTime), { url: '/blog/2023-11-20-moon/' }, 'every file has a modification time');
  const noGit = settingsOf({ frontmatter: { date: [':git', ':filename'] } });
  assert.deepEqual(urlOf('blog/2023-11-20-moon.md', {}, noGit), { url: '/blog/moon/' }, 'without git info, :git gives nothing');
});

test('pageUrl: any of Hugo\u2019s four date lists that reaches `:filename` gives the slug', () => {
  for (const list of ['lastmod', 'publishDate', 'expiryDate']) {
    const settings = settingsOf({ frontmatter: { [list]: [':filename'] } });
    assert.deepEqual(urlOf('blog/2023-11-20-moon.md', {}, settings), { url: '/blog/moon/' }, list);
  }
  const settings = settingsOf({ frontmatter: { lastmod: ['lastmod', ':filename'] } });
  assert.deepEqual(urlOf('blog/2023-11-20-moon.md', { dates: { lastmod: '2024-01-05' } }, settings), { url: '/blog/2023-11-20-moon/' });
  assert.deepEqual(urlOf('blog/2023-11-20-moon.md', { dates: { modified: '2024-01-05' } }, settings), { url: '/blog/2023-11-20-moon/' }, '`modified` is read with `lastmod`');
  assert.deepEqual(urlOf('blog/2023-11-20-moon.md', { dates: { date: '2024-01-05' } }, settings), { url: '/blog/moon/' }, '`date` is not in that list');
});

test('pageUrl: `:slug` and `:slugorfilename` in a permalink take the file name\u2019s slug; `:filename` the whole name', () => {
  const settings = (pattern: string) => settingsOf({ frontmatter: { date: [':filename', ':default'] }, permalinks: { blog: pattern } });
  assert.deepEqual(urlOf('blog/2023-11-20-moon.md', { title: 'Moonrise' }, settings('/:year/:slug/')), { url: '/2023/moon/' });
  assert.deepEqual(urlOf('blog/2023-11-20-moon.md', {}, settings('/:slugorfilename/')), { url: '/moon/' });
  assert.deepEqual(urlOf('blog/2023-11-20-moon.md', {}, settings('/:filename/')), { url: '/2023-11-20-moon/' });
  assert.deepEqual(urlOf('blog/2023-11-20.md', { title: 'Moonrise' }, settings('/:slug/')), { url: '/moonrise/' }, 'an empty slug falls back to the title');
});

test('pageUrls: where Hugo may or may not take the slug from the file name, both addresses, the likeliest first', () => {
  const urls = (rel: string, data: UrlFrontMatter, config: Record<string, unknown>) => pageUrls({ language: english, rel }, pageShape(rel), data, settingsOf(config));
  const git = { enableGitInfo: true, frontmatter: { date: [':git', ':filename'] } };
  assert.deepEqual(urls('blog/2023-11-20-moon.md', {}, git), [{ url: '/blog/2023-11-20-moon/' }, { url: '/blog/moon/' }], 'a committed file has a git date, a new one has none');
  const byName = { frontmatter: { date: ['date', ':filename'] } };
  assert.deepEqual(urls('blog/2023-11-20-moon.md', { dates: { date: 'November 20, 2023' } }, byName), [{ url: '/blog/2023-11-20-moon/' }, { url: '/blog/moon/' }], 'a date in a form not read here');
  assert.deepEqual(urls('blog/2023-11-20-06-45-00-dawn.md', {}, byName), [{ url: '/blog/dawn/' }, { url: '/blog/06-45-00-dawn/' }], 'Hugo 0.148 and later, then older ones');
  assert.deepEqual(urls('blog/2023-11-20-moon.md', {}, byName), [{ url: '/blog/moon/' }]);
  assert.deepEqual(urls('blog/2023-11-20-moon.md', { slug: 'x' }, git), [{ url: '/blog/x/' }]);
});

test('pageUrl: a token the page cannot tell makes its segment a wildcard; the rest of the pattern is known', () => {
  const settings = (pattern: string) => settingsOf({ permalinks: { posts: pattern } });
  assert.deepEqual(urlOf('posts/a.md', { title: 'A' }, settings('/blog/:yearday/:slug/')), { uncertainPath: '/blog/*/a/' });
  assert.deepEqual(urlOf('posts/a.md', { title: 'A' }, settings('/blog/:sections[1:]/:slug/')), { uncertainPath: '/blog/**/a/' });
  assert.deepEqual(urlOf('posts/a.md', {}, settings('/blog/:slug/')), { uncertainPath: '/blog/*/' }, 'no slug and no title');
  assert.deepEqual(urlOf('posts/a.md', { title: '  ' }, settings('/blog/:title/')), { uncertainPath: '/blog/*/' }, 'a blank title is no title');
  assert.deepEqual(urlOf('posts/a.md', { slug: ' ', title: 'T' }, settings('/blog/:slug/')), { url: '/blog/t/' }, 'a blank slug is no slug');
  assert.deepEqual(urlOf('posts/a.md', {}, settings('/blog/:unknown/')), { uncertainPath: '/blog/*/' });
  assert.deepEqual(urlOf('posts/a.md', { slug: 2024, title: 'T' }, settings('/blog/:slug/')), { url: '/blog/2024/' }, 'a number slug is its text');
  assert.deepEqual(urlOf('posts/a.md', { title: 1984 }, settings('/blog/:title/')), { url: '/blog/1984/' }, 'a number title is its text');
  assert.deepEqual(urlOf('posts/a.md', { title: ['T'] }, settings('/blog/:title/')), { uncertainPath: '/blog/*/' });
});

test('keysNeeded: a dated file name needs the date keys Hugo tries before `:filename`, where a date list names it', () => {
  const base = ['url', 'slug', 'aliases'];
  const settings = settingsOf({ frontmatter: { date: ['date', ':filename'], lastmod: ['lastmod', ':filename'] } });
  assert.deepEqual(keysNeeded(pageShape('blog/2023-11-20-moon.md'), settings), [...base, 'date', 'lastmod', 'modified']);
  assert.deepEqual(keysNeeded(pageShape('blog/moon.md'), settings), base, 'a name without a date');
  assert.deepEqual(keysNeeded(pageShape('blog/2023-11-20-moon.md'), settingsOf({})), base, 'no list names :filename');
});

test('keysNeeded: url, slug and aliases always; title and dates only when the pattern uses them', () => {
  const base = ['url', 'slug', 'aliases'];
  const dates = ['date', 'publishdate', 'pubdate', 'published', 'lastmod', 'modified'];
  const keys = (rel: string, config: Record<string, unknown>) => keysNeeded(pageShape(rel), settingsOf({ permalinks: config }));
  assert.deepEqual(keys('posts/a.md', {}), base);
  assert.deepEqual(keys('posts/a.md', { posts: '/:title/' }), [...base, 'title']);
  assert.deepEqual(keys('posts/a.md', { posts: '/:slug/' }), [...base, 'title'], ':slug falls back to the title');
  assert.deepEqual(keys('posts/a.md', { posts: '/:slugorfilename/' }), base, ':slugorfilename falls back to the file name');
  for (const token of ['year', 'month', 'monthname', 'day', 'weekday', 'weekdayname']) {
    assert.deepEqual(keys('posts/a.md', { posts: `/:${token}/:filename/` }), [...base, ...dates], token);
  }
  assert.deepEqual(keys('posts/a.md', { posts: '/:year/:title/' }), [...base, 'title', ...dates]);
  assert.deepEqual(keys('docs/a.md', { posts: '/:title/' }), base, 'another section');
  assert.deepEqual(keys('about.md', { posts: '/:title/' }), base, 'a page at the content root');
  assert.deepEqual(keys('posts/_index.md', { page: { posts: '/:year/' }, section: { posts: '/:title/' } }), [...base, 'title']);
  assert.deepEqual(keys('Posts/a.md', { posts: '/:title/' }), [...base, 'title']);
});

test('placeOf: a file of the content folder, in a one-language site, even with a dot in its name', () => {
  const settings = settingsOf({});
  assert.deepEqual(placeOf(`${ROOT}/content/posts/a.fr.md`, settings), { language: settings.defaultLanguage, rel: 'posts/a.fr.md' });
  assert.equal(placeOf(`${ROOT}/contented/a.md`, settings), undefined);
  assert.equal(placeOf(`${ROOT}/static/a.md`, settings), undefined);
});

test('placeOf: languages with their own content folders, the innermost folder winning', () => {
  for (const languages of [
    { en: {}, fr: { contentDir: 'content/fr' } },
    { fr: { contentDir: 'content/fr' }, en: {} },
  ]) {
    const settings = settingsOf({ languages });
    const [french, english] = ['fr', 'en'].map((key) => settings.languages.find((language) => language.key === key));
    assert.deepEqual(placeOf(`${ROOT}/content/fr/posts/a.md`, settings), { language: french, rel: 'posts/a.md' });
    assert.deepEqual(placeOf(`${ROOT}/content/posts/a.md`, settings), { language: english, rel: 'posts/a.md' });
  }
});

test('placeOf: languages sharing a folder: the language suffix of the file name, else the default language', () => {
  const settings = settingsOf({ defaultContentLanguage: 'fr', languages: { en: {}, fr: {}, ja: {} } });
  const [en, fr, ja] = settings.languages;
  const place = (rel: string) => placeOf(`${ROOT}/content/${rel}`, settings);
  assert.deepEqual(place('posts/a.md'), { language: fr, rel: 'posts/a.md' });
  assert.deepEqual(place('posts/a.ja.md'), { language: ja, rel: 'posts/a.md' });
  assert.deepEqual(place('posts/a.EN.md'), { language: en, rel: 'posts/a.md' });
  assert.deepEqual(place('posts/trip/index.en.md'), { language: en, rel: 'posts/trip/index.md' });
  assert.deepEqual(place('posts/a.de.md'), { language: fr, rel: 'posts/a.de.md' }, 'de is no language of this site');
  assert.deepEqual(place('ja.md'), { language: fr, rel: 'ja.md' }, 'a page named like a language has no suffix');
  assert.deepEqual(place('posts.en/a.md'), { language: fr, rel: 'posts.en/a.md' }, 'a dot in a folder name is no suffix');
  assert.deepEqual(place('posts/photo.en.png'), { language: fr, rel: 'posts/photo.en.png' }, 'only content files have a suffix here');
});

test('mayBeUnder: an uncertain path matches the paths it may be, and the files under them, and nothing else', () => {
  assert.equal(mayBeUnder('/blog/*/a', '/blog/2024/a'), true);
  assert.equal(mayBeUnder('/blog/*/a', '/blog/2024/a/cover.png'), true, 'a file of the page');
  assert.equal(mayBeUnder('/blog/*/a', '/blog/2024/b'), false, 'another page of the same section');
  assert.equal(mayBeUnder('/blog/*/a', '/blog/a'), false);
  assert.equal(mayBeUnder('/*/*/a', '/docs/x/a'), true);
  assert.equal(mayBeUnder('/*/*/a', '/docs/x/b'), false, 'a dated pattern with an unknown date stays local to the page');
  assert.equal(mayBeUnder('/blog/**/a', '/blog/a'), true);
  assert.equal(mayBeUnder('/blog/**/a', '/blog/x/y/a'), true);
  assert.equal(mayBeUnder('/blog/**/a', '/blog/x/y/b'), false);
  assert.equal(mayBeUnder('/', '/anything/at/all'), true, 'the root: everything');
  assert.equal(mayBeUnder('/docs/specs/otel', '/docs/specs/otel/trace/api'), true);
  assert.equal(mayBeUnder('/docs/specs/otel', '/docs/specs/otlp'), false);
});

test('contentExtension: the same answer as a search of the list for any name (its last suffix, any case)', () => {
  const names = fc.tuple(fc.constantFrom('', 'page', 'index', '.', 'a.b', 'MD', 'x.'), fc.constantFrom('', '.md', '.MD', '.Markdown', '.html', '.txt', '.md.bak', '.rmd', '.', '..md', '.org', '.ORG')).map(([stem, suffix]) => stem + suffix);
  fc.assert(
    fc.property(names, (name) => {
      const searched = CONTENT_EXTENSIONS.find((extension) => name.toLowerCase().endsWith(extension));
      assert.equal(contentExtension(name), searched, name);
    }),
    { numRuns: 300 },
  );
});
