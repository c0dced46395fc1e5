import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli, type CliResult } from '../helpers/cli';
import { datedPost, diskSites, writeFiles } from '../helpers/disk-site';

const { site, temp } = diskSites('postlint-last-run-');

/** Four posts, one with a warning and one with an error; a guide one of them links to. */
function blog(name: string): string {
  return site(name, {
    'content/posts/a.md': datedPost('A', 'Nothing wrong here.'),
    'content/posts/b.md': datedPost('B', 'See [the setup](/docs/guide/#setup).'),
    'content/posts/c.md': datedPost('C', 'An old [link](http://old.example/).'),
    'content/posts/d.md': datedPost('D', 'A [broken one](/posts/nowhere/).'),
    'content/docs/guide.md': datedPost('Guide', '## Setup\n\nSteps.'),
  });
}

/** The boot file says on stderr whether it used the bundle's code cache: a replay loads no bundle, so says nothing. */
const BOOT_REPORT = { POSTLINT_CODE_CACHE_REPORT: '1' };

interface Run extends CliResult {
  /** Whether the last run was printed again, the bundle never loaded. */
  replayed: boolean;
}

async function run(root: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  const result = await runCli(['check', ...args], root, { ...BOOT_REPORT, ...env });
  const booted = /^postlint code cache: .*\n/gm;
  return { ...result, replayed: !booted.test(result.stderr), stderr: result.stderr.replace(booted, '') };
}

const JSON_ARGS = ['--format', 'json', '--cache'];

/**
 * Cached runs until one is kept: a run that checks posts is not kept; the next takes
 * every post from the cache, and is. Returns the last run (a replay if one stood already).
 */
async function primed(root: string, args = JSON_ARGS, env: Record<string, string> = {}): Promise<Run> {
  let last = await run(root, args, env);
  if (!last.replayed && !existsSync(lastRunOf(root))) last = await run(root, args, env);
  assert.ok(existsSync(lastRunOf(root)), `a run that took every post from the cache is kept: ${last.stderr}`);
  return last;
}

const lastRunOf = (root: string) => join(root, '.postlint-cache/results.json.last-run');

/** Rewrites the key at the end of a kept run (`LastRunKey`): the report's bytes, then its JSON, then that JSON's length in 12 bytes. */
function rewriteKey(root: string, change: (key: Record<string, unknown>) => void): void {
  const bytes = readFileSync(lastRunOf(root));
  const length = Number(bytes.subarray(bytes.length - 12).toString('latin1'));
  const reportEnd = bytes.length - 12 - length;
  const key = JSON.parse(bytes.subarray(reportEnd, bytes.length - 12).toString('utf8')) as Record<string, unknown>;
  change(key);
  const json = Buffer.from(JSON.stringify(key));
  writeFileSync(lastRunOf(root), Buffer.concat([bytes.subarray(0, reportEnd), json, Buffer.from(String(json.length).padStart(12))]));
}

test('last run: an unchanged site prints the kept run again, byte for byte, without loading Postlint', async () => {
  const root = blog('unchanged');
  await run(root, JSON_ARGS);
  assert.ok(!existsSync(lastRunOf(root)), 'a run that checked posts is not kept');
  const kept = await primed(root);
  assert.ok(!kept.replayed);
  const replay = await run(root, JSON_ARGS);
  assert.ok(replay.replayed, replay.stderr);
  assert.equal(replay.stdout, kept.stdout);
  assert.equal(replay.code, 1, 'the kept run\u2019s exit code: an error was found');
  assert.equal(replay.stderr, '');
  const fresh = await run(root, ['--format', 'json']);
  assert.equal(replay.stdout, fresh.stdout, 'what a run without the cache prints');
  // Stylish says the posts came from the cache: true of the kept run, and of its replay.
  const stylish = await primed(root, ['--cache']);
  assert.ok(!stylish.replayed);
  const again = await run(root, ['--cache']);
  assert.ok(again.replayed);
  assert.equal(again.stdout, stylish.stdout);
  assert.match(again.stdout, /4 posts taken from the cache/);
});

test('last run: --max-warnings gives the same line on stderr and the same exit code', async () => {
  const root = site('warnings', { 'content/posts/a.md': datedPost('A', 'An old [link](http://old.example/).') });
  const args = ['--cache', '--max-warnings', '0'];
  const kept = await primed(root, args);
  assert.ok(!kept.replayed);
  assert.equal(kept.code, 1);
  const replay = await run(root, args);
  assert.ok(replay.replayed);
  assert.deepEqual([replay.code, replay.stderr, replay.stdout], [kept.code, kept.stderr, kept.stdout]);
  assert.match(replay.stderr, /\d warnings, more than --max-warnings 0/);
});

