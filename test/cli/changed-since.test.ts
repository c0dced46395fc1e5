import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseNameStatus } from '../../server/cli/changed-since';
import { runCli } from '../helpers/cli';
import { datedPost, diskSites, writeFiles } from '../helpers/disk-site';

const { site, temp } = diskSites('postlint-changed-');

/** Git with a fixed author and no user or system config, so that the tests run the same anywhere. */
function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Tester', '-c', 'user.email=tester@example.org', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
  });
}

/** A site in a git repository, committed: B links to a heading of the guide, C has an old problem. */
function repository(name: string): string {
  const root = site(name, {
    'content/posts/a.md': datedPost('A', 'Nothing wrong here.'),
    'content/posts/b.md': datedPost('B', 'See [the setup](/docs/guide/#setup).'),
    'content/posts/c.md': datedPost('C', 'An old [link](http://old.example/).'),
    'content/docs/guide.md': datedPost('Guide', '## Setup\n\nSteps.'),
  });
  git(root, 'init', '-q');
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'the site');
  return root;
}

async function reportedSince(root: string, ref: string): Promise<{ code: number | null; files: string[]; stderr: string }> {
  const run = await runCli(['check', '--changed-since', ref, '--format', 'json'], root);
  const reports = run.code === 2 ? [] : (JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string }[] }[]);
  return { code: run.code, files: reports.map((report) => `${report.filePath.slice(root.length + 1)}: ${report.messages.map((m) => m.ruleId).join(' ')}`), stderr: run.stderr };
}

test('git diff --name-status -z: added, modified and copied files are changed; deleted ones and the old side of a rename are gone', () => {
  assert.deepEqual(parseNameStatus('M\0a.md\0A\0new dir/b.md\0D\0c.md\0R087\0old.md\0moved.md\0C100\0x.md\0copy.md\0'), {
    changed: ['a.md', 'new dir/b.md', 'moved.md', 'copy.md'],
    gone: ['c.md', 'old.md'],
  });
  assert.deepEqual(parseNameStatus(''), { changed: [], gone: [] });
});

test('--changed-since: the posts changed (uncommitted and untracked too) and those whose links reach a changed page are reported; the rest are not', async () => {
  const root = repository('changed');
  writeFileSync(join(root, 'content/posts/a.md'), datedPost('A', 'Now with [a link](http://a.example/).'));
  writeFileSync(join(root, 'content/docs/guide.md'), datedPost('Guide', '## Installing\n\nSteps.'));
  writeFiles(root, { 'content/posts/d.md': datedPost('D', 'A new post, [here](https://d.example/).') });
  const { code, files, stderr } = await reportedSince(root, 'HEAD');
  assert.equal(stderr, '');
  assert.equal(code, 0);
  assert.deepEqual(files, ['content/posts/a.md: link-insecure', 'content/posts/b.md: link-broken-fragment', 'content/posts/d.md: link-descriptive-text']);
  const stylish = await runCli(['check', '--changed-since', 'HEAD'], root);
  assert.match(stylish.stdout, /\u2139 3 of 4 posts reported: those changed since HEAD, and those whose links reach what changed\n$/);
});

test('--changed-since: a change to the site config reports every post; a page deleted reports the posts with broken links', async () => {
  const root = repository('config-and-deleted');
  writeFileSync(join(root, 'hugo.yaml'), 'baseURL: https://example.org/\ntitle: Renamed\n');
  assert.deepEqual((await reportedSince(root, 'HEAD')).files, ['content/posts/a.md: ', 'content/posts/b.md: ', 'content/posts/c.md: link-descriptive-text link-insecure']);
  git(root, 'checkout', '-q', '--', 'hugo.yaml');
  rmSync(join(root, 'content/docs/guide.md'));
  assert.deepEqual((await reportedSince(root, 'HEAD')).files, ['content/posts/b.md: link-broken-local']);
});

