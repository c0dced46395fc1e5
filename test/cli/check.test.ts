import assert from 'node:assert/strict';
import { mkdirSync, rmSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkTargets } from '../../server/cli/parallel';
import { REPO, runCli } from '../helpers/cli';
import { diskSites } from '../helpers/disk-site';

const EXAMPLES = join(REPO, 'examples', 'site');
const { site } = diskSites('postlint-cli-');


const GOOD = '---\ntitle: Fine\ndate: 2025-01-01\n---\nAll good.\n';

test('check: the example site has findings, exit 1, every message with its rule id', async () => {
  const { code, stdout, stderr } = await runCli(['check', 'examples/site']);
  assert.equal(code, 1, stderr);
  assert.equal(stderr, '');
  for (const ruleId of ['frontmatter-missing', 'frontmatter-syntax', 'frontmatter-schema', 'frontmatter-key-case', 'author-unknown', 'date-filename-mismatch']) {
    assert.match(stdout, new RegExp(`  ${ruleId}$`, 'm'), ruleId);
  }
  assert.doesNotMatch(stdout, /welcome-orchard-labs|harvest-summit-recap/, 'the clean posts have no findings');
  assert.doesNotMatch(stdout, /about\.md/, 'pages that are not posts are not reported');
  assert.match(stdout, /✖ \d+ problems \(\d+ errors, \d+ warnings\)/);
});

test('check --format json: ESLint\'s shape, only JSON on stdout, every checked post listed', async () => {
  const { code, stdout } = await runCli(['check', '--format', 'json', 'examples/site']);
  assert.equal(code, 1);
  const reports = JSON.parse(stdout) as Record<string, unknown>[];
  assert.equal(reports.length, 6, 'six posts, the about page is not one');
  for (const report of reports) {
    assert.ok(String(report.filePath).startsWith('/'), 'absolute paths');
    for (const key of ['errorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount']) assert.equal(typeof report[key], 'number');
    for (const message of report.messages as Record<string, unknown>[]) {
      assert.deepEqual(Object.keys(message).sort(), ['column', 'endColumn', 'endLine', 'line', 'message', 'ruleId', 'severity']);
      assert.ok(message.severity === 1 || message.severity === 2);
      assert.ok((message.line as number) >= 1 && (message.column as number) >= 1);
    }
  }
  const typos = reports.find((r) => String(r.filePath).endsWith('front-matter-typos.md'))!;
  const titleKey = (typos.messages as Record<string, unknown>[]).find((m) => m.ruleId === 'frontmatter-key-case')!;
  assert.deepEqual([titleKey.line, titleKey.column, titleKey.endLine, titleKey.endColumn], [2, 1, 2, 6], '`Title` spans columns 1-5; endColumn is one past');
});

test('check: columns count UTF-16 code units, as LSP does', async () => {
  const root = site('utf16', { 'content/blog/emoji.md': '---\ntitle: "🌱 seedlings"\ndate: 2025-01-01\nauthr: x\ndraft: "🌱"\n---\n' });
  const { stdout } = await runCli(['check', '--format', 'json', 'content'], root);
  const [report] = JSON.parse(stdout);
  const draft = report.messages.find((m: { ruleId: string }) => m.ruleId === 'frontmatter-schema');
  assert.deepEqual([draft.line, draft.column, draft.endColumn], [5, 8, 12], '"🌱" is four UTF-16 units wide');
});

test('check: a clean post exits 0 and prints nothing', async () => {
  const root = site('clean', { 'content/posts/fine.md': GOOD });
  const { code, stdout, stderr } = await runCli(['check'], root);
  assert.deepEqual({ code, stdout, stderr }, { code: 0, stdout: '', stderr: '' });
});

