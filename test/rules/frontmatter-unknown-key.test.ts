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
  assert.match(diagnostics[0].message, /Did you mean “description”/);
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
  assert.deepEqual(diagnostics.map((d) => d.message.match(/“(\w+)”/)?.[1]), ['hero']);
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
    ['descripton', 'Unknown front matter key “descripton”. Did you mean “description”? Rename it so the site reads it.', [['Rename “descripton” to “description”', 'description', false, true]]],
  ]);
});

const NOT_READ = (key: string) => `Unknown front matter key “${key}”. The todogroup preset does not read it: remove it, or allow it in .postlintrc.json (rules.frontmatter-unknown-key.allow).`;

test('frontmatter-unknown-key (todogroup): plurals are proposed too; a key already present is not; a key with no near match gets no fix', async () => {
  const text = '---\ntitle: A\nauthor: alice\ndate: 2025-01-01\ntitles: x\nalias: /a\ntoc: true\n---\n';
  assert.deepEqual(described(text, await unknownKeys(text, { baseURL: 'https://todogroup.org/' })), [
    // `title` is there already: `titles` is something else, not a slip of it.
    ['titles', NOT_READ('titles'), []],
    // One path where `aliases` takes a list of them: the value is of the list's kind.
    ['alias', 'Unknown front matter key “alias”. Did you mean “aliases”? Rename it so the site reads it.', [['Rename “alias” to “aliases”', 'aliases', false, true]]],
    ['toc', NOT_READ('toc'), []],
  ]);
});

test('frontmatter-unknown-key: "did you mean" never proposes a key whose kind the value does not fit', async () => {
  const todo = { baseURL: 'https://todogroup.org/' };
  // `link` is no typo of `linkTitle` (five letters more): a word of its own, as a theme's key often is.
  assert.deepEqual(await unknownKeys('---\ntitle: A\ndate: 2025-01-01\nlink: https://example.org/x\n---\n'), []);
  const link = '---\ntitle: A\nauthor: alice\ndate: 2025-01-01\nlink: https://example.org/x\n---\n';
  assert.deepEqual(described(link, await unknownKeys(link, todo)), [['link', NOT_READ('link'), []]]);
  // A number is no title, text is no whole number, text that is no day is no date, and "no" is no boolean.
  const unfit = '---\ntitle: A\nauthor: alice\ndate: 2025-01-01\ntitel: 42\nweigth: heavy\ndat: tomorrow\ndraf: "no"\n---\n';
  assert.deepEqual(described(unfit, await unknownKeys(unfit, todo)).map(([key, message]) => [key, message]), [
    ['titel', NOT_READ('titel')],
    ['weigth', NOT_READ('weigth')],
    ['dat', NOT_READ('dat')],
    ['draf', NOT_READ('draf')],
  ]);
  // The hugo preset reports only slips: these pass as a theme's keys.
  assert.deepEqual(await unknownKeys(unfit.replace('author: alice\n', '')), []);
});

test('frontmatter-unknown-key: a value of the right kind with a problem of its own still gets "did you mean"', async () => {
  // Too short for the todogroup description, and a date: still a description and a date, which frontmatter-schema then checks.
  const text = '---\ntitle: A\nauthor: alice\ndescripton: Short.\ndaet: 2025-01-01\nweigth: 3\n---\n';
  assert.deepEqual(described(text, await unknownKeys(text, { baseURL: 'https://todogroup.org/' })).map(([key, message]) => [key, message]), [
    ['descripton', 'Unknown front matter key “descripton”. Did you mean “description”? Rename it so the site reads it.'],
    ['daet', 'Unknown front matter key “daet”. Did you mean “date”? Rename it so the site reads it.'],
    ['weigth', 'Unknown front matter key “weigth”. Did you mean “weight”? Rename it so the site reads it.'],
  ]);
  // A title with stray spaces is still a title.
  const spaced = '---\nauthor: alice\ndate: 2025-01-01\ntitel: " Spaced"\n---\n';
  assert.match((await unknownKeys(spaced, { baseURL: 'https://todogroup.org/' }))[0].message, /Did you mean “title”\?/);
});

