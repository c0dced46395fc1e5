import { lineBreakOf } from '../engine/fixes';
import { LineIndex } from '../engine/text/line-index';
import type { Diagnostic, Range, Unverified } from '../engine/types';
import { formatMegabytes, MEGABYTE } from '../node/node-workspace';
import { findingText } from './baseline';

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
  /**
   * What the rules could not check in this file, and why (links into pages not on disk
   * here): information, not problems, so never counted. Left out when there is none.
   */
  unverified?: UnverifiedMessage[];
}

export interface UnverifiedMessage {
  ruleId: string;
  severity: 'info';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * A problem found by a rule; or, as ESLint reports a file it could not parse, a
 * problem that kept the file from being checked at all: no rule (`ruleId: null`),
 * `fatal: true`, an error at 1:1 with no end.
 */
export interface ReportMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fatal?: true;
  /**
   * Only when a format that needs it was asked for (SARIF), and never written by the
   * json formatter: it rides on the message so that `--quiet` and the baseline, which
   * drop messages, drop it along.
   */
  detail?: MessageDetail;
}

/** What SARIF says of a finding beyond ESLint's shape, taken from the post's text while it is at hand. */
export interface MessageDetail {
  /** What the finding is on (`findingText`): its fingerprint, which an edit elsewhere in the post leaves as it was. */
  text: string;
  /** The safe fixes, which `--fix` would apply. */
  fixes: { title: string; edits: ReportEdit[] }[];
}

/** A fix's edit: the range it replaces, numbered as messages are (1-based, end one past the last character). */
export interface ReportEdit {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  newText: string;
}

/**
 * A copy of `text` that shares no memory with the post: a message quoting part of
 * the post would otherwise keep the post's whole text alive as long as the report.
 */
function detached(text: string): string {
  return (' ' + text).slice(1);
}

function emptyReport(filePath: string): FileReport {
  return {
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
}

/** The report of a file that was not checked because it is larger than the limit: one fatal error, which fails the run. */
export function tooLargeReport(filePath: string, size: number, maxFileSize: number): FileReport {
  const needed = Math.ceil(size / MEGABYTE);
  const message =
    `File not checked: it is ${size} bytes, over the ${formatMegabytes(maxFileSize)} MB limit on the files Postlint reads. ` +
    `To check it, raise the limit: --max-file-size ${needed}`;
  return {
    ...emptyReport(filePath),
    messages: [{ ruleId: null, fatal: true, severity: 2, message, line: 1, column: 1 }],
    errorCount: 1,
    fatalErrorCount: 1,
  };
}

/**
 * Lines and columns become 1-based; columns stay UTF-16 code units, as in LSP. With
 * the post's `text`, each message also gets its `detail`.
 */
export function toFileReport(filePath: string, diagnostics: Diagnostic[], unverified: Unverified[] = [], text?: string): FileReport {
  const report = emptyReport(filePath);
  if (unverified.length > 0) report.unverified = unverified.map(unverifiedMessage);
  const lines = text === undefined ? undefined : new LineIndex(text);
  for (const diagnostic of diagnostics) {
    const isError = diagnostic.severity === 'error';
    const fixable = diagnostic.fixes.some((fix) => fix.safe);
    const message: ReportMessage = {
      // A diagnostic no rule made (a body the parser failed on) has no rule, which ESLint writes as null.
      ruleId: diagnostic.ruleId === '' ? null : diagnostic.ruleId,
      severity: isError ? 2 : 1,
      message: detached(diagnostic.message),
      ...reportRange(diagnostic.range),
    };
    if (lines) message.detail = messageDetail(lines, diagnostic);
    report.messages.push(message);
    if (isError) report.errorCount++;
    else report.warningCount++;
    if (fixable && isError) report.fixableErrorCount++;
    if (fixable && !isError) report.fixableWarningCount++;
  }
  return report;
}

function reportRange({ start, end }: Range): { line: number; column: number; endLine: number; endColumn: number } {
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

/** The safe fixes in the engine's order (the first is the one `--fix` applies), their line breaks the file's, as `--fix` writes them. */
function messageDetail(lines: LineIndex, diagnostic: Diagnostic): MessageDetail {
  const eol = lineBreakOf(lines.text);
  const fixes = diagnostic.fixes
    .filter((fix) => fix.safe)
    .map((fix) => ({ title: detached(fix.title), edits: fix.edits.map((edit) => ({ ...reportRange(edit.range), newText: detached(edit.newText.replace(/\r?\n/g, eol)) })) }));
  return { text: detached(findingText(lines, diagnostic)), fixes };
}

function unverifiedMessage({ ruleId, range, reason }: Unverified): UnverifiedMessage {
  return { ruleId, severity: 'info', message: detached(`${UNVERIFIED_PREFIX}${reason}.`), ...reportRange(range) };
}

const UNVERIFIED_PREFIX = 'Not verified: ';

/** The reason an unverified message gives, as `unverifiedMessage` wrote it in: for the summary lines that count reasons. */
export function unverifiedReason(message: UnverifiedMessage): string {
  const text = message.message.startsWith(UNVERIFIED_PREFIX) ? message.message.slice(UNVERIFIED_PREFIX.length) : message.message;
  return text.endsWith('.') ? text.slice(0, -1) : text;
}

/** `--quiet`: errors only, with the counts to match. */
export function errorsOnly(report: FileReport): FileReport {
  return { ...report, messages: report.messages.filter((message) => message.severity === 2), warningCount: 0, fixableWarningCount: 0 };
}
