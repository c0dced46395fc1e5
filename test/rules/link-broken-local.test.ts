import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPost, hugoSite, MemoryWorkspace, only, rangeText, serviceFor, SITE } from '../helpers/memory-workspace';

const FRONT = '---\ntitle: Tide tables\ndate: 2025-04-02\nauthor: alice\n---\n\n';
const page = (title: string, extra = '') => `---\ntitle: ${title}\n${extra}---\n\nSome words.\n`;

/** A small site: two posts, a page with its own URL, static files, redirects. */
function site(files: Record<string, string> = {}, hugo?: string) {
  return hugoSite({
    ...(hugo ? { 'hugo.yaml': hugo } : {}),
    'content/blog/_index.md': page('Blog'),
    'content/blog/harbour-lights.md': page('Harbour lights'),
    'content/blog/Storm-Season-2024.md': page('Storm season'),
    'content/crew.md': page('Crew', 'url: /about/crew/\naliases:\n  - /people/\n'),
    'content/blog/renamed.md': page('Renamed', 'slug: new-name\n'),
    'static/img/blog/buoy.png': '',
    'static/files/chart.pdf': '',
    'static/_redirects': '# moved pages\n/team/    /about/crew/\n/old-blog/*   /blog/:splat   301\n/gone/*   /nowhere/:splat\n/go/:name   https://example.com/:name   302\n',
    ...files,
  });
}

async function broken(body: string, files: Record<string, string> = {}, hugo?: string, path = 'content/blog/post.md') {
  const text = FRONT + body;
  const found = only(await checkPost(site({ ...files, [path]: text }, hugo), path), 'link-broken-local');
  return { text, found, covered: found.map((d) => rangeText(text, d)) };
}

test('link-broken-local: a root-relative link to a page that does not exist, on its URL, as an error', async () => {
  const { text, found } = await broken('See [the archive](/blog/missing-post/) for more.\n');
  const [diagnostic, ...rest] = found;
  assert.equal(rest.length, 0);
  assert.equal(diagnostic.severity, 'error');
  assert.equal(rangeText(text, diagnostic), '/blog/missing-post/');
  assert.match(diagnostic.message, /No page of this site is served at “\/blog\/missing-post\/”\./);
});

test('link-broken-local: pages by file name (lower-cased), section, slug, url and aliases all resolve', async () => {
  const body = [
    '[a](/blog/harbour-lights/) [b](/blog/harbour-lights) [c](/blog/storm-season-2024/) [d](/blog/)',
    '[e](/blog/new-name/) [f](/about/crew/) [g](/people/) [h](/) [i](/blog/harbour-lights/index.html)',
    '[j](/blog/harbour-lights/?ref=home#top)',
  ].join('\n');
  assert.deepEqual((await broken(`${body}\n`)).covered, []);
});

test('link-broken-local: a top-level folder of pages is a section without `_index.md`, and with an `_index` file Hugo does not read as content', async () => {
  const files = {
    'content/harbours/north.md': page('North harbour'),
    'content/moorings/east.md': page('East moorings'),
    // Kept aside under a name Hugo does not read as content: the section's page is Hugo's own list.
    'content/moorings/_index.md-old': page('Moorings'),
    'content/charts/deep/soundings.md': page('Soundings'),
  };
  // Only top-level folders are sections by themselves: `charts/deep/` has no page.
  assert.deepEqual((await broken('[a](/harbours/) [b](/moorings/) [c](/charts/) [d](/charts/deep/)\n', files)).covered, ['/charts/deep/']);
});

test('link-broken-local: a page moved by slug or url is not at its file path any more', async () => {
  const { covered, found } = await broken('[a](/blog/renamed/) and [b](/crew/)\n');
  assert.deepEqual(covered, ['/blog/renamed/', '/crew/']);
  assert.match(found[0].message, /The page made from “content\/blog\/renamed\.md” is served at “\/blog\/new-name\/”: link there/);
});

test('link-broken-local: with `:filename` in the site\u2019s date list, a dated file name is served under the rest of its name', async () => {
  const hugo = 'baseURL: https://example.org/\nfrontmatter:\n  date: [":filename", ":default"]\n';
  const files = {
    'content/blog/2023-11-20-harvest-moon.md': page('Harvest moon'),
    'content/blog/2023-12-02-night-ferry/index.md': page('Night ferry'),
    'content/blog/2023-12-02-night-ferry/deck.jpg': '',
    'content/blog/2024-01-15-low-tide.md': page('Low tide', 'slug: ebb\n'),
  };
  const ok = await broken('[a](/blog/harvest-moon/) [b](/blog/night-ferry/) ![c](/blog/night-ferry/deck.jpg) [d](/blog/ebb/) [e](../harvest-moon/)\n', files, hugo);
  assert.deepEqual(ok.covered, []);
  const { covered, found } = await broken('[f](/blog/2023-11-20-harvest-moon/) [g](/blog/low-tide/)\n', files, hugo);
  assert.deepEqual(covered, ['/blog/2023-11-20-harvest-moon/', '/blog/low-tide/'], 'the file\u2019s own name is no address of it, nor the name\u2019s slug when `slug` is set');
  assert.match(found[0].message, /The page made from “content\/blog\/2023-11-20-harvest-moon\.md” is served at “\/blog\/harvest-moon\/”: link there/);
});

test('link-broken-local: static files, with a file of the same name suggested', async () => {
  const { covered, found } = await broken('![Buoy](/img/blog/buoy.png) [chart](/files/chart.pdf)\n\n![Buoy](/images/blog/buoy.png)\n');
  assert.deepEqual(covered, ['/images/blog/buoy.png']);
  assert.match(found[0].message, /No file of “static\/” or of a page bundle is served at “\/images\/blog\/buoy\.png”\. A file of that name is served at “\/img\/blog\/buoy\.png”: link to it\./);
});

