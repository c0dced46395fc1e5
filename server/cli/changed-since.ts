import { join } from 'node:path';
import { toPosix } from '../node/paths';
import { git } from '../node/git';

/** What changed in a git checkout since a ref: the files added, modified or renamed, and those deleted or renamed away. */
export interface ChangedFiles {
  /** Absolute paths, with `/`, of files that exist now and differ from the ref (untracked ones included). */
  changed: string[];
  /** Absolute paths of files the ref has and the checkout no longer has there. */
  gone: string[];
}

/**
 * The files changed since `ref` in the checkout around `cwd`: the ref's tree against
 * the working tree, so uncommitted and untracked files count. Needs only the ref's
 * commit, not the history between: a shallow clone works once the ref is fetched.
 * A one-line reason when it cannot be known.
 */
export function changedSince(cwd: string, ref: string): ChangedFiles | string {
  // A ref is never an option: `--changed-since --output=…` must not reach git as one.
  if (ref === '' || ref.startsWith('-')) return `--changed-since takes a git ref (a branch, tag or commit), not "${ref}"`;
  const top = git(cwd, ['rev-parse', '--show-toplevel']);
  if (!top.ok) return `--changed-since needs a git checkout: ${top.error}`;
  const root = top.out.trim();
  const commit = git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  if (!commit.ok) return `--changed-since ${ref}: no such commit in this clone; fetch it first (in a shallow clone: git fetch --depth=1 origin ${ref})`;
  const diff = git(root, ['diff', '--name-status', '-z', '--find-renames', '--no-ext-diff', '--no-textconv', commit.out.trim(), '--']);
  if (!diff.ok) return `--changed-since ${ref}: ${diff.error}`;
  const untracked = git(root, ['ls-files', '--others', '--exclude-standard', '-z']);
  if (!untracked.ok) return `--changed-since ${ref}: ${untracked.error}`;
  const files = parseNameStatus(diff.out);
  const inRoot = (path: string) => toPosix(join(root, path));
  return {
    changed: [...files.changed, ...untracked.out.split('\0').filter((path) => path !== '')].map(inRoot),
    gone: files.gone.map(inRoot),
  };
}

/** `git diff --name-status -z`: a status, then one path (two for a rename or copy), each ended by NUL. */
export function parseNameStatus(out: string): { changed: string[]; gone: string[] } {
  const fields = out.split('\0');
  const changed: string[] = [];
  const gone: string[] = [];
  for (let at = 0; at < fields.length && fields[at] !== ''; ) {
    const status = fields[at][0];
    if (status === 'R' || status === 'C') {
      if (status === 'R') gone.push(fields[at + 1]);
      changed.push(fields[at + 2]);
      at += 3;
      continue;
    }
    if (status === 'D') gone.push(fields[at + 1]);
    else changed.push(fields[at + 1]);
    at += 2;
  }
  return { changed, gone };
}
