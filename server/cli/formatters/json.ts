import type { FileReport } from '../report';
import { safeJson } from './escape';
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
    file: (report) => `${written++ === 0 ? '' : ','}${safeJson(eslintShape(report))}`,
    end: () => ']\n',
  };
}

/** The json report of reports at hand, as the CLI prints it. */
export function formatJson(reports: FileReport[]): string {
  return renderAll(jsonWriter(), reports);
}

/** The report as ESLint writes it: a message's `detail` (there when SARIF is written too) is Postlint's own. */
function eslintShape(report: FileReport): FileReport {
  if (!report.messages.some((message) => message.detail)) return report;
  return { ...report, messages: report.messages.map(({ detail: _detail, ...message }) => message) };
}