test('link-broken-local: where the advice names an address, "Change the link to" writes it, as the link was written, in the editor only', async () => {
  const body = [
    'Moved: [a](/blog/renamed/?from=home#tides) and [b](https://example.org/crew/).',
    '',
    '![Buoy](/images/blog/buoy.png) and [nothing like it](/blog/zzz-qqq/).',
  ].join('\n');
  const { text, found } = await broken(`${body}\n`);
  const fixes = found.map((diagnostic) => diagnostic.fixes.map((fix) => ({ title: fix.title, safe: fix.safe, edits: fix.edits.map((edit) => [rangeText(text, { ...diagnostic, range: edit.range }), edit.newText]) })));
  assert.deepEqual(fixes, [
    [{ title: 'Change the link to “/blog/new-name/?from=home#tides”', safe: false, edits: [['/blog/renamed/?from=home#tides', '/blog/new-name/?from=home#tides']] }],
    [{ title: 'Change the link to “https://example.org/about/crew/”', safe: false, edits: [['https://example.org/crew/', 'https://example.org/about/crew/']] }],
    [{ title: 'Change the link to “/img/blog/buoy.png”', safe: false, edits: [['/images/blog/buoy.png', '/img/blog/buoy.png']] }],
    [],
  ]);
});

test('link-broken-local: links to the site by its own baseURL, http or https, www or not', async () => {
  const body = '[a](https://example.org/blog/harbour-lights/) [b](http://www.example.org/about/crew/) [c](https://example.org)\n\n[d](https://www.example.org/blog/nope/)\n';
  const { covered, found } = await broken(body);
  assert.deepEqual(covered, ['https://www.example.org/blog/nope/']);
  assert.match(found[0].message, /^“https:\/\/www\.example\.org\/blog\/nope\/” leads to no page of this site\. Check the address/);
});

test('link-broken-local: static/_redirects: plain, splat and placeholder rules; a redirect to nothing is reported', async () => {
  const ok = '[a](/team/) [b](/old-blog/harbour-lights/) [c](/go/anything)\n';
  assert.deepEqual((await broken(ok)).covered, []);
  const { covered, found } = await broken('[d](/old-blog/no-such-post/) [e](/gone/away/)\n');
  assert.deepEqual(covered, ['/old-blog/no-such-post/', '/gone/away/']);
  assert.match(found[0].message, /“\/old-blog\/no-such-post\/” leads to no page of this site\. “static\/_redirects” redirects it \(“\/old-blog\/\*” → “\/blog\/:splat”\) to “\/blog\/no-such-post\/”, and no page is served there\./);
});

test('link-broken-local: netlify.toml redirects count too', async () => {
  const toml = '[[redirects]]\nfrom = "/docs/*"\nto = "/blog/:splat"\nstatus = 301\n';
  assert.deepEqual((await broken('[a](/docs/harbour-lights/)\n', { 'netlify.toml': toml })).covered, []);
});

test('link-broken-local: permalinks: `:slug` falls back to the title, as Hugo does', async () => {
  const hugo = 'baseURL: https://example.org/\npermalinks:\n  guides: "/resources/guides/:slug/"\n  notes: "/:year/:month/:slug/"\n';
  const files = {
    'content/guides/knots.md': page("Tying a sailor's knots"),
    'content/guides/rigging.md': page('Rigging', 'slug: rig-it\n'),
    'content/notes/first.md': '---\ntitle: First light\ndate: 2024-11-05\n---\n',
  };
  const good = '[a](/resources/guides/tying-a-sailors-knots/) [b](/resources/guides/rig-it/) [c](/2024/11/first-light/)\n';
  assert.deepEqual((await broken(good, files, hugo)).covered, []);
  const { covered, found } = await broken('[d](/resources/guides/knots/) [e](/guides/knots/)\n', files, hugo);
  assert.deepEqual(covered, ['/resources/guides/knots/', '/guides/knots/']);
  assert.match(found[0].message, /The page made from “content\/guides\/knots\.md” is served at “\/resources\/guides\/tying-a-sailors-knots\/”/);
});

test('link-broken-local: page bundles publish their files; a plain post does not', async () => {
  const bundle = 'content/blog/regatta/index.md';
  const files = { 'content/blog/regatta/start.jpg': '', 'content/blog/regatta/maps/course.png': '', 'content/blog/gull.jpg': '' };
  const ok = await broken('![Start](start.jpg) ![Course](maps/course.png) ![Start](./start.jpg)\n', files, undefined, bundle);
  assert.deepEqual(ok.covered, []);
  const missing = await broken('![Finish](finish.jpg)\n', files, undefined, bundle);
  assert.deepEqual(missing.covered, ['finish.jpg']);
  assert.match(missing.found[0].message, /“finish\.jpg” leads to no file of “static\/” or of a page bundle\. From this page \(“\/blog\/regatta\/”\), it leads to “\/blog\/regatta\/finish\.jpg”\./);
  const plain = await broken('![Gull](gull.jpg) ![Start](../regatta/start.jpg)\n', files);
  assert.deepEqual(plain.covered, ['gull.jpg']);
  assert.match(plain.found[0].message, /“gull\.jpg” leads where nothing is published\. .* The file sits next to the post, but Hugo publishes a post’s files only when the post is a page bundle/);
});

