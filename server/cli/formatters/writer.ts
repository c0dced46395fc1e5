import type { FixPreview } from '../diff';
import type { FileReport } from '../report';
import { Tally } from './tally';

/** What is known once the last report has been written. */
export interface RunEnd {
  /** The counts of every report written (after `--quiet`). */
  tally: Tally;
  /** What kept the run from checking everything (exit 2), one line each. */
  failures: string[];
  /** What the run left out on purpose (`--baseline`, `--changed-since`), for the formats that say so. */
  notes: string[];
}

/**
 * A report format, written as the posts are checked: its opening, then each post's
 * part as its report arrives (in the order of the posts), then its closing, once the
 * run's counts and failures are known. A writer keeps no report, so a run over a
 * site of thousands of posts never holds them all.
 */
export interface ReportWriter {
  start(): string;
  file(report: FileReport, preview?: FixPreview): string;
  end(run: RunEnd): string;
}

/** A whole report from reports at hand: what a run streams, in one string (for the formatters' own tests). */
export function renderAll(writer: ReportWriter, reports: FileReport[], run: Partial<Omit<RunEnd, 'tally'>> = {}): string {
  const tally = new Tally();
  let text = writer.start();
  for (const report of reports) {
    tally.add(report);
    text += writer.file(report);
  }
  return text + writer.end({ tally, failures: run.failures ?? [], notes: run.notes ?? [] });
}
