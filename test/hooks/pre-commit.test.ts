import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { REPO } from '../helpers/cli';
import { diskSites } from '../helpers/disk-site';
import { git, siteRepository } from '../helpers/site-repo';
import { hasTool } from '../helpers/tools';

/**
 * The hook definition (.pre-commit-hooks.yaml), run by pre-commit itself (Debian's,
 * installed by .ci/install-test-tools) with `try-repo`, which takes the hook from a
 * local repository (no network) and runs it on a site's staged changes. That
 * repository holds this one's .pre-commit-hooks.yaml as it is on disk, committed or
 * not (try-repo would leave out a file git does not track yet).
 */
const PRE_COMMIT = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const PRE_COMMIT_MISSING = PRE_COMMIT.status === 0 ? false : 'pre-commit not found: install it with `bash .ci/install-test-tools` (Debian\u2019s pre-commit)';

interface Hook {
  id: string;
  entry: string;
  args: string[];
  language: string;
  pass_filenames: boolean;
  types_or: string[];
}

test('.pre-commit-hooks.yaml parses (with the yaml package): one hook, the site\u2019s own postlint on what the commit changes', () => {
  const hooks = parse(readFileSync(join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
  assert.deepEqual(
    hooks.map(({ id, entry, args, language, pass_filenames }) => ({ id, entry, args, language, pass_filenames })),
    [{ id: 'postlint', entry: 'npx --no -- postlint check', args: ['--changed-since', 'HEAD'], language: 'system', pass_filenames: false }],
  );
});

const { temp } = diskSites('postlint-pre-commit-');
const SITE = join(temp, 'site');
const HOOKS = join(temp, 'hooks');
const POST = 'content/posts/2024-05-01-lanterns.md';
const OTHER = 'content/posts/2024-05-02-nets.md';

/** `pre-commit try-repo` of this repository's hook on the site's staged changes, with a cache of its own. */
function tryRepo(): { code: number | null; output: string } {
  const env = {
    ...process.env,
    PRE_COMMIT_HOME: join(temp, 'pre-commit-home'),
    NO_COLOR: '1',
  };
  const run = spawnSync('pre-commit', ['try-repo', HOOKS, 'postlint', '--color', 'never'], { cwd: SITE, env, encoding: 'utf8' });
  return { code: run.status, output: run.stdout + run.stderr };
}

test('pre-commit try-repo: a commit that brings a broken link fails with postlint\u2019s report of the changed post alone; fixed, it passes', { timeout: 120_000 }, (t) => {
  if (!hasTool(t, PRE_COMMIT_MISSING)) return;
  siteRepository(SITE, '.', {
    'hugo.yaml': 'baseURL: https://lanterns.example/\n',
    [POST]: '---\ntitle: Lanterns\ndate: 2024-05-01\n---\n\nThe lanterns are lit at dusk.\n',
    // Already committed with a problem: not this commit's to report.
    [OTHER]: '---\ntitle: Nets\ndate: 2024-05-02\n---\n\nMended [here](https://nets.example/).\n',
  }, { installed: true });
  mkdirSync(HOOKS);
  copyFileSync(join(REPO, '.pre-commit-hooks.yaml'), join(HOOKS, '.pre-commit-hooks.yaml'));
  git(HOOKS, 'init', '--quiet');
  git(HOOKS, 'add', '--all');
  git(HOOKS, 'commit', '--quiet', '--message', 'The hook');

  writeFileSync(join(SITE, POST), '---\ntitle: Lanterns\ndate: 2024-05-01\n---\n\nThe lanterns are lit at dusk: see [the schedule](/schedule/).\n');
  git(SITE, 'add', POST);
  const broken = tryRepo();
  assert.equal(broken.code, 1, broken.output);
  assert.match(broken.output, /^postlint\.+Failed$/m);
  // `/schedule/` starts at column 50 of the post's sixth line, after `The lanterns are lit at dusk: see [the schedule](`.
  assert.match(broken.output, new RegExp(`^${POST}\\n  6:50  error  No page of this site is served at “/schedule/”\\.`, 'm'));
  assert.ok(!broken.output.includes(OTHER), 'the post the commit did not change is not reported');

  writeFileSync(join(SITE, POST), '---\ntitle: Lanterns\ndate: 2024-05-01\n---\n\nThe lanterns are lit at dusk, every day.\n');
  git(SITE, 'add', POST);
  const fixed = tryRepo();
  assert.equal(fixed.code, 0, fixed.output);
  assert.match(fixed.output, /^postlint\.+Passed$/m);
});
