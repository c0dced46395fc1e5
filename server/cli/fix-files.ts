import { decodeText, encodeText } from '../node/text-encoding';
import * as nodeFs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { NodeWorkspace, readRegularFile, type Refused } from '../node/node-workspace';

/** A file as `--fix` read it: what it must still be on disk when the fixed text is written. */
export interface Snapshot {
  path: string;
  bytes: Buffer;
  text: string;
  mtimeMs: number;
  mode: number;
  /** Owner and group, kept when the fixed file replaces the old one. */
  uid: number;
  gid: number;
  /** The site the file was read within: the fixed file is written only inside it. */
  site: NodeWorkspace;
}

/**
 * Reads a file for `--fix`, within its site (by default its own folder): the bytes
 * and the times are those of the one opened file. Refused as `NodeWorkspace` refuses.
 */
export function readSnapshot(path: string, site: NodeWorkspace = new NodeWorkspace().within(dirname(path))): Snapshot | Refused {
  const read = site.readBytes(path);
  if ('refused' in read) return read;
  const { mtimeMs, mode, uid, gid } = read.stats;
  return { path, bytes: read.bytes, text: decodeText(read.bytes), mtimeMs, mode, uid, gid, site };
}

/** Whether writing the decoded text back, in the encoding it was read in, gives the same bytes (not so for a file that is not valid UTF-8 or UTF-16). */
export function roundTrips(snapshot: Snapshot): boolean {
  return encodeText(snapshot.text, snapshot.bytes).equals(snapshot.bytes);
}

/**
 * The file system calls `writeFixed` makes: node:fs in production; a test passes its
 * own to make one of them fail between the write and the rename.
 */
export type FixWriterFs = Pick<typeof nodeFs, 'accessSync' | 'chmodSync' | 'chownSync' | 'realpathSync' | 'renameSync' | 'unlinkSync' | 'writeFileSync'>;

/**
 * Writes the fixed text over the file without ever leaving it half written: a
 * temporary file in the same folder (same file system, so the rename is atomic),
 * with the file's mode, renamed over it, and only if the file is still exactly
 * what was read. Returns a one-line failure naming the file, or undefined.
 */
export function writeFixed(snapshot: Snapshot, text: string, fs: FixWriterFs = nodeFs): string | undefined {
  // Stryker disable next-line StringLiteral: Buffer.from's default encoding is UTF-8 too; the name is written for the reader
  const data = encodeText(text, snapshot.bytes);
  if (data.equals(snapshot.bytes)) return undefined;
  // A stranger's symlink must not make --fix write anywhere else on the disk.
  if (!snapshot.site.writesInside(snapshot.path)) {
    return `${snapshot.path}: not fixed: it leads through a symlink to a file outside the site, and Postlint writes only inside the site`;
  }
  let target: string;
  try {
    // Through a symlink, the file it points to is replaced, not the link.
    target = fs.realpathSync(snapshot.path);
  } catch {
    return `${snapshot.path}: not fixed: the file is gone since it was read`;
  }
  // A file the person running Postlint may not write (read-only, or another user's) is theirs to leave alone.
  try {
    fs.accessSync(target, nodeFs.constants.W_OK);
  } catch {
    return `${snapshot.path}: not fixed: you may not write to it (it is read-only, or not yours); make it writable to fix it`;
  }
  if (!cleaned.has(dirname(target))) {
    cleaned.add(dirname(target));
    removeStaleTemporaries(dirname(target));
  }
  const temp = join(dirname(target), `.${basename(target)}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(temp, data, { flag: 'wx', mode: 0o600 });
    fs.chmodSync(temp, snapshot.mode & 0o7777);
    if (!keepsOwner(fs, temp, snapshot)) {
      fs.unlinkSync(temp);
      return `${snapshot.path}: not fixed: the fixed file could not keep its owner and group`;
    }
    const changed = changedSince(snapshot, target);
    if (changed) {
      fs.unlinkSync(temp);
      return `${snapshot.path}: not fixed: ${changed}; run again to fix the new version`;
    }
    fs.renameSync(temp, target);
    return undefined;
  } catch (error) {
    try {
      fs.unlinkSync(temp);
    } catch {
      // The temporary file was never made.
    }
    return `${snapshot.path}: not fixed: the fixed file could not be written (${(error as Error).message.split('\n')[0]})`;
  }
}

/** What a temporary file of `--fix` has in its name: `.<file>.postlint-<pid>-<random>.tmp`. */
const TEMP_MARK = '.postlint-';

/** The new file takes the old one's owner and group: only a privileged user can give another's; else the fix is refused. */
function keepsOwner(fs: FixWriterFs, temp: string, snapshot: Snapshot): boolean {
  const uid = process.getuid?.();
  const gid = process.getgid?.();
  if (uid === undefined || (snapshot.uid === uid && snapshot.gid === gid)) return true;
  try {
    fs.chownSync(temp, snapshot.uid, snapshot.gid);
    return true;
  } catch {
    return false;
  }
}

type TemporaryFs = Pick<typeof nodeFs, 'readdirSync' | 'lstatSync' | 'unlinkSync'>;

/**
 * Temporary files of `--fix` a killed run left in `folder`, older than a day (a run
 * under way may own a newer one): removed the first time a run fixes a file there.
 */
export function removeStaleTemporaries(folder: string, now = Date.now(), fs: TemporaryFs = nodeFs): number {
  return removeTemporaries(folder, (_name, stats) => now - stats.mtimeMs >= DAY, fs);
}

/**
 * This process's own temporary files in `folder`, whatever their age: when a run is
 * interrupted, a worker stopped between writing one and renaming it leaves it there.
 */
export function removeOwnTemporaries(folder: string, pid = process.pid, fs: TemporaryFs = nodeFs): number {
  const own = `${TEMP_MARK}${pid}-`;
  return removeTemporaries(folder, (name) => name.includes(own), fs);
}

/** Removes the temporary files of `--fix` in `folder` (by their name, `TEMP_MARK`) that `chosen` picks. */
function removeTemporaries(folder: string, chosen: (name: string, stats: nodeFs.Stats) => boolean, fs: TemporaryFs): number {
  let removed = 0;
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (!name.startsWith('.') || !name.includes(TEMP_MARK) || !name.endsWith('.tmp')) continue;
    const path = join(folder, name);
    const stats = fs.lstatSync(path, { throwIfNoEntry: false });
    if (!stats?.isFile() || !chosen(name, stats)) continue;
    try {
      fs.unlinkSync(path);
      removed++;
    } catch {
      // Another run removed it first, or it is not ours to remove.
    }
  }
  return removed;
}

const DAY = 24 * 60 * 60 * 1000;

/** Folders this process has already cleaned: each is listed once per run. */
const cleaned = new Set<string>();

/** Why the file on disk is no longer the one that was read, if it is not. */
function changedSince(snapshot: Snapshot, target: string): string | undefined {
  // No more than the bytes read are read again: a file that grew has changed.
  const now = readRegularFile(target, snapshot.bytes.length);
  if ('refused' in now) return now.refused === 'not-found' ? 'the file was deleted since it was read' : 'the file changed on disk since it was read';
  if (now.stats.mtimeMs !== snapshot.mtimeMs || !now.bytes.equals(snapshot.bytes)) return 'the file changed on disk since it was read';
  return undefined;
}
