import type { FileReport, ReportMessage, UnverifiedMessage } from '../report';
import { escapedJson } from './escape';
import { renderAll, type ReportWriter } from './writer';

/**
 * ESLint's `json` formatter: the result array, nothing else, on one line (as
 * JSON.stringify writes it), its elements written as the reports come; parsed, the
 * text is as the posts wrote it.
 */
export function jsonWriter(): ReportWriter {
  let written = 0;
  return {
    start: () => '[',
    file: (report) => `${written++ === 0 ? '' : ','}${reportJson(report)}`,
    end: () => ']\n',
  };
}

/** The json report of reports at hand, as the CLI prints it. */
export function formatJson(reports: FileReport[]): string {
  return renderAll(jsonWriter(), reports);
}

/**
 * One report as JSON.stringify writes it (keys in the order the report has them), with
 * `safeJson`'s escapes, less a message's `detail` (there when SARIF is written too:
 * Postlint's own, not ESLint's).
 *
 * Written field by field rather than by JSON.stringify: a cached run is mostly writing
 * this report, and on the 6,800-post benchmark this took half the time. Every field of
 * `FileReport` and `ReportMessage` is written here; `json.test.ts` compares the two
 * ways on generated reports.
 */
export function reportJson(report: FileReport): string {
  // Its strings are written as JSON.stringify writes them, and escaped all at once: one
  // search of the report's text rather than one of each string.
  let text =
    `{"filePath":${JSON.stringify(report.filePath)},"messages":[${list(report.messages, messageJson)}],"suppressedMessages":[],` +
    `"errorCount":${report.errorCount},"fatalErrorCount":${report.fatalErrorCount},"warningCount":${report.warningCount},` +
    `"fixableErrorCount":${report.fixableErrorCount},"fixableWarningCount":${report.fixableWarningCount},"usedDeprecatedRules":[]`;
  if (report.unverified !== undefined) text += `,"unverified":[${list(report.unverified, unverifiedJson)}]`;
  if (report.output !== undefined) text += `,"output":${JSON.stringify(report.output)}`;
  return escapedJson(`${text}}`);
}

function list<T>(items: readonly T[], json: (item: T) => string): string {
  let text = '';
  for (let index = 0; index < items.length; index++) text += index === 0 ? json(items[index]) : `,${json(items[index])}`;
  return text;
}

/** A message, `fatal` after the rule as ESLint writes it (`tooLargeReport`). */
function messageJson(message: ReportMessage): string {
  const ruleId = message.ruleId === null ? 'null' : JSON.stringify(message.ruleId);
  const fatal = message.fatal === true ? ',"fatal":true' : '';
  let text = `{"ruleId":${ruleId}${fatal},"severity":${message.severity},"message":${JSON.stringify(message.message)},"line":${message.line},"column":${message.column}`;
  if (message.endLine !== undefined) text += `,"endLine":${message.endLine}`;
  if (message.endColumn !== undefined) text += `,"endColumn":${message.endColumn}`;
  return `${text}}`;
}

function unverifiedJson(item: UnverifiedMessage): string {
  return (
    `{"ruleId":${JSON.stringify(item.ruleId)},"severity":"info","message":${JSON.stringify(item.message)},` +
    `"line":${item.line},"column":${item.column},"endLine":${item.endLine},"endColumn":${item.endColumn}}`
  );
}
