// The file Node starts (`dist/cli.js`, `dist/server.js`). It runs the bundle beside it
// (`cli.bundle.js`, `server.bundle.js`) as if it were this file, compiled from V8's
// code cache when the build left one that fits.
//
// Why: compiling the 2 MB bundle was a third of the CLI's and the language server's
// start-up (about 60 ms of 190 ms before any work). Node 20 has no compile cache of its
// own (module.enableCompileCache came in Node 22), so the build writes one (esbuild.mjs).
//
// A cache is used only when its first line names the bundle's build id. V8 checks the
// Node version and flags itself, but only the source's length: a cache left from another
// build of the same length could run the wrong code. Any other cache is ignored, and the
// bundle is compiled as usual.
//
// A process that found no cache it could use writes one as it exits, for the next start.
// That is how the language server gets one: VS Code runs it with its own Node, whose V8
// cannot use a cache the build's Node wrote, so the build leaves it none. The file goes
// beside the bundle, where only who installed Postlint can write (never a shared temporary
// folder: V8 trusts a cache's contents); a folder that cannot be written only costs time.

import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import { isMainThread } from 'node:worker_threads';
import { shortRunFlags } from './node/short-run-flags';
import { replayLastRun } from './cli/cache/last-run';

/** Set by the build: true in the CLI's boot file (all its commands, `lsp` too), false in the VS Code extension's server's. */
declare const POSTLINT_SHORT_RUNS: boolean;

/** Set by the build while it runs the bundle once: the cache is written when the process exits. */
const WRITE_VARIABLE = 'POSTLINT_WRITE_CODE_CACHE';
/** Set to see on stderr whether the cache was used: for tests and for anyone measuring. */
const REPORT_VARIABLE = 'POSTLINT_CODE_CACHE_REPORT';

type ModuleFunction = (exports: unknown, require: NodeJS.Require, module: NodeJS.Module, filename: string, dirname: string) => void;

/** The build id: the bundle's first line, which ends `// postlint build <id>`. */
function buildIdOf(source: string): string {
  return source.slice(0, source.indexOf('\n'));
}

/** The cache's data when its header names this build, else undefined. */
function cacheFor(cacheFile: string, buildId: string): Buffer | undefined {
  let file: Buffer;
  try {
    file = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  const header = Buffer.from(`${buildId}\n`);
  return file.subarray(0, header.length).equals(header) ? file.subarray(header.length) : undefined;
}

/**
 * Writes the cache through a temporary file, so that a reader never sees half of one; a
 * failure is only reported. Not `writeFileAtomically`: this file runs before the bundle,
 * on every start, and that helper would bring `node:crypto` into it.
 */
function writeCache(cacheFile: string, buildId: string, script: Script): void {
  const temporary = `${cacheFile}.${process.pid}`;
  try {
    writeFileSync(temporary, Buffer.concat([Buffer.from(`${buildId}\n`), script.createCachedData()]));
    renameSync(temporary, cacheFile);
    report('written');
  } catch (error) {
    rmSync(temporary, { force: true });
    report(`not written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

function report(outcome: string): void {
  if (process.env[REPORT_VARIABLE]) process.stderr.write(`postlint code cache: ${outcome}\n`);
}

/**
 * The CLI's V8 flags (short-run-flags.ts), set before the bundle is compiled and before
 * any worker starts: flags are the process's, and V8's code cache records them, so the
 * cache the build writes (through this file) fits every later run.
 */
function tuneForShortRuns(): void {
  if (!isMainThread) return;
  for (const flag of shortRunFlags(POSTLINT_SHORT_RUNS, process.versions.v8)) setFlagsFromString(flag);
}

function boot(): void {
  tuneForShortRuns();
  const bundle = __filename.replace(/\.js$/, '.bundle.js');
  // `check --cache` on a site where nothing changed prints its last run again, without the bundle (cli/cache/last-run.ts).
  if (POSTLINT_SHORT_RUNS && isMainThread && replayLastRun(process.argv.slice(2), process.cwd(), bundle)) return;
  const cacheFile = `${bundle}.cache`;
  // Read as bytes, then decoded: `readFileSync(bundle, 'utf8')` took 25 ms where this takes
  // 16 (the 2.2 MB bundle, a fresh process). The build makes the bundle ASCII (esbuild.mjs).
  const source = readFileSync(bundle).toString('utf8');
  const buildId = buildIdOf(source);
  const cachedData = cacheFor(cacheFile, buildId);
  // The bundle is the module's function already (esbuild.mjs): compiled as it was read, not copied into a wrapper.
  const script = new Script(source, { filename: bundle, cachedData });
  const usable = cachedData !== undefined && !script.cachedDataRejected;
  report(cachedData === undefined ? 'none' : usable ? 'used' : 'rejected');
  // At exit, the cache holds the code of every function the run compiled, not only the top level.
  if (isMainThread && (process.env[WRITE_VARIABLE] || !usable)) process.once('exit', () => writeCache(cacheFile, buildId, script));
  // This file's module, require and name: the bundle finds its neighbours (templates,
  // worker threads) where this file is, and knows itself as the program's entry point.
  const run = script.runInThisContext() as ModuleFunction;
  run.call(module.exports, module.exports, require, module, __filename, __dirname);
}

boot();
