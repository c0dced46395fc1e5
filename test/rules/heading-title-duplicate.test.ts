import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bodyFindings } from '../helpers/link-fixes';
import { checkPost, hugoSite, only } from '../helpers/memory-workspace';

const H1_LAYOUT = { 'layouts/_default/single.html': '<article>\n  <h1>{{ .Title }}</h1>\n  {{ .Content }}\n</article>\n' };
const findings = (body: string, files: Record<string, string> = H1_LAYOUT) => bodyFindings('heading-title-duplicate', body, { files });

test('heading-title-duplicate: a body H1, ATX or setext, on the heading', async () => {
  const { diagnostics, ranges } = await findings('# A post\n\nText.\n\nAnother top heading\n===================\n');
  assert.deepEqual(ranges, ['# A post', 'Another top heading\n===================']);
  assert.match(diagnostics[0].message, /repeats the title.*Remove it/);
  assert.match(diagnostics[1].message, /Make this one “##”/);
  assert.deepEqual(diagnostics[0].fixes[0].edits[0].newText, '##');
  assert.deepEqual(diagnostics[1].fixes, [], 'no marker to change on a setext heading');
});

test('heading-title-duplicate: H2 and below, and # lines in code, are fine', async () => {
  assert.deepEqual((await findings('## Section\n\n```sh\n# a shell comment\n```\n\n    # indented code\n')).ranges, []);
});

const REPEATS = 'This heading repeats the title, which the theme already shows as the page\u2019s heading. Remove it.';
const DEMOTE = 'The theme already shows the title as the page\u2019s level 1 heading. Make this one “##”, a section of the post.';

test('heading-title-duplicate: the title is repeated in any case and with spaces aside; the fix, to `##`, is offered but not safe', async () => {
  const { diagnostics } = await findings('# a POST\n\nText.\n\n# Another post\n');
  assert.deepEqual(diagnostics.map((d) => d.message), [REPEATS, DEMOTE]);
  assert.deepEqual(diagnostics[1].fixes.map((fix) => [fix.title, fix.safe]), [['Make it a level 2 heading (“##”)', false]]);
});

test('heading-title-duplicate: a title written with spaces around it, a title that is no text, and no title at all', async () => {
  const check = async (title: string, heading: string) => {
    const text = `---\n${title}date: 2025-01-01\nauthor: alice\n---\n${heading}\n`;
    return only(await checkPost(hugoSite({ ...H1_LAYOUT, 'content/blog/p.md': text }), 'content/blog/p.md'), 'heading-title-duplicate').map((d) => d.message);
  };
  assert.deepEqual(await check('title: "  Harbour day "\n', '# Harbour day'), [REPEATS]);
  assert.deepEqual(await check('title: 2025\n', '# 2025'), [DEMOTE], 'a number is not a title the theme shows as text');
  assert.deepEqual(await check('', '# Harbour day'), [DEMOTE]);
});

test('heading-title-duplicate: a comment after the heading is not part of the title; no front matter, or one that does not parse, has no title', async () => {
  const messages = async (text: string) => only(await checkPost(hugoSite({ ...H1_LAYOUT, 'content/blog/p.md': text }), 'content/blog/p.md'), 'heading-title-duplicate').map((d) => d.message);
  assert.deepEqual(await messages('---\ntitle: Harbour day\ndate: 2025-01-01\nauthor: alice\n---\n# Harbour day <!-- from the old site -->\n'), [REPEATS]);
  assert.deepEqual(await messages('# Harbour day\n'), [DEMOTE]);
  assert.deepEqual(await messages('---\ntitle: [Harbour day\n---\n# Harbour day\n'), [DEMOTE]);
});

test('heading-title-duplicate: only where the layout prints the title as the <h1>; an <h2> title or no layout makes no claim', async () => {
  assert.deepEqual((await findings('# A top heading\n', { 'layouts/_default/single.html': '<h2>{{ .Title }}</h2>' })).ranges, []);
  assert.deepEqual((await findings('# A top heading\n', {})).ranges, []);
  assert.deepEqual((await bodyFindings('heading-title-duplicate', '# A top heading\n', { baseURL: 'https://todogroup.org/' })).ranges, ['# A top heading'], 'the todogroup preset knows its theme');
});
