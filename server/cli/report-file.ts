import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A report file written while the run goes, into a temporary file beside it that is
 * renamed over it at the end: whole or not at all, so that CI never uploads half a
 * report, and a run that crashes leaves the last one as it was. Its folder is made
 * if need be. After the first failure nothing more is tried, and `finish` says why.
 */
export class ReportFile {
  private readonly temp: string;
  private fd: number | undefined;
  private problem: string | undefined;

  constructor(readonly file: string) {
    this.temp = ReportFile.temporaryOf(file);
    this.attempt(() => {
      mkdirSync(dirname(file), { recursive: true });
      this.fd = openSync(this.temp, 'w');
    });
  }

  /** The temporary file this process writes `file` through. */
  static temporaryOf(file: string): string {
    return `${file}.postlint-${process.pid}.tmp`;
  }

  write(bytes: Buffer): void {
    this.attempt(() => {
      // A write may take less than it is given (a full disk says so on the next one).
      for (let done = 0; done < bytes.length; ) done += writeSync(this.fd!, bytes, done);
    });
  }

  /** Puts the file in place; the first line of what went wrong when it could not be. */
  finish(): string | undefined {
    this.attempt(() => {
      closeSync(this.fd!);
      this.fd = undefined;
      renameSync(this.temp, this.file);
    });
    if (this.problem !== undefined) this.discard();
    return this.problem;
  }

  /** Removes the temporary file, leaving any earlier report where it was. */
  discard(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.temp, { force: true });
  }

  private attempt(step: () => void): void {
    if (this.problem !== undefined) return;
    try {
      step();
    } catch (error) {
      this.problem = (error as Error).message.split('\n')[0];
    }
  }
}
