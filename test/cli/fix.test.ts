import assert from 'node:assert/strict';
import { chmodSync, lstatSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { diskSites } from '../helpers/disk-site';
import { age, CLEAN, FIXABLE, FIXED, fingerprint, tempFilesIn, UNSAFE_ONLY, KEY_CASE_CONFIG } from '../helpers/fix-fixtures';
import { runCli } from '../helpers/cli';

// `postlint check --fix` as a user runs it. The fix writer itself is tested in-process in fix-files.test.ts.
const { site: bareSite } = diskSites('postlint-fix-');
const site = (name: string, files: Record<string, string | Buffer>) => bareSite(name, { ...KEY_CASE_CONFIG, ...files });

test('--fix: CRLF line endings, the byte order mark and a missing final newline are kept', async () => {
  const crlf = `\uFEFF${FIXABLE.replaceAll('\n', '\r\n').replace(/\r\n$/, '')}`;
  const root = site('shape', { 'content/posts/crlf.md': crlf });
  const path = join(root, 'content/posts/crlf.md');
  const { code, stderr } = await runCli(['check', '--fix'], root);
  assert.equal(stderr, '');
  assert.equal(code, 0);
  const expected = `\uFEFF${FIXED.replaceAll('\n', '\r\n').replace(/\r\n$/, '')}`;
  assert.equal(readFileSync(path, 'utf8'), expected);
  assert.deepEqual([...readFileSync(path).subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the BOM is still the first three bytes');
  assert.deepEqual(tempFilesIn(join(root, 'content/posts')), [], 'no temporary file is left behind');
});

test('--fix: files with no safe fix keep their bytes and modification time; the file mode is kept', async () => {
  const root = site('untouched', { 'content/posts/clean.md': CLEAN, 'content/posts/unsafe.md': UNSAFE_ONLY, 'content/posts/fix.md': FIXABLE });
  const clean = join(root, 'content/posts/clean.md');
  const unsafe = join(root, 'content/posts/unsafe.md');
  const fixable = join(root, 'content/posts/fix.md');
  for (const path of [clean, unsafe, fixable]) age(path);
  chmodSync(fixable, 0o640);
  const before = { clean: fingerprint(clean), unsafe: fingerprint(unsafe) };
  const { code, stdout } = await runCli(['check', '--fix', '--format', 'json'], root);
  assert.equal(code, 0, 'warnings only');
  assert.deepEqual({ clean: fingerprint(clean), unsafe: fingerprint(unsafe) }, before);
  assert.equal(readFileSync(fixable, 'utf8'), FIXED);
  assert.equal(statSync(fixable).mode & 0o777, 0o640);
  const reports = JSON.parse(stdout) as { filePath: string; output?: string; messages: { ruleId: string }[] }[];
  assert.equal(reports.find((r) => r.filePath === fixable)?.output, FIXED, 'a changed file carries its fixed text as `output`, as ESLint does');
  assert.equal(reports.find((r) => r.filePath === unsafe)?.output, undefined);
  assert.deepEqual(reports.find((r) => r.filePath === unsafe)?.messages.map((m) => m.ruleId), ['frontmatter-unknown-key'], 'the unsafe rename is left for a person');
});

test('--fix twice: the second run changes nothing', async () => {
  const root = site('twice', { 'content/posts/a.md': FIXABLE, 'content/posts/b.md': FIXABLE.replace('Capital', 'Other') });
  await runCli(['check', '--fix'], root);
  const paths = ['a.md', 'b.md'].map((name) => join(root, 'content/posts', name));
  for (const path of paths) age(path);
  const first = paths.map(fingerprint);
  const second = await runCli(['check', '--fix', '--format', 'json'], root);
  assert.deepEqual(paths.map(fingerprint), first);
  for (const report of JSON.parse(second.stdout)) assert.equal(report.output, undefined);
});

test('--fix through a symbolic link fixes the file it points to and keeps the link', async () => {
  const root = site('symlink', { 'drafts/real.md': FIXABLE, 'content/posts/.keep': '' });
  const link = join(root, 'content/posts/linked.md');
  symlinkSync(join(root, 'drafts/real.md'), link);
  await runCli(['check', '--fix', 'content/posts/linked.md'], root);
  assert.ok(lstatSync(link).isSymbolicLink());
  assert.equal(readFileSync(join(root, 'drafts/real.md'), 'utf8'), FIXED);
});

test('--fix-dry-run writes nothing and prints the lines that would change', async () => {
  const root = site('dry', { 'content/posts/a.md': FIXABLE, 'content/posts/clean.md': CLEAN });
  const path = join(root, 'content/posts/a.md');
  age(path);
  const before = fingerprint(path);
  const stylish = await runCli(['check', '--fix-dry-run'], root);
  assert.equal(stylish.code, 0);
  assert.equal(stylish.stdout, ['--- content/posts/a.md', '+++ content/posts/a.md (fixed)', '@@ -2,2 +2,2 @@', '-Title: Capital keys', '-Date: 2025-01-01', '+title: Capital keys', '+date: 2025-01-01', ''].join('\n'));
  const json = await runCli(['check', '--fix-dry-run', '--format', 'json'], root);
  const reports = JSON.parse(json.stdout) as { filePath: string; output?: string; messages: unknown[] }[];
  assert.equal(reports.find((r) => r.filePath === path)?.output, FIXED);
  assert.deepEqual(reports.find((r) => r.filePath === path)?.messages, [], 'the report is of what would be left');
  assert.equal(reports.find((r) => r.filePath.endsWith('clean.md'))?.output, undefined);
  const both = await runCli(['check', '--fix', '--fix-dry-run'], root);
  assert.equal(both.code, 2);
  assert.match(both.stderr, /--fix and --fix-dry-run cannot be used together/);
  assert.deepEqual(fingerprint(path), before);
  assert.deepEqual(tempFilesIn(join(root, 'content/posts')), []);
});

test('--fix leaves a file that is not valid UTF-8 alone, and says so (exit 2)', async () => {
  const bytes = Buffer.concat([Buffer.from(FIXABLE), Buffer.from([0xff, 0xfe, 0x0a])]);
  const root = site('latin', { 'content/posts/a.md': bytes });
  const path = join(root, 'content/posts/a.md');
  const { code, stderr } = await runCli(['check', '--fix'], root);
  assert.equal(code, 2);
  assert.match(stderr, /a\.md: not fixed: the file is not valid UTF-8/);
  assert.ok(readFileSync(path).equals(bytes));
});

test('--help documents --fix-dry-run', async () => {
  const { stdout } = await runCli(['--help']);
  assert.match(stdout, /--fix-dry-run {2,}apply the safe fixes in memory only/);
});