test('link-broken-local: a bundle whose `url` has no trailing slash is linked with one, as Hugo links it, so its own files are beside it', async () => {
  const bundle = 'content/blog/regatta/index.md';
  const text = '---\ntitle: Regatta\nurl: /news/2021/regatta\n---\n\n![Start](start.jpg) [Self](/news/2021/regatta/)\n';
  const workspace = site({ [bundle]: text, 'content/blog/regatta/start.jpg': '' });
  assert.deepEqual(only(await checkPost(workspace, bundle), 'link-broken-local'), []);
});

test('link-broken-local: pages a build step writes, named by a .gitignore and not in the checkout, are not verified, not broken', async () => {
  const files = {
    // In the content folder: two names, one of them here; a comment, a negation, an image pattern.
    'content/.gitignore': '# copied from the community repository\ncommunity.md\nhandbook.md\n!keep.md\n*.png\n',
    'content/handbook.md': page('Handbook'),
    // Deeper: a wildcard name stands for the files of its folder.
    'content/docs/cli/.gitignore': 'cmd-*.md\n',
    'content/docs/cli/_index.md': page('CLI'),
    // At the root, by a path into the content folder.
    '.gitignore': 'node_modules/\ncontent/reference/\n',
  };
  const body = '[a](/community/) [b](/docs/cli/cmd-sync/) [c](/reference/api/) [d](/handbok/) [e](/docs/other/) [f](/community.md) [g](../community.md)\n';
  const { covered } = await broken(body, files);
  assert.deepEqual(covered, ['/handbok/', '/docs/other/'], 'links elsewhere are still checked');
  const workspace = site({ ...files, 'content/blog/post.md': FRONT + body });
  const service = serviceFor(workspace);
  const result = await service.check(`${SITE}/content/blog/post.md`, FRONT + body);
  const reasons = result.unverified.map((entry) => entry.reason);
  assert.deepEqual(reasons, [
    'the page is made at build time: “content/.gitignore” names “community.md”, which is not in the checkout',
    'pages there are made at build time: “content/docs/cli/.gitignore” names “cmd-*.md”',
    'pages there are made at build time: “.gitignore” names “content/reference/”',
    // A Markdown file's path names the generated file itself.
    'the page is made at build time: “content/.gitignore” names “community.md”, which is not in the checkout',
    'the page is made at build time: “content/.gitignore” names “community.md”, which is not in the checkout',
  ]);
});

test('link-broken-local: an address the site\u2019s own menus link to, with no page here, is not verified, not broken', async () => {
  const hugo = [
    'baseURL: https://example.org/',
    'languages:',
    '  en:',
    '    contentDir: content/en',
    '  fr:',
    '    contentDir: content/fr',
    '    menus:',
    '      main:',
    '        - name: Aide',
    '          pageRef: /aide',
    'menus:',
    '  main:',
    '    - name: Help desk',
    '      url: /help-desk',
    '    - name: Forum',
    '      url: https://forum.example.net/harbour',
    '    - name: Crew list',
    '      pageRef: /crew-list.md',
    'menu:',
    '  footer:',
    '    - name: Imprint',
    '      url: /imprint/?from=footer',
    'params:',
    '  chat: /chat-room',
  ].join('\n');
  const path = 'content/en/blog/post.md';
  const body = '[a](/help-desk/#hours) [b](/help-desk) [c](/crew-list/) [d](/imprint/) [e](/fr/aide/) [f](/help-desk/queue/) [g](/chat-room/) [h](/harbour/) [i](/aide/)\n';
  const files = { 'content/fr/blog/marees.md': page('Marées') };
  const { covered } = await broken(body, files, `${hugo}\n`, path);
  assert.deepEqual(covered, ['/help-desk/queue/', '/chat-room/', '/harbour/', '/aide/'], 'only the menus\u2019 own addresses: not below them, not params, not other sites\u2019, each language\u2019s pageRef in that language');
  const workspace = site({ ...files, 'hugo.yaml': `${hugo}\n`, [path]: FRONT + body });
  const result = await serviceFor(workspace).check(`${SITE}/${path}`, FRONT + body);
  const byMenu = (menu: string) => `the site's “${menu}” menu links to it, so a page is probably made there at build time`;
  assert.deepEqual(
    result.unverified.map((entry) => entry.reason),
    [byMenu('main'), byMenu('main'), byMenu('main'), byMenu('footer'), byMenu('main')],
  );
  const redirected = await broken('[j](/help-desk/)\n', { ...files, 'static/_redirects': '/help-desk/  /nowhere/  301\n' }, `${hugo}\n`, path);
  assert.deepEqual(redirected.covered, ['/help-desk/'], 'a redirect of the host says more than the menu');
});

test('link-broken-local: menus from the config folder count too (`menus.toml`, `menus.<lang>.toml`)', async () => {
  const files = {
    'config/_default/menus.toml': '[[main]]\nname = "Donate"\nurl = "/donate/"\n',
    'config/_default/menus.en.toml': '[[footer]]\nname = "Press"\npageRef = "/press"\n',
  };
  const { covered } = await broken('[a](/donate/) [b](/press/) [c](/donations/)\n', files);
  assert.deepEqual(covered, ['/donations/']);
});

test('link-broken-local: relative links: other pages by URL, Markdown files by path', async () => {
  const ok = '[a](../harbour-lights/) [b](harbour-lights.md) [c](./Storm-Season-2024.md#top) [d](../crew.md)\n';
  assert.deepEqual((await broken(ok)).covered, []);
  const { covered, found } = await broken('[e](../harbor-lights/) [f](./harbor-lights.md)\n');
  assert.deepEqual(covered, ['../harbor-lights/', './harbor-lights.md']);
  assert.match(found[1].message, /“\.\/harbor-lights\.md” points to a file that does not exist\. It names “content\/blog\/harbor-lights\.md”/);
});

