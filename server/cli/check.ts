import { ConfigError } from '../engine/config/config';
import type { LanguageService } from '../engine/language-service';
import { checkInParallel, EarlyWorkers, type CheckTargetsOptions, type OutcomeHandler, type TargetOutcome } from './parallel';
import { ResultCache, runKey } from './cache/result-cache';
import { cachedTargets, checkWithCache, type CacheOutcome } from './cache/cached-check';
import { NodeWorkspace } from '../node/node-workspace';
import type { ChangedFiles } from './changed-since';
import { fileKey } from '../engine/site/site-pages';
import type { FixPreview } from './diff';
import type { FileReport } from './report';
import type { Baseline, BaselineEntry } from './baseline';
import { resolveTargets } from './targets';
import { MARKDOWN_SUFFIX_LIST } from '../../schemas/markdown-files';
import { keepHeapsSmallFor, keepYoungGenerationSmall } from '../node/heap-growth';
import type { ExternalVerdict } from '../engine/links/external';
import { checkExternalLinksOf, type ExternalLinksFlags } from './external-links';

/** Takes each post's report as its check ends, in the order of the posts; with `--fix-dry-run`, what the fixes would change too. */
export type ReportHandler = (report: FileReport, preview?: FixPreview) => void;

/** What is known of a run once every report has gone to its handler. */
export interface CheckRun {
  /** One line each: a file that could not be read, a broken config, nothing matched. */
  failures: string[];
  /** `--baseline`: how many findings it held, left out of the reports. */
  baselined: number;
  /** `--write-baseline`: every post's findings, as the baseline records them. */
  baselineEntries: BaselineEntry[];
  /** `--changed-since`: how many posts were checked, and how many of them are reported. */
  changedOnly?: { checked: number; reported: number };
  /** `--cache`: how many posts' results were reused, what to tell of the cache file, and what a record of the run needs. */
  cache?: CacheOutcome;
  /** The dead-link check's summary, one line per site, when it ran. */
  externalLinks?: string[];
  /** Files named on the command line that were not checked, one line each, and why (an Org-mode page). */
  notChecked: string[];
}

export interface CheckRunOptions {
  configFile?: string;
  fix: boolean;
  /** Fix in memory only and describe the changes (`--fix-dry-run`). */
  fixDryRun?: boolean;
  /** Files larger than this many bytes are not read (`--max-file-size`). */
  maxFileSize?: number;
  /** The script worker threads start from: the CLI bundle itself. */
  entryFile: string;
  baseline?: Baseline;
  writeBaselineFolder?: string;
  /** `--changed-since`: only the posts changed, and those whose links reach what changed, are reported. */
  changes?: ChangedFiles;
  /** Give each message its `detail`, for SARIF. */
  details?: boolean;
  /** `--cache`: the cache file, whose results stand for posts that nothing they depend on changed for. */
  cacheFile?: string;
  /**
   * The record of the run (cache/last-run.ts), if one is made: the cache keeps what its
   * survey saw for it, and it is stopped as soon as some post needs checking, a run that
   * is then never kept.
   */
  recording?: { stop(): void };
  /**
   * `--check-external` and `--no-cache`, and where the verdicts go: the table the
   * service given to `runCheck` reads (`LanguageServiceOptions.externalVerdicts`).
   */
  external?: ExternalLinksFlags & { verdicts: Map<string, ExternalVerdict> };
}

/**
 * Checks what the command line names: posts found by the main thread, checked by
 * workers. Each report goes to `onReport` as soon as it and those before it are in,
 * so that the reports are written while the check runs, and not one is kept here.
 */
