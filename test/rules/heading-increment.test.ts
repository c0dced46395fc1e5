import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bodyFindings } from '../helpers/link-fixes';

const findings = (body: string) => bodyFindings('heading-increment', body);

test('heading-increment: a level skipped after the title or a heading, on the heading', async () => {
  const { diagnostics, ranges } = await findings('Intro.\n\n### Straight to three\n\n## Two\n\n#### Four under two\n');
  assert.deepEqual(ranges, ['### Straight to three', '#### Four under two']);
  assert.match(diagnostics[0].message, /level 3 heading comes right after the title \(level 1\), skipping a level: make it `##`/);
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
    'This level 4 heading comes right after the title (level 1), skipping a level: make it `##`.',
    'This level 4 heading comes right after a level 2 heading, skipping a level: make it `###`.',
  ]);
  assert.deepEqual(diagnostics[1].fixes.map((fix) => [fix.title, fix.edits[0].newText, fix.safe]), [['Make it a level 3 heading (`###`)', '###', false]]);
});