test('link-broken-local: pages written as .markdown or .mdown (Hugo\u2019s other Markdown suffixes) resolve by URL and by file', async () => {
  const files = { 'content/blog/ferry-times.markdown': page('Ferry times'), 'content/blog/pier-works.mdown': page('Pier works') };
  const ok = '[a](/blog/ferry-times/) [b](../pier-works/) [c](ferry-times.markdown) [d](./pier-works.mdown) [e](/blog/pier-works.mdown)\n';
  assert.deepEqual((await broken(ok, files)).covered, []);
  const { covered } = await broken('[f](./pier-work.mdown) [g](/blog/ferry-time/)\n', files);
  assert.deepEqual(covered, ['./pier-work.mdown', '/blog/ferry-time/'], 'a misspelt name is still reported');
});

test('link-broken-local: multilingual sites: the default language at the root, others under /<lang>/', async () => {
  const hugo = [
    'baseURL: https://example.org/',
    'defaultContentLanguage: en',
    'languages:',
    '  en:',
    '    contentDir: content/en',
    '  fr:',
    '    contentDir: content/fr',
  ].join('\n');
  const files = { 'content/en/blog/tides.md': page('Tides'), 'content/fr/blog/marees.md': page('Marées'), 'content/fr/blog/à-bord.md': page('À bord') };
  const path = 'content/en/blog/post.md';
  const ok = await broken('[a](/blog/tides/) [b](/fr/blog/marees/) [c](/fr/) [d](/fr/blog/à-bord/) [e](/fr/blog/%C3%A0-bord/)\n', files, `${hugo}\n`, path);
  assert.deepEqual(ok.covered, []);
  const bad = await broken('[f](/blog/marees/) [g](/en/blog/tides/)\n', files, `${hugo}\n`, path);
  assert.deepEqual(bad.covered, ['/blog/marees/', '/en/blog/tides/']);
  const subdir = await broken('[h](/en/blog/tides/) [i](/fr/blog/marees/) [j](/)\n', files, `${hugo}\ndefaultContentLanguageInSubdir: true\n`, path);
  assert.deepEqual(subdir.covered, []);
});

test('link-broken-local: translations by file name share a folder', async () => {
  const hugo = 'baseURL: https://example.org/\nlanguages:\n  en: {}\n  de: {}\n';
  const files = { 'content/blog/wind.md': page('Wind'), 'content/blog/wind.de.md': page('Wind') };
  assert.deepEqual((await broken('[a](/blog/wind/) [b](/de/blog/wind/)\n', files, hugo)).covered, []);
});

test('link-broken-local: HTML and shortcode links and images are checked; shortcodes may use assets/', async () => {
  const body = '<a href="/blog/nope/">x</a> <img src="/img/none.png" alt="x">\n\n{{< img src="/img/also-none.png" alt="x" >}}\n\n{{< img src="images/wave.svg" alt="x" >}}\n';
  const { covered } = await broken(body, { 'assets/images/wave.svg': '' });
  assert.deepEqual(covered, ['/blog/nope/', '/img/none.png', '/img/also-none.png']);
});

test('link-broken-local: a reference definition used twice is reported once, on the definition', async () => {
  const { covered } = await broken('[one][m] and [two][m].\n\n[m]: /blog/nowhere/\n');
  assert.deepEqual(covered, ['/blog/nowhere/']);
});

test('link-broken-local: generated pages: feeds, sitemap, taxonomies, pagination', async () => {
  const body = '[a](/index.xml) [b](/blog/index.xml) [c](/sitemap.xml) [d](/tags/boats/) [e](/categories/) [f](/blog/page/2/)\n';
  assert.deepEqual((await broken(body)).covered, []);
});

test('link-broken-local: each language\u2019s own taxonomies make its taxonomy and term pages, in place of the site\u2019s', async () => {
  const hugo = [
    'baseURL: https://example.org/',
    'languages:',
    '  en:',
    '    taxonomies:',
    '      tag: tags',
    '      series: series',
    '  fr:',
    '    taxonomies:',
    '      tag: FRtags',
    '      category: FRcategories',
  ].join('\n');
  const files = { 'content/blog/tides.fr.md': page('Marées', 'FRtags: [bateaux]\n') };
  const ok = await broken('[a](/series/tide-guide/) [b](/tags/boats/) [c](/fr/frcategories/ports/) [d](/fr/frtags/) [e](/fr/frtags/bateaux/)\n', files, `${hugo}\n`);
  assert.deepEqual(ok.covered, []);
  // French has no `tags` of its own, English no `frtags`, and English's list replaced the site's `categories`.
  const bad = await broken('[f](/fr/tags/bateaux/) [g](/frtags/boats/) [h](/categories/)\n', files, `${hugo}\n`);
  assert.deepEqual(bad.covered, ['/fr/tags/bateaux/', '/frtags/boats/', '/categories/']);
});

test('link-broken-local: languages and their taxonomies from `config/_default/languages.toml`', async () => {
  const files = {
    'config/_default/languages.toml': '[en]\nweight = 1\n[fa]\nweight = 2\n[fa.taxonomies]\ntag = "FAtags"\n',
    'content/blog/tides.fa.md': page('Tides', 'FAtags: [boats]\n'),
  };
  const { covered } = await broken('[a](/fa/fatags/boats/) [b](/tags/boats/) [c](/fa/tags/boats/)\n', files);
  assert.deepEqual(covered, ['/fa/tags/boats/'], 'English keeps the site\u2019s default taxonomies; Farsi has only its own');
});

