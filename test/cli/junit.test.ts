import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { DomUtils, parseDocument } from 'htmlparser2';
import { formatJunit } from '../../server/cli/formatters/junit';
import { toFileReport, type FileReport } from '../../server/cli/report';
import { REPO, runCli } from '../helpers/cli';
import { corpusTest, TODO_SITE } from '../helpers/corpus';
import { diskSites } from '../helpers/disk-site';
import { EVERY_RULE_ARGS, EVERY_RULE_SITE } from '../helpers/every-rule-site';
import { hasTool } from '../helpers/tools';
import { validateJunit, XMLLINT_MISSING } from '../helpers/xmllint';

/** An element of htmlparser2's tree (its type comes from a package of its own, not ours to import). */
type Element = ReturnType<typeof DomUtils.getElementsByTagName>[number];

const sites = diskSites('postlint-junit-');
const EVERY = sites.site('every-rule', EVERY_RULE_SITE);

/** The report read with an XML parser (htmlparser2 in XML mode): each suite, its counts and its test cases. */
function readJunit(xml: string) {
  const root = DomUtils.getElementsByTagName('testsuites', parseDocument(xml, { xmlMode: true }))[0];
  const children = (element: Element, name: string) => element.children.filter((child): child is Element => child.type === 'tag' && child.name === name);
  const counts = (element: Element) => ({ tests: Number(element.attribs.tests), failures: Number(element.attribs.failures), errors: Number(element.attribs.errors) });
  return {
    rootAttributes: root.attribs,
    suites: children(root, 'testsuite').map((suite) => ({
      name: suite.attribs.name,
      ...counts(suite),
      cases: children(suite, 'testcase').map((testcase) => {
        const [outcome] = [...children(testcase, 'failure'), ...children(testcase, 'error')];
        return { name: testcase.attribs.name, classname: testcase.attribs.classname, outcome: outcome?.name, message: outcome?.attribs.message, type: outcome?.attribs.type, text: outcome ? DomUtils.textContent(outcome) : undefined };
      }),
    })),
  };
}

/** `postlint check` in `cwd` as JUnit, valid against the schema, with its counts checked against the same run's JSON. */
async function checkedJunit(cwd: string, args: string[] = []) {
  const junit = await runCli(['check', ...args, '--format', 'junit'], cwd);
  const json = await runCli(['check', ...args, '--format', 'json'], cwd);
  assert.equal(junit.code, json.code);
  assert.deepEqual(await validateJunit(junit.stdout), { code: 0, output: '- validates\n' });
  const read = readJunit(junit.stdout);
  const reports = JSON.parse(json.stdout) as FileReport[];
  assert.deepEqual(
    read.suites.map(({ name, tests, failures, errors }) => ({ name, tests, failures: failures + errors })),
    reports.map((report) => ({ name: report.filePath.slice(cwd.length + 1), tests: Math.max(1, report.messages.length), failures: report.errorCount + report.warningCount })),
    'a suite per file, a test case per finding (or one passing case), each finding failing',
  );
  for (const suite of read.suites) {
    assert.equal(suite.tests, suite.cases.length);
    assert.equal(suite.failures, suite.cases.filter((one) => one.outcome === 'failure').length);
    assert.equal(suite.errors, suite.cases.filter((one) => one.outcome === 'error').length);
  }
  // Written as the reports come, the root cannot know the totals, and carries none (they are optional).
  assert.deepEqual(read.rootAttributes, { name: 'postlint' });
  return { read, reports };
}

test('junit: the every-rule site is valid JUnit, its counts the JSON report\u2019s; what Postlint could not check is an <error>', async (t) => {
  if (!hasTool(t, XMLLINT_MISSING)) return;
  const { read, reports } = await checkedJunit(EVERY, EVERY_RULE_ARGS);
  const lampRoom = read.suites.find((suite) => suite.name === 'content/blog/2024-05-01-lamp-room.md')!;
  const message = reports.find((report) => report.filePath.endsWith('2024-05-01-lamp-room.md'))!.messages[0];
  assert.deepEqual(lampRoom.cases[0], {
    name: 'frontmatter-key-case at 2:1',
    classname: 'content/blog/2024-05-01-lamp-room.md',
    outcome: 'failure',
    message: message.message,
    type: 'warning',
    text: `content/blog/2024-05-01-lamp-room.md:2:1: warning: ${message.message} (frontmatter-key-case)`,
  });
  const errors = read.suites.flatMap((suite) => suite.cases.filter((one) => one.outcome === 'error').map((one) => `${suite.name} ${one.name}`));
  assert.deepEqual(errors, ['content/blog/brackets.md internal-error at 1:1', 'content/blog/huge.md file-not-checked at 1:1']);
});

test('junit: a clean file is one passing test case', async (t) => {
  if (!hasTool(t, XMLLINT_MISSING)) return;
  const { read } = await checkedJunit(join(REPO, 'examples', 'site'));
  const clean = read.suites.find((suite) => suite.name === 'content/blog/welcome-orchard-labs.md')!;
  assert.deepEqual(clean, {
    name: 'content/blog/welcome-orchard-labs.md',
    tests: 1,
    failures: 0,
    errors: 0,
    cases: [{ name: 'no problems', classname: 'content/blog/welcome-orchard-labs.md', outcome: undefined, message: undefined, type: undefined, text: undefined }],
  });
});

/** Markup, both quotes, a tab, CR LF, C0 controls and ESC, DEL, half a surrogate pair, U+FFFF, and what would close a CDATA section. */
const HOSTILE = 'a <b>&amp; "q" \'s\'\tx\r\ny\u0000\u0001\u001b[31m\u007f \ud800 \uffff ]]> end';

test('junit: whatever a message or file name holds, the report stays well-formed and valid; XML 1.0\u2019s forbidden characters are dropped, the rest reads back as written', async (t) => {
  if (!hasTool(t, XMLLINT_MISSING)) return;
  const report = toFileReport(`/repo/${HOSTILE}.md`, [
    { ruleId: 'author-unknown', severity: 'error', message: HOSTILE, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, docsUrl: '', fixes: [] },
  ]);
  const xml = formatJunit([report], { cwd: '/repo' });
  assert.deepEqual(await validateJunit(xml), { code: 0, output: '- validates\n' });
  const kept = 'a <b>&amp; "q" \'s\'\tx\r\ny[31m\u007f   ]]> end';
  const [suite] = readJunit(xml).suites;
  assert.equal(suite.name, `${kept}.md`);
  assert.deepEqual(suite.cases[0], { name: 'author-unknown at 1:1', classname: `${kept}.md`, outcome: 'failure', message: kept, type: 'error', text: `${kept}.md:1:1: error: ${kept} (author-unknown)` });
});

test('junit: the schema does reject what Jenkins would not read (a suite without its failure count)', async (t) => {
  if (!hasTool(t, XMLLINT_MISSING)) return;
  const xml = formatJunit([toFileReport('/repo/a.md', [])], { cwd: '/repo' }).replace(' failures="0" errors="0" skipped', ' errors="0" skipped');
  const { code, output } = await validateJunit(xml);
  assert.notEqual(code, 0);
  assert.match(output, /attribute 'failures' is required/);
});

corpusTest('junit: the TODO Group site is valid JUnit with the JSON report\u2019s counts', { corpus: TODO_SITE, timeout: 300_000 }, async (t) => {
  if (!hasTool(t, XMLLINT_MISSING)) return;
  const { read } = await checkedJunit(TODO_SITE);
  assert.ok(read.suites.length > 100);
});
