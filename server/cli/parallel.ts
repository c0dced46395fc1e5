import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { ConfigError } from '../engine/config';
import { applySafeFixes } from '../engine/fixes';
import type { LanguageService } from '../engine/service';
import { cliService } from './cli-service';
import { diffLines, type FixPreview } from './diff';
import { readSnapshot, roundTrips, writeFixed, type Snapshot } from './fix-files';
import { NodeWorkspace } from './node-workspace';
import { toFileReport, type FileReport } from './report';
import type { Target } from './targets';

/** Below this many files, starting workers costs more than it saves. */
const MIN_FILES_PER_WORKER = 48;

export interface TargetOutcome {
  report?: FileReport;
  failure?: string;
  /** `--fix-dry-run`: the lines the fixes would change. */
  preview?: FixPreview;
}

export interface CheckTargetsOptions {
  configFile?: string;
  /** Apply safe fixes and write the files (`--fix`). */
  fix: boolean;
  /** Apply safe fixes in memory only, and say what would change (`--fix-dry-run`). */
  fixDryRun?: boolean;
}

interface WorkerInput {
  targets: Target[];
  options: CheckTargetsOptions;
}

/** How many times `--fix` re-checks a post after fixing it, as ESLint does. */
const FIX_PASSES = 10;

/** Checks targets one by one: what a worker thread runs (with an engine of its own), and the single-thread path. */
export async function checkTargets(
  targets: Target[],
  options: CheckTargetsOptions,
  service: LanguageService = cliService(options.configFile),
): Promise<TargetOutcome[]> {
  const workspace = new NodeWorkspace();
  const fixing = options.fix || options.fixDryRun === true;
  const outcomes: TargetOutcome[] = [];
  for (const target of targets) {
    // Fixing needs the bytes and the time they were read, to write nothing else and nothing stale.
    const snapshot = fixing ? readSnapshot(target.path) : undefined;
    const text = fixing ? snapshot?.text : await workspace.readFile(target.path);
    if (text === undefined) {
      outcomes.push({ failure: `${target.path}: the file cannot be read` });
      continue;
    }
    try {
      outcomes.push(snapshot ? await fixOne(service, target, snapshot, options) : await checkOne(service, target, text));
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      outcomes.push({ failure: error.oneLine() });
    }
  }
  return outcomes;
}

async function checkOne(service: LanguageService, target: Target, text: string): Promise<TargetOutcome> {
  const result = await service.check(target.path, text, { asPost: target.explicit });
  return result.isPost ? { report: toFileReport(target.path, result.diagnostics) } : {};
}

/**
 * Applies the safe fixes, re-checking after each pass as ESLint does, then
 * writes the file (`--fix`) or only describes the change (`--fix-dry-run`). The
 * report is of what is left.
 */
export async function fixOne(service: LanguageService, target: Target, snapshot: Snapshot, options: CheckTargetsOptions): Promise<TargetOutcome> {
  const original = snapshot.text;
  let text = original;
  let result = await service.check(target.path, text, { asPost: target.explicit });
  for (let pass = 0; result.isPost && pass < FIX_PASSES; pass++) {
    const fixed = applySafeFixes(text, result.diagnostics);
    if (fixed.applied === 0 || fixed.text === text) break;
    text = fixed.text;
    result = await service.check(target.path, text, { asPost: target.explicit });
  }
  if (!result.isPost) return {};
  if (text === original) return { report: toFileReport(target.path, result.diagnostics) };
  // A file that is not valid UTF-8 would come back with other bytes changed too: leave it as it is.
  if (!roundTrips(snapshot)) {
    const unchanged = await service.check(target.path, original, { asPost: target.explicit });
    return {
      report: toFileReport(target.path, unchanged.diagnostics),
      failure: `${target.path}: not fixed: the file is not valid UTF-8, and writing it back would change more than the fixes`,
    };
  }
  const report = { ...toFileReport(target.path, result.diagnostics), output: text };
  if (options.fixDryRun) return { report, preview: { filePath: target.path, hunks: diffLines(original, text) } };
  const failure = writeFixed(snapshot, text);
  if (!failure) return { report };
  // Nothing was written: report the file as it is on disk.
  const unchanged = await service.check(target.path, original, { asPost: target.explicit });
  return { report: toFileReport(target.path, unchanged.diagnostics), failure };
}

/**
 * Spreads the files over worker threads, one per core, each with its own engine.
 * The engine is pure, so the results are the same as on one thread; they come
 * back in the order of `targets`.
 */
export async function checkInParallel(
  targets: Target[],
  options: CheckTargetsOptions,
  entryFile: string,
  service: LanguageService,
): Promise<TargetOutcome[]> {
  const workers = Math.min(availableParallelism(), Math.floor(targets.length / MIN_FILES_PER_WORKER));
  if (workers < 2) return checkTargets(targets, options, service);
  const size = Math.ceil(targets.length / workers);
  const chunks = Array.from({ length: workers }, (_, index) => targets.slice(index * size, (index + 1) * size));
  const results = await Promise.all(chunks.map((chunk) => runWorker(entryFile, { targets: chunk, options })));
  return results.flat();
}

function runWorker(entryFile: string, input: WorkerInput): Promise<TargetOutcome[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entryFile, { workerData: { postlintCheck: input } });
    let result: TargetOutcome[] | undefined;
    worker.once('message', (message: TargetOutcome[]) => (result = message));
    worker.once('error', reject);
    worker.once('exit', (code) => (result && code === 0 ? resolve(result) : reject(new Error(`a check worker stopped with code ${code}`))));
  });
}

/** In a worker started by `checkInParallel`: check the chunk and send the outcomes back. */
export function serveWorkerIfAny(): boolean {
  if (isMainThread || !workerData?.postlintCheck) return false;
  const input = workerData.postlintCheck as WorkerInput;
  checkTargets(input.targets, input.options).then(
    (outcomes) => parentPort!.postMessage(outcomes),
    (error: unknown) => {
      throw error;
    },
  );
  return true;
}
