import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatJson } from '../../server/cli/formatters/json';
import { formatStylish } from '../../server/cli/formatters/stylish';
import { errorsOnly, tooLargeReport, toFileReport } from '../../server/cli/report';
import type { Diagnostic } from '../../server/engine/types';

/** An engine diagnostic (0-based lines and UTF-16 columns, end exclusive) over the given range. */
function diagnostic(ruleId: string, severity: 'error' | 'warning', start: [number, number], end: [number, number], safeFix = false): Diagnostic {
  return {
    ruleId,
    severity,
    message: `${ruleId} says so.`,
    range: { start: { line: start[0], character: start[1] }, end: { line: end[0], character: end[1] } },
    docsUrl: `https://example.org/rules/${ruleId}`,
    fixes: safeFix ? [{ title: 'Fix it', edits: [], safe: true }] : [],
  };
}

/**
 * Ranges whose end differs from their start in line, in column, or both: a range over
 * three lines, one that ends at the very start of a later line, and one on a single line.
 */
const MULTI_LINE = [
  diagnostic('link-descriptive-text', 'warning', [2, 4], [5, 7]),
  diagnostic('frontmatter-schema', 'error', [0, 0], [3, 0], true),
  diagnostic('author-unknown', 'error', [9, 8], [9, 16]),
];

test('report: 1-based line and column for both ends of a range, endLine from the end, endColumn on the end line', () => {
  const report = toFileReport('/site/content/blog/p.md', MULTI_LINE);
  assert.deepEqual(
    report.messages.map(({ line, column, endLine, endColumn }) => ({ line, column, endLine, endColumn })),
    [
      { line: 3, column: 5, endLine: 6, endColumn: 8 },
      { line: 1, column: 1, endLine: 4, endColumn: 1 },
      { line: 10, column: 9, endLine: 10, endColumn: 17 },
    ],
  );
});

test('json formatter: multi-line ranges are written with their own end line and end column', () => {
  const text = formatJson([toFileReport('/site/content/blog/p.md', MULTI_LINE)]);
  assert.equal(
    text,
    '[{"filePath":"/site/content/blog/p.md","messages":[' +
      '{"ruleId":"link-descriptive-text","severity":1,"message":"link-descriptive-text says so.","line":3,"column":5,"endLine":6,"endColumn":8},' +
      '{"ruleId":"frontmatter-schema","severity":2,"message":"frontmatter-schema says so.","line":1,"column":1,"endLine":4,"endColumn":1},' +
      '{"ruleId":"author-unknown","severity":2,"message":"author-unknown says so.","line":10,"column":9,"endLine":10,"endColumn":17}],' +
      '"suppressedMessages":[],"errorCount":2,"fatalErrorCount":0,"warningCount":1,"fixableErrorCount":1,"fixableWarningCount":0,"usedDeprecatedRules":[]}]\n',
  );
});

test('stylish formatter: a multi-line range is shown at its start, as ESLint shows it', () => {
  const text = formatStylish([toFileReport('/site/content/blog/p.md', MULTI_LINE)], { color: false, cwd: '/site' });
  assert.equal(
    text,
    [
      '',
      'content/blog/p.md',
      '  3:5   warning  link-descriptive-text says so.  link-descriptive-text',
      '  1:1   error    frontmatter-schema says so.  frontmatter-schema',
      '  10:9  error    author-unknown says so.  author-unknown',
      '',
      '\u2716 3 problems (2 errors, 1 warning)',
      '  1 error and 0 warnings potentially fixable with the `--fix` option.',
      '',
    ].join('\n'),
  );
});

test('report: errors and warnings, and those with a safe fix, are counted apart', () => {
  const report = toFileReport('/site/p.md', [
    diagnostic('link-insecure', 'warning', [0, 0], [0, 4], true),
    diagnostic('link-bare-url', 'warning', [1, 0], [1, 4], true),
    diagnostic('link-descriptive-text', 'warning', [2, 0], [2, 4]),
    diagnostic('text-mojibake', 'error', [3, 0], [3, 4], true),
    diagnostic('author-unknown', 'error', [4, 0], [4, 4]),
  ]);
  const { errorCount, warningCount, fixableErrorCount, fixableWarningCount, fatalErrorCount } = report;
  assert.deepEqual({ errorCount, warningCount, fixableErrorCount, fixableWarningCount, fatalErrorCount }, { errorCount: 2, warningCount: 3, fixableErrorCount: 1, fixableWarningCount: 2, fatalErrorCount: 0 });
});

