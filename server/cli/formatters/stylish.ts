import { relative } from 'node:path';
import { formatPreviews, type FixPreview } from '../diff';
import type { FileReport } from '../report';
import { escapeLeadingPath, escapeText } from './escape';
import { painter, type Paint } from './paint';
import { renderAll, type ReportWriter } from './writer';

export interface StylishOptions {
  color: boolean;
  cwd: string;
  /**
   * `--fix-dry-run`: the output starts with what the fixes would change. Each file's
   * change is written as it comes; its problems (lines, not posts) wait for the last.
   */
  previews?: boolean;
}

/** ESLint's `stylish` layout: a block per file, a summary line, what `--fix` could do; notes (`RunEnd`) last. */
export function stylishWriter(options: StylishOptions): ReportWriter {
  const paint = painter(options.color);
  const held: string[] = [];
  return {
    start: () => '',
    file(report: FileReport, preview?: FixPreview) {
      const block = fileBlock(report, paint, options.cwd);
      if (!options.previews) return block;
      held.push(block);
      return preview ? formatPreviews([preview], options) : '';
    },
    end({ tally, notes }) {
      const closing = tally.closingLines(paint, notes);
      return held.join('') + (closing.length === 0 ? '' : `\n${closing.join('\n')}\n`);
    },
  };
}

/** The stylish report of reports at hand. */
export function formatStylish(reports: FileReport[], options: { color: boolean; cwd: string; notes?: string[] }): string {
  return renderAll(stylishWriter(options), reports, { notes: options.notes });
}

/** A file's block: a blank line, its name, a row per message with its columns aligned; nothing for a clean file. */
function fileBlock(report: FileReport, paint: Paint, cwd: string): string {
  if (report.messages.length === 0) return '';
  const lines = ['', paint('underline', escapeLeadingPath(relative(cwd, report.filePath) || report.filePath))];
  const rows = report.messages.map((message) => [
    `${message.line}:${message.column}`,
    message.severity === 2 ? 'error' : 'warning',
    escapeText(message.message),
    // A fatal message (the file was not checked) has no rule to name.
    escapeText(message.ruleId ?? ''),
  ]);
  const width = (column: number) => Math.max(...rows.map((row) => row[column].length));
  const positionWidth = width(0);
  const severityWidth = width(1);
  for (const [position, severity, message, ruleId] of rows) {
    const severityText = severity.padEnd(severityWidth);
    lines.push(
      `  ${paint('dim', position.padEnd(positionWidth))}  ${paint(severity === 'error' ? 'red' : 'yellow', severityText)}  ${message}${ruleId ? `  ${paint('dim', ruleId)}` : ''}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
