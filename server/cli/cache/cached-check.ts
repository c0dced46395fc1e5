import type { LanguageService } from '../../engine/language-service';
import { NodeWorkspace } from '../../node/node-workspace';
import { reported, type CheckTargetsOptions, type OutcomeHandler } from '../parallel';
import type { resolveTargets, Target } from '../targets';
import type { ResultCache } from './result-cache';

/** What a cached run tells of the cache: how many results it reused, what to say, and what the last run's record needs (`ResultCache.lastRunSurvey`). */
export interface CacheOutcome {
  reused: number;
  notes: string[];
  lastRun?: { roots: string[]; manifest: string };
}

/** Checks some targets, handing on each outcome in their order (`checkInParallel`). */
export type Check = (targets: Target[], onOutcome: OutcomeHandler) => Promise<void>;

/**
 * Checks the targets the cache cannot answer for, and hands on every target's
 * outcome in the order of `targets`: the cached ones in between, reported as if just
 * checked. Then records the new results in the cache; returns how many were reused,
 * and what to say of the cache. `recording`, the record of the run, is stopped when
 * some post must be checked.
 */
export async function checkWithCache(
  cache: ResultCache,
  targets: Target[],
  options: CheckTargetsOptions,
  service: LanguageService,
  check: Check,
  onOutcome: OutcomeHandler,
  recording?: { stop(): void },
): Promise<CacheOutcome> {
  const fixing = options.fix || options.fixDryRun === true;
  // Only whether each stands, here: a result is built as it is reported, and gone soon after.
  const cached = targets.map((target) => reusable(cache, target, fixing));
  const read = await textReader(targets.filter((_, index) => cached[index]), service, options);
  const checkedAt = targets.flatMap((_, index) => (cached[index] ? [] : [index]));
  // Known before the first report: a run that checks a post is not kept, so its report is not copied.
  if (checkedAt.length > 0) recording?.stop();
  let next = 0;
  const passCachedUpTo = (end: number) => {
    for (; next < end; next++) {
      const { path } = targets[next];
      onOutcome(reported(path, () => read(path), cache.resultOf(path)!, options));
    }
  };
  let checked = 0;
  await check(
    checkedAt.map((index) => targets[index]),
    (outcome) => {
      passCachedUpTo(checkedAt[checked]);
      next = checkedAt[checked++] + 1;
      // A result of text the fixes changed is not of the text whose hash the cache took.
      if (outcome.result && outcome.report?.output === undefined) cache.noteChecked(outcome.result);
      onOutcome(outcome);
    },
  );
  passCachedUpTo(targets.length);
  const failure = await cache.save(service);
  const notes = failure === undefined ? cache.notes : [...cache.notes, failure];
  // Only a run that took every post from the cache prints what a replay of it may print again.
  const lastRun = checkedAt.length === 0 && notes.length === 0 ? cache.lastRunSurvey() : undefined;
  return { reused: targets.length - checkedAt.length, notes, lastRun };
}

/** What `resolveTargets` gives: the posts the command line names, and what it could not find. */
type Resolved = Awaited<ReturnType<typeof resolveTargets>>;

/**
 * The posts the command line's inputs name: those of the last run with the same
 * inputs, when no file of the sites came or went and none changed that touches every
 * post (a config); otherwise found again. Either way the cache has surveyed the
 * sites for them when this returns.
 */
export async function cachedTargets(cache: ResultCache, inputs: string[], service: LanguageService, workspace: NodeWorkspace, resolve: () => Promise<Resolved>): Promise<Resolved> {
  const stored = cache.targetsFor(inputs);
  if (stored) {
    await cache.survey(service, workspace, stored);
    if (cache.sameFiles) {
      cache.noteTargets(inputs, stored);
      return { targets: stored, problems: [], notChecked: [] };
    }
  }
  const resolved = await resolve();
  await cache.survey(service, workspace, resolved.targets);
  // A run that named something not found, or not checked, tells so every time.
  if (resolved.problems.length === 0 && resolved.notChecked.length === 0) cache.noteTargets(inputs, resolved.targets);
  return resolved;
}

/** Whether a post's cached result stands and is used: not when fixing and it has a safe fix to apply. */
function reusable(cache: ResultCache, target: Target, fixing: boolean): boolean {
  if (!cache.stands(target.path)) return false;
  return !fixing || !cache.resultOf(target.path)!.diagnostics.some((diagnostic) => diagnostic.fixes.some((fix) => fix.safe));
}

/**
 * Reads a cached post's text, within its site, for what needs it: a baseline matches
 * findings by the text they are on, and SARIF quotes it. Otherwise never read.
 */
async function textReader(posts: Target[], service: LanguageService, options: CheckTargetsOptions): Promise<(path: string) => string> {
  const needed = options.baseline !== undefined || options.writeBaselineFolder !== undefined || options.details === true;
  if (!needed) return () => '';
  const sites = new Map<string, NodeWorkspace>();
  const workspace = new NodeWorkspace(options);
  for (const { path } of posts) sites.set(path, workspace.within((await service.siteFor(path)).root));
  return (path) => {
    const read = sites.get(path)!.readText(path);
    return 'text' in read ? read.text : '';
  };
}

