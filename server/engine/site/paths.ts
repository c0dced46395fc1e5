/**
 * Path helpers for the engine. Paths are absolute and use `/`; the adapters
 * convert at the edge. `node:path`'s posix half is plain string work, not disk access.
 */
import { posix } from 'node:path';
import type { Workspace } from '../types';

export const { dirname, basename, extname, join, relative, resolve, normalize } = posix;

/** `start` and the folders above it up to the file system root, nearest first. */
export function* foldersUp(start: string): Generator<string> {
  let folder = start;
  for (;;) {
    yield folder;
    const parent = dirname(folder);
    if (parent === folder) return;
    folder = parent;
  }
}

/** Folders from `path`'s own folder up to the file system root, nearest first. */
export function ancestors(path: string): Generator<string> {
  return foldersUp(dirname(path));
}

export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith('/');
}

/**
 * The workspace as the engine reads a site through it: a path outside `root`, as
 * written, is absent, whatever led to it (a `../` in Hugo's config, a template
 * path). Beneath, the workspace's own `within` refuses what a symlink leads out
 * of the site, where it knows of symlinks (the Node one does).
 */
export function confine(workspace: Workspace, root: string): Workspace {
  const inner = workspace.within?.(root) ?? workspace;
  const inside = (path: string) => path === root || isInside(root, path);
  return {
    readFile: async (path) => (inside(path) ? inner.readFile(path) : undefined),
    stat: async (path) => (inside(path) ? inner.stat(path) : undefined),
    readDirectory: async (path) => (inside(path) ? inner.readDirectory(path) : []),
  };
}
