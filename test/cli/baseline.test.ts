import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { baselineText, entriesOf, findingText, parseBaseline, withoutBaselined } from '../../server/cli/baseline';
import { LineIndex } from '../../server/engine/text/line-index';
import type { Diagnostic } from '../../server/engine/types';
import { runCli } from '../helpers/cli';
import { copyCorpus, corpusTest, TODO_SITE } from '../helpers/corpus';
import { diskSites } from '../helpers/disk-site';

const { site } = diskSites('postlint-baseline-');

const finding = (ruleId: string, line: number, start: number, end: number, endLine = line): Diagnostic => ({
  ruleId,
  severity: 'warning',
  message: `a ${ruleId} finding`,
  range: { start: { line, character: start }, end: { line: endLine, character: end } },
  docsUrl: '',
  fixes: [],
});

test('the text a finding is on: what its range covers, white space collapsed; its line when the range is empty; long text as its start and a hash', () => {
  const lines = new LineIndex('---\ntitle: A\n---\n\nSee  [here](https://a.example/)\nand more.\n\n' + `${'word '.repeat(60)}\n`);
  assert.equal(findingText(lines, finding('link-descriptive-text', 4, 5, 9)), '[her');
  assert.equal(findingText(lines, finding('x', 4, 0, 3, 5)), 'See [here](https://a.example/) and');
  assert.equal(findingText(lines, finding('x', 1, 0, 0)), 'title: A');
  const long = findingText(lines, finding('x', 7, 0, 300));
  assert.match(long, /^(word ){21}w… [0-9a-f]{12}$/);
  assert.equal(long.length, 120);
  assert.notEqual(findingText(new LineIndex(`${'word '.repeat(59)}other\n`), finding('x', 0, 0, 300)), long, 'text that differs past the start has another hash');
});

test('a baseline counts the findings on each text, leaves out those that say a post was not checked, and hides at most as many as it counts', () => {
  const text = '---\ntitle: A\n---\n\n[here](a) and [here](b) and [here](c)\n';
  const three = [finding('link-descriptive-text', 4, 0, 9), finding('link-descriptive-text', 4, 14, 23), finding('link-descriptive-text', 4, 28, 37)];
  const notChecked = { ...finding('internal-error', 0, 0, 0), ruleId: 'internal-error' };
  const entries = entriesOf('/site', '/site/content/p.md', text, [three[0], { ...three[1], range: { ...three[1].range } }, notChecked]);
  assert.deepEqual(entries, [{ file: 'content/p.md', rule: 'link-descriptive-text', text: '[here](a)', count: 1 }, { file: 'content/p.md', rule: 'link-descriptive-text', text: '[here](b)', count: 1 }]);
  const same = entriesOf('/site', '/site/content/p.md', '---\ntitle: A\n---\n\n[here](a) [here](a)\n', [finding('r', 4, 0, 9), finding('r', 4, 10, 19)]);
  assert.deepEqual(same, [{ file: 'content/p.md', rule: 'r', text: '[here](a)', count: 2 }]);
  const kept = withoutBaselined({ folder: '/site', entries: same }, '/site/content/p.md', '[here](a) [here](a) [here](a)\n', [finding('r', 0, 0, 9), finding('r', 0, 10, 19), finding('r', 0, 20, 29), notChecked]);
  assert.deepEqual(kept.diagnostics.map((d) => [d.ruleId, d.range.start.character]), [['r', 20], ['internal-error', 0]]);
  assert.equal(kept.hidden, 2);
  assert.deepEqual(withoutBaselined({ folder: '/site', entries: same }, '/site/content/other.md', '[here](a)\n', [finding('r', 0, 0, 9)]).hidden, 0, 'another file');
});

test('the baseline file: sorted, stable JSON; a file that is not one is refused with why', () => {
  const entries = [
    { file: 'b.md', rule: 'r', text: 't', count: 1 },
    { file: 'a.md', rule: 's', text: 't', count: 2 },
    { file: 'a.md', rule: 'r', text: 'u', count: 1 },
  ];
  const text = baselineText(entries);
  assert.equal(text, baselineText([...entries].reverse()));
  assert.deepEqual(JSON.parse(text).findings.map((entry: { file: string; rule: string }) => `${entry.file} ${entry.rule}`), ['a.md r', 'a.md s', 'b.md r']);
  assert.deepEqual(parseBaseline(text), [entries[2], entries[1], entries[0]]);
  assert.match(parseBaseline('{') as string, /^not JSON/);
  assert.equal(parseBaseline('{"findings": []}'), 'not a Postlint baseline: write one with --write-baseline');
  assert.equal(parseBaseline('{"postlintBaseline": 1, "findings": [{"file": "a", "rule": "r", "text": "t", "count": 0}]}'), 'finding 1 is not a file, rule, text and count of at least 1');
});

const POST = '---\ntitle: Tides\ndate: 2025-01-01\n---\n\nRead [here](https://tides.example/) and [the charts](http://charts.example/).\n';

