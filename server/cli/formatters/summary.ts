import { relativeInside } from '../../node/paths';
import { escapeText } from './escape';
import { painter } from './paint';
import { plural } from '../../engine/text/plural';
import type { RunEnd } from './writer';

/** A report written to a file, named in the summary. */
export interface WrittenReport {
  format: string;
  file: string;
}

/**
 * What the terminal shows when every report goes to a file: stylish's closing lines
 * (or that there was no problem), how many files were checked, and where each
 * report was written, so that a CI log still says how the run went.
 */
export function formatSummary(run: RunEnd, options: { color: boolean; cwd: string; written: WrittenReport[] }): string {
  const paint = painter(options.color);
  const lines = run.tally.closingLines(paint, run.notes);
  if (run.tally.errors + run.tally.warnings === 0) lines.unshift(paint('green', '\u2714 no problems'));
  const files = options.written.map(({ format, file }) => `${format} to ${escapeText(shown(file, options.cwd))}`);
  lines.push(`${plural(run.tally.files, 'file')} checked; ${plural(files.length, 'report')} written${files.length === 0 ? '' : `: ${files.join(', ')}`}`);
  return `${lines.join('\n')}\n`;
}

/** A file in the folder Postlint ran in by its relative path, any other by its absolute one. */
function shown(file: string, cwd: string): string {
  return relativeInside(cwd, file) || file;
}
