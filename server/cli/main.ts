import { readFileSync } from 'node:fs';
import { plural } from '../engine/text/plural';
import { dirname, isAbsolute } from 'node:path';
import { parseArgs } from 'node:util';
import { postlintBuild, postlintVersion } from '../node/version';
import { writeFileAtomically } from '../node/atomic-write';
import type { ExternalVerdict } from '../engine/links/external';
import { baselineText, parseBaseline, type Baseline, type BaselineEntry } from './baseline';
import { ConfigError } from '../engine/config/config';
import { nodeLanguageService } from '../node/language-service';
import { runCheck, type CheckRun } from './check';
import { changedSince } from './changed-since';
import { newPost } from './new';
import { initConfig } from './init';
import { escapeText, safeJson } from './formatters/escape';
import { helpText } from './help';
import { MEGABYTE, NodeWorkspace, refusalText } from '../node/node-workspace';
import { parseOutputs, type Output } from './outputs';
import { LastRunRecorder, namedByCommandLine } from './cache/last-run';
import { ReportStream } from './report-stream';
import { relativeInside, resolvePosix, toPosix } from '../node/paths';
import { cacheFileOf, CHECK_OPTIONS, UsageError } from './check-args';

function parseCheckArgs(args: string[]) {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: CHECK_OPTIONS });
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run cannot be used together');
  if (values.cache && values['no-cache']) throw new UsageError('--cache and --no-cache cannot be used together');
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings takes a whole number, not "${values['max-warnings']}"`);
  }
  return { ...values, maxWarnings, maxFileSize: maxFileSizeOf(values['max-file-size']), positionals };
}

/** `--max-file-size <MB>` in bytes; undefined when not given (the default applies). */
function maxFileSizeOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const megabytes = Number(value);
  if (value.trim() === '' || !Number.isFinite(megabytes) || megabytes <= 0) throw new UsageError(`--max-file-size takes a number of megabytes greater than 0, such as 20, not "${value}"`);
  return Math.floor(megabytes * MEGABYTE);
}

async function check(args: string[], cwd: string): Promise<number> {
  const options = parseCheckArgs(args);
  const outputs = parseOutputs(options.format, options['output-file'], cwd);
  if (typeof outputs === 'string') throw new UsageError(outputs);
  const { maxFileSize } = options;
  const configFile = options.config ? resolvePosix(cwd, options.config) : undefined;
  // Filled in by the dead-link check, if it runs, before any post is checked.
  const externalVerdicts = new Map<string, ExternalVerdict>();
  const service = nodeLanguageService({ configFile, maxFileSize, externalVerdicts });
  const baseline = options.baseline === undefined ? undefined : readBaseline(resolvePosix(cwd, options.baseline));
  const writeBaseline = options['write-baseline'] === undefined ? undefined : resolvePosix(cwd, options['write-baseline']);
  const changes = options['changed-since'] === undefined ? undefined : changedSince(cwd, options['changed-since']);
  if (typeof changes === 'string') throw new UsageError(changes);
  const color = options['no-color'] ? false : options.color ?? (process.stdout.isTTY === true && !process.env.NO_COLOR);
  const cacheFile = cacheFileOf(options, cwd);
  const recorder = cacheFile !== undefined && replayable(options, outputs) ? new LastRunRecorder(cacheFile, ['check', ...args], cwd, namedByCommandLine(options, cwd)) : undefined;
  // With --fix-dry-run, stylish output starts with what the fixes would change; json carries it as each result's `output`.
  const reports = new ReportStream(outputs, {
    cwd,
    root: reportRoot(cwd),
    color,
    version: postlintVersion(),
    quiet: options.quiet,
    previews: options['fix-dry-run'],
    tee: recorder && ((bytes) => recorder.tee(bytes)),
  });
  let run: CheckRun;
  try {
    run = await runCheck(
      service,
      options.positionals,
      toPosix(cwd),
      {
        changes,
        configFile,
        fix: options.fix,
        fixDryRun: options['fix-dry-run'],
        maxFileSize,
        entryFile: __filename,
        baseline,
        writeBaselineFolder: writeBaseline === undefined ? undefined : dirname(writeBaseline),
        details: outputs.some((output) => output.format === 'sarif'),
        cacheFile,
        recording: recorder,
        external: { checkExternal: options['check-external'], noCache: options['no-cache'], verdicts: externalVerdicts },
      },
      (report, preview) => reports.file(report, preview),
    );
  } catch (error) {
    reports.abort();
    recorder?.end(undefined, undefined);
    throw error;
  }
  const written = reports.end(run.failures, runNotes(run, options['changed-since']));
  // What goes to stderr from here on, which a replay of the run says again.
  const said: string[] = [];
  const say = (text: string) => {
    said.push(text);
    process.stderr.write(text);
  };
  for (const failure of run.failures) say(`postlint: ${escapeText(failure)}\n`);
  for (const note of [...run.notChecked, ...(run.cache?.notes ?? []), ...(run.externalLinks ?? [])]) say(`postlint: ${escapeText(note)}\n`);
  const code = exitCodeOf(run, written, writeBaseline, () => {
    const { errors, warnings } = reports.tally;
    if (errors > 0) return 1;
    if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
      say(`postlint: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
      return 1;
    }
    return 0;
  });
  const lastRun = run.failures.length === 0 && run.notChecked.length === 0 && run.externalLinks === undefined && written ? run.cache?.lastRun : undefined;
  recorder?.end(lastRun && { ...lastRun, exitCode: code, stderr: said.join('') }, postlintBuild());
  return code;
}

