import { closeSync, fstatSync, lstatSync, openSync, readSync, rmSync, type Stats } from 'node:fs';
import { parseArgs } from 'node:util';
import { cacheFileOf, CHECK_OPTIONS } from '../check-args';
import { ReportFile } from '../report-file';
import { trackedByGit } from '../../node/git';
import { walkSite } from './site-walk';
import { resolvePosix } from '../../node/paths';
import { O_NOFOLLOW, readRegularFile } from '../../node/node-workspace';
import { quietOnClosedPipe } from '../closed-pipe';
import { escapeText } from '../formatters/escape';

/**
 * The last run of `postlint check --cache`, kept so that the same command on a site
 * where no file changed prints what it printed, without Postlint being loaded at all.
 *
 * Why: on a site where nothing changed, a cached run still starts the engine, reads
 * the whole cache, builds every post's report from it and formats it: 0.7 s for the
 * benchmark's 6,800 posts, of which less than half is reading the site's state. The
 * boot file (server/boot.ts) now asks `replayLastRun` first, which needs only the
 * folder listings, one `lstat` per file and the stored bytes.
 *
 * A run is kept only when it took every post from the cache (so what it printed,
 * "taken from the cache" included, is what a cached run prints again), printed its
 * one report to stdout, and wrote nothing but that report (no fixes, no baseline, no
 * report file, no dead-link check, whose verdicts age). It is replayed only when
 * everything it was made of is the same: Postlint's build, the command line, the
 * folder it ran in, what of the terminal and environment the report depends on, the
 * files the command line names (a config, a baseline), the results cache beside it,
 * and every file of the sites surveyed, by path, size, modification and change time
 * and inode (a symbolic link, whose target's changes its own times do not show, keeps
 * a run from being kept). Anything else, or anything amiss with the file, and the run
 * goes on as usual, which writes the file anew.
 *
 * The file is the report's bytes, then the key below as JSON, then that JSON's length
 * in the last `LENGTH_DIGITS` bytes: written as the report goes, so that a site of
 * 68,000 posts is never held in memory, and read back in chunks.
 */
export interface LastRunKey {
  format: typeof FORMAT;
  /** Postlint's build id (version.ts), which the bundle's first line ends with. */
  build: string;
  argv: string[];
  cwd: string;
  terminal: TerminalKey;
  /** The files the command line names (`--config`, `--baseline`), their bytes as Latin-1 text. */
  named: [path: string, bytes: string][];
  /** The results cache file as the run left it (`identity`). */
  cache: string;
  /** The sites' roots, in the order surveyed, and every file under them (`manifestLine`). */
  roots: string[];
  manifest: string;
  exitCode: number;
  /** What the run wrote to stderr after its report (a `--max-warnings` line). */
  stderr: string;
}

/** What a report's bytes depend on besides the command line: colours, and the folder GitHub paths are relative to. */
export interface TerminalKey {
  stdoutTTY: boolean;
  noColor: boolean;
  githubWorkspace: string | null;
}

const FORMAT = 1;
const LENGTH_DIGITS = 12;
/** A key longer than this is not read: a site of 68,000 posts makes one of about 8 MB. */
const MAX_KEY_BYTES = 256 * 1024 * 1024;
/** Files named on the command line larger than this keep a run from being kept (a config or baseline is far smaller). */
const MAX_NAMED_BYTES = 16 * 1024 * 1024;
const CHUNK_BYTES = 1024 * 1024;

/** This process's `TerminalKey`: the recording run's and the replaying one's must be equal. */
export function terminalKey(): TerminalKey {
  return { stdoutTTY: process.stdout.isTTY === true, noColor: Boolean(process.env.NO_COLOR), githubWorkspace: process.env.GITHUB_WORKSPACE ?? null };
}

/** Where the last run is kept: beside the results cache, so that removing one's folder removes both. */
export function lastRunFile(cacheFile: string): string {
  return `${cacheFile}.last-run`;
}

/**
 * The files `--cache` itself writes, which a survey of a site they lie in leaves out:
 * they change on every run and touch no post. The record's temporary file is there
 * while the run surveys the site.
 */
export function cacheOwnFiles(cacheFile: string): string[] {
  return [cacheFile, lastRunFile(cacheFile), ReportFile.temporaryOf(lastRunFile(cacheFile))];
}

/** One file of a site as the key holds it; undefined for a symbolic link, which no key can vouch for. */
export function manifestLine(path: string, stats: Stats): string | undefined {
  if (stats.isSymbolicLink()) return undefined;
  return `${JSON.stringify([path, stats.size, stats.mtimeMs, stats.ctimeMs, stats.ino])}\n`;
}