test('--changed-since: nothing changed reports nothing, and is no failure', async () => {
  const root = repository('unchanged');
  const { code, files, stderr } = await reportedSince(root, 'HEAD');
  assert.deepEqual([code, files, stderr], [0, [], '']);
});

test('--changed-since in a shallow clone: a ref not fetched is named with what to run for its form (exit 2); run, it works', async () => {
  const origin = repository('origin');
  git(origin, 'branch', 'base');
  writeFileSync(join(origin, 'content/posts/a.md'), datedPost('A', 'Changed: [here](https://a.example/).'));
  git(origin, 'commit', '-q', '-am', 'a second commit');
  const changedPost = ['content/posts/a.md: link-descriptive-text'];
  const fresh = () => {
    const clone = join(temp, `shallow-${Math.random().toString(36).slice(2)}`);
    git(temp, 'clone', '-q', '--depth=1', `file://${origin}`, clone);
    return clone;
  };
  const missing = async (clone: string, ref: string) => {
    const run = await reportedSince(clone, ref);
    assert.equal(run.code, 2);
    return run.stderr.replace(`postlint: --changed-since ${ref}: no such commit in this clone; `, '').trim();
  };
  // A revision counted from another is no name to fetch (`git fetch origin HEAD~1` is an invalid refspec): more history is.
  const counted = fresh();
  assert.equal(await missing(counted, 'HEAD~1'), 'fetch more of its history first: git fetch --deepen=<commits> (actions/checkout fetches all of it with fetch-depth: 0)');
  git(counted, 'fetch', '-q', '--deepen=1');
  assert.deepEqual((await reportedSince(counted, 'HEAD~1')).files, changedPost);
  // A remote's branch, into its remote-tracking ref, which a single-branch clone does not fetch on its own.
  const remoteBranch = fresh();
  const advice = await missing(remoteBranch, 'origin/base');
  assert.equal(advice, 'fetch it first: git fetch --depth=1 origin base:refs/remotes/origin/base');
  git(remoteBranch, ...advice.replace('fetch it first: git ', '').split(' '), '-q');
  assert.deepEqual((await reportedSince(remoteBranch, 'origin/base')).files, changedPost);
  // A branch's name, as the pull request's base is named: fetched, then read from FETCH_HEAD.
  const name = fresh();
  assert.equal(await missing(name, 'base'), 'fetch it first: git fetch --depth=1 origin base, then give --changed-since FETCH_HEAD');
  git(name, 'fetch', '-q', '--depth=1', 'origin', 'base');
  assert.deepEqual((await reportedSince(name, 'FETCH_HEAD')).files, changedPost);
});

test('--changed-since <branch> where the clone has only the remote\u2019s branch: the message names it', async () => {
  const origin = repository('origin-named');
  git(origin, 'branch', 'base');
  const clone = join(temp, 'full-clone');
  git(temp, 'clone', '-q', `file://${origin}`, clone);
  const run = await reportedSince(clone, 'base');
  assert.deepEqual([run.code, run.stderr], [2, 'postlint: --changed-since base: no such commit in this clone; the clone has it as origin/base: give --changed-since origin/base\n']);
  assert.deepEqual((await reportedSince(clone, 'origin/base')).files, []);
});

test('--changed-since never passes an option to git, and says when there is no git checkout', async () => {
  const root = repository('options');
  const option = await runCli(['check', '--changed-since=--output=/tmp/x'], root);
  assert.deepEqual([option.code, option.stderr], [2, 'postlint: --changed-since takes a git ref (a branch, tag or commit), not "--output=/tmp/x"\n']);
  const plain = site('no-git', { 'content/posts/a.md': datedPost('A', 'Fine.') });
  const outside = await runCli(['check', '--changed-since', 'main'], plain);
  assert.equal(outside.code, 2);
  assert.match(outside.stderr, /^postlint: --changed-since needs a git checkout: /);
});
