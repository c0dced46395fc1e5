import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { ConfigError } from '../engine/config/config';
import { applySafeFixes } from '../engine/fixes';
import type { CheckResult, LanguageService } from '../engine/language-service';
import { entriesOf, withoutBaselined, type Baseline, type BaselineEntry } from './baseline';
import type { Site } from '../engine/site/site';
import { SITE_PAGES_KEY, SitePages, type SitePagesData } from '../engine/site/site-pages';
import { nodeLanguageService } from '../node/language-service';
import { diffLines, type FixPreview } from './diff';
import { readSnapshot, roundTrips, writeFixed, type Snapshot } from './fix-files';
import { NodeWorkspace, refusalText, type Refused } from '../node/node-workspace';
import { whileFixing } from './interrupt';
import { Batch } from './batch';
import { keepHeapsSmallFor, restoreYoungGrowth } from '../node/heap-growth';
import { tooLargeReport, toFileReport, type FileReport } from './report';
import type { Target } from './targets';
import type { ExternalVerdict } from '../engine/links/external';

/** Below this many files, starting workers costs more than it saves. */
const MIN_FILES_PER_WORKER = 48;

export interface TargetOutcome {
  report?: FileReport;
  failure?: string;
  /** `--fix-dry-run`: the lines the fixes would change. */
  preview?: FixPreview;
  /** `--baseline`: how many findings the baseline held, and so are not in the report. */
  hidden?: number;
  /** `--write-baseline`: the file's findings as the baseline records them. */
  baselineEntries?: BaselineEntry[];
  /** With `withDependencies`: what the check looked up in the site's page index (`CheckResult.dependencies`). */
  dependencies?: string[];
  /** With `keepResults`: the engine's result, for `--cache`. */
  result?: CheckResult;
}

export interface CheckTargetsOptions {
  configFile?: string;
  /** Apply safe fixes and write the files (`--fix`). */
  fix: boolean;
  /** Apply safe fixes in memory only, and say what would change (`--fix-dry-run`). */
  fixDryRun?: boolean;
  /** Files larger than this many bytes are not read (`--max-file-size`); default NodeWorkspace's. */
  maxFileSize?: number;
  /** `--baseline`: findings it holds are left out of the reports. */
  baseline?: Baseline;
  /** `--write-baseline`: the folder of the baseline file to write, to which its paths are relative. */
  writeBaselineFolder?: string;
  /** Keep each post's `dependencies` in its outcome (`--changed-since`). */
  withDependencies?: boolean;
  /** Keep each post's whole result in its outcome (`--cache`). */
  keepResults?: boolean;
  /** Give each message its `detail` (the text it is on, its safe fixes), for SARIF. */
  details?: boolean;
  /** What the dead-link check found, by URL: each worker's service reads them (rule link-dead). */
  externalVerdicts?: [string, ExternalVerdict][];
}

/** Takes each outcome as it comes, in the order of the targets. */
export type OutcomeHandler = (outcome: TargetOutcome) => void;

interface WorkerInput {
  /** All the targets: the workers take them one at a time, in turn, through `next`. */
  targets: Target[];
  /** The index of the next target to check, shared by the workers (over a SharedArrayBuffer). */
  next: Int32Array;
  options: CheckTargetsOptions;
  /** A post of the site whose index (`SitePages`) the parent builds once and sends to every worker. */
  sitePagesFor?: string;
}

/** What the parent sends a worker: first its input, then (when `sitePagesFor` is set) the site index. */
type ParentMessage = { input: WorkerInput } | SitePagesMessage;

interface SitePagesMessage {
  /** Null when the parent could not build it: the worker then builds its own. */
  sitePages: SitePagesData | null;
}

/**
 * Every target is a post: resolveTargets keeps only the posts among the files of
 * folders and globs, and a file named explicitly is checked as one. Saying so
 * spares each check matching the path against the post globs again.
 */
const TARGET_IS_POST = { asPost: true } as const;

/** How many times `--fix` re-checks a post after fixing it, as ESLint does. */
const FIX_PASSES = 10;

/**
 * How many posts a thread keeps under way at once. A post whose rules wait (for
 * the site index the main thread is still building) lets the next ones be parsed
 * and checked meanwhile; and checks under way take turns between their steps
 * (LanguageService.parse), so each step's code runs for many posts in a row.
 * Fixes, which write files, go one by one.
 */
const CHECKS_UNDER_WAY = 128;

/** Checks targets on this thread (the single-thread path), and gives their outcomes in the order of `targets`. */
export async function checkTargets(
  targets: Target[],
  options: CheckTargetsOptions,
  service: LanguageService = nodeLanguageService({ configFile: options.configFile, maxFileSize: options.maxFileSize }),
): Promise<TargetOutcome[]> {
  const outcomes: TargetOutcome[] = [];
  await checkOnThisThread(targets, options, service, (outcome) => outcomes.push(outcome));
  return outcomes;
}

