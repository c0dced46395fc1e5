import { chmodSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** A file as `--fix` read it: what it must still be on disk when the fixed text is written. */
export interface Snapshot {
  path: string;
  bytes: Buffer;
  text: string;
  mtimeMs: number;
  mode: number;
}

/** Reads a file for `--fix`; undefined when it cannot be read. */
export function readSnapshot(path: string): Snapshot | undefined {
  try {
    const stats = statSync(path);
    const bytes = readFileSync(path);
    return { path, bytes, text: bytes.toString('utf8'), mtimeMs: stats.mtimeMs, mode: stats.mode };
  } catch {
    return undefined;
  }
}

/** Whether writing the decoded text back gives the same bytes (not so for a file that is not UTF-8). */
export function roundTrips(snapshot: Snapshot): boolean {
  return Buffer.from(snapshot.text, 'utf8').equals(snapshot.bytes);
}

/**
 * Writes the fixed text over the file without ever leaving it half written: a
 * temporary file in the same folder (same file system, so the rename is atomic),
 * with the file's mode, renamed over it, and only if the file is still exactly
 * what was read. Returns a one-line failure naming the file, or undefined.
 */
export function writeFixed(snapshot: Snapshot, text: string): string | undefined {
  const data = Buffer.from(text, 'utf8');
  if (data.equals(snapshot.bytes)) return undefined;
  let target: string;
  try {
    // Through a symlink, the file it points to is replaced, not the link.
    target = realpathSync(snapshot.path);
  } catch {
    return `${snapshot.path}: not fixed: the file is gone since it was read`;
  }
  const temp = join(dirname(target), `.${basename(target)}.postlint-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, data, { flag: 'wx', mode: 0o600 });
    chmodSync(temp, snapshot.mode & 0o7777);
    const changed = changedSince(snapshot, target);
    if (changed) {
      unlinkSync(temp);
      return `${snapshot.path}: not fixed: ${changed}; run again to fix the new version`;
    }
    renameSync(temp, target);
    return undefined;
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // The temporary file was never made.
    }
    return `${snapshot.path}: not fixed: the fixed file could not be written (${(error as Error).message.split('\n')[0]})`;
  }
}

/** Why the file on disk is no longer the one that was read, if it is not. */
function changedSince(snapshot: Snapshot, target: string): string | undefined {
  const stats = statSync(target, { throwIfNoEntry: false });
  if (!stats) return 'the file was deleted since it was read';
  if (stats.mtimeMs !== snapshot.mtimeMs || stats.size !== snapshot.bytes.length || !readFileSync(target).equals(snapshot.bytes)) {
    return 'the file changed on disk since it was read';
  }
  return undefined;
}
