import { createHash } from 'node:crypto';
import { lstatSync, type Stats } from 'node:fs';
import { extname } from 'node:path';
import type { NodeWorkspace } from '../../node/node-workspace';
import type { FileState } from './cache-file';
import { walkSite } from './site-walk';

/**
 * Files whose content no rule reads: a link or an image only needs them to exist.
 * Their changes of content are not looked for, which spares hashing a site's media.
 */
const MEDIA = new Set(
  ['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.ico', '.bmp', '.tif', '.tiff', '.heic', '.pdf', '.mp4', '.webm', '.mov', '.mp3', '.ogg', '.wav', '.woff', '.woff2', '.ttf', '.otf', '.eot', '.zip', '.gz'],
);

/** The hash the cache keys content by. */
export function contentHash(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('base64url');
}

/**
 * The state of every file under `root` that a check may read (`walkSite`, which leaves
 * out `leftOut`), by absolute path. Symbolic links are not followed: a linked file is
 * read within the site, as the engine reads it, and hashed every time, since its own
 * times say nothing of its target. `visit` sees each file's `lstat` too (the last run's
 * record takes them).
 */
export function siteFiles(
  root: string,
  site: NodeWorkspace,
  before: (path: string) => FileState | undefined,
  { leftOut = [], visit }: { leftOut?: readonly string[]; visit?: (path: string, stats: Stats) => void } = {},
): Map<string, FileState> {
  const files = new Map<string, FileState>();
  walkSite(root, leftOut, (path, stats) => {
    visit?.(path, stats);
    files.set(path, stateOf(path, stats, site, before(path)));
  });
  return files;
}

/** One file's state: its hash is read again only when its size or time changed. Undefined when there is no such file. */
export function fileState(path: string, site: NodeWorkspace, before: FileState | undefined): FileState | undefined {
  const stats = lstatSync(path, { throwIfNoEntry: false });
  return stats && stateOf(path, stats, site, before);
}

/**
 * A file whose size and time are the cached ones gets the cached state itself (its hash,
 * keys and page inputs stand): an unchanged site then makes no object per file, where two
 * each, with the collections they caused, were about a tenth of a cached run's survey
 * (20 ms of the benchmark's 0.74 s).
 */
function stateOf(path: string, stats: Stats, site: NodeWorkspace, before: FileState | undefined): FileState {
  const media = MEDIA.has(extname(path).toLowerCase());
  const same = before !== undefined && !stats.isSymbolicLink() && before.size === stats.size && before.mtime === stats.mtimeMs;
  if (same && (media ? before.hash === undefined : before.hash !== undefined)) return before;
  const state: FileState = { size: stats.size, mtime: stats.mtimeMs };
  if (media) return state;
  const read = site.readBytes(path);
  // Unreadable or too large: its times stand for its content.
  state.hash = 'refused' in read ? `${read.refused}:${state.size}:${state.mtime}` : contentHash(read.bytes);
  return state;
}