/** Removes a kept run that no longer stands for the last one; one that cannot be removed fails `stands` anyway (a run that changed what it printed changed a file or the cache). */
function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // Left as it is.
  }
}

/** A file's identity for the key: replaced or rewritten, it differs. */
function identity(file: string): string | undefined {
  const stats = lstatSync(file, { throwIfNoEntry: false });
  return stats && manifestLine(file, stats);
}

/**
 * The bytes of the files the command line names, or undefined when one cannot be read,
 * is not a regular file (a symbolic link where links are refused), or is too large to keep.
 */
function namedFiles(paths: string[]): LastRunKey['named'] | undefined {
  const named: LastRunKey['named'] = [];
  for (const path of paths) {
    const read = readRegularFile(path, MAX_NAMED_BYTES, O_NOFOLLOW ?? 0);
    if ('refused' in read) return undefined;
    named.push([path, read.bytes.toString('latin1')]);
  }
  return named;
}

/** The files the command line names, whose bytes the key holds: its config and its baseline. */
export function namedByCommandLine(options: { config?: string; baseline?: string }, cwd: string): string[] {
  return [options.config, options.baseline].flatMap((file) => (file === undefined || file === '' ? [] : [resolvePosix(cwd, file)]));
}

/** What of a run's key the check itself knows at its end: what it surveyed, and how it ended. */
export interface RunEnd {
  roots: string[];
  manifest: string;
  exitCode: number;
  stderr: string;
}

/**
 * Keeps a run as it goes: the report's bytes as stdout gets them, then, if the run can
 * be replayed (`end` is given its survey), the key. Whole or not at all (`ReportFile`).
 */
export class LastRunRecorder {
  private readonly file: ReportFile;
  private readonly named: LastRunKey['named'] | undefined;

  /** `named`: the files the command line names, read now, before the run reads them. */
  constructor(
    private readonly cacheFile: string,
    private readonly argv: string[],
    private readonly cwd: string,
    named: string[],
  ) {
    this.file = new ReportFile(lastRunFile(cacheFile));
    this.named = namedFiles(named);
  }

  private stopped = false;

  /** Takes what stdout was just given. */
  tee(bytes: Buffer): void {
    if (!this.stopped) this.file.write(bytes);
  }

  /** The run will not be kept (it checks posts): what stdout gets is no longer copied. */
  stop(): void {
    this.stopped = true;
    this.file.discard();
  }

  /** Puts the run in place when `end` says it can be replayed; else leaves no file at all, so that an older run is not replayed. */
  end(end: RunEnd | undefined, build: string | undefined): void {
    const cache = identity(this.cacheFile);
    if (this.stopped || end === undefined || build === undefined || this.named === undefined || cache === undefined) {
      this.file.discard();
      removeQuietly(lastRunFile(this.cacheFile));
      return;
    }
    const key: LastRunKey = { format: FORMAT, build, argv: this.argv, cwd: this.cwd, terminal: terminalKey(), named: this.named, cache, ...end };
    const json = Buffer.from(JSON.stringify(key));
    this.file.write(json);
    this.file.write(Buffer.from(String(json.length).padStart(LENGTH_DIGITS)));
    if (this.file.finish() !== undefined) removeQuietly(lastRunFile(this.cacheFile));
  }
}

/**
 * Prints the last run again when the command line is `check --cache` and nothing it was
 * made of changed (`LastRunKey`): its report to stdout, its stderr, its exit code.
 * Whether it did; when not, nothing was written and the run goes on as usual.
 *
 * `bundle` is the CLI's bundle, whose first line names its build.
 */