test('check: warnings alone exit 0, or 1 over --max-warnings; --quiet hides them', async () => {
  const root = site('warnings', { 'content/posts/2025-01-02-w.md': GOOD.replace('2025-01-01', '2025-01-03') });
  assert.equal((await runCli(['check'], root)).code, 0);
  const over = await runCli(['check', '--max-warnings', '0'], root);
  assert.equal(over.code, 1);
  assert.match(over.stderr, /more than --max-warnings 0/);
  assert.equal((await runCli(['check', '--max-warnings', '1'], root)).code, 0);
  const quiet = await runCli(['check', '--quiet', '--format', 'json'], root);
  assert.deepEqual(JSON.parse(quiet.stdout)[0].messages, []);
});

test('check: exit 2 for usage errors, missing files, no posts, broken config; 2 wins over 1', async () => {
  const usage = await runCli(['check', '--format', 'xml']);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /^postlint: unknown format "xml"/);
  assert.equal((await runCli(['frobnicate'])).code, 2);

  const root = site('exit2', { 'content/posts/bad.md': 'no front matter\n' });
  const missing = await runCli(['check', 'content', 'no-such-file.md'], root);
  assert.equal(missing.code, 2, 'a missing input wins over the findings');
  assert.match(missing.stderr, /no-such-file\.md: no such file or folder/);
  assert.match(missing.stdout, /frontmatter-missing/, 'everything readable was still checked');

  const nothing = await runCli(['check', 'data'], site('empty', { 'data/x.md': 'x' }));
  assert.equal(nothing.code, 2);
  assert.match(nothing.stderr, /no post matched/);

  const broken = site('broken-config', { '.postlintrc.json': '{ "rules": { "author-unknown": "loud" } }', 'content/posts/a.md': GOOD });
  const config = await runCli(['check'], broken);
  assert.equal(config.code, 2);
  assert.match(config.stderr, /\.postlintrc\.json: invalid configuration: rules\.author-unknown/);
  assert.doesNotMatch(config.stderr, /\n\s+at /, 'no stack trace');
  assert.equal(config.stderr.trim().split('\n').length, 1, 'one line');
});

test('check: an unreadable file is exit 2, naming it', async () => {
  const root = site('unreadable', { 'content/posts/locked.md': GOOD, 'content/posts/ok.md': GOOD });
  // Root reads any file whatever its mode, so where the tests run as root a
  // folder stands in for the unreadable file: it is refused too, saying it is a folder.
  const locked = join(root, 'content/posts/locked.md');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    rmSync(locked);
    mkdirSync(locked);
  } else chmodSync(locked, 0o000);
  const outcomes = await checkTargets([{ path: locked }, { path: join(root, 'content/posts/ok.md') }], { fix: false });
  const why = asRoot
    ? 'not checked: it is a folder, not a regular file, and Postlint reads regular files only: remove it, or leave it out of the files to check'
    : 'the file cannot be read';
  assert.deepEqual(outcomes[0], { failure: `${locked}: ${why}` });
  assert.deepEqual(outcomes[1].report?.messages, [], 'the readable file is still checked');
});

test('check: a file named explicitly is a post whatever its extension; folders select posts only', async () => {
  const root = site('explicit', { 'notes/idea.txt': 'No front matter in a text file.\n', 'content/about.md': 'A page.\n', 'content/posts/a.md': GOOD });
  const named = await runCli(['check', '--format', 'json', 'notes/idea.txt'], root);
  assert.equal(named.code, 1);
  assert.equal(JSON.parse(named.stdout)[0].messages[0].ruleId, 'frontmatter-missing');
  const folder = await runCli(['check', '--format', 'json', 'content'], root);
  assert.deepEqual(JSON.parse(folder.stdout).map((r: { filePath: string }) => r.filePath.slice(root.length)), ['/content/posts/a.md']);
  const glob = await runCli(['check', '--format', 'json', 'content/**/*.md'], root);
  assert.equal(JSON.parse(glob.stdout).length, 1);
});

test('check --config replaces discovery; rules can be turned off', async () => {
  const root = site('configured', { 'content/posts/2025-01-02-w.md': GOOD, 'quiet.json': '{ "rules": { "date-filename-mismatch": "off" } }' });
  const normal = await runCli(['check', '--format', 'json'], root);
  assert.equal(JSON.parse(normal.stdout)[0].messages.length, 1);
  const configured = await runCli(['check', '--format', 'json', '--config', 'quiet.json'], root);
  assert.deepEqual(JSON.parse(configured.stdout)[0].messages, []);
});

