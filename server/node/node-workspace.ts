import { decodeText } from './text-encoding';
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Workspace } from '../engine/types';

export const MEGABYTE = 1024 * 1024;

/** Past this size a file is not read: a post is a few kilobytes, and an endless file must not fill the memory. */
export const DEFAULT_MAX_FILE_SIZE = 10 * MEGABYTE;

/** Why a file was not read. */
export type Refusal = 'not-found' | 'not-a-file' | 'too-large' | 'outside-site' | 'unreadable';

export interface Refused {
  refused: Refusal;
  /** With `too-large`: the file's size in bytes. */
  size?: number;
  /** With `not-a-file`, when known: what it is instead ("a FIFO"). */
  what?: string;
}

export type TextRead = { text: string } | Refused;
export type BytesRead = { bytes: Buffer; stats: Stats } | Refused;

export interface NodeWorkspaceOptions {
  /** Files larger than this many bytes are absent. Default DEFAULT_MAX_FILE_SIZE. */
  maxFileSize?: number;
}

/**
 * Opening a FIFO for reading waits for a writer, and opening a terminal may make it
 * the process's own: neither happens with these flags (where the platform has them).
 * A regular file reads the same.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/** Opening fails (ELOOP) when the path's last part is a symlink; not on Windows. */
export const O_NOFOLLOW: number | undefined = constants.O_NOFOLLOW;

/** What a path's own entry is, not following a symlink there. */
type EntryKind = 'folder' | 'link' | 'other' | 'missing';

/**
 * What the workspaces made by `within` share: the answers that cost a system call
 * each and do not change during a run. The language server, which runs for hours,
 * forgets them when files change (`forget`).
 */
class DiskFacts {
  readonly folders = new Map<string, EntryKind>();
  readonly realRoots = new Map<string, string | null>();

  folderKind(path: string): EntryKind {
    let kind = this.folders.get(path);
    if (kind === undefined) this.folders.set(path, (kind = entryKind(path)));
    return kind;
  }

  realRoot(root: string): string | undefined {
    let real = this.realRoots.get(root);
    if (real === undefined) this.realRoots.set(root, (real = realPath(root) ?? null));
    return real ?? undefined;
  }

  clear(): void {
    this.folders.clear();
    this.realRoots.clear();
  }
}

/**
 * The engine's view of the disk, on Node's `fs`. The calls are synchronous on
 * purpose: posts are small, and for thousands of them the promise-based API spent
 * more time opening handles and waking up than reading (measured in bench/).
 *
 * Only regular files are read (never a FIFO, a device or a socket), and none larger
 * than the size cap. `within(root)` gives the same view confined to a site: there,
 * a path whose real path (symlinks followed) leads out of the site is absent.
 */
export class NodeWorkspace implements Workspace {
  readonly maxFileSize: number;

  constructor(
    options: NodeWorkspaceOptions = {},
    private readonly facts = new DiskFacts(),
    /** The site this view is confined to; none for the whole disk. */
    readonly root?: string,
  ) {
    this.maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  }

  within(root: string): NodeWorkspace {
    return new NodeWorkspace({ maxFileSize: this.maxFileSize }, this.facts, normalized(root));
  }

  /** Forget what was learned of the disk: folders that were links, the sites' real paths. */
  forget(): void {
    this.facts.clear();
  }

  async readFile(path: string): Promise<string | undefined> {
    const read = this.readText(path);
    return 'text' in read ? read.text : undefined;
  }

  /** The file's text, or why it is not read. */
  readText(path: string): TextRead {
    const read = this.readBytes(path);
    return 'bytes' in read ? { text: decodeText(read.bytes) } : read;
  }

  /** The file's bytes and what `fstat` said of them as they were read, or why it is not read. */
  readBytes(path: string): BytesRead {
    if (this.root === undefined) return readRegularFile(path, this.maxFileSize);
    const absolute = normalized(path);
    if (absolute === this.root) return readRegularFile(absolute, this.maxFileSize);
    const folders = this.foldersOf(absolute);
    if (folders === 'outside' || folders === 'missing') return { refused: folders === 'outside' ? 'outside-site' : 'not-found' };
    // Below real folders, opening without following a link at its end reads any file that is
    // not a link, at no extra system call. A link fails (ELOOP, as a missing file): only then
    // is the real path resolved.
    if (folders === 'real' && O_NOFOLLOW !== undefined) {
      const read = readRegularFile(absolute, this.maxFileSize, O_NOFOLLOW);
      if (!('refused' in read) || read.refused !== 'not-found') return read;
    }
    const place = this.realPlace(absolute);
    if (place !== 'inside') return { refused: place === 'outside' ? 'outside-site' : 'not-found' };
    return readRegularFile(absolute, this.maxFileSize);
  }