export function replayLastRun(argv: string[], cwd: string, bundle: string): boolean {
  if (argv[0] !== 'check' || !argv.includes('--cache')) return false;
  let fd: number | undefined;
  try {
    const { values } = parseArgs({ args: argv.slice(1), allowPositionals: true, options: CHECK_OPTIONS });
    const cacheFile = cacheFileOf(values, cwd)!;
    const file = lastRunFile(cacheFile);
    fd = openSync(file, 'r');
    const found = storedRun(fd);
    // A cache git tracks is not used (ResultCache.open), nor a record of a run beside it: either could come from a pull request.
    if (found === undefined || !stands(found.key, { argv, cwd, bundle, cacheFile, named: namedByCommandLine(values, cwd) }) || trackedByGit(cacheFile, file)) return false;
    replay(fd, found);
    return true;
  } catch {
    // No last run, or one that cannot be read: the run goes on as usual.
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Writes the kept run out. Past its first byte there is no going back to a usual run,
 * which would print the report a second time: a failure to read the rest (the file cut
 * short meanwhile) is said, and the run fails.
 */
function replay(fd: number, { key, reportBytes }: { key: LastRunKey; reportBytes: number }): void {
  quietOnClosedPipe();
  try {
    copyToStdout(fd, reportBytes);
  } catch (error) {
    process.stderr.write(`postlint: the last run kept beside the cache could not be read to its end (${escapeText((error as Error).message)}): run the check again\n`);
    process.exitCode = 2;
    return;
  }
  if (key.stderr !== '') process.stderr.write(key.stderr);
  process.exitCode = key.exitCode;
}

/** The key at the file's end, and how many bytes of report come before it; undefined when the file is not one `LastRunRecorder` wrote. */
function storedRun(fd: number): { key: LastRunKey; reportBytes: number } | undefined {
  const size = fstatSync(fd).size;
  if (size < LENGTH_DIGITS) return undefined;
  const digits = readAt(fd, size - LENGTH_DIGITS, LENGTH_DIGITS).toString('latin1');
  if (!/^ *[0-9]+$/.test(digits)) return undefined;
  const keyBytes = Number(digits);
  const reportBytes = size - LENGTH_DIGITS - keyBytes;
  if (keyBytes > MAX_KEY_BYTES || reportBytes < 0) return undefined;
  const key: unknown = JSON.parse(readAt(fd, reportBytes, keyBytes).toString('utf8'));
  return isKey(key) ? { key, reportBytes } : undefined;
}

function isKey(value: unknown): value is LastRunKey {
  const key = value as LastRunKey;
  const strings = (list: unknown) => Array.isArray(list) && list.every((item) => typeof item === 'string');
  return (
    typeof key === 'object' && key !== null && key.format === FORMAT &&
    typeof key.build === 'string' && strings(key.argv) && typeof key.cwd === 'string' &&
    typeof key.terminal === 'object' && key.terminal !== null &&
    Array.isArray(key.named) && key.named.every(strings) &&
    typeof key.cache === 'string' && strings(key.roots) && typeof key.manifest === 'string' &&
    Number.isInteger(key.exitCode) && typeof key.stderr === 'string'
  );
}

/** Whether everything the kept run was made of is as it was (`LastRunKey`), the sites' files last: the costliest to look at. */
function stands(key: LastRunKey, { argv, cwd, bundle, cacheFile, named }: { argv: string[]; cwd: string; bundle: string; cacheFile: string; named: string[] }): boolean {
  return (
    JSON.stringify(key.argv) === JSON.stringify(argv) &&
    key.cwd === cwd &&
    JSON.stringify(key.terminal) === JSON.stringify(terminalKey()) &&
    bundleBuild(bundle) === key.build &&
    identity(cacheFile) === key.cache &&
    JSON.stringify(namedFiles(named)) === JSON.stringify(key.named) &&
    sitesAsListed(key, cacheOwnFiles(cacheFile))
  );
}

/** The build id the bundle's first line ends with (`// postlint build <id>`, esbuild.mjs). */
function bundleBuild(bundle: string): string | undefined {
  const fd = openSync(bundle, 'r');
  try {
    const head = readAt(fd, 0, 512).toString('latin1');
    const line = head.slice(0, head.indexOf('\n'));
    const marker = '// postlint build ';
    const at = line.lastIndexOf(marker);
    return at < 0 ? undefined : line.slice(at + marker.length);
  } finally {
    closeSync(fd);
  }
}

/** Whether the sites' files are the ones the key lists, in the same order; the cache's own files left out, as the survey leaves them. */
function sitesAsListed(key: LastRunKey, own: string[]): boolean {
  let at = 0;
  let same = true;
  for (const root of key.roots) {
    // Stops at the first file that differs: a key never makes the walk longer than its list.
    walkSite(root, own, (path, stats) => {
      const line = manifestLine(path, stats);
      same = line !== undefined && key.manifest.startsWith(line, at);
      at += line?.length ?? 0;
      return same;
    });
    if (!same) return false;
  }
  return at === key.manifest.length;
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const read = readSync(fd, buffer, done, length - done, position + done);
    if (read === 0) throw new Error('the file ended early');
    done += read;
  }
  return buffer;
}

/**
 * Copies the report to stdout a chunk at a time. A chunk is reused while stdout takes
 * each whole at once (a file, and a pipe or terminal on Linux and macOS); one it had to
 * queue is left to it.
 */
function copyToStdout(fd: number, bytes: number): void {
  let chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, bytes));
  for (let position = 0; position < bytes; ) {
    const length = Math.min(chunk.length, bytes - position);
    const read = readSync(fd, chunk, 0, length, position);
    if (read === 0) throw new Error('the file ended early');
    process.stdout.write(read === chunk.length ? chunk : chunk.subarray(0, read));
    if (process.stdout.writableLength > 0) chunk = Buffer.allocUnsafe(chunk.length);
    position += read;
  }
}
