import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MemoryWorkspace, checkPost, hugoSite, only, rangeText, serviceFor, SITE } from '../helpers/memory-workspace';

const FRONT = '---\ntitle: Notes from the orchard\ndate: 2025-04-02\nauthor: alice\n---\n';
const POST = 'content/blog/p.md';
const LAYOUTS = { 'layouts/shortcodes/callout.html': '<aside>{{ .Inner }}</aside>', 'layouts/shortcodes/media/clip.html': '<video></video>' };

async function findings(body: string, files: Record<string, string> = LAYOUTS, baseURL?: string) {
  const text = FRONT + body;
  const diagnostics = only(await checkPost(hugoSite({ ...files, [POST]: text }, { baseURL }), POST), 'shortcode-unknown');
  return { text, diagnostics, spans: diagnostics.map((d) => rangeText(text, d)) };
}

test('shortcode-unknown: a misspelt site shortcode, with the closest name and a fix for both tags', async () => {
  const { text, diagnostics, spans } = await findings('{{< calout >}}\nMind the frost.\n{{< /calout >}}\n');
  assert.deepEqual(spans, ['calout']);
  assert.match(diagnostics[0].message, /Unknown shortcode “calout”\. Did you mean “callout”\?/);
  assert.equal(diagnostics[0].severity, 'error');
  const [fix] = diagnostics[0].fixes;
  assert.equal(fix.safe, false);
  assert.deepEqual(fix.edits.map((edit) => edit.newText), ['callout', 'callout']);
  assert.equal(fix.edits[1].range.start.line, text.split('\n').indexOf('{{< /calout >}}'));
});

test('shortcode-unknown: a misspelt built-in; a name close to nothing gets no guess', async () => {
  const { diagnostics } = await findings('{{< youtub abc123 >}}\n\n{{< totally-made-up >}}\n');
  assert.equal(diagnostics.length, 2);
  assert.match(diagnostics[0].message, /Did you mean “youtube”\?/);
  assert.match(diagnostics[1].message, /Neither the site, its theme nor Hugo provides it/);
  assert.deepEqual(diagnostics[1].fixes, []);
});

test('shortcode-unknown: site, nested, _shortcodes, theme, built-in and listed shortcodes are known, in any case', async () => {
  const files = {
    ...LAYOUTS,
    'layouts/_shortcodes/newer.html': 'x',
    'hugo.yaml': 'baseURL: https://example.org/\ntheme: [grove, missing-no]\n',
    'themes/grove/layouts/shortcodes/leaf.en.html': 'x',
    '.postlintrc.json': '{ "rules": { "shortcode-unknown": ["error", { "known": ["stamp"] }] } }',
  };
  const body = '{{< callout >}}x{{< /callout >}} {{< media/clip >}} {{< newer >}} {{< leaf >}} {{< Figure src="a.png" >}} {{< stamp >}} {{< qr text="hi" />}} {{< time.inline >}}{{ now }}{{< /time.inline >}}\n';
  assert.deepEqual((await findings(body, files)).diagnostics, []);
});

test('shortcode-unknown: a theme that is present is read; its shortcodes make the list known', async () => {
  const files = { 'hugo.yaml': 'baseURL: https://example.org/\ntheme: grove\n', 'themes/grove/layouts/shortcodes/leaf.html': 'x' };
  const { spans } = await findings('{{< leaf >}} {{< twig >}}\n', files);
  assert.deepEqual(spans, ['twig']);
});

test('shortcode-unknown: never reported where the site shortcodes cannot be known', async () => {
  // No layouts folder and no theme folder: any name may be real.
  assert.deepEqual((await findings('{{< anything >}}\n', {})).diagnostics, []);
  // A theme the config names but the checkout does not hold.
  const missingTheme = { ...LAYOUTS, 'hugo.yaml': 'baseURL: https://example.org/\ntheme: elsewhere\n' };
  assert.deepEqual((await findings('{{< anything >}}\n', missingTheme)).diagnostics, []);
  // A theme added as a git submodule and not fetched: its folder is there, empty.
  const unfetchedTheme = { ...LAYOUTS, 'hugo.yaml': 'baseURL: https://example.org/\ntheme: [docsy]\n', 'themes/docsy/': '' };
  assert.deepEqual((await findings('{{< alert >}}x{{< /alert >}}\n', unfetchedTheme)).diagnostics, []);
  // Templates from Hugo modules are out of sight too.
  const modules = { ...LAYOUTS, 'hugo.yaml': 'baseURL: https://example.org/\nmodule:\n  imports:\n    - path: github.com/x/y\n' };
  assert.deepEqual((await findings('{{< anything >}}\n', modules)).diagnostics, []);
});

test('shortcode-unknown: where the theme is out of sight, each shortcode not known otherwise is said to be unverified; Hugo\'s own and the site\'s are not', async () => {
  const files = { ...LAYOUTS, 'hugo.yaml': 'baseURL: https://example.org/\ntheme: elsewhere\n' };
  const text = `${FRONT}{{< anything >}} {{< callout >}}x{{< /callout >}} {{< figure src="a.png" alt="A gate" >}}\n`;
  const result = await serviceFor(hugoSite({ ...files, [POST]: text })).check(`${SITE}/${POST}`, text);
  assert.deepEqual(only(result.diagnostics, 'shortcode-unknown'), []);
  assert.deepEqual(
    result.unverified.filter((entry) => entry.ruleId === 'shortcode-unknown').map((entry) => [text.split('\n')[entry.range.start.line].slice(entry.range.start.character, entry.range.end.character), entry.reason]),
    [['anything', 'the theme\u2019s layouts are not in this folder (a Hugo module, or a submodule not checked out), and the shortcode may be one of its own; list the site\u2019s shortcodes in rules.shortcode-unknown.known to check them']],
  );
});