/** A run that failed is 2; one that wrote a baseline, what writing it gave; else what `byFindings` says. */
function exitCodeOf(run: CheckRun, written: boolean, writeBaseline: string | undefined, byFindings: () => number): number {
  if (run.failures.length > 0 || !written) {
    if (writeBaseline !== undefined) process.stderr.write(`postlint: ${escapeText(writeBaseline)} not written: a baseline of a run that failed would miss findings\n`);
    return 2;
  }
  // The findings are recorded: they no longer fail the run.
  if (writeBaseline !== undefined) return saveBaseline(writeBaseline, run.baselineEntries);
  return byFindings();
}

/**
 * Whether a `--cache` run may be kept for replay (cache/last-run.ts): its one report goes
 * to stdout, and it writes nothing else (no fixes, baseline or report file) and asks
 * nothing of the network (the dead-link check's verdicts age).
 */
function replayable(options: ReturnType<typeof parseCheckArgs>, outputs: Output[]): boolean {
  const writes = options.fix || options['fix-dry-run'] || options['write-baseline'] !== undefined;
  return outputs.length === 1 && outputs[0].file === undefined && !writes && options['changed-since'] === undefined && !options['check-external'];
}

/**
 * The folder `github` and `sarif` paths are relative to. In GitHub Actions it is the
 * workspace (the repository's root), from which GitHub resolves annotations and code
 * scanning results, even when Postlint runs in a site's folder below it.
 */
function reportRoot(cwd: string): string {
  const workspace = process.env.GITHUB_WORKSPACE;
  return workspace && isAbsolute(workspace) && relativeInside(workspace, cwd) !== undefined ? workspace : cwd;
}

/** What the stylish summary adds about what was left out: a quiet run must never pass for a clean site. */
function runNotes(run: CheckRun, ref: string | undefined): string[] {
  const notes: string[] = [];
  if (run.changedOnly) notes.push(`${run.changedOnly.reported} of ${run.changedOnly.checked} posts reported: those changed since ${ref}, and those whose links reach what changed`);
  if (run.cache && run.cache.reused > 0) notes.push(`${plural(run.cache.reused, 'post')} taken from the cache, nothing they depend on having changed`);
  if (run.baselined > 0) notes.push(`${plural(run.baselined, 'problem')} in the baseline not shown`);
  return notes;
}

/** `--baseline FILE`: its findings, or a usage error naming what is wrong with it. */
function readBaseline(file: string): Baseline {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--baseline ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); write one with --write-baseline`);
  }
  const entries = parseBaseline(text);
  if (typeof entries === 'string') throw new UsageError(`--baseline ${file}: ${entries}`);
  return { folder: dirname(file), entries };
}

/** Writes the baseline whole or not at all (`writeFileAtomically`; its folder made if need be, as a report's is), and says what it holds. */
function saveBaseline(file: string, entries: BaselineEntry[]): number {
  const failure = writeFileAtomically(file, baselineText(entries));
  if (failure !== undefined) {
    process.stderr.write(`postlint: ${escapeText(`${file}: the baseline could not be written (${failure})`)}\n`);
    return 2;
  }
  const findings = entries.reduce((sum, entry) => sum + entry.count, 0);
  process.stderr.write(`postlint: ${escapeText(`wrote ${plural(findings, 'finding')} to ${file}`)}\n`);
  return 0;
}

async function printConfig(args: string[], cwd: string): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { config: { type: 'string' } } });
  if (positionals.length !== 1) throw new UsageError('print-config takes one file');
  const path = resolvePosix(cwd, positionals[0]);
  const service = nodeLanguageService({ configFile: values.config ? resolvePosix(cwd, values.config) : undefined });
  // Read within its site, as `check` reads it.
  const site = new NodeWorkspace().within((await service.siteFor(path)).root);
  const read = site.readText(path);
  if ('refused' in read) {
    process.stderr.write(`postlint: ${escapeText(`${path}: ${refusalText(read, site.maxFileSize, 'read')}`)}\n`);
    return 2;
  }
  process.stdout.write(`${safeJson(await service.settingsFor(path, read.text), 2)}\n`);
  return 0;
}

/**
 * Runs one `postlint` command and returns its exit code, or -1 for `lsp`, which serves
 * until its client stops it. The language server comes in from the entry point
 * (server/postlint.ts), so the CLI imports nothing of it.
 */
export async function main(argv: string[], startLanguageServer: () => Promise<void>, cwd = process.cwd()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await check(rest, cwd);
      case 'print-config':
        return await printConfig(rest, cwd);
      case 'new':
        return await newPost(rest, cwd);
      case 'init':
        return await initConfig(rest, cwd);
      case 'lsp':
        await startLanguageServer();
        return -1;
      case '--version':
      case '-v':
        process.stdout.write(`${postlintVersion()}\n`);
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        process.stdout.write(helpText());
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}": see postlint --help`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`postlint: ${escapeText((error as Error).message)}\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`postlint: ${escapeText(error.oneLine())}\n`);
      return 2;
    }
    throw error;
  }
}
