import type { ExternalVerdict } from '../../engine/links/external';
import type { ExternalCheckEnvironment, ExternalCheckResult } from './check-external';

// What a run tells as it goes (onProgress) and at its end (the summary the CLI prints).

/** Counts by verdict kind, and the not-checked reasons with how many links each. */
export function summaryOf(verdicts: ReadonlyMap<string, ExternalVerdict>, fromCache: number): ExternalCheckResult['summary'] {
  const byKind: Record<ExternalVerdict['kind'], number> = { alive: 0, 'login-required': 0, dead: 0, redirected: 0, failing: 0, unknown: 0, 'not-checked': 0 };
  const notChecked: Record<string, number> = {};
  for (const verdict of verdicts.values()) {
    byKind[verdict.kind]++;
    if (verdict.kind === 'not-checked') notChecked[verdict.reason] = (notChecked[verdict.reason] ?? 0) + 1;
  }
  return { total: verdicts.size, fromCache, byKind, notChecked };
}

/** Counts finished URLs for `onProgress`; nothing when no one listens. */
export class Progress {
  private done = 0;
  private failures = 0;

  constructor(
    private readonly total: number,
    private readonly listener: ExternalCheckEnvironment['onProgress'],
  ) {}

  advance(done: number, failures: number): void {
    this.done += done;
    this.failures += failures;
    if (done > 0) this.listener?.({ done: this.done, total: this.total, failures: this.failures });
  }
}

