import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { ConfigError } from '../engine/config';
import { createLanguageService, type LanguageService } from '../engine/service';
import { NodeWorkspace } from './node-workspace';
import { toFileReport, type FileReport } from './report';
import type { Target } from './targets';

/** Below this many files, starting workers costs more than it saves. */
const MIN_FILES_PER_WORKER = 48;

export interface TargetOutcome {
  report?: FileReport;
  failure?: string;
}

interface WorkerInput {
  targets: Target[];
  configFile?: string;
}

/** Checks targets one by one: what a worker thread runs (with an engine of its own), and the single-thread path. */
export async function checkTargets(
  targets: Target[],
  configFile: string | undefined,
  service: LanguageService = createLanguageService({ workspace: new NodeWorkspace(), configFile }),
): Promise<TargetOutcome[]> {
  const workspace = new NodeWorkspace();
  const outcomes: TargetOutcome[] = [];
  for (const target of targets) {
    const text = await workspace.readFile(target.path);
    if (text === undefined) {
      outcomes.push({ failure: `${target.path}: the file cannot be read` });
      continue;
    }
    try {
      const result = await service.check(target.path, text, { asPost: target.explicit });
      outcomes.push(result.isPost ? { report: toFileReport(target.path, result.diagnostics) } : {});
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      outcomes.push({ failure: error.oneLine() });
    }
  }
  return outcomes;
}

/**
 * Spreads the files over worker threads, one per core, each with its own engine.
 * The engine is pure, so the results are the same as on one thread; they come
 * back in the order of `targets`.
 */
export async function checkInParallel(
  targets: Target[],
  configFile: string | undefined,
  entryFile: string,
  service: LanguageService,
): Promise<TargetOutcome[]> {
  const workers = Math.min(availableParallelism(), Math.floor(targets.length / MIN_FILES_PER_WORKER));
  if (workers < 2) return checkTargets(targets, configFile, service);
  const size = Math.ceil(targets.length / workers);
  const chunks = Array.from({ length: workers }, (_, index) => targets.slice(index * size, (index + 1) * size));
  const results = await Promise.all(chunks.map((chunk) => runWorker(entryFile, { targets: chunk, configFile })));
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
  checkTargets(input.targets, input.configFile).then(
    (outcomes) => parentPort!.postMessage(outcomes),
    (error: unknown) => {
      throw error;
    },
  );
  return true;
}
