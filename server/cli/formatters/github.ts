import { relative, sep } from 'node:path';
import type { FileReport, ReportMessage } from '../report';
import { escapeText } from './escape';
import { renderAll, type ReportWriter } from './writer';

/**
 * GitHub Actions workflow commands: each finding becomes an annotation on its file
 * and lines in the pull request. One command per line; everything in it that a post
 * wrote is escaped as the runner unescapes it, so that a message can neither end its
 * line (and start a command of its own) nor end its field (and set another property).
 * `root` is the folder GitHub resolves `file` from: the workspace, the repository's root.
 */
export function githubWriter(options: { root: string }): ReportWriter {
  return {
    start: () => '',
    file(report) {
      const file = relative(options.root, report.filePath).split(sep).join('/') || report.filePath;
      return report.messages.map((message) => `${command(file, message)}\n`).join('');
    },
    end: () => '',
  };
}

/** The github report of reports at hand. */
export function formatGithub(reports: FileReport[], options: { root: string }): string {
  return renderAll(githubWriter(options), reports);
}

function command(file: string, message: ReportMessage): string {
  const properties: [string, string | number | undefined][] = [
    ['file', file],
    ['line', message.line],
    ['col', message.column],
    ['endLine', message.endLine],
    ['endColumn', message.endColumn],
    // A message no rule made says the file was not checked at all.
    ['title', message.ruleId ?? 'postlint'],
  ];
  const list = properties.filter(([, value]) => value !== undefined).map(([name, value]) => `${name}=${escapeProperty(String(value))}`);
  return `::${message.severity === 2 ? 'error' : 'warning'} ${list.join(',')}::${escapeData(message.message)}`;
}

/**
 * The runner turns %25, %0D and %0A back into `%`, CR and LF, so a multi-line
 * message stays one annotation. What else could act on the log (ESC, the other
 * line breaks, bidi controls, `##[`) is shown as a visible escape (`escapeText`).
 */
export function escapeData(text: string): string {
  return escapeText(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** In a property, `:` would end the list of properties and `,` the property: both are escaped too. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
