import assert from 'node:assert/strict';
import { chmodSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import * as nodeFs from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixOne } from '../../server/cli/parallel';
import { readSnapshot, roundTrips, writeFixed, type FixWriterFs } from '../../server/cli/fix-files';
import { NodeWorkspace } from '../../server/node/node-workspace';
import { createLanguageService } from '../../server/engine/language-service';
import { diskSites } from '../helpers/disk-site';
import { age, FIXABLE, FIXED, snapshotOf, tempFilesIn, KEY_CASE_CONFIG } from '../helpers/fix-fixtures';

// The fix writer in-process: how it replaces a file, and every way it refuses to.
const { site: bareSite } = diskSites('postlint-fix-files-');
const site = (name: string, files: Record<string, string | Buffer>) => bareSite(name, { ...KEY_CASE_CONFIG, ...files });

test('writeFixed refuses to write a file that changed on disk since it was read', async () => {
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
  assert.ok(outcome.report!.messages.some((m) => m.ruleId === 'frontmatter-key-case'), 'the unfixed problems are still reported');
  assert.equal(readFileSync(path, 'utf8'), `${edited}More.\n`);
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

test('writeFixed: text equal to what was read makes no file system call at all', () => {
  const path = join(site('same', { 'content/posts/a.md': FIXED }), 'content/posts/a.md');
  const calls: string[][] = [];
  assert.equal(writeFixed(snapshotOf(path), FIXED, recordingFs(calls)), undefined);
  assert.deepEqual(calls, []);
});

test('writeFixed: a file deleted since it was read is reported as gone, and nothing is created in its place', () => {
  const root = site('gone', { 'content/posts/a.md': FIXABLE });
  const path = join(root, 'content/posts/a.md');
  const snapshot = snapshotOf(path);
  nodeFs.unlinkSync(path);
  assert.equal(writeFixed(snapshot, FIXED), `${path}: not fixed: the file is gone since it was read`);
  assert.deepEqual(nodeFs.readdirSync(join(root, 'content/posts')), []);
});

test('writeFixed: a file deleted between the write and the check is not brought back, and its temporary file is removed', () => {
  const root = site('deleted-late', { 'content/posts/a.md': FIXABLE });
  const path = join(root, 'content/posts/a.md');
  const deleting = recordingFs([], (call) => {
    if (call === 'chmodSync') nodeFs.unlinkSync(path);
  });
  assert.equal(writeFixed(snapshotOf(path), FIXED, deleting), `${path}: not fixed: the file was deleted since it was read; run again to fix the new version`);
  assert.deepEqual(nodeFs.readdirSync(join(root, 'content/posts')), []);
});

test('writeFixed: a file that grew since it was read, its first bytes unchanged, is not overwritten', () => {
  const root = site('grew', { 'content/posts/a.md': FIXABLE });
  const path = join(root, 'content/posts/a.md');
  age(path);
  const snapshot = snapshotOf(path);
  nodeFs.appendFileSync(path, 'A paragraph added meanwhile.\n');
  age(path);
  assert.equal(writeFixed(snapshot, FIXED), `${path}: not fixed: the file changed on disk since it was read; run again to fix the new version`);
  assert.equal(readFileSync(path, 'utf8'), `${FIXABLE}A paragraph added meanwhile.\n`);
  assert.deepEqual(tempFilesIn(join(root, 'content/posts')), []);
});

test('writeFixed: a file replaced since it was read by one of the same size and time is not overwritten', () => {
  const root = site('same-size', { 'content/posts/a.md': FIXABLE });
  const path = join(root, 'content/posts/a.md');
  age(path);
  const snapshot = snapshotOf(path);
  const other = FIXABLE.replace('Capital', 'CAPITAL');
  writeFileSync(path, other);
  age(path);
  assert.equal(writeFixed(snapshot, FIXED), `${path}: not fixed: the file changed on disk since it was read; run again to fix the new version`);
  assert.equal(readFileSync(path, 'utf8'), other);
});

test('writeFixed: a post that leads through a symlink out of its site is never written, and says why', () => {
  const outside = site('outside', { 'victim.md': FIXABLE });
  const root = site('linked-out', { 'content/posts/.keep': '' });
  const link = join(root, 'content/posts/a.md');
  nodeFs.symlinkSync(join(outside, 'victim.md'), link);
  // Read without a boundary, as if the check had been tricked: the writer checks again on its own.
  const read = readSnapshot(link, new NodeWorkspace());
  assert.ok(!('refused' in read));
  const confined = { ...read, site: new NodeWorkspace().within(root) };
  const calls: string[][] = [];
  assert.equal(
    writeFixed(confined, FIXED, recordingFs(calls)),
    `${link}: not fixed: it leads through a symlink to a file outside the site, and Postlint writes only inside the site`,
  );
  assert.deepEqual(calls, []);
  assert.equal(readFileSync(join(outside, 'victim.md'), 'utf8'), FIXABLE);
});

test('writeFixed writes the fixed text as UTF-8, whatever it holds, and keeps a set-group-id or sticky bit', () => {
  const root = site('unicode', { 'content/posts/a.md': FIXABLE });
  const path = join(root, 'content/posts/a.md');
  chmodSync(path, 0o2640);
  const text = FIXED.replace('A body', 'Ein Körper — 本文 ✓');
  assert.equal(writeFixed(snapshotOf(path), text), undefined);
  assert.ok(readFileSync(path).equals(Buffer.from(text, 'utf8')));
  assert.equal(statSync(path).mode & 0o7777, 0o2640);
});

test('readSnapshot: the bytes, the decoded text and the mode of the file; a missing file is refused, not thrown', () => {
  const root = site('snapshot', { 'content/posts/a.md': 'Caf\u00e9\n' });
  const path = join(root, 'content/posts/a.md');
  chmodSync(path, 0o604);
  const snapshot = snapshotOf(path);
  assert.deepEqual([...snapshot.bytes], [0x43, 0x61, 0x66, 0xc3, 0xa9, 0x0a]);
  assert.equal(snapshot.text, 'Caf\u00e9\n');
  assert.equal(snapshot.mode & 0o777, 0o604);
  assert.equal(snapshot.mtimeMs, statSync(path).mtimeMs);
  assert.deepEqual(readSnapshot(join(root, 'content/posts/none.md')), { refused: 'not-found' });
});

test('roundTrips: true for UTF-8, false for bytes that decode to replacement characters', () => {
  const root = site('round', { 'utf8.md': 'Caf\u00e9\n', 'latin1.md': Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]) });
  assert.equal(roundTrips(snapshotOf(join(root, 'utf8.md'))), true);
  assert.equal(roundTrips(snapshotOf(join(root, 'latin1.md'))), false);
});