test('last run: any change to the sites\u2019 files, the command line, the terminal or a named file is a usual run, with its findings', async () => {
  const root = blog('changes');
  const config = join(temp, 'changes-config.json');
  writeFileSync(config, JSON.stringify({ rules: { 'link-insecure': 'error' } }));
  const args = [...JSON_ARGS, '--config', config];
  const findings = async () => (await run(root, ['--format', 'json', '--config', config])).stdout;
  const notReplayed = async (what: string, change: () => void, env: Record<string, string> = {}) => {
    await primed(root, args, env);
    change();
    const after = await run(root, args, env);
    assert.ok(!after.replayed, `${what}: not replayed`);
    assert.equal(after.stdout, await findings(), `${what}: a usual run\u2019s findings`);
  };
  await notReplayed('a post edited', () => writeFileSync(join(root, 'content/posts/a.md'), datedPost('A', 'Now [here](http://new.example/).')));
  await notReplayed('a file added', () => writeFiles(root, { 'static/img/new.png': 'png' }));
  await notReplayed('a file removed', () => rmSync(join(root, 'static/img/new.png')));
  const guide = join(root, 'content/docs/guide.md');
  await notReplayed('a file touched', () => utimesSync(guide, new Date(), new Date(Date.now() - 60_000)));
  await notReplayed('a post rewritten with the same size', () => writeFileSync(guide, readFileSync(guide, 'utf8').replace('Steps.', 'Stops.')));
  await notReplayed('the named config changed', () => writeFileSync(config, JSON.stringify({ rules: { 'link-insecure': 'warn' } })));
  await notReplayed('the results cache removed', () => rmSync(join(root, '.postlint-cache/results.json')));
  // The same site and files, asked otherwise.
  await primed(root, args);
  assert.ok(!(await run(root, [...args, '--quiet'])).replayed, 'another command line');
  await primed(root, args);
  assert.ok(!(await run(root, args, { NO_COLOR: '' })).replayed, 'colours allowed where they were not');
  await primed(root, args);
  assert.ok(!(await run(root, args, { GITHUB_WORKSPACE: temp })).replayed, 'another GitHub workspace');
});

test('last run: a kept run of another build, or a file that is not one, is a usual run', async () => {
  const root = blog('spoilt');
  const fresh = (await run(root, ['--format', 'json'])).stdout;
  const usual = async (what: string, spoil: () => void) => {
    await primed(root);
    spoil();
    const after = await run(root, JSON_ARGS);
    assert.ok(!after.replayed, `${what}: not replayed`);
    assert.equal(after.stderr, '', what);
    assert.equal(after.stdout, fresh, what);
  };
  await usual('another build', () => rewriteKey(root, (key) => (key.build = 'another')));
  await usual('another folder', () => rewriteKey(root, (key) => (key.cwd = temp)));
  await usual('another list of sites', () => rewriteKey(root, (key) => (key.roots = [temp])));
  await usual('a key out of shape', () => rewriteKey(root, (key) => (key.exitCode = 'one')));
  await usual('cut short', () => writeFileSync(lastRunOf(root), readFileSync(lastRunOf(root)).subarray(0, 100)));
  await usual('not JSON', () => writeFileSync(lastRunOf(root), 'report{"format":1}         18'));
  await usual('a length past the file', () => writeFileSync(lastRunOf(root), `{}${'9'.repeat(12)}`));
  await usual('empty', () => writeFileSync(lastRunOf(root), ''));
});

test('last run: kept only for a run that took every post from the cache and printed one report to stdout', async () => {
  const root = blog('kept');
  await primed(root);
  // A run that checked a post again: what it printed says so, so it is not kept, and the older run is gone.
  writeFileSync(join(root, 'content/posts/a.md'), datedPost('A', 'Changed.'));
  await run(root, JSON_ARGS);
  assert.ok(!existsSync(lastRunOf(root)), 'a run that checked a post leaves no kept run');
  await run(root, JSON_ARGS);
  assert.ok(existsSync(lastRunOf(root)));
  // Reports in files, or fixes: never kept; the older run is left, and stands only for its own command line.
  const toFile = await run(root, ['--format', 'json:.out/report.json', '--cache']);
  assert.ok(!toFile.replayed);
  assert.ok(existsSync(join(root, '.out/report.json')));
  await run(root, ['--format', 'json:.out/report.json', '--cache']);
  assert.ok(!(await run(root, ['--format', 'json:.out/report.json', '--cache'])).replayed, 'a report to a file is written by a usual run');
  assert.ok((await run(root, JSON_ARGS)).replayed);
});

test('last run: a site with a symbolic link is never replayed: the link\u2019s times say nothing of its target', async () => {
  const root = blog('linked');
  symlinkSync(join(root, 'content/docs/guide.md'), join(root, 'content/docs/linked.md'));
  await run(root, JSON_ARGS);
  await run(root, JSON_ARGS);
  assert.ok(!existsSync(lastRunOf(root)));
  assert.ok(!(await run(root, JSON_ARGS)).replayed);
});

test('last run: neither replayed nor trusted when git tracks the cache or the kept run (a pull request could have written them)', async () => {
  const env = { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
  for (const tracked of ['results.json', 'results.json.last-run']) {
    const root = blog(`tracked-${tracked}`);
    await primed(root);
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.org', ...args], { cwd: root, env: { ...process.env, ...env } });
    git('init', '-q');
    git('add', '-f', `.postlint-cache/${tracked}`);
    git('commit', '-q', '-m', 'a cache');
    const after = await run(root, JSON_ARGS, env);
    assert.ok(!after.replayed, `${tracked} tracked: not replayed`);
  }
});
