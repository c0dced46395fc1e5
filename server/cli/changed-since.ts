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
  const commit = commitOf(root, ref);
  if (!commit.ok) return `--changed-since ${ref}: no such commit in this clone; ${howToFetch(root, ref)}`;
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

/** The commit `ref` names in the checkout at `root`; `--end-of-options`, so that no ref is taken for an option. */
function commitOf(root: string, ref: string): ReturnType<typeof git> {
  return git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
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

/** Revision syntax: a commit counted from another (`HEAD~1`, `main^`), a reflog entry (`@{1}`), a search (`:/fix`). */
const REVISION_SYNTAX = /[~^@:]/;

/**
 * What to run so that `ref` is in the clone, by its form. A fetch takes names, not
 * revisions: `git fetch origin HEAD~1` is an invalid refspec. A remote's branch
 * (`origin/main`) is fetched into its remote-tracking ref, which a single-branch clone
 * (actions/checkout's) does not update on its own. Any other name (a branch, a tag, a
 * commit id) is fetched, then read from FETCH_HEAD. And a branch the clone has under a
 * remote's name (`main`, where only `origin/main` is) is named so.
 */
function howToFetch(root: string, ref: string): string {
  if (REVISION_SYNTAX.test(ref)) return 'fetch more of its history first: git fetch --deepen=<commits> (actions/checkout fetches all of it with fetch-depth: 0)';
  const listed = git(root, ['remote']);
  const remotes = listed.ok ? listed.out.split('\n').filter((name) => name !== '') : [];
  const slash = ref.indexOf('/');
  const named = slash > 0 ? ref.slice(0, slash) : '';
  if (remotes.includes(named)) {
    const branch = ref.slice(slash + 1);
    return `fetch it first: git fetch --depth=1 ${named} ${branch}:refs/remotes/${named}/${branch}`;
  }
  const tracked = remotes.map((name) => `${name}/${ref}`).find((name) => commitOf(root, `refs/remotes/${name}`).ok);
  if (tracked) return `the clone has it as ${tracked}: give --changed-since ${tracked}`;
  const remote = remotes.includes('origin') ? 'origin' : (remotes[0] ?? 'origin');
  return `fetch it first: git fetch --depth=1 ${remote} ${ref}, then give --changed-since FETCH_HEAD`;
}
