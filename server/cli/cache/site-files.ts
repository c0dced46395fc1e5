import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, type Stats } from 'node:fs';
import { extname } from 'node:path';
import type { NodeWorkspace } from '../../node/node-workspace';
import type { FileState } from './cache-file';

/**
 * Folders of a site no check reads: version control, packages, Hugo's output, the
 * cache itself. Hidden folders (`.github`, `.vscode`) too; hidden files are kept
 * (`.postlintrc.json`).
 */
const UNREAD_FOLDERS = new Set(['node_modules', 'public', 'resources']);

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
 * The state of every file under `root` that a check may read, by absolute path.
 * Symbolic links are not followed: a linked file is read within the site, as the
 * engine reads it, and hashed every time, since its own times say nothing of its target.
 *
 * Asked one file at a time, synchronously: with the metadata in the OS's cache, as it
 * is after a checkout, 6,921 lstat calls took 35 ms so and 94 ms as promises 256 at a
 * time, whose callbacks cost this thread more than the calls save it.
 */
export function siteFiles(root: string, site: NodeWorkspace, before: (path: string) => FileState | undefined): Map<string, FileState> {
  const paths: string[] = [];
  const folders = [root];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = `${folder}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !UNREAD_FOLDERS.has(entry.name)) folders.push(path);
      } else if (entry.isFile() || entry.isSymbolicLink()) paths.push(path);
    }
  }
  const files = new Map<string, FileState>();
  for (const path of paths) {
    const stats = lstatSync(path, { throwIfNoEntry: false });
    // Gone since the folder was listed: as if it had not been there.
    const state = stats && stateOf(path, stats, site, before(path));
    if (state) files.set(path, state);
  }
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