  async stat(path: string): Promise<'file' | 'directory' | undefined> {
    if (this.placeOf(path) !== 'inside') return undefined;
    return kindOf(statOf(path));
  }

  async readDirectory(path: string): Promise<{ name: string; kind: 'file' | 'directory' }[]> {
    if (this.placeOf(path) !== 'inside') return [];
    try {
      const result: { name: string; kind: 'file' | 'directory' }[] = [];
      for (const entry of readdirSync(path, { withFileTypes: true })) {
        // Symlinks are left out of listings, as Hugo leaves them out of its content,
        // static and layout folders (hugofs drops them): what they lead to is not published.
        const kind = entry.isSymbolicLink() ? undefined : kindOf(entry);
        if (kind) result.push({ name: entry.name, kind });
      }
      return result;
    } catch {
      return [];
    }
  }

  /**
   * Whether a file may be written at `path`: it, or else the nearest of its folders
   * that exists, really lies inside the site (the folders `mkdir` would add are new).
   * A symlink whose target does not exist is there too, and a write would follow it
   * wherever it points: it is refused.
   */
  writesInside(path: string): boolean {
    if (this.root === undefined) return true;
    if (lexicalPlace(this.root, normalized(path)) !== 'inside') return false;
    for (let existing = normalized(path); ; existing = dirname(existing)) {
      if (lstatSync(existing, { throwIfNoEntry: false })) {
        const real = realPath(existing);
        return real !== undefined && this.realInside(real);
      }
      if (dirname(existing) === existing) return false;
    }
  }

  /**
   * Where a path lies for this view. Resolving every path's symlinks would cost a
   * system call per folder of it: instead, the folders below the root are looked at
   * once each (cached), the file itself with one `lstat`; only a path through a
   * symlink has its real path resolved and compared with the root's.
   */
  private placeOf(path: string): 'inside' | 'outside' | 'missing' {
    if (this.root === undefined) return 'inside';
    const absolute = normalized(path);
    if (absolute === this.root) return 'inside';
    const folders = this.foldersOf(absolute);
    if (folders === 'outside' || folders === 'missing') return folders;
    const own = entryKind(absolute);
    if (own === 'missing') return 'missing';
    return folders === 'real' && own !== 'link' ? 'inside' : this.realPlace(absolute);
  }

  /**
   * Where a path's folders below the root are: outside the root as written, missing,
   * all real folders, or one of them a symlink (then only the real path can tell).
   */
  private foldersOf(absolute: string): 'outside' | 'missing' | 'real' | 'linked' {
    const root = this.root!;
    const prefix = root.endsWith(sep) ? root : root + sep;
    if (!absolute.startsWith(prefix)) return 'outside';
    let linked = false;
    for (let end = absolute.indexOf(sep, prefix.length); end !== -1; end = absolute.indexOf(sep, end + 1)) {
      const kind = this.facts.folderKind(absolute.slice(0, end));
      if (kind === 'missing' || kind === 'other') return 'missing';
      if (kind === 'link') linked = true;
    }
    return linked ? 'linked' : 'real';
  }

  private realPlace(absolute: string): 'inside' | 'outside' | 'missing' {
    const real = realPath(absolute);
    if (real === undefined) return 'missing';
    return this.realInside(real) ? 'inside' : 'outside';
  }

  private realInside(real: string): boolean {
    const realRoot = this.facts.realRoot(this.root!);
    return realRoot !== undefined && lexicalPlace(realRoot, real) === 'inside';
  }
}

/** Paths that `resolve` would change: `//`, `/./`, `/../`, a trailing `/`. */
const NOT_NORMAL = /\/\.{0,2}(?:\/|$)/;

/**
 * The path absolute and normalized, as `resolve` makes it. The engine's paths already
 * are, on POSIX: those are taken as they are, which spares the work for every file.
 */
function normalized(path: string): string {
  return sep === '/' && path.startsWith('/') && !NOT_NORMAL.test(path) ? path : resolve(path);
}

