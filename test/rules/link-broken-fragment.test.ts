import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPost, hugoSite, MemoryWorkspace, only, rangeText, serviceFor, SITE } from '../helpers/memory-workspace';

const FRONT = '---\ntitle: Knots\ndate: 2025-05-10\nauthor: bob\n---\n\n';
const GUIDE = '---\ntitle: Mooring guide\n---\n\n## Before you arrive\n\n## Lines and fenders {#lines}\n\n<a id="checklist"></a>\n';

async function fragments(body: string, files: Record<string, string> = {}) {
  const text = FRONT + body;
  const workspace = hugoSite({
    'content/blog/mooring.md': GUIDE,
    'content/blog/_index.md': '---\ntitle: Blog\n---\n',
    'static/img/chart.svg': '',
    ...files,
    'content/blog/post.md': text,
  });
  const found = only(await checkPost(workspace, 'content/blog/post.md'), 'link-broken-fragment');
  return { text, found, covered: found.map((d) => rangeText(text, d)) };
}

test('link-broken-fragment: a same-page fragment that names no heading, with the close id as an editor fix', async () => {
  const { text, found } = await fragments('## Getting started\n\nSee [below](#getting-startd).\n');
  const [diagnostic, ...rest] = found;
  assert.equal(rest.length, 0);
  assert.equal(diagnostic.severity, 'warning');
  assert.equal(rangeText(text, diagnostic), '#getting-startd');
  assert.match(diagnostic.message, /“#getting-startd” names no heading or anchor of this post\. Did you mean “#getting-started”\?/);
  const [fix] = diagnostic.fixes;
  assert.equal(fix.safe, false);
  assert.equal(fix.edits[0].newText, 'getting-started');
  const { start, end } = fix.edits[0].range;
  assert.equal(text.split('\n')[start.line].slice(start.character, end.character), 'getting-startd');
});

test("link-broken-fragment: Hugo's ids: punctuation dropped, explicit {#id}, -1 for a repeated heading, HTML ids", async () => {
  const body = [
    '## What’s new in 2.0?',
    '## Rigging {#rig}',
    '## Notes',
    '## Notes',
    '<div id="box"></div> <a name="old-anchor"></a>',
    '',
    '[a](#whats-new-in-20) [b](#rig) [c](#notes) [d](#notes-1) [e](#box) [f](#old-anchor)',
  ].join('\n\n');
  assert.deepEqual((await fragments(`${body}\n`)).covered, []);
  const { covered } = await fragments(`${body}\n\n[g](#rigging) [h](#notes-2)\n`);
  assert.deepEqual(covered, ['#rigging', '#notes-2']);
});

test('link-broken-fragment: a case that differs is broken (ids match exactly) and fixed to the id', async () => {
  const { found } = await fragments('## Tides\n\n[up](#Tides)\n');
  assert.equal(found.length, 1);
  assert.equal(found[0].fixes[0].edits[0].newText, 'tides');
});

test('link-broken-fragment: fragments on another page are checked against its headings and anchors', async () => {
  const good = '[a](/blog/mooring/#before-you-arrive) [b](../mooring/#lines) [c](mooring.md#checklist) [d](https://example.org/blog/mooring/#lines)\n';
  assert.deepEqual((await fragments(good)).covered, []);
  const { covered, found } = await fragments('[e](/blog/mooring/#lines-and-fenders) [f](/blog/mooring/#before-you-arive)\n');
  assert.deepEqual(covered, ['/blog/mooring/#lines-and-fenders', '/blog/mooring/#before-you-arive']);
  assert.match(found[0].message, /names no heading or anchor of the page it links to\. That page is “\/blog\/mooring\/”, made from “content\/blog\/mooring\.md”\./);
  assert.match(found[1].message, /Did you mean “#before-you-arrive”\?/);
});

test('link-broken-fragment: a link to the post itself by URL uses the post as written', async () => {
  const { covered } = await fragments('## Anchors away\n\n[a](/blog/post/#anchors-away) [b](/blog/post/#anchor)\n');
  assert.deepEqual(covered, ['/blog/post/#anchor']);
});

test('link-broken-fragment: percent-encoded and non-Latin fragments compare decoded', async () => {
  const body = '## 潮の満ち引き\n\n[a](#潮の満ち引き) [b](#%E6%BD%AE%E3%81%AE%E6%BA%80%E3%81%A1%E5%BC%95%E3%81%8D) [c](#潮の満ち引き？)\n';
  assert.deepEqual((await fragments(body)).covered, ['#潮の満ち引き？']);
});

test('link-broken-fragment: other pages are parsed once per site', async () => {
  const workspace = hugoSite({
    'content/blog/mooring.md': GUIDE,
    'content/blog/a.md': `${FRONT}[x](/blog/mooring/#lines)\n`,
    'content/blog/b.md': `${FRONT}[y](/blog/mooring/#nope)\n`,
  });
  const service = serviceFor(workspace);
  const results = [];
  for (const name of ['a', 'b']) results.push(await service.check(`${SITE}/content/blog/${name}.md`, workspace.files.get(`${SITE}/content/blog/${name}.md`)!));
  assert.equal(only(results[1].diagnostics, 'link-broken-fragment').length, 1);
  assert.equal(workspace.reads.filter((path) => path.endsWith('mooring.md')).length, 2, 'once for the index, once for its headings');
});

test('link-broken-fragment: never #top, empty or footnote fragments, other sites, list pages, missing pages, code or comments', async () => {
  const body = [
    '[a](#top) [b](#) [c](#fn:1) [d](https://example.com/page/#nowhere) [e](/blog/#nowhere) [f](/blog/missing/#nowhere)',
    '[g](/img/chart.svg#layer) `[h](#in-code)` <!-- [i](#in-comment) --> [j]({{< ref "mooring.md#nope" >}})',
    '{{< anchor "harbour-map" >}} [k](#harbour-map)',
    '',
    '```',
    '[l](#in-fence)',
    '```',
  ].join('\n');
  assert.deepEqual((await fragments(`${body}\n`)).covered, []);
});

test('link-broken-fragment: a site with another heading id style is not checked', async () => {
  const hugo = 'baseURL: https://example.org/\nmarkup:\n  goldmark:\n    parser:\n      autoHeadingIDType: github-ascii\n';
  assert.deepEqual((await fragments('## Café\n\n[a](#cafe)\n', { 'hugo.yaml': hugo })).covered, []);
});

test('link-broken-fragment: fragments of the site\u2019s own URLs are checked with the scheme and host in any case', async () => {
  const good = '[a](HTTPS://EXAMPLE.ORG/blog/mooring/#lines) [b](Http://Www.Example.org/blog/mooring/#checklist)\n';
  assert.deepEqual((await fragments(good)).covered, []);
  const { covered, found } = await fragments('[c](hTTps://Example.org/blog/mooring/#lines-and-fenders) [d](HTTPS://elsewhere.example/blog/mooring/#nothing)\n');
  assert.deepEqual(covered, ['hTTps://Example.org/blog/mooring/#lines-and-fenders']);
  assert.equal(
    found[0].message,
    "“#lines-and-fenders” names no heading or anchor of the page it links to. That page is “/blog/mooring/”, made from “content/blog/mooring.md”. Link to one of its heading ids (Hugo makes them from the heading’s text: “## Next steps” gets “#next-steps”), or give the heading an explicit id with “{#name}”.",
  );
});

const NO_SUGGESTION = "Link to one of its heading ids (Hugo makes them from the heading’s text: “## Next steps” gets “#next-steps”), or give the heading an explicit id with “{#name}”.";

/** The text an edit's range covers, on one line. */
function editedText(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return text.split('\n')[range.start.line].slice(range.start.character, range.end.character);
}

test('link-broken-fragment: the fix to another page\u2019s fragment replaces the fragment alone, as a preferred unsafe fix', async () => {
  const { text, found } = await fragments('[a](/blog/mooring/#checklst)\n');
  assert.equal(found.length, 1);
  assert.equal(found[0].message, "“#checklst” names no heading or anchor of the page it links to. That page is “/blog/mooring/”, made from “content/blog/mooring.md”. Did you mean “#checklist”?");
  const [fix, ...others] = found[0].fixes;
  assert.equal(others.length, 0);
  assert.equal(fix.title, 'Change the fragment to “#checklist”');
  assert.equal(fix.preferred, true);
  assert.equal(fix.safe, false);
  assert.equal(fix.edits.length, 1);
  assert.equal(fix.edits[0].newText, 'checklist');
  assert.equal(editedText(text, fix.edits[0].range), 'checklst');
});

test('link-broken-fragment: no fix without a close id, nor when the URL is not written as it reads', async () => {
  const { found } = await fragments('## Tides\n\n[a](#zzzz-qqqq)\n\n{{< button link="#tide\\"s" text="Go" >}}\n');
  assert.deepEqual(
    found.map((d) => [d.message, d.fixes]),
    [
      [`“#zzzz-qqqq” names no heading or anchor of this post. ${NO_SUGGESTION}`, []],
      ['“#tide"s” names no heading or anchor of this post. Did you mean “#tides”?', []],
    ],
  );
});

test('link-broken-fragment: only links are checked, images are not; a fragment after spaces still counts', async () => {
  const { covered } = await fragments('![map](#nope) [a](#{{ .Title }})\n\n<a href=" #nope-two">x</a>\n');
  assert.deepEqual(covered, [' #nope-two']);
});

test('link-broken-fragment: footnote ids of Goldmark are always there, other ids with `fn:` in them are not', async () => {
  const { covered } = await fragments('[a](#fnref12:1) [b](#fnref:2) [c](#see-fn:1) [d](#TOP)\n');
  assert.deepEqual(covered, ['#see-fn:1']);
});

test('link-broken-fragment: a Markdown handler other than Goldmark (in any case) turns the check off', async () => {
  const other = 'baseURL: https://example.org/\nmarkup:\n  defaultMarkdownHandler: blackfriday\n';
  assert.deepEqual((await fragments('[a](#nope)\n', { 'hugo.yaml': other })).covered, []);
  const goldmark = 'baseURL: https://example.org/\nmarkup:\n  defaultMarkdownHandler: GoldMark\n  goldmark:\n    parser:\n      autoHeadingIDType: github\n';
  assert.deepEqual((await fragments('[a](#nope)\n', { 'hugo.yaml': goldmark })).covered, ['#nope']);
});

test('link-broken-fragment: a link to the post itself reads the text being edited, not the saved file', async () => {
  const workspace = hugoSite({ 'content/blog/post.md': `${FRONT}## Old name\n` });
  const text = `${FRONT}## New name\n\n[a](/blog/post/#new-name) [b](/blog/post/#old-name)\n`;
  const { diagnostics } = await serviceFor(workspace).check(`${SITE}/content/blog/post.md`, text);
  const found = only(diagnostics, 'link-broken-fragment');
  assert.deepEqual(
    found.map((d) => [rangeText(text, d), d.message]),
    [['/blog/post/#old-name', `“#old-name” names no heading or anchor of this post. ${NO_SUGGESTION}`]],
  );
});

test('link-broken-fragment: outside a Hugo site, fragments of links from the root are not checked, relative ones are', async () => {
  // A `content/` folder next to the post would give `/guide/` a page, were the root known.
  const guide = '---\ntitle: Guide\n---\n\n## One\n';
  const workspace = new MemoryWorkspace({ '/notes/post.md': `${FRONT}## Here\n\n[a](/guide/#nope) [b](#nope-too) [c](content/guide.md#one) [d](content/guide.md#two)\n`, '/notes/content/guide.md': guide });
  const text = workspace.files.get('/notes/post.md')!;
  const found = only(await checkPost(workspace, '../notes/post.md'), 'link-broken-fragment');
  assert.deepEqual(found.map((d) => rangeText(text, d)), ['#nope-too', 'content/guide.md#two'], 'relative links are still checked');
});

test('link-broken-fragment: a post whose links into the site carry no fragment never reads the site\u2019s pages', async () => {
  const config = '{ "rules": { "link-broken-local": "off" } }';
  const workspace = hugoSite({ 'content/blog/mooring.md': GUIDE, '.postlintrc.json': config, 'content/blog/post.md': `${FRONT}## Here\n\n[a](/blog/mooring/) [b](#here)\n` });
  await serviceFor(workspace).check(`${SITE}/content/blog/post.md`, workspace.files.get(`${SITE}/content/blog/post.md`)!);
  assert.deepEqual(workspace.reads.filter((path) => path.endsWith('mooring.md')), []);
});

test('link-broken-fragment: one broken link repeated under as many headings, each reported with the same suggestion, in another post too (found by test/fuzz: each suggestion weighed every heading again, 8 s for 900)', async () => {
  const sections = Array.from({ length: 900 }, (_, i) => `## Section number ${i} of the long reference\n\nSee [the start](#getting-startd) and [the guide](mooring.md#befor-you-arrive).\n`);
  const { found } = await fragments(`## Getting started\n\n${sections.join('\n')}`);
  assert.equal(found.length, 1800);
  assert.deepEqual(new Set(found.map((d) => d.message.slice(d.message.indexOf('Did you mean')))), new Set(['Did you mean “#getting-started”?', 'Did you mean “#before-you-arrive”?']));
});

test('link-broken-fragment: the ids Hugo gives the lines of a code block with linked line numbers count, from linenostart, on this post and on another', async () => {
  const body = [
    '```python { linenos=true, anchorlinenos=true, lineanchors=knot }',
    'rope = Rope()',
    'rope.tie("bowline")',
    '```',
    '',
    '```python {linenos=table, linenostart=40, anchorlinenos=true, lineanchors="cleat"}',
    'rope.belay()',
    '',
    '```',
    '',
    '```python {linenos=true, anchorlinenos=true}',
    'rope.coil()',
    '```',
    '',
    'Line [1](#knot-1), [2](#knot-2), [40](#cleat-40), the unnamed block [hl-2-1](#hl-2-1).',
    'Past the end: [3](#knot-3), [41](#cleat-41), [hl-2-2](#hl-2-2); never [0](#knot-0).',
    'From elsewhere: [tide 7](/blog/tides/#tide-7) [tide 8](/blog/tides/#tide-8).',
    '',
  ].join('\n');
  const tides = '---\ntitle: Tides\n---\n\n```text { linenos=inline, linenostart=7, anchorlinenos=true, lineanchors=tide }\nhigh 06:10\n```\n';
  const { covered, found } = await fragments(body, { 'content/blog/tides.md': tides });
  assert.deepEqual(covered, ['#knot-3', '#cleat-41', '#hl-2-2', '#knot-0', '/blog/tides/#tide-8']);
  assert.match(found[0].message, /“#knot-3” names no heading or anchor of this post\./);
});

test('link-broken-fragment: a code line has an id only with its number shown and linked, and only when Hugo highlights the block', async () => {
  const body = [
    '```go { lineanchors=only }',
    'a',
    '```',
    '',
    '```go { anchorlinenos=true, lineanchors=nonumbers }',
    'a',
    '```',
    '',
    '```go { linenos=true, lineanchors=notlinked }',
    'a',
    '```',
    '',
    '``` { linenos=true, anchorlinenos=true, lineanchors=nolanguage }',
    'a',
    '```',
    '',
    '    indented, { linenos=true }',
    '',
    '[a](#only-1) [b](#nonumbers-1) [c](#notlinked-1) [d](#nolanguage-1)',
    '',
  ].join('\n');
  assert.deepEqual((await fragments(body)).covered, ['#only-1', '#nonumbers-1', '#notlinked-1', '#nolanguage-1']);
});

test('link-broken-fragment: the site\u2019s markup.highlight sets the defaults, and the highlight shortcode numbers its lines without a prefix', async () => {
  const config = 'baseURL: https://example.org/\nmarkup:\n  highlight:\n    lineNos: true\n    anchorLineNos: true\n    lineNoStart: 5\n    guessSyntax: true\n';
  const body = [
    '```sh',
    'ls',
    '```',
    '',
    '```',
    'no language, guessed',
    '```',
    '',
    '{{< highlight go "linenos=table,anchorlinenos=true" >}}',
    'x := 1',
    'y := 2',
    '{{< /highlight >}}',
    '',
    '{{< highlight go "linenos=table,anchorlinenos=true,lineanchors=sc,linenostart=1" >}}',
    'z := 3',
    '{{< /highlight >}}',
    '',
    '[a](#hl-0-5) [b](#hl-1-5) [c](#5) [d](#6) [e](#sc-1) [f](#hl-0-6) [g](#7) [h](#sc-2)',
    '',
  ].join('\n');
  assert.deepEqual((await fragments(body, { 'hugo.yaml': config })).covered, ['#hl-0-6', '#7', '#sc-2']);
});

test('link-broken-fragment: a fenced block\u2019s own id ({#name}) is an anchor', async () => {
  const body = '```go {#setup .wide}\nfunc main() {}\n```\n\n[a](#setup) [b](#setup-1)\n';
  assert.deepEqual((await fragments(body)).covered, ['#setup-1']);
});

test('link-broken-fragment: an id a layout of the site or of a theme on disk writes as it is reaches every page; one a template makes, or the site\u2019s other markup, does not', async () => {
  const body = 'See [the docs](/blog/mooring/#docs), [the top bar](#site-nav), [made](/blog/mooring/#anchor), [no id](#wrapper) and [gone](/blog/mooring/#nothing).\n';
  const layouts = {
    'layouts/_default/baseof.html': '<body id="docs" class="{{ .Type }}">{{ block "main" . }}{{ end }}</body>',
    'layouts/partials/nav.html': '<nav {{ with .Params.navclass }}class="{{ . }}"{{ end }} id=\'site-nav\'></nav><h2 id="{{ .Anchor }}">x</h2><div data-id="wrapper"></div>',
  };
  assert.deepEqual((await fragments(body)).covered, ['/blog/mooring/#docs', '#site-nav', '/blog/mooring/#anchor', '#wrapper', '/blog/mooring/#nothing']);
  assert.deepEqual((await fragments(body, layouts)).covered, ['/blog/mooring/#anchor', '#wrapper', '/blog/mooring/#nothing']);
  const theme = {
    'hugo.yaml': 'baseURL: https://example.org/\ntheme: quay\n',
    'themes/quay/layouts/docs/single.html': '<main id="docs"><header id="site-nav"></header></main>',
  };
  assert.deepEqual((await fragments(body, theme)).covered, ['/blog/mooring/#anchor', '#wrapper', '/blog/mooring/#nothing']);
});
