import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import Module from 'node:module';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { REPO } from '../helpers/cli';
import { writeFiles } from '../helpers/disk-site';

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

/** A site of 100 posts: enough for two workers (parallel.ts starts one per 48 posts, up to one per CPU). */
function siteOfManyPosts(): string {
  const site = mkdtempSync(join(temp, 'site-'));
  writeFileSync(join(site, 'hugo.toml'), 'baseURL = "https://example.org/"\n');
  for (let i = 0; i < 100; i++) writeFiles(site, { [`content/posts/p${i}.md`]: `---\ntitle: Post ${i}\ndate: 2024-01-01\n---\n\nWords.\n` });
  return site;
}

/** Checks the site's posts; says whether each thread (the main one, then the workers) used the code cache. */
function checkReportingCodeCache(site: string, ...options: string[]): string[] {
  const run = spawnSync(process.execPath, [join(DIST, 'cli.js'), 'check', 'content/posts', ...options], { cwd: site, encoding: 'utf8', env: { ...process.env, POSTLINT_CODE_CACHE_REPORT: '1' } });
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  // The CLI's V8 flags (short-run-flags.ts) are ones this V8 knows, and the same as the build's run: else the cache would be rejected.
  assert.doesNotMatch(run.stderr, /unrecognized flag|illegal value/, run.stderr);
  return [...run.stderr.matchAll(/postlint code cache: (\w+)/g)].map((match) => match[1]);
}

test('boot: the worker threads of a check start from the same code cache', (t) => {
  if (availableParallelism() < 2) return t.skip('one CPU: a check starts no worker threads');
  const outcomes = checkReportingCodeCache(siteOfManyPosts());
  assert.ok(outcomes.length >= 3, `the main thread and at least two workers report: ${outcomes.join(' ')}`);
  assert.deepEqual(new Set(outcomes), new Set(['used']), outcomes.join(' '));
});

test('boot: a cached run whose posts changed starts its workers from the code cache too (its heap flags are undone first)', (t) => {
  if (availableParallelism() < 2) return t.skip('one CPU: a check starts no worker threads');
  const site = siteOfManyPosts();
  checkReportingCodeCache(site, '--cache');
  // Each post changed: all 100 are checked again, on workers.
  for (let i = 0; i < 100; i++) writeFiles(site, { [`content/posts/p${i}.md`]: `---\ntitle: Post ${i}\ndate: 2024-01-02\n---\n\nOther words.\n` });
  const outcomes = checkReportingCodeCache(site, '--cache');
  assert.ok(outcomes.length >= 3, `the main thread and at least two workers report: ${outcomes.join(' ')}`);
  assert.deepEqual(new Set(outcomes), new Set(['used']), outcomes.join(' '));
});

test('boot: the bundles the boot files start are ASCII, which Node decodes as fast as a copy (one character past ASCII cost 20 to 40 ms)', () => {
  for (const name of ['cli.bundle.js', 'server.bundle.js']) {
    const bytes = readFileSync(join(DIST, name));
    const beyond = bytes.findIndex((byte) => byte >= 0x80);
    assert.equal(beyond, -1, `${name} holds a character past ASCII at byte ${beyond}: ${bytes.subarray(Math.max(0, beyond - 60), beyond + 20).toString('utf8')}`);
  }

test('boot: each bundle is already the function Node wraps a module in, build id on its first line, so the boot file compiles its text without a second copy', () => {
  // Node's own wrapper (not in its typings): the bundle must match it to run as the module it was.
  const [start, end] = (Module as unknown as { wrapper: [string, string] }).wrapper;
  for (const name of ['cli.bundle.js', 'server.bundle.js']) {
    const text = readFileSync(join(DIST, name), 'latin1');
    assert.ok(text.startsWith(`${start}// postlint build `), `${name} starts ${JSON.stringify(text.slice(0, 100))}`);
    // Only the source map's comment may follow the end of the function.
    assert.match(text.slice(text.lastIndexOf(end)), /^\n\}\);\n(?:\/\/# sourceMappingURL=\S+\n?)?$/, `${name} ends ${JSON.stringify(text.slice(-120))}`);
  }
});
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

test('boot: a damaged or missing cache costs nothing but time, and is written anew as the run exits', () => {
  const folder = copyOfCli();
  rewriteCache(folder, (cache, bodyStart) => cache.subarray(0, bodyStart + 199));
  const damaged = version(folder);
  assert.equal(damaged.code, 0, damaged.stderr);
  assert.equal(damaged.stdout, VERSION);
  assert.equal(damaged.cache, 'rejected');
  assert.match(damaged.stderr, /postlint code cache: written/);
  assert.equal(version(folder).cache, 'used', 'the next start uses what the last one wrote');

  rmSync(join(folder, 'cli.bundle.js.cache'));
  const missing = version(folder);
  assert.equal(missing.code, 0, missing.stderr);
  assert.equal(missing.cache, 'none');
  assert.equal(version(folder).cache, 'used');
});

test('boot: a cache that cannot be written is said with the env variable, and the run goes on', () => {
  const folder = copyOfCli();
  // A folder where the cache goes: it can be neither read as one nor replaced.
  rmSync(join(folder, 'cli.bundle.js.cache'));
  writeFiles(folder, { 'cli.bundle.js.cache/keep': '' });
  const run = version(folder);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout, VERSION);
  assert.match(run.stderr, /postlint code cache: not written \(E[A-Z]+\)/);
  assert.deepEqual(readdirSync(folder).sort(), ['cli.bundle.js', 'cli.bundle.js.cache', 'cli.js'], 'no temporary file is left');
});
