import { relative, sep } from 'node:path';
import { INTERNAL_ERROR } from '../../engine/run-rules';
import type { FileReport, ReportMessage } from '../report';
import { renderAll, type ReportWriter } from './writer';

/**
 * JUnit XML, as Jenkins reads it (its junit-10 schema) and GitLab, Azure DevOps and
 * most CI systems after it: a test suite per file, a failing test case per finding
 * (an `<error>` where Postlint could not check, a `<failure>` for the rest) and one
 * passing test case for a file with none, so that every checked file is counted.
 * Each suite is written as its file's report comes; the root element carries no
 * totals (the schema makes them optional), as they are known only at the end.
 */
export function junitWriter(options: { cwd: string }): ReportWriter {
  return {
    start: () => '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="postlint">\n',
    file: (report) => suite(report, options.cwd),
    end: () => '</testsuites>\n',
  };
}

/** The JUnit report of reports at hand. */
export function formatJunit(reports: FileReport[], options: { cwd: string }): string {
  return renderAll(junitWriter(options), reports);
}

function suite(report: FileReport, cwd: string): string {
  const path = relative(cwd, report.filePath).split(sep).join('/') || report.filePath;
  const cases = report.messages.length === 0 ? [passingCase(path)] : report.messages.map((message) => failingCase(path, message));
  const errors = report.messages.filter(isError).length;
  const failures = report.messages.length - errors;
  const head = `  <testsuite name=${attribute(path)} tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="0" time="0" file=${attribute(path)}>`;
  return `${[head, ...cases, '  </testsuite>'].join('\n')}\n`;
}

/** JUnit's `<error>`: the test could not run. Here, Postlint could not check (part of) the file. */
function isError(message: ReportMessage): boolean {
  return message.fatal === true || message.ruleId === INTERNAL_ERROR;
}

function passingCase(path: string): string {
  return `    <testcase name="no problems" classname=${attribute(path)} time="0"/>`;
}

function failingCase(path: string, message: ReportMessage): string {
  const rule = message.ruleId ?? 'file-not-checked';
  const severity = message.severity === 2 ? 'error' : 'warning';
  const element = isError(message) ? 'error' : 'failure';
  const body = `${path}:${message.line}:${message.column}: ${severity}: ${message.message} (${rule})`;
  return [
    `    <testcase name=${attribute(`${rule} at ${message.line}:${message.column}`)} classname=${attribute(path)} time="0">`,
    `      <${element} message=${attribute(message.message)} type=${attribute(severity)}>${text(body)}</${element}>`,
    '    </testcase>',
  ].join('\n');
}

/**
 * Characters XML 1.0 allows nowhere, not even escaped: C0 controls but tab, LF and
 * CR, half surrogate pairs, U+FFFE and U+FFFF. A parser stops at the first one, so
 * they are dropped; a post's text may hold any of them.
 */
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Element content: markup escaped, and CR kept (a parser would turn CR LF into LF). */
function text(value: string): string {
  return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/**
 * A quoted attribute value. Tab, LF and CR are written as references, which a
 * parser keeps; raw, it would turn each into a space.
 */
function attribute(value: string): string {
  return `"${text(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;')}"`;
}