/** Where `path` is relative to `root` as written: the root itself counts as inside. */
function lexicalPlace(root: string, path: string): 'inside' | 'outside' {
  const rel = relative(root, path);
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel) ? 'outside' : 'inside';
}

function entryKind(path: string): EntryKind {
  let stats: Stats | undefined;
  try {
    stats = lstatSync(path, { throwIfNoEntry: false });
  } catch {
    // A folder on the way that cannot be searched: nothing there can be read either.
  }
  if (!stats) return 'missing';
  return stats.isSymbolicLink() ? 'link' : stats.isDirectory() ? 'folder' : 'other';
}

/** What the path leads to (symlinks followed), or undefined when that cannot be known. */
function statOf(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function realPath(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

function kindOf(stats: { isFile(): boolean; isDirectory(): boolean } | undefined): 'file' | 'directory' | undefined {
  return stats?.isDirectory() ? 'directory' : stats?.isFile() ? 'file' : undefined;
}

/**
 * Reads a regular file of at most `maxSize` bytes. What is checked is the opened
 * descriptor, so the file cannot be swapped between the check and the read; at most
 * `maxSize + 1` bytes are read, so a file that grows meanwhile is caught too.
 */
export function readRegularFile(path: string, maxSize: number, extraFlags = 0): BytesRead {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS | extraFlags);
  } catch (error) {
    return { refused: refusalOf(error) };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { refused: 'not-a-file', what: whatIs(stats) };
    if (stats.size > maxSize) return { refused: 'too-large', size: stats.size };
    const bytes = readUpTo(fd, stats.size, maxSize);
    if (bytes.length > maxSize) return { refused: 'too-large', size: bytes.length };
    return { bytes, stats };
  } catch (error) {
    return { refused: refusalOf(error) };
  } finally {
    closeSync(fd);
  }
}

/**
 * The descriptor's bytes, up to `maxSize + 1`: one more than `expected` first, to see
 * the end in one read. A read that fills less than it was asked, once `expected` bytes
 * are in, was at the end of the file: no second read to hear it say 0. That read was a
 * fifth of a check's system calls (two reads a post, on each of the main thread's index
 * and the workers' checks), each costly on a virtual machine. A file that grew since its
 * size was taken fills the buffer and is read on.
 */
function readUpTo(fd: number, expected: number, maxSize: number): Buffer {
  let buffer = Buffer.allocUnsafe(Math.min(expected, maxSize) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxSize) break;
      const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxSize + 1));
      buffer.copy(larger, 0, 0, length);
      buffer = larger;
    }
    const asked = buffer.length - length;
    const read = readSync(fd, buffer, length, asked, null);
    length += read;
    if (read === 0 || (read < asked && length >= expected)) break;
  }
  return buffer.subarray(0, length);
}

function whatIs(stats: Stats): string | undefined {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return stats.isDirectory() ? 'a folder' : undefined;
}

function refusalOf(error: unknown): Refusal {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
    case 'ENOTDIR':
    case 'ELOOP':
      return 'not-found';
    // A folder (where it cannot be opened), a socket (ENXIO), a FIFO or a device that will not open.
    case 'EISDIR':
    case 'ENXIO':
    case 'ENODEV':
    case 'EAGAIN':
      return 'not-a-file';
    default:
      return 'unreadable';
  }
}

/**
 * Why a file was not read, as the end of a one-line failure that starts with its
 * path: "<file>: not checked: it is not a regular file…". `doing` is what was not done.
 */
export function refusalText(refused: Refused, maxFileSize: number, doing: 'checked' | 'read'): string {
  switch (refused.refused) {
    case 'not-found':
      return 'the file cannot be read: it does not exist (any more)';
    case 'unreadable':
      return 'the file cannot be read';
    case 'not-a-file':
      return `not ${doing}: it is ${refused.what ? `${refused.what}, ` : ''}not a regular file, and Postlint reads regular files only: remove it, or leave it out of the files to check`;
    case 'too-large':
      return `not ${doing}: it is ${refused.size} bytes, over the ${formatMegabytes(maxFileSize)} MB limit on the files Postlint reads`;
    case 'outside-site':
      return `not ${doing}: it leads through a symlink to a file outside the site, and Postlint reads only files inside the site: put the file itself in the site`;
  }
}

/** Megabytes as a short number: 10, 0.5, 12.25. */
export function formatMegabytes(bytes: number): string {
  return String(Math.round((bytes / MEGABYTE) * 100) / 100);
}
