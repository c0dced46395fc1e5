import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { CLI, runCli } from '../helpers/cli';
import { diskSites } from '../helpers/disk-site';

const { site } = diskSites('postlint-fixperm-');

// A post with one safe fix: the tracking parameter goes.
const POST = '---\ntitle: Tides\ndate: 2025-01-01\n---\n\nSee [the tables](https://tides.example/t?utm_source=mail).\n';
const FIXED = POST.replace('?utm_source=mail', '');

const isRoot = process.getuid?.() === 0;
const setpriv = spawnSync('which', ['setpriv']).status === 0;
const NOBODY = 65534;

test('--fix as root keeps the owner, group and mode of another user\u2019s file', { skip: !isRoot && 'needs root, to own a file as another user' }, async () => {
  const root = site('owner', { 'content/posts/p.md': POST });
  const file = join(root, 'content/posts/p.md');
  chownSync(file, NOBODY, NOBODY);
  chmodSync(file, 0o640);
  await runCli(['check', '--fix'], root);
  assert.equal(readFileSync(file, 'utf8'), FIXED);
  const stats = statSync(file);
  assert.deepEqual([stats.uid, stats.gid, stats.mode & 0o7777], [NOBODY, NOBODY, 0o640]);
});

test('--fix as an unprivileged user leaves a file it may not write alone, names it, and exits 2; nor does it take a file from its owner', { skip: !(isRoot && setpriv) && 'needs root and setpriv, to run as another user' }, () => {
  const root = site('readonly', { 'content/posts/locked.md': POST, 'content/posts/shared.md': POST });
  // The unprivileged user may read everything and write the folder, not the locked file.
  chmodSync(dirname(root), 0o755);
  for (const folder of [root, join(root, 'content'), join(root, 'content/posts')]) chmodSync(folder, 0o777);
  chmodSync(join(root, 'content/posts/locked.md'), 0o644);
  // Writable by anyone, but root's: replacing it would hand it to the unprivileged user.
  chmodSync(join(root, 'content/posts/shared.md'), 0o666);
  const run = spawnSync('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, CLI, 'check', '--fix'], { cwd: root, encoding: 'utf8' });
  assert.equal(run.status, 2, run.stderr);
  assert.match(run.stderr, /locked\.md: not fixed: you may not write to it/);
  assert.match(run.stderr, /shared\.md: not fixed: the fixed file could not keep its owner and group/);
  assert.equal(readFileSync(join(root, 'content/posts/locked.md'), 'utf8'), POST);
  assert.equal(readFileSync(join(root, 'content/posts/shared.md'), 'utf8'), POST);
  assert.equal(statSync(join(root, 'content/posts/shared.md')).uid, 0);
});

test('--fix removes the temporary files a killed run left, once they are a day old', async () => {
  const root = site('stale', { 'content/posts/p.md': POST });
  const folder = join(root, 'content/posts');
  const stale = join(folder, '.p.md.postlint-123-abcd1234.tmp');
  const fresh = join(folder, '.p.md.postlint-456-beef5678.tmp');
  const other = join(folder, '.notes.tmp');
  for (const path of [stale, fresh, other]) writeFileSync(path, '');
  const twoDaysAgo = (Date.now() - 2 * 24 * 60 * 60 * 1000) / 1000;
  utimesSync(stale, twoDaysAgo, twoDaysAgo);
  utimesSync(other, twoDaysAgo, twoDaysAgo);
  await runCli(['check', '--fix'], root);
  assert.equal(readFileSync(join(folder, 'p.md'), 'utf8'), FIXED);
  assert.deepEqual([existsSync(stale), existsSync(fresh), existsSync(other)], [false, true, true], 'only Postlint\u2019s own, and only old ones');
});