async function checkOnThisThread(targets: Target[], options: CheckTargetsOptions, service: LanguageService, onOutcome: OutcomeHandler): Promise<void> {
  const ordered = new InOrder(onOutcome);
  await checkShare(targets, new Int32Array(1), options, service, (index, outcome) => ordered.add(index, outcome));
}

/**
 * Hands outcomes on in the order of the targets, as soon as every earlier one is in.
 * Threads take the targets in order (`next`), so only the outcomes that finished
 * before a slower earlier post wait here, never the run's.
 */
class InOrder {
  private readonly waiting = new Map<number, TargetOutcome>();
  private next = 0;

  constructor(private readonly onOutcome: OutcomeHandler) {}

  add(index: number, outcome: TargetOutcome): void {
    this.waiting.set(index, outcome);
    for (let ready = this.waiting.get(this.next); ready !== undefined; ready = this.waiting.get(this.next)) {
      this.waiting.delete(this.next++);
      this.onOutcome(ready);
    }
  }
}

/** Takes an outcome with the index of its target, in the order the checks end. */
type CheckedHandler = (index: number, outcome: TargetOutcome) => void;

/**
 * Checks targets, each taking the next index from `next`, which worker threads
 * share: whoever is free checks the next post, so they all finish together. Each
 * outcome is handed on as its check ends: nothing is kept here.
 */
async function checkShare(targets: Target[], next: Int32Array, options: CheckTargetsOptions, service: LanguageService, onChecked: CheckedHandler): Promise<void> {
  const workspace = new NodeWorkspace({ maxFileSize: options.maxFileSize });
  const fixing = options.fix || options.fixDryRun === true;
  const lane = async () => {
    for (let index = Atomics.add(next, 0, 1); index < targets.length; index = Atomics.add(next, 0, 1)) {
      onChecked(index, await checkTarget(service, workspace, targets[index], options, fixing));
      // Between two files, a signal gets its turn (`whileFixing`): awaited checks alone never let the event loop turn.
      if (fixing) await new Promise((resolve) => setImmediate(resolve));
    }
  };
  await Promise.all(Array.from({ length: fixing ? 1 : Math.min(CHECKS_UNDER_WAY, targets.length) }, lane));
}

async function checkTarget(service: LanguageService, workspace: NodeWorkspace, target: Target, options: CheckTargetsOptions, fixing: boolean): Promise<TargetOutcome> {
  try {
    // Read within the post's site (a file outside any site: its own folder), as the engine reads the rest.
    const site = workspace.within((await service.siteFor(target.path)).root);
    if (fixing) {
      // Fixing needs the bytes and the time they were read, to write nothing else and nothing stale.
      const snapshot = readSnapshot(target.path, site);
      return 'refused' in snapshot ? refusedOutcome(target, snapshot, site) : await fixOne(service, target, snapshot, options);
    }
    const read = site.readText(target.path);
    return 'refused' in read ? refusedOutcome(target, read, site) : await checkOne(service, target, read.text, options);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { failure: error.oneLine() };
  }
}

/**
 * A post that is not read: too large, it is a finding of its own (one fatal error);
 * anything else fails the run with a line naming the file and why.
 */
function refusedOutcome(target: Target, refused: Refused, site: NodeWorkspace): TargetOutcome {
  if (refused.refused === 'too-large') return { report: tooLargeReport(target.path, refused.size ?? 0, site.maxFileSize) };
  return { failure: `${target.path}: ${refusalText(refused, site.maxFileSize, 'checked')}` };
}

async function checkOne(service: LanguageService, target: Target, text: string, options: CheckTargetsOptions): Promise<TargetOutcome> {
  const result = await service.check(target.path, text, TARGET_IS_POST);
  return result.isPost ? reported(target.path, () => text, result, options) : {};
}

/**
 * The report of a checked post, less what the baseline holds; and its findings, for a
 * baseline to write. `text` is read only with a baseline (`--cache` reuses results without reading the post).
 */
export function reported(path: string, text: () => string, result: CheckResult, options: CheckTargetsOptions): TargetOutcome {
  const baselineEntries = options.writeBaselineFolder === undefined ? undefined : entriesOf(options.writeBaselineFolder, path, text(), result.diagnostics);
  const dependencies = options.withDependencies ? result.dependencies : undefined;
  const kept = options.keepResults ? result : undefined;
  const detailText = options.details ? text() : undefined;
  if (!options.baseline) return { report: toFileReport(path, result.diagnostics, result.unverified, detailText), baselineEntries, dependencies, result: kept };
  const { diagnostics, hidden } = withoutBaselined(options.baseline, path, text(), result.diagnostics);
  return { report: toFileReport(path, diagnostics, result.unverified, detailText), hidden, baselineEntries, dependencies, result: kept };
}