test('link-broken-local: `ignore` globs name targets never reported', async () => {
  const config = '{ "rules": { "link-broken-local": ["error", { "ignore": ["/downloads/**", "search/"] }] } }';
  const { covered } = await broken('[a](/downloads/app.zip) [b](/search/) [c](/blog/nope/)\n', { '.postlintrc.json': config });
  assert.deepEqual(covered, ['/blog/nope/']);
});

test('link-broken-local: a root-relative address of another site says how to write it', async () => {
  const { found } = await broken('[profile](/www.example.com/in/someone/)\n');
  assert.match(found[0].message, /write “https:\/\/www\.example\.com\/in\/someone\/”\./);
});

test('link-broken-local: never other sites, schemes, templates, code, comments or front matter', async () => {
  const body = [
    '[a](https://example.com/missing/) [b](mailto:crew@example.org) [c](tel:+123) <crew@example.org> crew@example.org',
    '[d]({{< ref "nowhere.md" >}}) [e]({{ .Site.BaseURL }}/x/) [f](www.example.com/page) [g](#somewhere) www.example.com/x',
    '`[h](/blog/in-code/)` <!-- [i](/blog/in-comment/) -->',
    '',
    '```',
    '[j](/blog/in-fence/)',
    '```',
  ].join('\n');
  const text = `---\ntitle: Tide tables\ndate: 2025-04-02\nauthor: alice\nimage: /img/not-there.png\n---\n\n${body}\n`;
  const found = only(await checkPost(site({ 'content/blog/post.md': text }), 'content/blog/post.md'), 'link-broken-local');
  assert.deepEqual(found, []);
});

test('link-broken-local: the site index is built once per site, not once per post', async () => {
  const workspace = site({ 'content/blog/a.md': `${FRONT}[x](/blog/harbour-lights/)\n`, 'content/blog/b.md': `${FRONT}[x](/blog/nope/)\n` });
  const reads = () => workspace.reads.filter((path) => path.endsWith('harbour-lights.md')).length;
  const service = serviceFor(workspace);
  for (const name of ['a', 'b']) await service.check(`${SITE}/content/blog/${name}.md`, workspace.files.get(`${SITE}/content/blog/${name}.md`)!);
  assert.equal(reads(), 1);
  service.invalidate();
  await service.check(`${SITE}/content/blog/a.md`, workspace.files.get(`${SITE}/content/blog/a.md`)!);
  assert.equal(reads(), 2, 'invalidate() forgets the index');
});

test("link-broken-local: where a render hook resolves Markdown links as Hugo content (multilingual sites), content paths work", async () => {
  const hugo = 'baseURL: https://example.org/\nlanguages:\n  en:\n    contentDir: content/en\n  de:\n    contentDir: content/de\n';
  const files = {
    'content/en/blog/swell.md': page('Swell', 'url: /reports/swell/\n'),
    'content/en/guides/_index.md': page('Guides'),
    'content/en/guides/knots.md': page('Knots'),
    'assets/images/map.png': '',
  };
  const path = 'content/en/blog/post.md';
  const ok = await broken('[a](swell) [b](/guides/knots) [c](../guides/knots.md) [d](/guides/) [e](/reports/swell/) ![m](images/map.png)\n', files, hugo, path);
  assert.deepEqual(ok.covered, []);
  const html = await broken('<a href="swell">a</a> [f](nothing-here) [g](https://example.org/blog/swell)\n', files, hugo, path);
  assert.deepEqual(html.covered, ['swell', 'nothing-here', 'https://example.org/blog/swell'], 'HTML links, full URLs and unknown paths are not resolved by the hook');
  const single = await broken('[a](swell)\n', files, 'baseURL: https://example.org/\ncontentDir: content/en\n', path);
  assert.deepEqual(single.covered, ['swell'], 'a one-language site has no hook unless it adds one');
  const own = await broken('[a](swell)\n', { ...files, 'layouts/_default/_markup/render-link.html': '{{ .Destination }}' }, 'baseURL: https://example.org/\ncontentDir: content/en\n', path);
  assert.deepEqual(own.covered, []);
});

test('link-broken-local: a page a render hook finds by content path (GetPage) but a build step writes is not verified, not broken', async () => {
  const hugo = 'baseURL: https://example.org/\n';
  const files = {
    // The hook hands local destinations to GetPage, and links to the page it finds.
    'layouts/_default/_markup/render-link.html': '{{ $u := urls.Parse .Destination }}{{ with .Page.GetPage $u.Path }}<a href="{{ .RelPermalink }}">{{ end }}',
    'content/charts/_index.md': page('Charts'),
    'content/charts/.gitignore': '# written by the chart export script\nsoundings.md\nlegends/\n',
    'content/charts/zones/.gitignore': 'zone-*.md\n',
    'content/charts/harbours.md': page('Harbours'),
  };
  const path = 'content/blog/2024-02-10-new-charts/index.md';
  const body = '[a](charts/soundings/#depths) [b](charts/legends/symbols) [c](charts/zones/zone-north) [d](charts/harbours) [e](charts/anchorages)\n';
  const { covered } = await broken(body, files, hugo, path);
  assert.deepEqual(covered, ['charts/anchorages'], 'what no .gitignore names is still checked');
  const workspace = site({ ...files, 'hugo.yaml': hugo, [path]: FRONT + body });
  const result = await serviceFor(workspace).check(`${SITE}/${path}`, FRONT + body);
  assert.deepEqual(
    result.unverified.map((entry) => entry.reason),
    [
      'the page is made at build time: “content/charts/.gitignore” names “soundings.md”, which is not in the checkout',
      'pages there are made at build time: “content/charts/.gitignore” names “legends/”',
      'pages there are made at build time: “content/charts/zones/.gitignore” names “zone-*.md”',
    ],
  );
  const dotted = await broken('[f](./charts/soundings/)\n', files, hugo, path);
  assert.deepEqual(dotted.covered, ['./charts/soundings/'], 'a path that starts with a dot is looked for beside the page only, where nothing is generated');
  const { 'layouts/_default/_markup/render-link.html': _hook, ...withoutHook } = files;
  const noHook = await broken('[g](charts/soundings/)\n', withoutHook, hugo, path);
  assert.deepEqual(noHook.covered, ['charts/soundings/'], 'without a hook the browser resolves the link from the post');
});

