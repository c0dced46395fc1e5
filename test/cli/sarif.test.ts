import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, type TestContext } from 'node:test';
import type { Log, Replacement, Result } from 'sarif';
import { RULES } from '../../server/engine/rules';
import type { FileReport } from '../../server/cli/report';
import { REPO, runCli } from '../helpers/cli';
import { corpusTest, TODO_SITE } from '../helpers/corpus';
import { diskSites } from '../helpers/disk-site';
import { EVERY_RULE_ARGS, EVERY_RULE_SITE } from '../helpers/every-rule-site';
import { errorsOf, MULTITOOL_MISSING, validateSarif, type Finding } from '../helpers/sarif-multitool';
import { hasTool } from '../helpers/tools';

const sites = diskSites('postlint-sarif-');
const EVERY = sites.site('every-rule', EVERY_RULE_SITE);
const LAMP_ROOM = 'content/blog/2024-05-01-lamp-room.md';

/** `postlint check` in `cwd` with SARIF on stdout, and the same run's JSON. */
async function sarifAndJson(cwd: string, args: string[] = []): Promise<{ log: Log; text: string; reports: FileReport[] }> {
  const sarif = await runCli(['check', ...args, '--format', 'sarif'], cwd);
  assert.equal(sarif.stderr, '');
  const json = await runCli(['check', ...args, '--format', 'json'], cwd);
  return { log: JSON.parse(sarif.stdout) as Log, text: sarif.stdout, reports: JSON.parse(json.stdout) as FileReport[] };
}

/** The every-rule site's SARIF and JSON, checked once for the tests that read them. */
let everyRuleRun: ReturnType<typeof sarifAndJson> | undefined;
const everyRule = () => (everyRuleRun ??= sarifAndJson(EVERY, EVERY_RULE_ARGS));

/** A post whose name needs percent-encoding in a URI. */
const ODD_NAME = 'content/blog/50% off #1: a,b.md';
const NAMES = sites.site('names', { ...EVERY_RULE_SITE, [ODD_NAME]: '---\ntitle: Sale\ndate: 2024-03-03\n---\n\nSee [here](https://keepers.example/sale).\n' });

/** Validated, where the validator is installed (skipped saying why where it is not; failed when CI is set): no error, and something said of each file, so it was read. */
async function assertValid(t: TestContext, files: Record<string, string>): Promise<Record<string, Finding[]>> {
  if (!hasTool(t, MULTITOOL_MISSING)) return {};
  const found = await validateSarif(files);
  for (const name of Object.keys(files)) assert.ok(found[name].length > 0, `the validator said something of ${name} (SARIF2003 at least), so it did read it`);
  return found;
}

/**
 * link-dead reports only what the external-link check found, and this run requests no
 * link (the tests have no network): its results are tested on given verdicts, in
 * test/rules/link-dead.test.ts.
 */
const NEEDS_THE_NETWORK = new Set(['link-dead']);

test('sarif: the every-rule site has a result of every rule and of both findings that are none', async () => {
  const { log } = await everyRule();
  const ruleIds = new Set(log.runs[0].results!.map((result) => result.ruleId));
  const expected = RULES.map((rule) => rule.meta.id).filter((id) => !NEEDS_THE_NETWORK.has(id));
  for (const id of [...expected, 'internal-error', 'file-not-checked']) assert.ok(ruleIds.has(id), `a result of ${id}`);
});

test('sarif: one result per message of the JSON report, at the same place, level and text, relative to SRCROOT (the working folder)', async () => {
  const { log, reports } = await everyRule();
  const run = log.runs[0];
  assert.equal(run.columnKind, 'utf16CodeUnits');
  assert.deepEqual(run.originalUriBaseIds, { SRCROOT: { uri: `${pathToFileURL(EVERY).href}/` } });
  const fromJson = reports.flatMap((report) =>
    report.messages.map((message) => ({
      uri: report.filePath.slice(EVERY.length + 1),
      ruleId: message.ruleId ?? 'file-not-checked',
      level: message.severity === 2 ? 'error' : 'warning',
      text: message.message,
      region: message.endLine === undefined ? { startLine: message.line, startColumn: message.column } : { startLine: message.line, startColumn: message.column, endLine: message.endLine, endColumn: message.endColumn },
    })),
  );
  const fromSarif = run.results!.map((result) => {
    const { artifactLocation, region } = result.locations![0].physicalLocation!;
    assert.equal(artifactLocation!.uriBaseId, 'SRCROOT');
    assert.equal(run.tool.driver.rules![result.ruleIndex!].id, result.ruleId, 'ruleIndex points at the rule');
    return { uri: artifactLocation!.uri, ruleId: result.ruleId, level: result.level, text: result.message.text, region };
  });
  assert.deepEqual(fromSarif, fromJson);
});