/**
 * Applies the safe fixes, re-checking after each pass as ESLint does, then
 * writes the file (`--fix`) or only describes the change (`--fix-dry-run`). The
 * report is of what is left.
 */
export async function fixOne(service: LanguageService, target: Target, snapshot: Snapshot, options: CheckTargetsOptions): Promise<TargetOutcome> {
  const original = snapshot.text;
  let text = original;
  let result = await service.check(target.path, text, TARGET_IS_POST);
  for (let pass = 0; result.isPost && pass < FIX_PASSES; pass++) {
    const fixed = applySafeFixes(text, result.diagnostics);
    if (fixed.applied === 0 || fixed.text === text) break;
    text = fixed.text;
    result = await service.check(target.path, text, TARGET_IS_POST);
  }
  if (!result.isPost) return {};
  if (text === original) return reported(target.path, () => text, result, options);
  // A file that is not valid UTF-8 or UTF-16 would come back with other bytes changed too: leave it as it is.
  if (!roundTrips(snapshot)) {
    const unchanged = await service.check(target.path, original, TARGET_IS_POST);
    return {
      ...reported(target.path, () => original, unchanged, options),
      failure: `${target.path}: not fixed: the file is not valid UTF-8 (nor UTF-16), and writing it back would change more than the fixes`,
    };
  }
  const outcome = reported(target.path, () => text, result, options);
  const report = { ...outcome.report!, output: text };
  if (options.fixDryRun) return { ...outcome, report, preview: { filePath: target.path, hunks: diffLines(original, text) } };
  const failure = writeFixed(snapshot, text);
  if (!failure) return { ...outcome, report };
  // Nothing was written: report the file as it is on disk.
  const unchanged = await service.check(target.path, original, TARGET_IS_POST);
  return { ...reported(target.path, () => original, unchanged, options), failure };
}

/** How many worker threads `files` files get: one per core, with at least MIN_FILES_PER_WORKER files each. */
function workerCount(files: number): number {
  return Math.min(availableParallelism(), Math.floor(files / MIN_FILES_PER_WORKER));
}

/**
 * Worker threads started before the posts are known, as soon as the files found
 * are enough to share: each loads while the main thread picks the posts among the
 * files. `checkInParallel` takes them; `stop` ends those it did not take.
 */
export class EarlyWorkers {
  private idle: CheckWorker[] = [];
  private started = false;

  /** No entry file: none start early. */
  constructor(private readonly entryFile: string | undefined) {}

  /** `files` files were found so far. */
  found(files: number): void {
    keepHeapsSmallFor(files);
    const count = workerCount(files);
    const entryFile = this.entryFile;
    if (this.started || count < 2 || entryFile === undefined) return;
    this.started = true;
    this.idle = Array.from({ length: count }, () => startWorker(entryFile));
  }

  take(count: number): CheckWorker[] {
    return this.idle.splice(0, count);
  }

  stop(): void {
    for (const { worker, done } of this.idle.splice(0)) {
      done.catch(() => undefined);
      void worker.terminate();
    }
  }
}

/**
 * Spreads the files over worker threads, one per core, each with its own language service.
 * The engine is pure, so the results are the same as on one thread; each outcome
 * goes to `onOutcome` as soon as those of the targets before it have, in the order
 * of `targets`, so that reports are written while the check runs and none is kept.
 * Workers started early are used first.
 */
export async function checkInParallel(
  targets: Target[],
  options: CheckTargetsOptions,
  entryFile: string,
  service: LanguageService,
  early: EarlyWorkers | undefined,
  onOutcome: OutcomeHandler,
): Promise<void> {
  const workers = workerCount(targets.length);
  const running = workers < 2 ? [] : (early?.take(workers) ?? []);
  early?.stop();
  if (workers < 2) return fixingSafely(targets, options, [], () => checkOnThisThread(targets, options, service, onOutcome));
  while (running.length < workers) running.push(startWorker(entryFile));
  return fixingSafely(targets, options, running, () => checkOnWorkers(targets, options, service, running, onOutcome));
}

/** With `--fix`, a signal ends the run cleanly (`whileFixing`): the workers are stopped first. */
function fixingSafely<T>(targets: Target[], options: CheckTargetsOptions, running: CheckWorker[], run: () => Promise<T>): Promise<T> {
  if (!options.fix) return run();
  const stop = async () => {
    await Promise.all(running.map(({ worker }) => worker.terminate()));
  };
  return whileFixing(targets.map((target) => target.path), stop, run);
}

