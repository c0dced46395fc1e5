import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { REPO } from '../helpers/cli';

const DIST = join(REPO, 'dist');
const temp = mkdtempSync(join(tmpdir(), 'postlint-boot-'));
after(() => rmSync(temp, { recursive: true, force: true }));

/** A copy of the built CLI (boot file, bundle and cache) that a test may spoil. */
function copyOfCli(): string {
  const folder = mkdtempSync(join(temp, 'dist-'));
  for (const name of ['cli.js', 'cli.bundle.js', 'cli.bundle.js.cache']) copyFileSync(join(DIST, name), join(folder, name));
  return folder;
}

/** Replaces the copy's cache with what `change` makes of it; the header is its first line. */
function rewriteCache(folder: string, change: (cache: Buffer, bodyStart: number) => Buffer): void {
  const file = join(folder, 'cli.bundle.js.cache');
  const cache = readFileSync(file);
  writeFileSync(file, change(cache, cache.indexOf(10) + 1));
}

function version(folder: string) {
  const run = spawnSync(process.execPath, [join(folder, 'cli.js'), '--version'], { encoding: 'utf8', env: { ...process.env, POSTLINT_CODE_CACHE_REPORT: '1' } });
  return { code: run.status, stdout: run.stdout.trim(), cache: /postlint code cache: (\w+)/.exec(run.stderr)?.[1], stderr: run.stderr };
}

const VERSION = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version;

test('boot: the CLI starts from the code cache the build wrote', () => {
  const run = version(DIST);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout, VERSION);
  assert.equal(run.cache, 'used');
});

test('boot: a cache from another build is ignored, and the CLI still runs', () => {
  const folder = copyOfCli();
  // Same data, but the header names another build: V8 alone would not notice a same-length bundle.
  rewriteCache(folder, (cache, bodyStart) => Buffer.concat([Buffer.from('// postlint build another\n'), cache.subarray(bodyStart)]));
  const run = version(folder);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout, VERSION);
  assert.equal(run.cache, 'none');
});

test('boot: a damaged or missing cache costs nothing but time', () => {
  const folder = copyOfCli();
  rewriteCache(folder, (cache, bodyStart) => cache.subarray(0, bodyStart + 199));
  const damaged = version(folder);
  assert.equal(damaged.code, 0, damaged.stderr);
  assert.equal(damaged.stdout, VERSION);
  assert.equal(damaged.cache, 'rejected');

  rmSync(join(folder, 'cli.bundle.js.cache'));
  const missing = version(folder);
  assert.equal(missing.code, 0, missing.stderr);
  assert.equal(missing.cache, 'none');
});
