import type { Diagnostic } from '../engine/types';

/** One checked file in ESLint's result shape, which CI tools already read. */
export interface FileReport {
  filePath: string;
  messages: ReportMessage[];
  suppressedMessages: never[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  usedDeprecatedRules: never[];
  /** With `--fix` or `--fix-dry-run`, on a file the fixes change: its fixed text, as ESLint gives it. */
  output?: string;
}

export interface ReportMessage {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * A copy of `text` that shares no memory with the post: a message quoting part of
 * the post would otherwise keep the post's whole text alive as long as the report.
 */
function detached(text: string): string {
  return (' ' + text).slice(1);
}

/** Lines and columns become 1-based; columns stay UTF-16 code units, as in LSP. */
export function toFileReport(filePath: string, diagnostics: Diagnostic[]): FileReport {
  const report: FileReport = {
    filePath,
    messages: [],
    suppressedMessages: [],
    errorCount: 0,
    fatalErrorCount: 0,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
  for (const diagnostic of diagnostics) {
    const isError = diagnostic.severity === 'error';
    const fixable = diagnostic.fixes.some((fix) => fix.safe);
    report.messages.push({
      ruleId: diagnostic.ruleId,
      severity: isError ? 2 : 1,
      message: detached(diagnostic.message),
      line: diagnostic.range.start.line + 1,
      column: diagnostic.range.start.character + 1,
      endLine: diagnostic.range.end.line + 1,
      endColumn: diagnostic.range.end.character + 1,
    });
    if (isError) report.errorCount++;
    else report.warningCount++;
    if (fixable && isError) report.fixableErrorCount++;
    if (fixable && !isError) report.fixableWarningCount++;
  }
  return report;
}

/** `--quiet`: errors only, with the counts to match. */
export function errorsOnly(report: FileReport): FileReport {
  return { ...report, messages: report.messages.filter((message) => message.severity === 2), warningCount: 0, fixableWarningCount: 0 };
}
