import { ConfigError } from '../engine/config';
import type { LanguageService } from '../engine/service';
import type { Workspace } from '../engine/types';
import { toFileReport, type FileReport } from './report';
import { resolveTargets } from './targets';

export interface CheckRun {
  reports: FileReport[];
  /** One line each: a file that could not be read, a broken config, nothing matched. */
  failures: string[];
}

/** Checks what the command line names, reading files through the same workspace the engine uses. */
export async function runCheck(service: LanguageService, workspace: Workspace, inputs: string[], cwd: string): Promise<CheckRun> {
  const failures: string[] = [];
  const reports: FileReport[] = [];
  let resolved;
  try {
    resolved = await resolveTargets(service, workspace, inputs, cwd);
  } catch (error) {
    if (error instanceof ConfigError) return { reports, failures: [configFailure(error)] };
    throw error;
  }
  for (const problem of resolved.problems) failures.push(`${problem.input}: ${problem.message}`);

  const seenConfigErrors = new Set<string>();
  for (const target of resolved.targets) {
    const text = await workspace.readFile(target.path);
    if (text === undefined) {
      failures.push(`${target.path}: the file cannot be read`);
      continue;
    }
    try {
      const result = await service.check(target.path, text, { asPost: target.explicit });
      if (result.isPost) reports.push(toFileReport(target.path, result.diagnostics));
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      const line = configFailure(error);
      if (!seenConfigErrors.has(line)) failures.push(line);
      seenConfigErrors.add(line);
    }
  }
  if (reports.length === 0 && failures.length === 0) failures.push(`${inputs.join(' ') || cwd}: no post matched`);
  return { reports, failures };
}

function configFailure(error: ConfigError): string {
  return `${error.file}: invalid configuration: ${error.detail}`;
}
