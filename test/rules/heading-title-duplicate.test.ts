import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bodyFindings } from '../helpers/link-fixes';

const findings = (body: string) => bodyFindings('heading-title-duplicate', body);

test('heading-title-duplicate: a body H1, ATX or setext, on the heading', async () => {
  const { diagnostics, ranges } = await findings('# A post\n\nText.\n\nAnother top heading\n===================\n');
  assert.deepEqual(ranges, ['# A post', 'Another top heading\n===================']);
  assert.match(diagnostics[0].message, /repeats the title.*remove it/);
  assert.match(diagnostics[1].message, /make this one `##`/);
  assert.deepEqual(diagnostics[0].fixes[0].edits[0].newText, '##');
  assert.deepEqual(diagnostics[1].fixes, [], 'no marker to change on a setext heading');
});

test('heading-title-duplicate: H2 and below, and # lines in code, are fine', async () => {
  assert.deepEqual((await findings('## Section\n\n```sh\n# a shell comment\n```\n\n    # indented code\n')).ranges, []);
});
