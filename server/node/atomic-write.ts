import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes a file whole or not at all: the data goes to a temporary file beside it, which is
 * then renamed over it. A run that reads the file meanwhile sees the old one; of two runs
 * that write it at once, the last rename wins and neither leaves half a file. The random
 * part of the temporary name keeps two writers of one process (the language server) apart.
 * The file's folder is made if need be.
 *
 * @returns undefined once written, else the first line of what went wrong (nothing is left behind then).
 */
export function writeFileAtomically(file: string, data: string | Uint8Array): string | undefined {
  const temp = `${file}.postlint-${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temp, data);
    renameSync(temp, file);
    return undefined;
  } catch (error) {
    removeQuietly(temp);
    return (error as Error).message.split('\n')[0];
  }
}

/** Removes the temporary file if it is there. `force` ignores a missing file only: a folder on the way that is a file (ENOTDIR) would still throw. */
function removeQuietly(temp: string): void {
  try {
    rmSync(temp, { force: true });
  } catch {
    // Nothing was written there, then.
  }
}