test('link-broken-local: the site\u2019s own URLs are recognised with the scheme and host in any case', async () => {
  const body = '[a](HTTPS://EXAMPLE.ORG/blog/harbour-lights/) [b](Http://Www.Example.Org/about/crew/) [c](hTTps://example.org/zzz-nowhere/) [d](HTTP://Other.Example/zzz/)\n';
  const { covered, found } = await broken(body);
  assert.deepEqual(covered, ['hTTps://example.org/zzz-nowhere/']);
  assert.equal(
    found[0].message,
    "“hTTps://example.org/zzz-nowhere/” leads to no page of this site. Check the address against the page’s file name or its “url”, “slug” and “aliases”.",
  );
  const upperBase = await broken('[e](https://example.org/zzz-nowhere/) [f](https://example.org/blog/harbour-lights/)\n', {}, 'baseURL: HTTPS://Example.ORG/\n');
  assert.deepEqual(upperBase.covered, ['https://example.org/zzz-nowhere/'], 'an upper-case baseURL names the same site');
});

test('link-broken-local: `ignore` globs: leading slashes, inner and trailing slashes, and letter case as written', async () => {
  const globs = ['//downloads/**', 'files/old.pdf', '/Archive/**', 'search', 'reports/2019', 'mirror/', 'mirror-b'];
  const config = JSON.stringify({ rules: { 'link-broken-local': ['error', { ignore: globs }] } });
  const body = '[a](/downloads/app.zip) [b](/files/old.pdf) [c](/archive/2019/) [d](/search/) [e](/reports/2019/) [f](/%2Fmirror/) [g](/%2Fmirror-b/) [h](/blog/nope/)\n';
  const { covered } = await broken(body, { '.postlintrc.json': config });
  assert.deepEqual(covered, ['/blog/nope/']);
});

test('link-broken-local: a target written with spaces around it is named without them', async () => {
  const { covered, found } = await broken('<a href=" /blog/spaced/ ">x</a>\n');
  assert.deepEqual(covered, [' /blog/spaced/ ']);
  assert.equal(found[0].message, "No page of this site is served at “/blog/spaced/”. Check the address against the page’s file name or its “url”, “slug” and “aliases”.");
});

test('link-broken-local: another site\u2019s address is suggested only for a path written from the root', async () => {
  const body = '[a](/%2Fwww.example.com/in/) [b](/www.example.com/in/someone) [c](https://example.org/www.example.com/in/x/)\n\n<a href=" /www.example.com/x">x</a>\n';
  const { found } = await broken(body);
  assert.deepEqual(
    found.map((d) => d.message),
    [
      'No page of this site is served at “/%2Fwww.example.com/in/”. It looks like an address on another site: write “https://www.example.com/in/”.',
      'No page of this site is served at “/www.example.com/in/someone”. It looks like an address on another site: write “https://www.example.com/in/someone”.',
      "“https://example.org/www.example.com/in/x/” leads to no page of this site. Check the address against the page’s file name or its “url”, “slug” and “aliases”.",
      'No page of this site is served at “/www.example.com/x”. It looks like an address on another site: write “https://www.example.com/x”.',
    ],
  );
});

test('link-broken-local: a redirect rule with an error status (400 and up) answers with that status', async () => {
  const { found } = await broken('[a](/secret/x/) [b](/bad/z/)\n', { 'static/_redirects': '/secret/*  /x  404\n/bad/*  /y  400\n' });
  assert.deepEqual(
    found.map((d) => d.message),
    [
      "“/secret/x/” leads to no page of this site. “static/_redirects” answers it with a 404 (“/secret/*”). Check the address against the page’s file name or its “url”, “slug” and “aliases”.",
      "“/bad/z/” leads to no page of this site. “static/_redirects” answers it with a 400 (“/bad/*”). Check the address against the page’s file name or its “url”, “slug” and “aliases”.",
    ],
  );
});

test('link-broken-local: a path is a file only when it ends in an extension; a missing file with no namesake gets the fallback', async () => {
  const { found } = await broken('[a](/docs/v1.2/intro/) [b](/files/none.pdf)\n');
  assert.deepEqual(
    found.map((d) => d.message),
    [
      "No page of this site is served at “/docs/v1.2/intro/”. Check the address against the page’s file name or its “url”, “slug” and “aliases”.",
      'No file of “static/” or of a page bundle is served at “/files/none.pdf”. Check the path, or add the file.',
    ],
  );
});

test('link-broken-local: outside a Hugo site, paths from the root are skipped and relative ones are still checked', async () => {
  const workspace = new MemoryWorkspace({ '/notes/post.md': `${FRONT}[a](/x/) [b](./missing.md) [c](other.md)\n`, '/notes/other.md': '# Other\n' });
  const found = only(await checkPost(workspace, '../notes/post.md'), 'link-broken-local');
  assert.deepEqual(
    found.map((d) => d.message),
    ['“./missing.md” points to a file that does not exist. It names “missing.md”: check the file name and its folder.'],
  );
});

