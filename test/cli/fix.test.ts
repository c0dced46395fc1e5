import assert from 'node:assert/strict';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import * as nodeFs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fixOne } from '../../server/cli/parallel';
import { readSnapshot, writeFixed, type FixWriterFs, type Snapshot } from '../../server/cli/fix-files';
import { NodeWorkspace } from '../../server/cli/node-workspace';
import { createLanguageService } from '../../server/engine/service';
import { runCli } from '../helpers/cli';

const temp = mkdtempSync(join(tmpdir(), 'postlint-fix-'));
after(() => rmSync(temp, { recursive: true, force: true }));

function site(name: string, files: Record<string, string | Buffer>): string {
  const root = join(temp, name);
  for (const [path, text] of Object.entries({ 'hugo.yaml': 'baseURL: https://example.org/\n', ...files })) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const LONG_AGO = new Date('2020-02-02T02:02:02Z');

/** Bytes and modification time: what "untouched" means. */
function fingerprint(path: string): { bytes: string; mtimeMs: number } {
  return { bytes: readFileSync(path).toString('base64'), mtimeMs: statSync(path).mtimeMs };
}

/** The file as --fix reads it (within its own folder); the test fails if it is refused. */
function snapshotOf(path: string): Snapshot {
  const snapshot = readSnapshot(path);
  assert.ok(!('refused' in snapshot), `${path} is read`);
  return snapshot;
}

function age(path: string): void {
  utimesSync(path, LONG_AGO, LONG_AGO);
}

/** Two case-only key renames: the safe fixes these tests rely on. No links, so no other rule's fixes. */
const FIXABLE = '---\nTitle: Capital keys\nDate: 2025-01-01\n---\nA body with no links.\n';
const FIXED = '---\ntitle: Capital keys\ndate: 2025-01-01\n---\nA body with no links.\n';
const CLEAN = '---\ntitle: Clean\ndate: 2025-01-01\n---\nNothing to fix.\n';
const UNSAFE_ONLY = '---\ntitle: Misspelt\ndate: 2025-01-01\ndescripton: A key only a person should rename.\n---\nBody.\n';

function tempFilesIn(folder: string): string[] {
  return readdirSync(folder).filter((name) => name.includes('.postlint-'));
}

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

test('--fix refuses to write a file that changed on disk since it was read', async () => {
  const root = site('stale', { 'content/posts/a.md': FIXABLE });
  const path = join(root, 'content/posts/a.md');
  age(path);
  const snapshot = snapshotOf(path);
  // Someone saves the file while the check runs.
  const edited = FIXABLE.replace('A body', 'An edited body');
  writeFileSync(path, edited);
  const failure = writeFixed(snapshot, FIXED);
  assert.equal(failure, `${path}: not fixed: the file changed on disk since it was read; run again to fix the new version`);
  assert.equal(readFileSync(path, 'utf8'), edited, 'the edit is kept');
  assert.deepEqual(tempFilesIn(join(root, 'content/posts')), []);

  // Same bytes, newer modification time: still refused (it was saved again).
  const resaved = snapshotOf(path);
  utimesSync(path, new Date(), new Date(Date.now() + 5000));
  assert.match(writeFixed(resaved, FIXED) ?? '', /changed on disk since it was read/);

  // Through the check: the outcome is a one-line failure (exit code 2) and the report is of the file as it is.
  const current = snapshotOf(path);
  writeFileSync(path, `${edited}More.\n`);
  const service = createLanguageService({ workspace: new NodeWorkspace() });
  const outcome = await fixOne(service, { path }, current, { fix: true });
  assert.match(outcome.failure ?? '', /^\/.*a\.md: not fixed: the file changed on disk since it was read/);
  assert.ok(outcome.report!.messages.some((m) => m.ruleId === 'frontmatter-unknown-key'), 'the unfixed problems are still reported');
  assert.equal(readFileSync(path, 'utf8'), `${edited}More.\n`);
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

/** Everything that identifies the file on disk: a rewrite in place keeps the inode, a rename does not. */
function identity(path: string): { bytes: string; mtimeMs: number; ino: number; mode: number } {
  const stats = statSync(path);
  return { bytes: readFileSync(path).toString('base64'), mtimeMs: stats.mtimeMs, ino: stats.ino, mode: stats.mode };
}

/** node:fs with the calls `writeFixed` makes recorded, as [call, file name]; `fail` may throw in place of one. */
function recordingFs(calls: string[][], fail: (call: string, path: string, data?: unknown) => void = () => {}): FixWriterFs {
  const name = (path: nodeFs.PathLike) => String(path).split('/').pop()!;
  return {
    ...nodeFs,
    writeFileSync: ((path: string, data: Buffer, options: nodeFs.WriteFileOptions) => {
      calls.push(['writeFileSync', name(path)]);
      fail('writeFileSync', path, data);
      nodeFs.writeFileSync(path, data, options);
    }) as typeof nodeFs.writeFileSync,
    chmodSync: (path, mode) => {
      calls.push(['chmodSync', name(path)]);
      fail('chmodSync', String(path));
      nodeFs.chmodSync(path, mode);
    },
    renameSync: (from, to) => {
      calls.push(['renameSync', name(from), name(to)]);
      fail('renameSync', String(from));
      nodeFs.renameSync(from, to);
    },
  };
}

const TEMP_NAME = new RegExp(`^\\.a\\.md\\.postlint-${process.pid}-[0-9a-f]{8}\\.tmp$`);

test('writeFixed replaces the file by renaming a temporary file over it: a new inode, the fixed bytes, the mode kept', () => {
  const root = site('rename', { 'content/posts/a.md': FIXABLE });
  const path = join(root, 'content/posts/a.md');
  chmodSync(path, 0o640);
  const before = identity(path);
  const calls: string[][] = [];
  assert.equal(writeFixed(snapshotOf(path), FIXED, recordingFs(calls)), undefined);
  const after = identity(path);
  assert.notEqual(after.ino, before.ino, 'a new file took the name: the old one was never opened for writing');
  assert.equal(readFileSync(path, 'utf8'), FIXED);
  assert.equal(after.mode & 0o777, 0o640);
  assert.deepEqual(calls.map(([call]) => call), ['writeFileSync', 'chmodSync', 'renameSync']);
  const [[, written], [, chmodded], [, renamed, onto]] = calls;
  assert.match(written, TEMP_NAME);
  assert.deepEqual([chmodded, renamed, onto], [written, written, 'a.md'], 'the temporary file, beside the post, renamed onto it');
  assert.deepEqual(tempFilesIn(join(root, 'content/posts')), []);
});

test('writeFixed: a failure between the write and the rename leaves the original byte for byte, and no temporary file', () => {
  const root = site('rename-fails', { 'content/posts/a.md': FIXABLE });
  const path = join(root, 'content/posts/a.md');
  age(path);
  const before = identity(path);
  let tempExisted = false;
  const calls: string[][] = [];
  const failing = recordingFs(calls, (call, from) => {
    if (call !== 'renameSync') return;
    tempExisted = nodeFs.existsSync(from) && readFileSync(from, 'utf8') === FIXED;
    throw new Error('EIO: i/o error, rename (made to fail by the test)');
  });
  const failure = writeFixed(snapshotOf(path), FIXED, failing);
  assert.equal(failure, `${path}: not fixed: the fixed file could not be written (EIO: i/o error, rename (made to fail by the test))`);
  assert.ok(tempExisted, 'the fixed text was written to the temporary file before the rename failed');
  assert.deepEqual(identity(path), before);
  assert.deepEqual(tempFilesIn(join(root, 'content/posts')), []);
});

test('writeFixed: a write that fails half way (disk full) or a chmod that fails leaves the original and no temporary file', () => {
  const root = site('write-fails', { 'content/posts/a.md': FIXABLE });
  const path = join(root, 'content/posts/a.md');
  age(path);
  const before = identity(path);
  const diskFull = recordingFs([], (call, temp, data) => {
    if (call !== 'writeFileSync') return;
    nodeFs.writeFileSync(temp, (data as Buffer).subarray(0, 10));
    throw new Error('ENOSPC: no space left on device, write');
  });
  assert.equal(writeFixed(snapshotOf(path), FIXED, diskFull), `${path}: not fixed: the fixed file could not be written (ENOSPC: no space left on device, write)`);
  assert.deepEqual(identity(path), before);
  assert.deepEqual(tempFilesIn(join(root, 'content/posts')), []);
  const chmodFails = recordingFs([], (call) => {
    if (call === 'chmodSync') throw new Error('EPERM: operation not permitted, chmod');
  });
  assert.equal(writeFixed(snapshotOf(path), FIXED, chmodFails), `${path}: not fixed: the fixed file could not be written (EPERM: operation not permitted, chmod)`);
  assert.deepEqual(identity(path), before);
  assert.deepEqual(tempFilesIn(join(root, 'content/posts')), []);
});
