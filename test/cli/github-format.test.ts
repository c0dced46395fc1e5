import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { formatGithub } from '../../server/cli/formatters/github';
import { toFileReport, type FileReport } from '../../server/cli/report';
import { runCli } from '../helpers/cli';
import { diskSites } from '../helpers/disk-site';
import { EVERY_RULE_SITE } from '../helpers/every-rule-site';
import { parseCommand } from '../helpers/workflow-commands';

/** What a post may write into a message: a percent sign, a line break, a command of its own, a field separator. */
const HOSTILE = 'x%0A 100% \r\n::error file=forged.md::forged, really: yes ##[error]too';

test('github: a message and a file name that hold %, CR LF, ::error::, commas and colons stay in their fields', () => {
  const report = toFileReport('/repo/content/blog/a,b:c.md', [
    { ruleId: 'author-unknown', severity: 'error', message: HOSTILE, range: { start: { line: 2, character: 8 }, end: { line: 2, character: 20 } }, docsUrl: '', fixes: [] },
    { ruleId: 'link-insecure', severity: 'warning', message: 'Plain.', range: { start: { line: 9, character: 0 }, end: { line: 10, character: 3 } }, docsUrl: '', fixes: [] },
  ]);
  const output = formatGithub([report], { root: '/repo' });
  assert.equal(
    output,
    '::error file=content/blog/a%2Cb%3Ac.md,line=3,col=9,endLine=3,endColumn=21,title=author-unknown::x%250A 100%25 %0D%0A::error file=forged.md::forged, really: yes #\\x23[error]too\n' +
      '::warning file=content/blog/a%2Cb%3Ac.md,line=10,col=1,endLine=11,endColumn=4,title=link-insecure::Plain.\n',
  );
  const [first] = output.split('\n').map(parseCommand);
  assert.deepEqual(first, {
    name: 'error',
    properties: { file: 'content/blog/a,b:c.md', line: '3', col: '9', endLine: '3', endColumn: '21', title: 'author-unknown' },
    data: 'x%0A 100% \r\n::error file=forged.md::forged, really: yes #\\x23[error]too',
  });
});

test('github: a fatal message (no rule, no end) is titled postlint and has no end', () => {
  const report: FileReport = { ...toFileReport('/repo/big.md', []), messages: [{ ruleId: null, fatal: true, severity: 2, message: 'File not checked.', line: 1, column: 1 }] };
  assert.equal(formatGithub([report], { root: '/repo' }), '::error file=big.md,line=1,col=1,title=postlint::File not checked.\n');
});

test('github: nothing at all for a clean run', () => {
  assert.equal(formatGithub([toFileReport('/repo/a.md', [])], { root: '/repo' }), '');
});

test('github: from the CLI, each line is one command the runner reads back to the JSON report, with relative paths; no post forges another', async () => {
  const sites = diskSites('postlint-github-');
  const name = 'content/blog/a,b:c.md';
  // YAML's double quotes turn \r\n into a real CR LF in the author, which author-unknown quotes.
  const author = HOSTILE.replace(/\r\n/, '\\r\\n');
  const site = sites.site('hostile', { ...EVERY_RULE_SITE, [name]: `---\ntitle: Hostile\ndate: 2024-03-03\nauthor: "${author}"\n---\n\nSee [here](http://keepers.example/).\n` });
  const github = await runCli(['check', 'content/blog', '--format', 'github'], site);
  const json = await runCli(['check', 'content/blog', '--format', 'json'], site);
  assert.equal(github.code, json.code);
  const lines = github.stdout.split('\n');
  assert.equal(lines.pop(), '', 'the output ends with a line break');
  const commands = lines.map(parseCommand);
  const expected = (JSON.parse(json.stdout) as FileReport[]).flatMap((report) =>
    report.messages.map((message) => ({
      name: message.severity === 2 ? 'error' : 'warning',
      file: report.filePath.slice(site.length + 1),
      line: String(message.line),
      title: message.ruleId,
      // The one change: `##[`, which the runner reads as a command anywhere in a line, is broken up.
      data: message.message.replace('##[', '#\\x23['),
    })),
  );
  assert.deepEqual(
    commands.map((command) => ({ name: command!.name, file: command!.properties.file, line: command!.properties.line, title: command!.properties.title, data: command!.data })),
    expected,
  );
  const forged = commands.find((command) => command!.properties.file === name && command!.properties.title === 'author-unknown');
  assert.ok(forged!.data.includes('\r\n::error file=forged.md::'), 'the quoted author comes back whole, in the message');
  assert.ok(!github.stdout.includes('##['), 'no legacy command either');
  assert.ok(commands.length >= 30 && lines.every((line) => /^::(error|warning) file=/.test(line)));
  assert.equal(join(site, commands[0]!.properties.file).startsWith(site), true);
});