test('link-broken-local: a post not saved yet links to itself with a bare query, and `./` still goes by its URL', async () => {
  const workspace = site();
  const text = `${FRONT}[a](?x=1) [b](./?y=2)\n`;
  const { diagnostics } = await serviceFor(workspace).check(`${SITE}/content/blog/draft.md`, text);
  assert.deepEqual(
    only(diagnostics, 'link-broken-local').map((d) => [rangeText(text, d), d.message]),
    [['./?y=2', "“./?y=2” leads to no page of this site. From this page (“/blog/draft/”), it leads to “/blog/draft/”. Check the address against the page’s file name or its “url”, “slug” and “aliases”."]],
  );
});

const MULTILINGUAL = 'baseURL: https://example.org/\nlanguages:\n  en:\n    contentDir: content/en\n  de:\n    contentDir: content/de\n';

test('link-broken-local: `.md` links are found in any content folder, outside them, and in any letter case', async () => {
  const files = { 'content/en/blog/swell.md': page('Swell'), 'content/de/blog/wind.md': page('Wind'), 'README.md': '# Read me\n' };
  const ok = await broken('[b](/blog/wind.md) [c](../../../../README.md) [d](../Swell.md) [e](/blog/swell.md)\n', files, MULTILINGUAL, 'content/en/blog/trip/index.md');
  assert.deepEqual(ok.covered, []);
});

test('link-broken-local: the embedded render hooks take reference links, not HTML images nor a plain post\u2019s own files', async () => {
  const files = { 'content/en/blog/swell.md': page('Swell'), 'content/en/blog/gull.jpg': '', 'assets/images/map.png': '' };
  const body = '[e][s] <img src="images/map.png" alt="m"> ![g](gull.jpg)\n\n[s]: swell\n';
  const { found } = await broken(body, files, MULTILINGUAL, 'content/en/blog/post.md');
  assert.deepEqual(
    found.map((d) => d.message),
    [
      '“images/map.png” leads to no file of “static/” or of a page bundle. From this page (“/blog/post/”), it leads to “/blog/post/images/map.png”. Check the path, or add the file.',
      "“gull.jpg” leads where nothing is published. From this page (“/blog/post/”), it leads to “/blog/post/gull.jpg”. The file sits next to the post, but Hugo publishes a post’s files only when the post is a page bundle (a folder with “index.md”). A file of that name is served at “/blog/gull.jpg”: link to it.",
    ],
  );
});

test('link-broken-local: a render hook for links alone, or for images alone, resolves only its own kind', async () => {
  const files = { 'content/blog/swell.md': page('Swell'), 'assets/images/map.png': '' };
  const body = '[a](swell) ![m](images/map.png) [b](images/map.png)\n';
  const images = await broken(body, { ...files, 'layouts/_markup/render-image.html': '{{ .Destination }}' });
  assert.deepEqual(images.covered, ['swell', 'images/map.png']);
  assert.equal(images.found[1].message, '“images/map.png” leads to no file of “static/” or of a page bundle. From this page (“/blog/post/”), it leads to “/blog/post/images/map.png”. Check the path, or add the file.');
  assert.equal(rangeText(images.text, images.found[1]), 'images/map.png');
  const links = await broken(body, files, 'baseURL: https://example.org/\nmarkup:\n  goldmark:\n    renderHooks:\n      link:\n        enableDefault: true\n');
  assert.deepEqual(links.covered, ['images/map.png']);
  assert.equal(links.found[0].range.start.character, '[a](swell) ![m]('.length, 'the image is reported, not the link');
});

test('link-broken-local: shortcodes find assets by path from the root, and a post\u2019s own files only by a relative path', async () => {
  const files = { 'content/blog/gull.jpg': '', 'assets/images/map.png': '' };
  const body = '{{< img src="/gull.jpg" >}} {{< button link="/images/map.png" text="x" >}} {{< img src="gull.jpg" >}}\n';
  const { covered } = await broken(body, files);
  assert.deepEqual(covered, ['/gull.jpg']);
});

test('link-broken-local: only a name ending in .md or .markdown (any case) is a file link; next to a plain post, only files that are not pages', async () => {
  const files = { 'content/blog/notes.md.txt': '', 'content/blog/gull.jpg': '', 'content/blog/other.html': page('Other') };
  const { covered, found } = await broken('[a](Harbour-Lights.MD) [b](notes.md.txt) ![g](/gull.jpg) [o](other.html)\n', files);
  assert.deepEqual(covered, ['notes.md.txt', '/gull.jpg', 'other.html']);
  assert.deepEqual(
    found.map((d) => d.message),
    [
      "“notes.md.txt” leads where nothing is published. From this page (“/blog/post/”), it leads to “/blog/post/notes.md.txt”. The file sits next to the post, but Hugo publishes a post’s files only when the post is a page bundle (a folder with “index.md”). A file of that name is served at “/blog/notes.md.txt”: link to it.",
      'No file of “static/” or of a page bundle is served at “/gull.jpg”. A file of that name is served at “/blog/gull.jpg”: link to it.',
      '“other.html” leads to no file of “static/” or of a page bundle. From this page (“/blog/post/”), it leads to “/blog/post/other.html”. Check the path, or add the file.',
    ],
  );
});

test('link-broken-local: a post with no link into the site never reads the site\u2019s pages', async () => {
  const workspace = site({ 'content/blog/post.md': `${FRONT}[a](https://example.com/) [b](#here)\n` });
  await serviceFor(workspace).check(`${SITE}/content/blog/post.md`, workspace.files.get(`${SITE}/content/blog/post.md`)!);
  assert.deepEqual(workspace.reads.filter((path) => path.endsWith('harbour-lights.md')), []);
});