test('--write-baseline records the findings and exits 0; --baseline then reports only new ones, says how many it held, and a fixed one drops out when written again', async () => {
  const root = site('fixture', { 'content/posts/p.md': POST });
  const written = await runCli(['check', '--write-baseline', 'baseline.json'], root);
  assert.equal(written.code, 0, written.stderr);
  assert.equal(written.stderr, `postlint: wrote 2 findings to ${join(root, 'baseline.json')}\n`);
  assert.deepEqual(JSON.parse(readFileSync(join(root, 'baseline.json'), 'utf8')).findings, [
    { file: 'content/posts/p.md', rule: 'link-descriptive-text', text: 'here', count: 1 },
    { file: 'content/posts/p.md', rule: 'link-insecure', text: 'http://charts.example/', count: 1 },
  ]);
  const quiet = await runCli(['check', '--baseline', 'baseline.json'], root);
  assert.deepEqual([quiet.code, quiet.stdout], [0, '\n\u2139 2 problems in the baseline not shown\n']);

  writeFileSync(join(root, 'content/posts/p.md'), POST.replace('http://charts', 'https://charts') + '\nAnd [here](https://more.example/) too.\n');
  const newer = await runCli(['check', '--baseline', 'baseline.json', '--format', 'json'], root);
  const messages = JSON.parse(newer.stdout).flatMap((report: { messages: { ruleId: string; line: number }[] }) => report.messages.map((m) => `${m.line} ${m.ruleId}`));
  assert.deepEqual(messages, ['8 link-descriptive-text'], 'the second "here" is new; the first stays held');
  await runCli(['check', '--write-baseline', 'baseline.json'], root);
  assert.deepEqual(
    JSON.parse(readFileSync(join(root, 'baseline.json'), 'utf8')).findings.map((entry: { rule: string; count: number }) => `${entry.rule} ${entry.count}`),
    ['link-descriptive-text 2'],
    'the fixed http link is gone from the baseline',
  );
});

test('a baseline that cannot be read, or is not one, is a usage error (exit 2); a run that fails writes none', async () => {
  const root = site('errors', { 'content/posts/p.md': POST, 'not-json.json': '{ nope' });
  const missing = await runCli(['check', '--baseline', 'absent.json'], root);
  assert.deepEqual([missing.code, missing.stderr], [2, `postlint: --baseline ${join(root, 'absent.json')}: cannot read it (ENOENT); write one with --write-baseline\n`]);
  const broken = await runCli(['check', '--baseline', 'not-json.json'], root);
  assert.equal(broken.code, 2);
  assert.match(broken.stderr, /^postlint: --baseline .*not-json\.json: not JSON \(/);
  const failed = await runCli(['check', 'content/none', '--write-baseline', 'b.json'], root);
  assert.equal(failed.code, 2);
  assert.match(failed.stderr, /b\.json not written: a baseline of a run that failed would miss findings\n$/);
  assert.ok(!readdirSync(root).includes('b.json'));
});

test('--write-baseline makes the folder it names; one it cannot write is exit 2 with why, and leaves nothing behind', async () => {
  const root = site('write', { 'content/posts/p.md': POST, 'taken': 'a file, where a folder is asked for' });
  const made = await runCli(['check', '--write-baseline', 'ci/postlint/baseline.json'], root);
  assert.equal(made.code, 0, made.stderr);
  assert.ok(parseBaseline(readFileSync(join(root, 'ci/postlint/baseline.json'), 'utf8')) instanceof Array);
  const blocked = await runCli(['check', '--write-baseline', 'taken/baseline.json'], root);
  assert.equal(blocked.code, 2);
  assert.match(blocked.stderr, /taken\/baseline\.json: the baseline could not be written \((ENOTDIR|EEXIST)/);
  assert.deepEqual(readdirSync(root).sort(), ['ci', 'content', 'hugo.yaml', 'taken']);
});

corpusTest('on the TODO Group site: after --write-baseline, a paragraph added above the findings of ten posts brings none back, and one new problem is the only one reported', { timeout: 120_000, corpus: TODO_SITE }, async () => {
  const temp = mkdtempSync(join(tmpdir(), 'postlint-baseline-corpus-'));
  after(() => rmSync(temp, { recursive: true, force: true }));
  const root = join(temp, 'todogroup.org');
  copyCorpus(TODO_SITE, root);
  const written = await runCli(['check', '--write-baseline', 'postlint-baseline.json'], root);
  assert.equal(written.code, 0, written.stderr);
  const baseline = JSON.parse(readFileSync(join(root, 'postlint-baseline.json'), 'utf8')) as { findings: { file: string; count: number }[] };
  const withFindings = [...new Set(baseline.findings.map((entry) => entry.file))].sort().slice(0, 10);
  assert.equal(withFindings.length, 10);
  for (const file of withFindings) {
    const path = join(root, file);
    const text = readFileSync(path, 'utf8');
    const bodyStart = text.indexOf('\n---', 3) + 4;
    writeFileSync(path, `${text.slice(0, bodyStart)}\nA paragraph added at the top, to move every line below it.\n${text.slice(bodyStart)}`);
  }
  const changed = join(root, withFindings[0]);
  writeFileSync(changed, `${readFileSync(changed, 'utf8')}\nOne more link, [click here](https://new.example/page).\n`);
  const checked = await runCli(['check', '--baseline', 'postlint-baseline.json', '--format', 'json'], root);
  assert.equal(checked.stderr, '');
  const reported = JSON.parse(checked.stdout).flatMap((report: { filePath: string; messages: { ruleId: string; message: string }[] }) =>
    report.messages.map((message) => `${report.filePath.slice(root.length + 1)} ${message.ruleId} ${message.message.split(' ').slice(0, 4).join(' ')}`),
  );
  assert.deepEqual(reported, [`${withFindings[0]} link-descriptive-text Link text “click here”`]);
});
