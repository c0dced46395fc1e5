/**
 * Path helpers for the engine. Paths are absolute and use `/`; the adapters
 * convert at the edge. `node:path`'s posix half is plain string work, not disk access.
 */
import { posix } from 'node:path';

export const { dirname, basename, extname, join, relative, resolve, normalize } = posix;

/** Folders from `path`'s own folder up to the file system root, nearest first. */
export function* ancestors(path: string): Generator<string> {
  let folder = dirname(path);
  for (;;) {
    yield folder;
    const parent = dirname(folder);
    if (parent === folder) return;
    folder = parent;
  }
}

export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith('/');
}