test('print-config: preset, kind and rules of a post', async () => {
  const { code, stdout } = await runCli(['print-config', 'examples/site/content/blog/welcome-orchard-labs.md']);
  assert.equal(code, 0);
  const settings = JSON.parse(stdout);
  assert.equal(settings.preset, 'hugo');
  assert.equal(settings.kind, 'member-welcome');
  assert.equal(settings.kindSource, 'front matter');
  assert.equal(settings.configFile, join(EXAMPLES, '.postlintrc.json'));
  assert.equal(settings.rules['author-unknown'].severity, 'error');
  assert.deepEqual(settings.rules['frontmatter-unknown-key'].options, { allow: ['featured'] });
});

test('--help documents every command, option and rule', async () => {
  const { code, stdout } = await runCli(['--help']);
  assert.equal(code, 0);
  for (const word of ['check', 'print-config', '--format', '--config', '--max-warnings', '--quiet', '--no-color', 'frontmatter-schema', 'date-filename-mismatch', 'postlint-disable-next-line']) {
    assert.ok(stdout.includes(word), word);
  }
});

test('check --fix: safe fixes are written, then what is left is reported; unsafe ones are not applied', async () => {
  const text = '---\nTitle: Capital key\ndate: 2025-01-01\nauthor: alcie\n---\nBody.\n';
  const root = site('fix', { 'data/authors.yaml': 'alice: {}\n', 'content/posts/a.md': text, '.postlintrc.json': '{ "rules": { "frontmatter-key-case": "warn" } }' });
  const before = await runCli(['check', '--format', 'json'], root);
  assert.equal(JSON.parse(before.stdout)[0].fixableWarningCount, 1);
  const fixed = await runCli(['check', '--fix', '--format', 'json'], root);
  const [report] = JSON.parse(fixed.stdout);
  assert.deepEqual(report.messages.map((m: { ruleId: string }) => m.ruleId), ['author-unknown'], 'the author needs a person: it stays');
  const { readFileSync } = await import('node:fs');
  assert.equal(readFileSync(join(root, 'content/posts/a.md'), 'utf8'), text.replace('Title:', 'title:'));
  assert.equal(fixed.code, 1);
});

// The formatters' own unit tests are in formatters.test.ts (in-process, so mutation testing sees them).
test('check --format json: a link whose text runs over two lines ends on the second line', async () => {
  const root = site('two-lines', { 'content/blog/p.md': '---\ntitle: A\ndate: 2025-01-01\n---\nSee [click\nhere](https://x.example/) now.\n' });
  const { code, stdout, stderr } = await runCli(['check', '--format', 'json', 'content'], root);
  assert.equal(stderr, '');
  assert.equal(code, 0, 'a warning only');
  const [report] = JSON.parse(stdout) as { messages: Record<string, unknown>[] }[];
  assert.deepEqual(report.messages, [
    {
      ruleId: 'link-descriptive-text',
      severity: 1,
      message:
        'Link text “click here” does not say where the link leads. Screen readers often list links out of their sentence: use words that name the target, such as the page’s title.',
      line: 5,
      column: 6,
      endLine: 6,
      endColumn: 5,
    },
  ]);
});

test('--color colours the report even through a pipe; without it a pipe gets plain text', async () => {
  const root = site('color', { 'content/posts/a.md': '---\ntitle: Colour\ndate: 2025-01-01\n---\nSee http://example.org/.\n' });
  const colored = await runCli(['check', '--color', 'content/posts/a.md'], root);
  assert.equal(colored.stdout.split('\n')[1], '\u001b[4mcontent/posts/a.md\u001b[24m');
  const plain = await runCli(['check', 'content/posts/a.md'], root);
  assert.equal(plain.stdout.split('\n')[1], 'content/posts/a.md');
});