test('frontmatter-unknown-key: date keys the site\'s `frontmatter` setting names are keys Hugo reads', async () => {
  const config = '{ "rules": { "frontmatter-unknown-key": ["warn", { "mode": "all" }] } }';
  const site = hugoSite({ 'content/blog/p.md': '---\ntitle: A\ndate: 2025-01-01\nreleased: 2025-01-01\n---\n', '.postlintrc.json': config });
  site.files.set('/site/hugo.yaml', 'baseURL: https://example.org/\nfrontmatter:\n  publishDate: [released, ":default"]\n');
  assert.deepEqual(only(await checkPost(site, 'content/blog/p.md'), 'frontmatter-unknown-key'), []);
});

test('frontmatter-unknown-key: a post without front matter, or with broken front matter, has no keys to check', async () => {
  assert.deepEqual(await unknownKeys('# No front matter\n'), []);
  assert.deepEqual(await unknownKeys('---\nTitle: "A\ndate: 2025-01-01\n---\n'), []);
});

/** The keys reported in `path` of a site whose config files are `config` (hugo.yaml is replaced when given). */
async function unknownKeysIn(path: string, text: string, config: Record<string, string>, rc?: string) {
  const site = hugoSite({ [path]: text, ...(rc ? { '.postlintrc.json': rc } : {}) });
  if (Object.keys(config).some((name) => name.startsWith('hugo.'))) site.files.delete(`${SITE}/hugo.yaml`);
  for (const [name, value] of Object.entries(config)) site.files.set(`${SITE}/${name}`, value);
  return only(await checkPost(site, path), 'frontmatter-unknown-key').map((d) => [rangeText(text, d), d.message]);
}

const FRENCH_TAGS = '---\ntitle: Marées\ndate: 2025-01-01\nFRtags: [bateaux]\nFRcategories: [ports]\n---\n';
const LANGUAGES_YAML = [
  'baseURL: https://example.org/',
  'languages:',
  '  en:',
  '    taxonomies: { tag: tags, series: series }',
  '  fr:',
  '    taxonomies: { tag: FRtags, category: FRcategories }',
  '',
].join('\n');

test('frontmatter-unknown-key: a language\u2019s own taxonomies are keys Hugo reads in that language\u2019s posts (YAML config)', async () => {
  assert.deepEqual(await unknownKeysIn('content/blog/tides.fr.md', FRENCH_TAGS, { 'hugo.yaml': LANGUAGES_YAML }), []);
  // In an English post they are no taxonomy: a slip of `tags` and `categories` still.
  assert.deepEqual(
    (await unknownKeysIn('content/blog/tides.md', FRENCH_TAGS, { 'hugo.yaml': LANGUAGES_YAML })).map(([key]) => key),
    ['FRtags', 'FRcategories'],
  );
  // `all` mode reports any key the schema does not know, but not English's own `series`.
  const all = '{ "rules": { "frontmatter-unknown-key": ["warn", { "mode": "all" }] } }';
  const series = '---\ntitle: Tides\ndate: 2025-01-01\nseries: [tide-guide]\n---\n';
  assert.deepEqual(await unknownKeysIn('content/blog/tides.md', series, { 'hugo.yaml': LANGUAGES_YAML }, all), []);
  assert.deepEqual((await unknownKeysIn('content/blog/tides.fr.md', series, { 'hugo.yaml': LANGUAGES_YAML }, all)).map(([key]) => key), ['series']);
});

test('frontmatter-unknown-key: taxonomies of a language with its own content folder, from TOML (hugo.toml, config/_default/languages.toml)', async () => {
  const post = '---\ntitle: Tides\ndate: 2025-01-01\nFAtags: [boats]\n---\n';
  const hugoToml = 'baseURL = "https://example.org/"\n[languages.en]\n[languages.fa]\ncontentDir = "content/fa"\n[languages.fa.taxonomies]\ntag = "FAtags"\n';
  assert.deepEqual(await unknownKeysIn('content/fa/blog/tides.md', post, { 'hugo.toml': hugoToml }), []);
  const languagesToml = '[en]\n[fa]\ncontentDir = "content/fa"\n[fa.taxonomies]\ntag = "FAtags"\n';
  assert.deepEqual(await unknownKeysIn('content/fa/blog/tides.md', post, { 'config/_default/languages.toml': languagesToml }), []);
  assert.deepEqual((await unknownKeysIn('content/blog/tides.md', post, { 'config/_default/languages.toml': languagesToml })).map(([key]) => key), ['FAtags']);
});