test('link-broken-local: a file whose name only extends the one linked is suggested with a rename', async () => {
  const { found } = await broken('![Map](/map.png)\n', { 'static/files/map.png.webp': '' });
  assert.deepEqual(
    found.map((d) => d.message),
    ['No file of “static/” or of a page bundle is served at “/map.png”. A file named like it is served at “/files/map.png.webp”: link to it, or rename the file.'],
  );
});

test('link-broken-local: under a render hook, a bundle\u2019s own files are found by relative paths only, even before a new `url` is saved', async () => {
  const path = 'content/en/blog/trip/index.md';
  const workspace = hugoSite({ 'hugo.yaml': MULTILINGUAL, 'content/en/blog/trip/photo.jpg': '', [path]: `${FRONT}Saved without a url.\n` });
  const text = '---\ntitle: Trip\nurl: /elsewhere/\n---\n\n![p](photo.jpg) ![q](/photo.jpg)\n';
  const { diagnostics } = await serviceFor(workspace).check(`${SITE}/${path}`, text);
  assert.deepEqual(
    only(diagnostics, 'link-broken-local').map((d) => [rangeText(text, d), d.message]),
    [['/photo.jpg', 'No file of “static/” or of a page bundle is served at “/photo.jpg”. A file of that name is served at “/blog/trip/photo.jpg”: link to it.']],
  );
});

test('link-broken-local: a `.md` link from the root that names no file is then looked up as an address', async () => {
  const { found } = await broken('[a](/blog/nope.md)\n');
  assert.deepEqual(found.map((d) => d.message), ['No file of “static/” or of a page bundle is served at “/blog/nope.md”. Check the path, or add the file.']);
});

test('link-broken-local: a post without front matter still resolves its relative links', async () => {
  const text = '[a](../nope/) [b](../harbour-lights/)\n';
  const found = only(await checkPost(site({ 'content/blog/bare.md': text }), 'content/blog/bare.md'), 'link-broken-local');
  assert.deepEqual(found.map((d) => rangeText(text, d)), ['../nope/']);
});

test('link-broken-local: the files the site\u2019s output formats publish beside a page exist there, and only there', async () => {
  const hugo = [
    'baseURL: https://example.org/',
    'mediaTypes:',
    '  application/atom+xml:',
    '    suffixes: [atom]',
    'outputFormats:',
    '  RSS:',
    '    baseName: feed',
    '  Atom:',
    '    mediaType: application/atom+xml',
    'outputs:',
    '  section: [HTML, RSS, Atom, JSON]',
    '',
  ].join('\n');
  const { covered } = await broken('[a](/blog/feed.xml) [b](/blog/index.atom) [c](/blog/index.json) [d](/lost/feed.xml) [e](/blog/feed.json)\n', {}, hugo);
  assert.deepEqual(covered, ['/lost/feed.xml', '/blog/feed.json']);
});

test('link-broken-local: uglyURLs set for one section serves its pages as name.html, and only its pages', async () => {
  const hugo = 'baseURL: https://example.org/\nuglyURLs:\n  post: true\npermalinks:\n  post: /:year/:month/:day/:slug/\n';
  const files = { 'content/post/tides.md': page('Tides', 'date: 2019-11-20\nslug: tides\n'), 'content/docs/knots.md': page('Knots') };
  const { covered } = await broken('[a](/2019/11/20/tides.html) [b](/docs/knots.html) [c](/docs/knots/)\n', files, hugo, 'content/post/p.md');
  assert.deepEqual(covered, ['/docs/knots.html']);
});

test('link-broken-local: a long address is shortened in the middle, so that the first sentence stays short', async () => {
  const { found } = await broken('[Guide](https://example.org/guides/building-leadership-in-an-open-source-ecosystem/)\n');
  assert.deepEqual(found.map((d) => d.message), [
    '“https://example.org/guides/building-lead…n-source-ecosystem/” leads to no page of this site. Check the address against the page’s file name or its “url”, “slug” and “aliases”.',
  ]);
});

test('link-broken-local: a full URL of the site whose path is percent-encoded is followed by the path as read', async () => {
  const { found } = await broken('[Aboard](https://example.org/blog/%C3%A0-bord/)\n');
  assert.deepEqual(found.map((d) => d.message), [
    '“https://example.org/blog/%C3%A0-bord/” leads to no page of this site. Its path on this site is “/blog/à-bord/”. Check the address against the page’s file name or its “url”, “slug” and “aliases”.',
  ]);
});

/** Math delimiters as hugo-theme-stack's demo site sets them, in a config folder file. */
const MATH_MARKUP = [
  '[goldmark.extensions.passthrough]',
  'enable = true',
  '[goldmark.extensions.passthrough.delimiters]',
  "block = [['\\[', '\\]'], ['$$', '$$']]",
  "inline = [['\\(', '\\)']]",
  '',
].join('\n');

const TIDE_MATH = [
  'The height is $$ h(t) = [a](b) \\cos(\\omega t) $$ at the quay.',
  '',
  '\\[ c [p](q) d \\]',
  '',
  'With \\( [k](m) \\) in metres, see [the missing table](/blog/tide-table/).',
  '',
].join('\n');

test('link-broken-local: with Hugo\u2019s passthrough extension on, the math between its delimiters holds no link', async () => {
  const { covered } = await broken(TIDE_MATH, { 'config/_default/markup.toml': MATH_MARKUP });
  assert.deepEqual(covered, ['/blog/tide-table/']);
});

test('link-broken-local: with the extension off, the same text is Markdown and its links are checked', async () => {
  const { covered } = await broken(TIDE_MATH);
  assert.deepEqual(covered, ['b', 'q', 'm', '/blog/tide-table/']);
});
