import { dirname } from 'node:path';
import { removeOwnTemporaries } from './fix-files';

/** The signals that end a `--fix` run early, and the exit code each gives (128 + its number, as shells report it). */
const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

type Signal = keyof typeof EXIT_CODES;

/** What `whileFixing` needs of the process: tests give their own. */
export interface InterruptibleProcess {
  once(signal: Signal, listener: () => void): unknown;
  off(signal: Signal, listener: () => void): unknown;
  exit(code: number): void;
}

/**
 * Runs a `--fix` run so that Ctrl-C or a `kill` leaves no temporary file behind: each
 * file is written to a temporary file and renamed over the old one, and a worker
 * thread stopped between the two would leave the temporary file. On the signal,
 * `stop` ends the workers, then this process's temporary files are removed from the
 * folders of the files being fixed, and the process exits with the signal's code.
 * Every file is then its old or its new version, as the rename guarantees.
 */
export async function whileFixing<T>(
  files: readonly string[],
  stop: () => Promise<void>,
  run: () => Promise<T>,
  target: InterruptibleProcess = process,
): Promise<T> {
  let stopping = false;
  const interrupted = async (signal: Signal) => {
    stopping = true;
    try {
      await stop();
    } finally {
      for (const folder of new Set(files.map((file) => dirname(file)))) removeOwnTemporaries(folder);
      target.exit(EXIT_CODES[signal]);
    }
  };
  const listeners = (Object.keys(EXIT_CODES) as Signal[]).map((signal) => {
    const listener = () => void interrupted(signal);
    target.once(signal, listener);
    return { signal, listener };
  });
  try {
    return await run();
  } catch (error) {
    // The run failed because its workers were stopped: the signal's exit ends the process, with no error to print.
    if (stopping) return new Promise<never>(() => undefined);
    throw error;
  } finally {
    for (const { signal, listener } of listeners) target.off(signal, listener);
  }
}