test('sarif: the rules are described, with a help page and their default level', async () => {
  const { log } = await everyRule();
  const rules = log.runs[0].tool.driver.rules!;
  const insecure = rules.find((rule) => rule.id === 'link-insecure')!;
  assert.equal(insecure.name, 'LinkInsecure');
  assert.equal(insecure.shortDescription!.text, 'Links and images should use `https://`, not `http://`.');
  assert.match(insecure.fullDescription!.text, /^Links and images should use `https:\/\/`, not `http:\/\/`\. By default a warning\. Some of its fixes are safe/);
  assert.equal(insecure.helpUri, 'https://github.com/postlint/postlint/blob/main/docs/rules/link-insecure.md');
  assert.deepEqual(insecure.defaultConfiguration, { level: 'warning' });
  assert.equal(rules.find((rule) => rule.id === 'internal-error')!.helpUri, 'https://github.com/postlint/postlint/blob/main/docs/internal-error.md');
});

/** Applies, from the end, the first fix of each result (the one `--fix` applies), as a SARIF consumer would: by line and UTF-16 column. */
function applyFirstFixes(text: string, results: Result[]): string {
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((match) => match.index! + 1)];
  const offset = (line: number, column: number) => lineStarts[line - 1] + column - 1;
  const replacements: Replacement[] = results.flatMap((result) => result.fixes?.[0].artifactChanges[0].replacements ?? []);
  const edits = replacements.map(({ deletedRegion: region, insertedContent }) => ({
    start: offset(region.startLine!, region.startColumn!),
    end: offset(region.endLine!, region.endColumn!),
    newText: insertedContent?.text ?? '',
  }));
  edits.sort((a, b) => b.start - a.start);
  let fixed = text;
  for (const edit of edits) fixed = fixed.slice(0, edit.start) + edit.newText + fixed.slice(edit.end);
  return fixed;
}

test('sarif: the safe fixes, applied by their lines and columns, give the text --fix-dry-run gives', async () => {
  const { log } = await sarifAndJson(EVERY, [LAMP_ROOM]);
  const results = log.runs[0].results!;
  assert.deepEqual(
    results.filter((result) => result.fixes).map((result) => result.ruleId),
    ['frontmatter-key-case', 'link-bare-url', 'link-tracking-params', 'link-no-scheme', 'link-malformed', 'image-alt-redundant', 'text-mojibake'],
  );
  for (const result of results.filter((one) => one.fixes)) assert.equal(result.fixes![0].artifactChanges[0].artifactLocation.uri, LAMP_ROOM);
  const dryRun = await runCli(['check', LAMP_ROOM, '--fix-dry-run', '--format', 'json'], EVERY);
  const [report] = JSON.parse(dryRun.stdout) as FileReport[];
  assert.equal(applyFirstFixes(readFileSync(join(EVERY, LAMP_ROOM), 'utf8'), results), report.output);
});

test('sarif: a paragraph added above the findings moves their lines but keeps every fingerprint; a second finding on the same text is numbered', async () => {
  const post = 'content/blog/moved.md';
  const body = 'See [here](https://keepers.example/a) and [here](https://keepers.example/a).\n';
  const site = sites.site('moved', { ...EVERY_RULE_SITE, [post]: `---\ntitle: Moved\ndate: 2024-03-03\n---\n\n${body}` });
  const fingerprintsOf = async () => {
    const { log } = await sarifAndJson(site, [post]);
    return log.runs[0].results!.map((result) => ({ line: result.locations![0].physicalLocation!.region!.startLine, print: result.partialFingerprints!['postlintFinding/v1'] }));
  };
  const before = await fingerprintsOf();
  writeFileSync(join(site, post), `---\ntitle: Moved\ndate: 2024-03-03\n---\n\nA new first paragraph.\n\nAnd a second.\n\n${body}`);
  const after = await fingerprintsOf();
  assert.equal(before.length, 2);
  assert.deepEqual(after.map((one) => one.line), before.map((one) => one.line! + 4));
  assert.deepEqual(after.map((one) => one.print), before.map((one) => one.print));
  assert.match(before[0].print, /^[0-9a-f]{32}:1$/);
  assert.equal(before[1].print, before[0].print.replace(/:1$/, ':2'));
});

