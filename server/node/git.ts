import { spawnSync } from 'node:child_process';
import { dirname, basename } from 'node:path';

/**
 * Git as Postlint runs it: a pull request can hold a `.gitattributes` but not the
 * repository's config, and these switches keep even that from running anything
 * (no external diff, no text conversion, no file system monitor hook).
 */
const SAFE_GIT = ['-c', 'core.fsmonitor=false', '-c', 'core.quotepath=off', '-c', 'diff.external='];

export function git(cwd: string, args: string[]): { ok: true; out: string } | { ok: false; error: string } {
  const run = spawnSync('git', [...SAFE_GIT, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 120_000 });
  if (run.error) return { ok: false, error: (run.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'git is not installed' : run.error.message };
  if (run.status !== 0) return { ok: false, error: run.stderr.trim().split('\n')[0] || `git exited with ${run.status}` };
  return { ok: true, out: run.stdout };
}

/**
 * Whether git tracks any of `files` (all in one folder): a cache committed to the
 * repository could be one a pull request wrote, holding clean results for posts that
 * are not. Outside a checkout, no.
 */
export function trackedByGit(...files: string[]): boolean {
  // Literal: a file named `*` or `:(glob)…` names itself, not what it would match.
  const listed = git(dirname(files[0]), ['--literal-pathspecs', 'ls-files', '-z', '--', ...files.map((file) => basename(file))]);
  return listed.ok && listed.out !== '';
}
