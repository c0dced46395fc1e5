import { unverifiedReason, type FileReport } from '../report';
import { escapeText } from './escape';
import type { Paint } from './paint';
import { plural } from '../../engine/text/plural';
import { UnverifiedCounts } from '../../engine/unverified-counts';

/**
 * The counts of a run's reports, added up as they are written: what the exit code,
 * stylish's closing lines and the terminal's summary need, without the reports.
 */
export class Tally {
  files = 0;
  errors = 0;
  warnings = 0;
  private fixableErrors = 0;
  private fixableWarnings = 0;
  /** How many places were not verified, by what they are (`unverifiedKind`) and why. */
  private readonly unverified = new UnverifiedCounts();

  add(report: FileReport): void {
    this.files++;
    this.errors += report.errorCount;
    this.warnings += report.warningCount;
    this.fixableErrors += report.fixableErrorCount;
    this.fixableWarnings += report.fixableWarningCount;
    for (const message of report.unverified ?? []) this.unverified.add(message.ruleId, unverifiedReason(message));
  }

  /**
   * Stylish's closing lines: how many problems and how many `--fix` could fix (none
   * when there is no problem), then the notes (what a baseline held: a quiet run is
   * never taken for a clean site) and what was not verified.
   */
  closingLines(paint: Paint, notes: string[]): string[] {
    const info = [...notes.map((note) => `\u2139 ${escapeText(note)}`), ...this.unverifiedLines()].map((line) => paint('dim', line));
    const total = this.errors + this.warnings;
    if (total === 0) return info;
    const colour = this.errors > 0 ? 'red' : 'yellow';
    const lines = [paint(colour, `\u2716 ${plural(total, 'problem')} (${plural(this.errors, 'error')}, ${plural(this.warnings, 'warning')})`)];
    if (this.fixableErrors + this.fixableWarnings > 0) {
      lines.push(paint(colour, `  ${plural(this.fixableErrors, 'error')} and ${plural(this.fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.`));
    }
    return [...lines, ...info];
  }

  /** One line per reason something was not verified, with how many places it concerns: never a silent skip. */
  private unverifiedLines(): string[] {
    return this.unverified.lines().map((line) => `\u2139 ${escapeText(line)}`);
  }
}