const DEPRECATED_BUILD = 'Deprecated front matter key “_build”.';
const BUILD_HISTORY = 'Hugo deprecated “_build” in 0.145.0, and from 0.160.0 on the build fails over it.';

test('frontmatter-unknown-key: `_build`, which Hugo still reads, is reported as deprecated, in either mode, with a rename to `build`', async () => {
  const text = '---\ntitle: Elsewhere\ndate: 2025-01-01\n_build:\n  render: never\n  list: local\n---\n';
  const expected = [
    [
      '_build',
      `${DEPRECATED_BUILD} Rename it to “build”, which Hugo reads the same way (since 0.123.0): ${BUILD_HISTORY}`,
      [['Rename “_build” to “build”', 'build', false, true]],
    ],
  ];
  const diagnostics = await unknownKeys(text);
  assert.deepEqual(described(text, diagnostics), expected);
  assert.equal(diagnostics[0].severity, 'warning');
  assert.deepEqual(described(text, await unknownKeys(text, { baseURL: 'https://todogroup.org/' })), expected);
  const allowed = '{ "rules": { "frontmatter-unknown-key": ["warn", { "allow": ["_build"] }] } }';
  assert.deepEqual(await unknownKeys(text, { config: allowed }), []);
});

test('frontmatter-unknown-key: `_build` beside `build` is read in its place: no rename, the settings go into `build`', async () => {
  const text = '---\ntitle: Elsewhere\ndate: 2025-01-01\nBuild:\n  list: never\n_build:\n  render: never\n---\n';
  assert.deepEqual(described(text, await unknownKeys(text)), [
    ['_build', `${DEPRECATED_BUILD} Hugo reads it and ignores the “build” beside it: move its settings into “build” and remove it. ${BUILD_HISTORY}`, []],
  ]);
});

test('frontmatter-unknown-key: a key the site\u2019s templates or a theme\u2019s read is the site\u2019s own, in either mode; a site parameter of that name is not', async () => {
  // No `title` or `description`: `stitle` and `sdescription` are each a slip of one.
  const text = '---\ndate: 2025-01-01\nstitle: Short\nsdescription: Shorter\ndescripton: x\nsubtitel: y\n---\n';
  const reported = async (files: Record<string, string>, baseURL?: string) => {
    const site = hugoSite({ 'content/blog/p.md': text, ...files }, { baseURL });
    return only(await checkPost(site, 'content/blog/p.md'), 'frontmatter-unknown-key').map((d) => rangeText(text, d));
  };
  // Near `title` and `description`: slips, where nothing reads them.
  assert.deepEqual(await reported({}), ['stitle', 'sdescription', 'descripton']);
  const layouts = {
    'layouts/audit/list.html': '{{ range .Pages }}<h2>{{ .Params.stitle }}</h2><p>{{ index .Params "sdescription" }}</p>{{ end }}',
    'layouts/partials/head.html': '<meta name="description" content="{{ .Site.Params.descripton }}">{{ site.Params.subtitel }}',
  };
  assert.deepEqual(await reported(layouts), ['descripton']);
  // A theme on disk is read as the site's own layouts are; `.Param` reads the page's key.
  const theme = { 'hugo.yaml': 'baseURL: https://example.org/\ntheme: harbour\n', 'themes/harbour/layouts/_default/single.html': '{{ $.Page.Params.stitle }} {{ .Param `sdescription` }}' };
  assert.deepEqual(await reported(theme), ['descripton']);
  // In `all` mode (the todogroup preset) too.
  assert.deepEqual(await reported(layouts, 'https://todogroup.org/'), ['descripton', 'subtitel']);
});