async function checkOnWorkers(targets: Target[], options: CheckTargetsOptions, service: LanguageService, running: CheckWorker[], onOutcome: OutcomeHandler): Promise<void> {
  const ordered = new InOrder(onOutcome);
  for (const worker of running) worker.onChecked = (index, outcome) => ordered.add(index, outcome);
  const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  // Every worker would read all the site's pages for its index: the main thread, idle
  // while the workers check, builds it once as they start, and sends it to each.
  const site = await service.siteFor(targets[0].path);
  const sitePagesFor = site.loose || site.problems.length > 0 ? undefined : targets[0].path;
  const input: WorkerInput = { targets, next, options, sitePagesFor };
  for (const { worker } of running) worker.postMessage({ input } satisfies ParentMessage);
  if (sitePagesFor !== undefined) {
    const message: ParentMessage = { sitePages: await sitePagesData(service, site) };
    for (const { worker } of running) worker.postMessage(message);
  }
  await Promise.all(running.map(({ done }) => done));
}

/** The site's index as data, or null when building it fails (each worker then builds its own and reports). */
async function sitePagesData(service: LanguageService, site: Site): Promise<SitePagesData | null> {
  try {
    return (await service.pageIndex(site)).data();
  } catch {
    return null;
  }
}

interface CheckWorker {
  worker: Worker;
  /** Takes each outcome the worker sends; set before its input is sent. */
  onChecked: CheckedHandler;
  /** Settled once it has sent every outcome of its share and stopped. */
  done: Promise<void>;
}

/** What a worker sends: an outcome as each check ends, then that its share is done. */
/** Outcomes sent this many at a time: one message per post cost a worker up to 4% of its time in postMessage. */
const OUTCOMES_PER_MESSAGE = 32;

/** What a worker sends: outcomes (with their targets' indices), a few at a time, then that it has finished. */
type WorkerMessage = { checked: [number, TargetOutcome][] } | { finished: true };

/** A worker thread waiting for its input (`ParentMessage`). */
function startWorker(entryFile: string): CheckWorker {
  restoreYoungGrowth();
  const worker = new Worker(entryFile, { workerData: { postlintCheck: true } });
  const checkWorker: CheckWorker = { worker, onChecked: () => undefined, done: Promise.resolve() };
  checkWorker.done = new Promise<void>((resolve, reject) => {
    let finished = false;
    worker.on('message', (message: WorkerMessage) => {
      if ('finished' in message) finished = true;
      else for (const [index, outcome] of message.checked) checkWorker.onChecked(index, outcome);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => (finished && code === 0 ? resolve() : reject(new Error(`a check worker stopped with code ${code}`))));
  });
  return checkWorker;
}

/** In a worker started by `checkInParallel`: check posts while there are any left, and send the outcomes back. */
export function serveWorkerIfAny(): boolean {
  if (isMainThread || workerData?.postlintCheck !== true) return false;
  const port = parentPort!;
  let sitePages: (message: SitePagesMessage) => void = () => undefined;
  const received = new Promise<SitePagesMessage>((resolve) => (sitePages = resolve));
  const listener = (message: ParentMessage) => {
    // serve() answers every failure itself, as a message to the parent; nothing is left to handle here.
    if ('input' in message) void serve(message.input, received).finally(() => port.off('message', listener));
    else sitePages(message);
  };
  port.on('message', listener);
  return true;
}

async function serve(input: WorkerInput, sitePages: Promise<SitePagesMessage>): Promise<void> {
  const externalVerdicts = new Map(input.options.externalVerdicts);
  const service = nodeLanguageService({ configFile: input.options.configFile, maxFileSize: input.options.maxFileSize, externalVerdicts });
  if (input.sitePagesFor !== undefined) await receiveSitePages(service, input.sitePagesFor, sitePages);
  const send = (message: WorkerMessage) => parentPort!.postMessage(message);
  const batch = new Batch<[number, TargetOutcome]>((checked) => send({ checked }), OUTCOMES_PER_MESSAGE);
  await checkShare(input.targets, input.next, input.options, service, (index, outcome) => batch.add([index, outcome]));
  batch.flush();
  send({ finished: true });
}

/**
 * Gives the worker's engine the index the parent sends for the site of `post`, in
 * place of building its own: rules that need it wait for the message.
 */
async function receiveSitePages(service: LanguageService, post: string, message: Promise<SitePagesMessage>): Promise<void> {
  const site = await service.siteFor(post);
  const workspace = service.workspaceOf();
  void service.siteValue(site.root, SITE_PAGES_KEY, async () => {
    const { sitePages } = await message;
    return sitePages ? SitePages.fromData(workspace, site, sitePages) : SitePages.load(workspace, site);
  });
}