export async function runCheck(
  service: LanguageService,
  inputs: string[],
  cwd: string,
  { entryFile, changes, cacheFile, recording, external, ...options }: CheckRunOptions,
  onReport: ReportHandler,
): Promise<CheckRun> {
  const failures: string[] = [];
  const run: CheckRun = { failures, baselined: 0, baselineEntries: [], notChecked: [] };
  // Worker threads start loading as soon as the files found are enough to share;
  // with a cache, only once it is known that some posts need checking.
  const early = new EarlyWorkers(cacheFile === undefined ? entryFile : undefined);
  if (cacheFile !== undefined) keepYoungGenerationSmall();
  const cache = cacheFile === undefined ? undefined : ResultCache.open(cacheFile, cwd, runKey(entryFile, { ...options, checkExternal: external?.checkExternal }), recording !== undefined);
  // The site's index then reads only the content files that changed since the cache was written.
  if (cache) service.usePageInputs(cache);
  const resolve = () => resolveTargets(service, inputs, cwd, (files) => early.found(files));
  let resolved;
  try {
    resolved = cache ? await cachedTargets(cache, inputs, service, new NodeWorkspace(options), resolve) : await resolve();
  } catch (error) {
    early.stop();
    if (error instanceof ConfigError) return { ...run, failures: [error.oneLine()] };
    throw error;
  }
  for (const problem of resolved.problems) failures.push(`${problem.input}: ${problem.message}`);
  run.notChecked = resolved.notChecked.map(({ input, format }) => `${input}: not checked: ${notMarkdown([format], 1)}`);
  // Known by now however the posts were found (a walk, or the cache's list): a large run keeps its heaps small.
  keepHeapsSmallFor(resolved.targets.length);

  const seen = new Set(failures);
  // Known before the first report, so that each can be written as it comes.
  const touched = changes && (await touchedBy(service, changes));
  let checked = 0;
  let reported = 0;
  const onOutcome: OutcomeHandler = (outcome) => {
    // A post --changed-since leaves out is still checked, and fixed, and its findings still go into a baseline being written.
    const shown = !touched || !outcome.report || touched(outcome);
    if (outcome.report) checked++;
    if (outcome.report && shown) {
      reported++;
      onReport(outcome.report, outcome.preview);
    }
    if (shown) run.baselined += outcome.hidden ?? 0;
    if (outcome.baselineEntries) run.baselineEntries.push(...outcome.baselineEntries);
    // A broken config file is said once, not once per post under it.
    if (outcome.failure && !seen.has(outcome.failure)) failures.push(outcome.failure);
    if (outcome.failure) seen.add(outcome.failure);
  };
  const checkOptions: CheckTargetsOptions = { ...options, withDependencies: changes !== undefined, keepResults: cacheFile !== undefined };
  const externalLinks = external && (await checkExternalLinksOf(service, resolved.targets, external));
  if (externalLinks) {
    for (const [key, verdict] of externalLinks.verdicts) external.verdicts.set(key, verdict);
    checkOptions.externalVerdicts = externalLinks.verdicts;
    run.externalLinks = externalLinks.summaries;
  }
  const check = (targets: typeof resolved.targets, handler: OutcomeHandler) => checkInParallel(targets, checkOptions, entryFile, service, early, handler);
  if (cache === undefined) await check(resolved.targets, onOutcome);
  else run.cache = await checkWithCache(cache, resolved.targets, checkOptions, service, check, onOutcome, recording);
  if (touched) run.changedOnly = { checked, reported };
  if (checked === 0 && failures.length === 0 && resolved.notChecked.length > 0) {
    // Only pages of other formats were named: one line says why none was checked.
    run.notChecked = [];
    const formats = [...new Set(resolved.notChecked.map(({ format }) => format))];
    failures.push(`${resolved.notChecked.map(({ input }) => input).join(' ')}: no post matched: ${notMarkdown(formats, resolved.notChecked.length)}. Name Markdown posts to check`);
  } else if (checked === 0 && failures.length === 0) {
    // With nothing named, the site's own choice of posts found none: say where it looked.
    const hint = inputs.length === 0 ? ': the preset found none where it looks for posts; name a folder, or say which files are posts with `posts` in .postlintrc.json' : '';
    failures.push(`${inputs.join(' ') || cwd}: no post matched${hint}`);
  }
  return run;
}

/**
 * Why pages of other content formats are not checked: `it is Org-mode content, which Hugo
 * builds but Postlint does not read (…)`, `they are …` for several files.
 */
function notMarkdown(formats: string[], files: number): string {
  const named = formats.length === 1 ? formats[0] : `${formats.slice(0, -1).join(', ')} and ${formats[formats.length - 1]}`;
  return `${files === 1 ? 'it is' : 'they are'} ${named} content, which Hugo builds but Postlint does not read (Postlint checks Markdown posts: ${MARKDOWN_SUFFIX_LIST})`;
}

/**
 * Which outcomes `--changed-since` reports: the posts that changed, and those whose
 * check reached or looked for a changed file (its page URLs, its path: the keys of
 * the site's page index). A change to what every post depends on (the site's config,
 * data, layouts) reports every post; a page deleted or renamed away reports every
 * post with a broken link, as its old addresses are no longer known.
 */
async function touchedBy(service: LanguageService, changes: ChangedFiles): Promise<(outcome: TargetOutcome) => boolean> {
  const changed = new Set(changes.changed);
  const keys = new Set<string>();
  for (const found of (await service.indexKeysOfFiles(changes.changed, { build: true })).values()) {
    if (found === 'site') return () => true;
    for (const key of found) keys.add(key);
  }
  for (const path of changes.gone) keys.add(fileKey(path));
  const broken = (outcome: TargetOutcome) => outcome.report!.messages.some((message) => message.ruleId === 'link-broken-local' || message.ruleId === 'link-broken-fragment');
  return (outcome) =>
    changed.has(outcome.report!.filePath) || (outcome.dependencies ?? []).some((key) => keys.has(key)) || (changes.gone.length > 0 && broken(outcome));
}