test('report --quiet: the errors only, and no warning counted', () => {
  const report = toFileReport('/site/p.md', [diagnostic('link-insecure', 'warning', [0, 0], [0, 4], true), ...MULTI_LINE]);
  const quiet = errorsOnly(report);
  assert.deepEqual(quiet.messages.map((message) => message.ruleId), ['frontmatter-schema', 'author-unknown']);
  assert.deepEqual([quiet.errorCount, quiet.warningCount, quiet.fixableErrorCount, quiet.fixableWarningCount], [2, 0, 1, 0]);
  assert.equal(quiet.filePath, '/site/p.md');
  assert.equal(report.messages.length, 4, 'the full report is left as it was');
});

test('report: a diagnostic no rule made has no rule (ruleId null, as ESLint writes it), and still counts as an error', () => {
  const report = toFileReport('/site/p.md', [{ ...diagnostic('', 'error', [4, 0], [4, 0]), docsUrl: '' }]);
  assert.deepEqual(report.messages, [{ ruleId: null, severity: 2, message: ' says so.', line: 5, column: 1, endLine: 5, endColumn: 1 }]);
  assert.equal(report.errorCount, 1);
});

test('report of a file over the size limit: one fatal error at 1:1 with no rule, naming the option that lets it be read', () => {
  assert.deepEqual(tooLargeReport('/site/big.md', 15_000_000, 10 * 1024 * 1024), {
    filePath: '/site/big.md',
    messages: [
      {
        ruleId: null,
        fatal: true,
        severity: 2,
        message: 'File not checked: it is 15000000 bytes, over the 10 MB limit on the files Postlint reads. To check it, raise the limit: --max-file-size 15',
        line: 1,
        column: 1,
      },
    ],
    suppressedMessages: [],
    errorCount: 1,
    fatalErrorCount: 1,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  });
});

/** ANSI SGR sequences, written out: what a terminal receives for each style. */
const ANSI = {
  underline: (text: string) => `\u001b[4m${text}\u001b[24m`,
  dim: (text: string) => `\u001b[2m${text}\u001b[22m`,
  red: (text: string) => `\u001b[31m${text}\u001b[39m`,
  yellow: (text: string) => `\u001b[33m${text}\u001b[39m`,
};

test('stylish formatter with color: file underlined, positions and rules dim, errors red, warnings yellow, even when stdout is no terminal', () => {
  const report = toFileReport('/site/content/blog/p.md', [
    diagnostic('link-insecure', 'warning', [0, 0], [0, 4], true),
    diagnostic('author-unknown', 'error', [9, 8], [9, 16]),
  ]);
  assert.equal(
    formatStylish([report], { color: true, cwd: '/site' }),
    [
      '',
      ANSI.underline('content/blog/p.md'),
      `  ${ANSI.dim('1:1 ')}  ${ANSI.yellow('warning')}  link-insecure says so.  ${ANSI.dim('link-insecure')}`,
      `  ${ANSI.dim('10:9')}  ${ANSI.red('error  ')}  author-unknown says so.  ${ANSI.dim('author-unknown')}`,
      '',
      ANSI.red('\u2716 2 problems (1 error, 1 warning)'),
      ANSI.red('  0 errors and 1 warning potentially fixable with the `--fix` option.'),
      '',
    ].join('\n'),
  );
});

test('stylish formatter: warnings alone make a yellow summary; fixable warnings of every file are added up', () => {
  const first = toFileReport('/site/a.md', [diagnostic('link-insecure', 'warning', [0, 0], [0, 4], true)]);
  const second = toFileReport('/site/b.md', [diagnostic('link-bare-url', 'warning', [2, 0], [2, 4], true)]);
  const text = formatStylish([first, toFileReport('/site/clean.md', []), second], { color: true, cwd: '/site' });
  const lines = text.split('\n');
  assert.deepEqual(lines.slice(-4), [
    '',
    ANSI.yellow('\u2716 2 problems (0 errors, 2 warnings)'),
    ANSI.yellow('  0 errors and 2 warnings potentially fixable with the `--fix` option.'),
    '',
  ]);
  assert.deepEqual(
    lines.filter((line) => line.startsWith('\u001b[4m')),
    [ANSI.underline('a.md'), ANSI.underline('b.md')],
    'a file with no problem gets no header',
  );
});

