import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { REPO, runCli } from '../helpers/cli';

const SITE = join(REPO, 'examples', 'site');

/**
 * `postlint check examples/site --format json`, every field, written by hand from
 * reading the example posts (paths relative to the site): each finding is a defect
 * the post was written to show, at the place it is, and nothing else is reported.
 * Never regenerated from Postlint's output.
 */
const GOLDEN = join(__dirname, '..', 'golden', 'example-site.json');

test('check examples/site --format json prints exactly the hand-written golden report', async () => {
  const { code, stdout, stderr } = await runCli(['check', 'examples/site', '--format', 'json'], REPO);
  assert.equal(stderr, '');
  assert.equal(code, 1, 'errors were found');
  const reports = (JSON.parse(stdout) as { filePath: string }[]).map((report) => ({ ...report, filePath: relative(SITE, report.filePath) }));
  assert.deepEqual(reports, JSON.parse(readFileSync(GOLDEN, 'utf8')));
});
