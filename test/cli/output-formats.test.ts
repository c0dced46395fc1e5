import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Log } from 'sarif';
import { formatJson } from '../../server/cli/formatters/json';
import { toFileReport } from '../../server/cli/report';
import { runCli } from '../helpers/cli';
import { diskSites } from '../helpers/disk-site';
import { EVERY_RULE_SITE } from '../helpers/every-rule-site';

const sites = diskSites('postlint-outputs-');
const EVERY = sites.site('every-rule', EVERY_RULE_SITE);
/** The site's posts but the two whose findings are not a rule's (too large, not parsed): quicker, and the same for these tests. */
const POSTS = ['content/blog/2024-05-01-lamp-room.md', 'content/blog/welcome-gull-labs.md', 'content/blog/plain.md', 'content/blog/broken.md'];
/** Stylish's closing lines for POSTS. */
const SUMMARY = ['\u2716 30 problems (14 errors, 16 warnings)', '  2 errors and 5 warnings potentially fixable with the `--fix` option.'];

test('--format json with a SARIF file: stdout is exactly --format json alone', async () => {
  const alone = await runCli(['check', ...POSTS, '--format', 'json'], EVERY);
  const both = await runCli(['check', ...POSTS, '--format', 'json', '--format', 'sarif:out/postlint.sarif'], EVERY);
  assert.equal(both.stdout, alone.stdout);
  assert.equal(both.stderr, '');
  assert.equal(both.code, alone.code);
  const log = JSON.parse(readFileSync(join(EVERY, 'out/postlint.sarif'), 'utf8')) as Log;
  assert.equal(log.runs[0].results!.length, 30, 'the folder is made, and the report written whole');
});

test('json formatter: a message\u2019s detail (there when SARIF is asked for too) is never written', () => {
  const diagnostic = { ruleId: 'link-insecure', severity: 'warning' as const, message: 'm', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, docsUrl: '', fixes: [] };
  const withDetail = toFileReport('/site/p.md', [diagnostic], [], 'x\n');
  assert.deepEqual(withDetail.messages[0].detail, { text: 'x', fixes: [] });
  assert.equal(formatJson([withDetail]), formatJson([toFileReport('/site/p.md', [diagnostic])]));
});

test('every format to a file: the terminal gets the summary, and where each report went', async () => {
  const { stdout, stderr, code } = await runCli(['check', ...POSTS, '--format', 'sarif:postlint.sarif', '--format', 'junit:reports/junit.xml', '--format', 'github:gh.txt'], EVERY);
  assert.equal(code, 1);
  assert.equal(stderr, '');
  assert.equal(stdout, [...SUMMARY, '4 files checked; 3 reports written: sarif to postlint.sarif, junit to reports/junit.xml, github to gh.txt', ''].join('\n'));
  for (const file of ['postlint.sarif', 'reports/junit.xml', 'gh.txt']) assert.ok(existsSync(join(EVERY, file)), file);
});

test('--output-file: the report (stylish by default, never coloured) goes to the file, the summary to the terminal', async () => {
  const stylish = await runCli(['check', ...POSTS, '--no-color'], EVERY);
  assert.ok(stylish.stdout.endsWith(`\n${SUMMARY.join('\n')}\n`));
  const { stdout, code } = await runCli(['check', ...POSTS, '--color', '--output-file', 'report.txt'], EVERY);
  assert.equal(code, 1);
  assert.equal(readFileSync(join(EVERY, 'report.txt'), 'utf8'), stylish.stdout);
  assert.match(stdout, /4 files checked; 1 report written: stylish to report\.txt\n$/);
  assert.match(stdout, /\u001b\[31m/, 'the summary itself is coloured as asked');
});

test('--format sarif --output-file FILE: the file of the format given without one, as ESLint has it; -o is the same', async () => {
  const { stdout } = await runCli(['check', POSTS[0], '--format', 'sarif', '-o', 'eslint-style.sarif'], EVERY);
  assert.match(stdout, /1 report written: sarif to eslint-style\.sarif\n$/);
  assert.equal((JSON.parse(readFileSync(join(EVERY, 'eslint-style.sarif'), 'utf8')) as Log).version, '2.1.0');
});

test('stylish with a JUnit file: stylish on stdout as ever, the file written, nothing more said', async () => {
  const alone = await runCli(['check', ...POSTS], EVERY);
  const both = await runCli(['check', ...POSTS, '--format', 'stylish', '--format', 'junit:junit.xml'], EVERY);
  assert.equal(both.stdout, alone.stdout);
  assert.ok(existsSync(join(EVERY, 'junit.xml')));
});

test('a clean run written to a file says so on the terminal', async () => {
  const site = sites.site('clean', { 'content/blog/ok.md': '---\ntitle: All well\ndate: 2024-01-01\n---\n\nNothing to see.\n' });
  const { stdout, code } = await runCli(['check', '--format', 'junit:junit.xml'], site);
  assert.equal(code, 0);
  assert.equal(stdout, '\u2714 no problems\n1 file checked; 1 report written: junit to junit.xml\n');
});

test('--quiet: the reports in files hold the errors only too', async () => {
  await runCli(['check', POSTS[0], '--quiet', '--format', 'sarif:quiet.sarif'], EVERY);
  const levels = (JSON.parse(readFileSync(join(EVERY, 'quiet.sarif'), 'utf8')) as Log).runs[0].results!.map((result) => result.level);
  assert.ok(levels.length > 0 && levels.every((level) => level === 'error'));
});

for (const [args, message] of [
  [['--format', 'json', '--format', 'sarif'], 'postlint: only one --format can go to stdout, and json and sarif would: give the others a file, as in --format sarif:postlint.sarif\n'],
  [['--format', 'xml'], 'postlint: unknown format "xml": use stylish, json, sarif, github, junit, each optionally with :FILE\n'],
  [['--format', 'sarif:'], 'postlint: --format sarif: names no file after the colon: write sarif:FILE, or sarif alone for stdout\n'],
  [['--format', 'sarif:a.sarif', '--output-file', 'b.txt'], 'postlint: --output-file is the file of the --format given without one, and every --format here names its own file\n'],
] as const) {
  test(`usage error, nothing checked: ${args.join(' ')}`, async () => {
    const { stdout, stderr, code } = await runCli(['check', ...args], EVERY);
    assert.deepEqual({ stdout, stderr, code }, { stdout: '', stderr: message, code: 2 });
  });
}

test('usage error: two formats to one file', async () => {
  const { stderr, code } = await runCli(['check', '--format', 'sarif:x.out', '--format', 'junit:./x.out'], EVERY);
  assert.equal(code, 2);
  assert.equal(stderr, `postlint: two formats would be written to ${join(EVERY, 'x.out')}: give each its own file\n`);
});

test('a report that cannot be written: exit 2, said on stderr; the others are written', async () => {
  mkdirSync(join(EVERY, 'a-folder'), { recursive: true });
  const { stderr, code, stdout } = await runCli(['check', POSTS[0], '--format', 'sarif:a-folder', '--format', 'junit:written.xml'], EVERY);
  assert.equal(code, 2);
  assert.match(stderr, /^postlint: .*\/a-folder: the sarif report could not be written \(.+\)\n$/);
  assert.ok(existsSync(join(EVERY, 'written.xml')));
  assert.match(stdout, /1 report written: junit to written\.xml\n$/);
});