test('stylish formatter: nothing at all when no file has a problem', () => {
  assert.equal(formatStylish([toFileReport('/site/a.md', []), toFileReport('/site/b.md', [])], { color: true, cwd: '/site' }), '');
});

test('stylish formatter: a fatal message has no rule name after it', () => {
  const text = formatStylish([tooLargeReport('/site/big.md', 11 * 1024 * 1024, 10 * 1024 * 1024)], { color: false, cwd: '/site' });
  assert.equal(
    text,
    [
      '',
      'big.md',
      '  1:1  error  File not checked: it is 11534336 bytes, over the 10 MB limit on the files Postlint reads. To check it, raise the limit: --max-file-size 11',
      '',
      '\u2716 1 problem (1 error, 0 warnings)',
      '',
    ].join('\n'),
  );
});

const NOT_ON_DISK = 'mounted from “tmp/charts”, which is not on disk';
const unverified = (line: number, reason = NOT_ON_DISK) => ({
  ruleId: 'link-broken-local',
  range: { start: { line, character: 4 }, end: { line, character: 20 } },
  reason,
});

test('report: what was not verified is information, apart from the messages and never counted; left out when there is none', () => {
  const report = toFileReport('/site/content/blog/p.md', [diagnostic('author-unknown', 'error', [1, 0], [1, 5])], [unverified(6)]);
  assert.deepEqual(report.unverified, [
    { ruleId: 'link-broken-local', severity: 'info', message: `Not verified: ${NOT_ON_DISK}.`, line: 7, column: 5, endLine: 7, endColumn: 21 },
  ]);
  assert.equal(report.messages.length, 1);
  assert.equal(report.errorCount + report.warningCount, 1);
  assert.equal('unverified' in toFileReport('/site/content/blog/q.md', []), false, 'the JSON output is unchanged where all was verified');
});

test('stylish formatter: one line per reason something was not verified, counted over every file, even with no problem', () => {
  const first = toFileReport('/site/a.md', [], [unverified(1), unverified(2), unverified(3, 'the site writes its `_redirects` at build time')]);
  const second = toFileReport('/site/b.md', [], [unverified(4)]);
  assert.equal(
    formatStylish([first, second], { color: false, cwd: '/site' }),
    ['', `\u2139 3 links not verified: ${NOT_ON_DISK}`, '\u2139 1 link not verified: the site writes its `_redirects` at build time', ''].join('\n'),
  );
  const withProblem = toFileReport('/site/c.md', [diagnostic('author-unknown', 'error', [0, 0], [0, 3])], [unverified(5)]);
  const lines = formatStylish([withProblem], { color: false, cwd: '/site' }).trimEnd().split('\n');
  assert.deepEqual(lines.slice(-2), ['\u2716 1 problem (1 error, 0 warnings)', `\u2139 1 link not verified: ${NOT_ON_DISK}`]);
});

test('stylish formatter: unverified shortcodes and front matter blocks are counted as what they are, apart from links with the same reason', () => {
  const shortcode = (line: number) => ({ ...unverified(line, 'the theme is elsewhere'), ruleId: 'shortcode-unknown' });
  const orgBlock = { ...unverified(0, 'it is Org-mode'), ruleId: 'frontmatter-syntax' };
  const report = toFileReport('/site/a.md', [], [shortcode(1), shortcode(2), unverified(3, 'the theme is elsewhere'), orgBlock]);
  assert.equal(
    formatStylish([report], { color: false, cwd: '/site' }),
    ['', '\u2139 2 shortcodes not verified: the theme is elsewhere', '\u2139 1 link not verified: the theme is elsewhere', '\u2139 1 front matter block not verified: it is Org-mode', ''].join('\n'),
  );
});
