import { ConfigError } from '../engine/config/config';
import type { LanguageService } from '../engine/language-service';
import type { Workspace } from '../engine/types';
import { checkInParallel, EarlyWorkers, reported, type CheckTargetsOptions, type TargetOutcome } from './parallel';
import { ResultCache, runKey } from './cache/result-cache';
import type { CheckResult } from '../engine/language-service';
import { NodeWorkspace } from '../node/node-workspace';
import type { ChangedFiles } from './changed-since';
import { fileKey } from '../engine/site/site-pages';
import type { FixPreview } from './diff';
import type { FileReport } from './report';
import type { Baseline, BaselineEntry } from './baseline';
import { resolveTargets, type Target } from './targets';

export interface CheckRun {
  reports: FileReport[];
  /** One line each: a file that could not be read, a broken config, nothing matched. */
  failures: string[];
  /** `--fix-dry-run`: what the fixes would change, file by file. */
  previews: FixPreview[];
  /** `--baseline`: how many findings it held, left out of the reports. */
  baselined: number;
  /** `--write-baseline`: every post's findings, as the baseline records them. */
  baselineEntries: BaselineEntry[];
  /** `--changed-since`: how many posts were checked, and how many of them are reported. */
  changedOnly?: { checked: number; reported: number };
  /** `--cache`: how many posts' results were reused, and what to tell of the cache file. */
  cache?: { reused: number; notes: string[] };
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
  /** `--cache`: the cache file, whose results stand for posts that nothing they depend on changed for. */
  cacheFile?: string;
}

/** Checks what the command line names: posts found by the main thread, checked by workers. */
export async function runCheck(
  service: LanguageService,
  workspace: Workspace,
  inputs: string[],
  cwd: string,
  { entryFile, changes, cacheFile, ...options }: CheckRunOptions,
): Promise<CheckRun> {
  const failures: string[] = [];
  const reports: FileReport[] = [];
  const previews: FixPreview[] = [];
  const run: CheckRun = { reports, failures, previews, baselined: 0, baselineEntries: [] };
  // Worker threads start loading as soon as the files found are enough to share;
  // with a cache, only once it is known that some posts need checking.
  const early = new EarlyWorkers(cacheFile === undefined ? entryFile : undefined);
  let resolved;
  try {
    resolved = await resolveTargets(service, workspace, inputs, cwd, (files) => early.found(files));
  } catch (error) {
    early.stop();
    if (error instanceof ConfigError) return { ...run, failures: [error.oneLine()] };
    throw error;
  }
  for (const problem of resolved.problems) failures.push(`${problem.input}: ${problem.message}`);

  const seen = new Set(failures);
  const checkOptions: CheckTargetsOptions = { ...options, withDependencies: changes !== undefined, keepResults: cacheFile !== undefined };
  const cache = cacheFile === undefined ? undefined : await ResultCache.open(cacheFile, cwd, runKey(entryFile, options), service, new NodeWorkspace(options), resolved.targets);
  const reuse = (target: Target) => cache && reusable(cache, target, options.fix || options.fixDryRun === true);
  const checked = await checkInParallel(resolved.targets.filter((target) => !reuse(target)), checkOptions, entryFile, service, early);
  const outcomes = cache ? await withCached(resolved.targets, checked, reuse, service, checkOptions) : checked;
  if (cache) run.cache = { reused: outcomes.length - checked.length, notes: [...cache.notes, ...[await cache.save(service, resultsOf(checked))].filter((note) => note !== undefined)] };
  const touched = changes && (await touchedBy(service, changes));
  for (const outcome of outcomes) {
    // A post --changed-since leaves out is still checked, and fixed, and its findings still go into a baseline being written.
    const shown = !touched || !outcome.report || touched(outcome);
    if (outcome.report && shown) reports.push(outcome.report);
    if (outcome.preview && shown) previews.push(outcome.preview);
    if (shown) run.baselined += outcome.hidden ?? 0;
    if (outcome.baselineEntries) run.baselineEntries.push(...outcome.baselineEntries);
    // A broken config file is said once, not once per post under it.
    if (outcome.failure && !seen.has(outcome.failure)) failures.push(outcome.failure);
    if (outcome.failure) seen.add(outcome.failure);
  }
  const posts = outcomes.filter((outcome) => outcome.report).length;
  if (touched) run.changedOnly = { checked: posts, reported: reports.length };
  if (posts === 0 && failures.length === 0) {
    // With nothing named, the site's own choice of posts found none: say where it looked.
    const hint = inputs.length === 0 ? ': the preset found none where it looks for posts; name a folder, or say which files are posts with `posts` in .postlintrc.json' : '';
    failures.push(`${inputs.join(' ') || cwd}: no post matched${hint}`);
  }
  return run;
}

/** A post's cached result that stands; none when fixing and it has a safe fix to apply. */
function reusable(cache: ResultCache, target: Target, fixing: boolean): Omit<CheckResult, 'path'> | undefined {
  const result = cache.resultOf(target.path);
  return fixing && result?.diagnostics.some((diagnostic) => diagnostic.fixes.some((fix) => fix.safe)) ? undefined : result;
}

/** The outcomes of all targets, in their order: those checked now, and the cached ones reported as if just checked. */
async function withCached(
  targets: Target[],
  checked: TargetOutcome[],
  reuse: (target: Target) => Omit<CheckResult, 'path'> | undefined,
  service: LanguageService,
  options: CheckTargetsOptions,
): Promise<TargetOutcome[]> {
  const outcomes: TargetOutcome[] = [];
  let next = 0;
  for (const target of targets) {
    const result = reuse(target);
    if (!result) {
      outcomes.push(checked[next++]);
      continue;
    }
    // A baseline matches findings by the text they are on: read only then, within the post's site.
    const site = new NodeWorkspace(options).within((await service.siteFor(target.path)).root);
    const text = () => {
      const read = site.readText(target.path);
      return 'text' in read ? read.text : '';
    };
    outcomes.push(reported(target.path, text, { path: target.path, ...result }, options));
  }
  return outcomes;
}

/** The results of the posts checked and not changed by fixes, for the cache. */
function resultsOf(outcomes: TargetOutcome[]): Map<string, CheckResult> {
  const results = new Map<string, CheckResult>();
  for (const outcome of outcomes) if (outcome.result && outcome.report?.output === undefined) results.set(outcome.result.path, outcome.result);
  return results;
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
  for (const path of changes.changed) {
    const found = await service.indexKeysOf(path, { build: true });
    if (found === 'site') return () => true;
    for (const key of found) keys.add(key);
  }
  for (const path of changes.gone) keys.add(fileKey(path));
  const broken = (outcome: TargetOutcome) => outcome.report!.messages.some((message) => message.ruleId === 'link-broken-local' || message.ruleId === 'link-broken-fragment');
  return (outcome) =>
    changed.has(outcome.report!.filePath) || (outcome.dependencies ?? []).some((key) => keys.has(key)) || (changes.gone.length > 0 && broken(outcome));
}