test('writeFixed: the temporary file is readable by its owner only until it gets the post mode', () => {
  const root = site('private-temp', { 'content/posts/a.md': FIXABLE });
  const path = join(root, 'content/posts/a.md');
  chmodSync(path, 0o644);
  let modeBeforeChmod = -1;
  const watching = recordingFs([], (call, temp) => {
    if (call === 'chmodSync') modeBeforeChmod = statSync(temp).mode & 0o777;
  });
  assert.equal(writeFixed(snapshotOf(path), FIXED, watching), undefined);
  assert.equal(modeBeforeChmod, 0o600);
  assert.equal(statSync(path).mode & 0o777, 0o644);
});

test('writeFixed never writes through a file planted at its temporary name (a symlink out of the site)', () => {
  const outside = site('planted-target', { 'secret.txt': 'not to be overwritten\n' });
  const root = site('planted', { 'content/posts/a.md': FIXABLE });
  const path = join(root, 'content/posts/a.md');
  age(path);
  // Someone who guessed the name puts a link there just before the write.
  const planting = recordingFs([], (call, temp) => {
    if (call === 'writeFileSync') nodeFs.symlinkSync(join(outside, 'secret.txt'), temp);
  });
  const failure = writeFixed(snapshotOf(path), FIXED, planting);
  assert.match(failure ?? '', /^.*a\.md: not fixed: the fixed file could not be written \(EEXIST: file already exists, open '.*\.tmp'\)$/);
  assert.equal(readFileSync(join(outside, 'secret.txt'), 'utf8'), 'not to be overwritten\n');
  assert.equal(readFileSync(path, 'utf8'), FIXABLE);
  assert.deepEqual(tempFilesIn(join(root, 'content/posts')), [], 'the planted link is removed with the temporary name');
});
