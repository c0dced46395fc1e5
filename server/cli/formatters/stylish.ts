import { relative } from 'node:path';
import type { FileReport } from '../report';
import { escapeLeadingPath, escapeText } from './escape';
import { painter } from './paint';

/** ESLint's `stylish` layout: a block per file, a summary line, what `--fix` could do. */
/** `notes`: lines said after the summary, such as what a baseline held: a quiet run is never taken for a clean site. */
export function formatStylish(reports: FileReport[], options: { color: boolean; cwd: string; notes?: string[] }): string {
  const paint = painter(options.color);
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  for (const report of reports) {
    errors += report.errorCount;
    warnings += report.warningCount;
    fixableErrors += report.fixableErrorCount;
    fixableWarnings += report.fixableWarningCount;
    if (report.messages.length === 0) continue;
    lines.push('', paint('underline', escapeLeadingPath(relative(options.cwd, report.filePath) || report.filePath)));
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
  }
  const total = errors + warnings;
  const notVerified = unverifiedLines(reports);
  notVerified.unshift(...(options.notes ?? []).map((note) => `\u2139 ${escapeText(note)}`));
  if (total === 0) return notVerified.length > 0 ? `${['', ...notVerified.map((line) => paint('dim', line))].join('\n')}\n` : '';
  lines.push('', paint(errors > 0 ? 'red' : 'yellow', `\u2716 ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`));
  if (fixableErrors + fixableWarnings > 0) {
    lines.push(
      paint(errors > 0 ? 'red' : 'yellow', `  ${plural(fixableErrors, 'error')} and ${plural(fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.`),
    );
  }
  lines.push(...notVerified.map((line) => paint('dim', line)));
  return `${lines.join('\n')}\n`;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** One line per reason something was not verified, with how many places it concerns: never a silent skip. */
function unverifiedLines(reports: FileReport[]): string[] {
  const counts = new Map<string, number>();
  for (const report of reports) {
    for (const { message } of report.unverified ?? []) counts.set(message, (counts.get(message) ?? 0) + 1);
  }
  return [...counts].map(([message, count]) => `\u2139 ${plural(count, 'link')} not verified: ${escapeText(message.replace(/^Not verified: /, '').replace(/\.$/, ''))}`);
}
