import { ConfigError } from '../engine/config/config';
import type { LanguageService } from '../engine/language-service';
import type { Workspace } from '../engine/types';
import { checkInParallel, EarlyWorkers } from './parallel';
import type { FixPreview } from './diff';
import type { FileReport } from './report';
import type { Baseline, BaselineEntry } from './baseline';
import { resolveTargets } from './targets';

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
}

/** Checks what the command line names: posts found by the main thread, checked by workers. */
export async function runCheck(
  service: LanguageService,
  workspace: Workspace,
  inputs: string[],
  cwd: string,
  { entryFile, ...options }: CheckRunOptions,
): Promise<CheckRun> {
  const failures: string[] = [];
  const reports: FileReport[] = [];
  const previews: FixPreview[] = [];
  const run: CheckRun = { reports, failures, previews, baselined: 0, baselineEntries: [] };
  // Worker threads start loading as soon as the files found are enough to share.
  const early = new EarlyWorkers(entryFile);
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
  for (const outcome of await checkInParallel(resolved.targets, options, entryFile, service, early)) {
    if (outcome.report) reports.push(outcome.report);
    if (outcome.preview) previews.push(outcome.preview);
    run.baselined += outcome.hidden ?? 0;
    if (outcome.baselineEntries) run.baselineEntries.push(...outcome.baselineEntries);
    // A broken config file is said once, not once per post under it.
    if (outcome.failure && !seen.has(outcome.failure)) failures.push(outcome.failure);
    if (outcome.failure) seen.add(outcome.failure);
  }
  if (reports.length === 0 && failures.length === 0) {
    // With nothing named, the site's own choice of posts found none: say where it looked.
    const hint = inputs.length === 0 ? ': the preset found none where it looks for posts; name a folder, or say which files are posts with `posts` in .postlintrc.json' : '';
    failures.push(`${inputs.join(' ') || cwd}: no post matched${hint}`);
  }
  return run;
}