test('sarif: a file name is percent-encoded in its URI; a file outside the working folder gets its own file URI', async () => {
  const inside = await runCli(['check', ODD_NAME, '--format', 'sarif'], NAMES);
  const location = (JSON.parse(inside.stdout) as Log).runs[0].results![0].locations![0].physicalLocation!.artifactLocation!;
  assert.deepEqual(location, { uri: 'content/blog/50%25%20off%20%231%3A%20a%2Cb.md', uriBaseId: 'SRCROOT' });
  const outside = await runCli(['check', join(NAMES, ODD_NAME), '--format', 'sarif'], join(NAMES, 'content'));
  const far = await runCli(['check', join(NAMES, ODD_NAME), '--format', 'sarif'], join(NAMES, 'layouts'));
  assert.equal((JSON.parse(outside.stdout) as Log).runs[0].results![0].locations![0].physicalLocation!.artifactLocation!.uri, 'blog/50%25%20off%20%231%3A%20a%2Cb.md');
  const farLocation = (JSON.parse(far.stdout) as Log).runs[0].results![0].locations![0].physicalLocation!.artifactLocation!;
  assert.deepEqual(farLocation, { uri: pathToFileURL(join(NAMES, ODD_NAME)).href });
});

test('sarif: a run that could not read a file says so, and is not successful', async () => {
  const { stdout, code } = await runCli(['check', 'content/blog/plain.md', 'content/blog/gone.md', '--format', 'sarif'], EVERY);
  assert.equal(code, 2);
  const [invocation] = (JSON.parse(stdout) as Log).runs[0].invocations!;
  assert.equal(invocation.executionSuccessful, false);
  assert.match(invocation.toolExecutionNotifications![0].message.text!, /gone\.md/);
});

test('sarif-multitool finds no error in the SARIF of the every-rule site, the example site, a file outside the working folder and a run that failed; it does find a region on line 0', async (t) => {
  const example = await sarifAndJson(join(REPO, 'examples', 'site'));
  assert.equal(example.log.runs[0].results!.length, 8);
  const lineZero = structuredClone(example.log);
  lineZero.runs[0].results![0].locations![0].physicalLocation!.region!.startLine = 0;
  const files = {
    'every-rule.sarif': (await everyRule()).text,
    'example-site.sarif': example.text,
    'outside.sarif': (await runCli(['check', join(NAMES, ODD_NAME), '--format', 'sarif'], join(NAMES, 'layouts'))).stdout,
    'failed-run.sarif': (await runCli(['check', 'content/blog/plain.md', 'content/blog/gone.md', '--format', 'sarif'], EVERY)).stdout,
    'line-zero.sarif': JSON.stringify(lineZero),
  };
  const found = await assertValid(t, files);
  if (Object.keys(found).length === 0) return;
  for (const name of Object.keys(files).filter((one) => one !== 'line-zero.sarif')) assert.deepEqual(errorsOf(found[name]), [], `sarif-multitool finds no error in ${name}`);
  const errors = errorsOf(found['line-zero.sarif']);
  assert.ok(errors.some((error) => error.includes('startLine')), errors.join('\n'));
});

corpusTest('sarif: the TODO Group site passes sarif-multitool', { corpus: TODO_SITE, timeout: 300_000 }, async (t) => {
  const { text, log, reports } = await sarifAndJson(TODO_SITE);
  assert.equal(log.runs[0].results!.length, reports.reduce((sum, report) => sum + report.messages.length, 0));
  const found = await assertValid(t, { 'todogroup.sarif': text });
  if (found['todogroup.sarif']) assert.deepEqual(errorsOf(found['todogroup.sarif']), [], 'sarif-multitool finds no error');
});
