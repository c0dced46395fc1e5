import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bodyFindings } from '../helpers/link-fixes';

/** A layout that prints the title as the page's <h1>, as most themes do. */
const H1_LAYOUT = { 'layouts/_default/single.html': '<article>\n  <h1 class="post-title">{{ .Title }}</h1>\n  {{ .Content }}\n</article>\n' };
const findings = (body: string, files: Record<string, string> = H1_LAYOUT) => bodyFindings('heading-increment', body, { files });

test('heading-increment: a level skipped after the title or a heading, on the heading', async () => {
  const { diagnostics, ranges } = await findings('Intro.\n\n### Straight to three\n\n## Two\n\n#### Four under two\n');
  assert.deepEqual(ranges, ['### Straight to three', '#### Four under two']);
  assert.match(diagnostics[0].message, /level 3 heading skips a level after the title \(level 1\)\. Make it “##”/);
  assert.match(diagnostics[1].message, /after a level 2 heading/);
  assert.deepEqual(diagnostics[0].fixes[0].edits[0].newText, '##');
  assert.equal(diagnostics[0].fixes[0].safe, false);
});

test('heading-increment: setext headings count; going back up any number of levels is fine', async () => {
  const { ranges } = await findings('Two\n---\n\n### Three\n\n#### Four\n\n## Back to two\n\nTitle-level\n===\n\n### Skip\n');
  assert.deepEqual(ranges, ['### Skip']);
});

test('heading-increment: headings in code blocks and HTML comments are not headings', async () => {
  assert.deepEqual((await findings('```md\n### Not a heading\n```\n\n<!--\n#### Nor this\n-->\n\n## Fine\n')).ranges, []);
});

test('heading-increment: the messages and fix name the level to use; a skipped heading sets the level the next is measured from', async () => {
  const { diagnostics, ranges } = await findings('#### Four first\n\n##### Five under four\n\n## Two\n\n#### Four under two\n');
  assert.deepEqual(ranges, ['#### Four first', '#### Four under two']);
  assert.deepEqual(diagnostics.map((d) => d.message), [
    'This level 4 heading skips a level after the title (level 1). Make it “##”.',
    'This level 4 heading skips a level after a level 2 heading. Make it “###”.',
  ]);
  assert.deepEqual(diagnostics[1].fixes.map((fix) => [fix.title, fix.edits[0].newText, fix.safe]), [['Make it a level 3 heading (“###”)', '###', false]]);
});

test('heading-increment: the title\u2019s level is read from the layout that prints it: after an <h2> title, ### is right', async () => {
  const h2 = { 'layouts/_default/single.html': '{{ define "main" }}<header><h2>{{ .Title | markdownify }}</h2></header>{{ .Content }}{{ end }}' };
  assert.deepEqual((await findings('### Three under an h2 title\n\n#### Four\n', h2)).ranges, []);
  const { diagnostics, ranges } = await findings('#### Four under an h2 title\n', h2);
  assert.deepEqual(ranges, ['#### Four under an h2 title']);
  assert.equal(diagnostics[0].message, 'This level 4 heading skips a level after the title (level 2). Make it “###”.');
});

test('heading-increment: the section\u2019s own layout, a partial it includes, and a theme inside the site are read', async () => {
  const section = { 'layouts/blog/single.html': '<h2>{{ .Title }}</h2>', 'layouts/_default/single.html': '<h1>{{ .Title }}</h1>' };
  assert.deepEqual((await findings('### Fine under the blog\u2019s h2\n', section)).ranges, []);
  const partial = { 'layouts/_default/single.html': '{{ partial "post-header.html" . }}{{ .Content }}', 'layouts/partials/post-header.html': '<div><h3>{{ .Title }}</h3></div>' };
  assert.deepEqual((await findings('#### Fine under an h3 title\n', partial)).ranges, []);
  const theme = { 'hugo.yaml': 'baseURL: https://example.org/\ntheme: harbour\n', 'themes/harbour/layouts/single.html': '<h2>{{ $.LinkTitle }}</h2>' };
  assert.deepEqual((await findings('### Fine under the theme\u2019s h2\n', theme)).ranges, []);
});

test('heading-increment: with no layout at hand, the first heading is not judged against the title; later skips still are', async () => {
  const { ranges } = await findings('### Three first\n\n##### Five under three\n', {});
  assert.deepEqual(ranges, ['##### Five under three']);
  const noTitle = { 'layouts/_default/single.html': '<main><h1>{{ .Site.Title }}</h1>{{ .Content }}</main>' };
  assert.deepEqual((await findings('### Three first\n', noTitle)).ranges, [], 'a layout with no heading that prints the title tells nothing');
});

test('heading-increment: the todogroup preset knows its theme prints the title at level 1', async () => {
  const { ranges } = await bodyFindings('heading-increment', '### Three first\n', { baseURL: 'https://todogroup.org/' });
  assert.deepEqual(ranges, ['### Three first']);
});

test('heading-increment: a hostile layout is read in time linear in its size', async () => {
  const hostile = { 'layouts/_default/single.html': `<h1>${'{{ '.repeat(200_000)}}}</h1>${'<h2>{{ x '.repeat(50_000)}` };
  const { ranges } = await findings('### Three first\n', hostile);
  assert.deepEqual(ranges, [], 'no heading of it prints the title: no claim');
});
