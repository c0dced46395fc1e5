import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { test } from 'node:test';
import { runCheck } from '../../server/cli/check';
import type { FileReport } from '../../server/cli/report';
import { nodeLanguageService } from '../../server/node/language-service';
import { runCli } from '../helpers/cli';
import { diskSites } from '../helpers/disk-site';

const sites = diskSites('postlint-streaming-');
const post = (title: string) => `---\ntitle: ${title}\ndate: 2024-01-01\n---\n\nSee [here](https://elsewhere.example/${title}).\n`;

test('runCheck hands each report on as soon as it is in: the second post is checked only after the first is reported', { timeout: 60_000 }, async () => {
  const site = sites.site('gated', { 'content/posts/a.md': post('a'), 'content/posts/b.md': post('b') });
  const service = nodeLanguageService();
  let firstReported: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (firstReported = resolve));
  const check = service.check.bind(service);
  // Were the reports kept until every check had ended, this check would wait for ever, and the test fail.
  service.check = async (path, text, options) => {
    if (path.endsWith('/b.md')) await gate;
    return check(path, text, options);
  };
  const reported: string[] = [];
  const onReport = (report: FileReport) => {
    reported.push(basename(report.filePath));
    if (report.filePath.endsWith('/a.md')) firstReported();
  };
  const run = await runCheck(service, [], site, { fix: false, entryFile: __filename }, onReport);
  assert.deepEqual(run.failures, []);
  assert.deepEqual(reported, ['a.md', 'b.md']);
});

test('on worker threads, the reports come in the order of the posts, whichever thread checked each', { timeout: 120_000 }, async () => {
  // 120 posts: enough for two workers (48 each at least).
  const names = Array.from({ length: 120 }, (_, index) => `p${String(index).padStart(3, '0')}`);
  const site = sites.site('many', Object.fromEntries(names.map((name) => [`content/posts/${name}.md`, post(name)])));
  const { stdout, code } = await runCli(['check', '--format', 'json'], site);
  assert.equal(code, 0);
  const reports = JSON.parse(stdout) as FileReport[];
  assert.deepEqual(
    reports.map((report) => basename(report.filePath)),
    names.map((name) => `${name}.md`),
  );
  assert.ok(reports.every((report) => report.messages.length === 1 && report.messages[0].ruleId === 'link-descriptive-text'));
});