test('shortcode-unknown: the option alone makes the list known', async () => {
  const files = { '.postlintrc.json': '{ "rules": { "shortcode-unknown": ["error", { "known": ["stamp"] }] } }' };
  const { spans, diagnostics } = await findings('{{< stamp >}} {{< stmap >}} {{< figure src="a.png" >}}\n', files);
  assert.deepEqual(spans, ['stmap']);
  assert.match(diagnostics[0].message, /Did you mean “stamp”\?/);
});

test("shortcode-unknown: the todogroup preset lists the site's shortcodes (its theme is not in the repository)", async () => {
  const body = '{{< button link="https://example.org" text="Join" >}} {{< img src="/img/a.png" alt="A pear" >}} {{< tweet user="x" id="1" >}} {{< youtube_enhanced id="abc" >}} {{< iframe src="https://example.org" >}} {{< imgg src="/img/b.png" >}}\n';
  const { spans, diagnostics } = await findings(body, {}, 'https://todogroup.org/');
  assert.deepEqual(spans, ['imgg']);
  assert.match(diagnostics[0].message, /Did you mean “img”\?/);
});

test('shortcode-unknown: nothing is reported inside code spans, fenced code or front matter', async () => {
  const text = '---\ntitle: "{{< nope >}}"\ndate: 2025-04-02\nauthor: alice\n---\n`{{< nope >}}`\n\n```\n{{< nope >}}\n```\n\n{{< highlight md >}}\n{{< nope >}}\n{{< /highlight >}}\n';
  const diagnostics = only(await checkPost(hugoSite({ ...LAYOUTS, [POST]: text }), POST), 'shortcode-unknown');
  assert.deepEqual(diagnostics, []);
});

test('shortcode-unknown: the site folders are read once per site, not once per post', async () => {
  const files: Record<string, string> = { ...LAYOUTS };
  for (let i = 0; i < 20; i++) files[`content/blog/p${i}.md`] = `${FRONT}{{< callout >}}x{{< /callout >}} {{< unknown${i} >}}\n`;
  const workspace = hugoSite(files);
  let reads = 0;
  const counting = new Proxy(workspace, {
    get(target, key) {
      if (key === 'readDirectory') return async (path: string) => {
        if (path.includes('/layouts/')) reads++;
        return target.readDirectory(path);
      };
      const value = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as MemoryWorkspace;
  const service = serviceFor(counting);
  let found = 0;
  for (let i = 0; i < 20; i++) {
    const path = `/site/content/blog/p${i}.md`;
    found += only((await service.check(path, workspace.files.get(path)!)).diagnostics, 'shortcode-unknown').length;
  }
  assert.equal(found, 20);
  assert.ok(reads <= 2, `layouts folders read ${reads} times`);
});

test('shortcode-unknown: both messages and the fix, word for word', async () => {
  const { diagnostics } = await findings('{{< calout >}}\n\n{{< totally-made-up >}}\n');
  assert.deepEqual(diagnostics.map((d) => d.message), [
    'Unknown shortcode “calout”. Did you mean “callout”? Hugo stops the build on a shortcode it has no template for.',
    'Unknown shortcode “totally-made-up”. Neither the site, its theme nor Hugo provides it, so Hugo stops the build. Check the name, add “layouts/shortcodes/totally-made-up.html”, or list it in rules.shortcode-unknown.known.',
  ]);
  assert.deepEqual(diagnostics[0].fixes.map((fix) => [fix.title, fix.preferred, fix.edits.length]), [['Change the shortcode to “callout”', true, 1]]);
});

test('shortcode-unknown: the fix renames the closing tag paired by nesting, not a self-closing tag of the same name', async () => {
  const body = '{{< calout >}}\n{{< calout >}}\ninner\n{{< /calout >}}\n{{< calout />}}\n{{< /calout >}}\n';
  const { text, diagnostics } = await findings(body);
  assert.equal(diagnostics.length, 3);
  const editedLines = diagnostics.map((d) => d.fixes[0].edits.map((edit) => edit.range.start.line));
  const first = text.split('\n').indexOf('{{< calout >}}');
  // The outer tag pairs with the last closing tag, the inner with the first; the self-closing one has none.
  assert.deepEqual(editedLines, [
    [first, first + 5],
    [first + 1, first + 3],
    [first + 4],
  ]);
});

test('shortcode-unknown: a module imported from the themes folder is read like a theme; one fetched from elsewhere leaves the list unknown', async () => {
  const onDisk = {
    'hugo.yaml': 'baseURL: https://example.org/\nmodule:\n  imports:\n    - path: harbour-shortcodes\n',
    'themes/harbour-shortcodes/layouts/shortcodes/tide-table.html': '<table>{{ .Get 0 }}</table>\n',
  };
  const post = '---\ntitle: Tides\ndate: 2025-02-03\n---\n\n{{< tide-table spring >}}\n\n{{< tide-tabel spring >}}\n';
  const found = (await checkPost(hugoSite({ ...onDisk, 'content/blog/p.md': post }), 'content/blog/p.md')).filter((d) => d.ruleId === 'shortcode-unknown');
  assert.deepEqual(found.map((d) => /“(.*?)”/.exec(d.message)?.[1]), ['tide-tabel']);
  const fetched = { 'hugo.yaml': 'baseURL: https://example.org/\nmodule:\n  imports:\n    - path: github.com/example/harbour-shortcodes\n', 'layouts/shortcodes/other.html': 'x' };
  const none = (await checkPost(hugoSite({ ...fetched, 'content/blog/p.md': post }), 'content/blog/p.md')).filter((d) => d.ruleId === 'shortcode-unknown');
  assert.deepEqual(none, []);
});
