import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runCli } from '../helpers/cli';

/**
 * What the CLI reads and writes, on sites on disk: only regular files inside the
 * site, none larger than the limit. A pull request controls the posts and may make
 * one a symlink to a secret, to an endless device, or a FIFO that never answers.
 */

const temp = mkdtempSync(join(tmpdir(), 'postlint-files-'));
after(() => rmSync(temp, { recursive: true, force: true }));

/** Every run that could hang is killed after this long: a test then fails instead of waiting forever. */
const KILL_AFTER_MS = 20_000;

const GOOD = '---\ntitle: A good post\ndate: 2025-01-01\n---\nA body.\n';
/** A post with a safe fix (`Title:` → `title:`) and a secret in a link, as a stranger would find it in a `.env` turned post. */
const SECRET = '---\nTitle: Deploy notes\ndate: 2025-01-01\n---\nThe hook is [here](https://deploy.example.com/hook?token=secret123).\n';

/** A Hugo site with these files, and a folder beside it (outside the site) with `outside`. */
function site(name: string, files: Record<string, string>, outside: Record<string, string> = {}): { root: string; beside: string } {
  const base = join(temp, name);
  const root = join(base, 'site');
  const beside = join(base, 'outside');
  for (const [folder, entries] of [
    [root, { 'hugo.yaml': 'baseURL: https://example.org/\n', ...files }],
    [beside, outside],
  ] as const) {
    mkdirSync(folder, { recursive: true });
    for (const [path, text] of Object.entries(entries)) {
      mkdirSync(join(folder, path, '..'), { recursive: true });
      writeFileSync(join(folder, path), text);
    }
  }
  return { root, beside };
}

/** Bytes and modification time: what "untouched" means. */
function fingerprint(path: string): { bytes: string; mtimeMs: number } {
  return { bytes: readFileSync(path).toString('base64'), mtimeMs: statSync(path).mtimeMs };
}

const OUTSIDE = 'not checked: it leads through a symlink to a file outside the site, and Postlint reads only files inside the site: put the file itself in the site';

test('a post that is a symlink to a file outside the site is not read: exit 2, one line, the secret printed nowhere', async () => {
  const { root, beside } = site('leak', { 'content/posts/good.md': GOOD }, { '.env.md': SECRET });
  const link = join(root, 'content/posts/leak.md');
  symlinkSync(join(beside, '.env.md'), link);

  for (const format of ['stylish', 'json']) {
    const named = await runCli(['check', '--format', format, 'content/posts/leak.md'], root, {}, KILL_AFTER_MS);
    assert.equal(named.code, 2);
    assert.equal(named.stderr, `postlint: ${link}: ${OUTSIDE}\n`);
    assert.equal(named.stdout, format === 'json' ? '[]\n' : '');
  }

  // The whole site, the link among its posts or not: the secret is never printed.
  const whole = await runCli(['check', '--format', 'json'], root, {}, KILL_AFTER_MS);
  assert.doesNotMatch(whole.stdout + whole.stderr, /secret123/);
  const printed = await runCli(['print-config', 'content/posts/leak.md'], root, {}, KILL_AFTER_MS);
  assert.deepEqual({ code: printed.code, stdout: printed.stdout, stderr: printed.stderr }, { code: 2, stdout: '', stderr: `postlint: ${link}: ${OUTSIDE.replace('not checked', 'not read')}\n` });
});

test('--fix never writes through a symlink to a file outside the site', async () => {
  const { root, beside } = site('fix-leak', { 'content/posts/good.md': GOOD }, { '.env.md': SECRET });
  const secret = join(beside, '.env.md');
  const link = join(root, 'content/posts/leak.md');
  symlinkSync(secret, link);
  utimesSync(secret, new Date('2020-02-02T02:02:02Z'), new Date('2020-02-02T02:02:02Z'));
  const before = fingerprint(secret);

  const named = await runCli(['check', '--fix', 'content/posts/leak.md'], root, {}, KILL_AFTER_MS);
  assert.equal(named.code, 2);
  assert.equal(named.stderr, `postlint: ${link}: ${OUTSIDE}\n`);
  const dry = await runCli(['check', '--fix-dry-run', 'content/posts/leak.md'], root, {}, KILL_AFTER_MS);
  assert.deepEqual({ code: dry.code, stdout: dry.stdout }, { code: 2, stdout: '' });
  const whole = await runCli(['check', '--fix'], root, {}, KILL_AFTER_MS);
  assert.doesNotMatch(whole.stdout + whole.stderr, /secret123/);

  assert.deepEqual(fingerprint(secret), before, 'the outside file keeps its bytes and its time');
  assert.deepEqual(readdirSync(beside), ['.env.md'], 'no temporary file was left beside it');
});

test('a post that is a symlink to /dev/zero, or a FIFO: the CLI ends by itself and says why', async () => {
  const { root } = site('endless', { 'content/posts/good.md': GOOD });
  const zero = join(root, 'content/posts/zero.md');
  const fifo = join(root, 'content/posts/fifo.md');
  symlinkSync('/dev/zero', zero);
  execFileSync('mkfifo', [fifo]);

  const named = await runCli(['check', 'content/posts/zero.md', 'content/posts/fifo.md', 'content/posts/good.md'], root, {}, KILL_AFTER_MS);
  assert.equal(named.signal, null, 'it was not killed');
  assert.equal(named.code, 2);
  assert.equal(
    named.stderr,
    [
      `postlint: ${fifo}: not checked: it is a FIFO, not a regular file, and Postlint reads regular files only: remove it, or leave it out of the files to check`,
      `postlint: ${zero}: ${OUTSIDE}`,
      '',
    ].join('\n'),
  );
  assert.equal(named.stdout, '', 'the good post is checked and has nothing to say');

  const fixing = await runCli(['check', '--fix', 'content/posts/fifo.md'], root, {}, KILL_AFTER_MS);
  assert.deepEqual({ signal: fixing.signal, code: fixing.code }, { signal: null, code: 2 });

  // The FIFO as one of the site's files (a folder walk lists no FIFO): nothing waits on it.
  const whole = await runCli(['check'], root, {}, KILL_AFTER_MS);
  assert.deepEqual({ signal: whole.signal, code: whole.code, stderr: whole.stderr }, { signal: null, code: 0, stderr: '' });
});

test('a symlink inside the site to another file inside it is checked as the post it names', async () => {
  const draft = '---\ntitle: Draft\ndate: 2025-01-01\n---\nRead [the garden guide](http://example.com/page).\n';
  const { root } = site('inside-link', { 'drafts/real.md': draft, 'content/posts/good.md': GOOD });
  const link = join(root, 'content/posts/alias.md');
  symlinkSync(join(root, 'drafts/real.md'), link);
  const { code, stdout, stderr } = await runCli(['check', '--format', 'json', 'content/posts/alias.md'], root, {}, KILL_AFTER_MS);
  assert.deepEqual({ code, stderr }, { code: 0, stderr: '' });
  const [report] = JSON.parse(stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[];
  assert.equal(report.filePath, link);
  assert.deepEqual(report.messages.map((m) => `${m.line} ${m.ruleId}`), ['5 link-insecure']);
});

test('a post over the size limit is one fatal error (exit 1); --max-file-size raises the limit', async () => {
  const size = 11 * 1024 * 1024;
  const big = `${GOOD}${'a'.repeat(size - GOOD.length - 1)}\n`;
  const { root } = site('large', { 'content/posts/big.md': big, 'content/posts/good.md': GOOD });
  const path = join(root, 'content/posts/big.md');

  const json = await runCli(['check', '--format', 'json'], root, {}, KILL_AFTER_MS);
  assert.deepEqual({ code: json.code, stderr: json.stderr }, { code: 1, stderr: '' });
  const message =
    'File not checked: it is 11534336 bytes, over the 10 MB limit on the files Postlint reads. To check it, raise the limit: --max-file-size 11';
  assert.deepEqual(JSON.parse(json.stdout)[0], {
    filePath: path,
    messages: [{ ruleId: null, fatal: true, severity: 2, message, line: 1, column: 1 }],
    suppressedMessages: [],
    errorCount: 1,
    fatalErrorCount: 1,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  });

  const stylish = await runCli(['check', 'content/posts/big.md'], root, {}, KILL_AFTER_MS);
  assert.equal(stylish.code, 1);
  assert.equal(stylish.stdout, ['', 'content/posts/big.md', `  1:1  error  ${message}`, '', '\u2716 1 problem (1 error, 0 warnings)', ''].join('\n'));

  const raised = await runCli(['check', '--format', 'json', '--max-file-size', '20', 'content/posts/big.md'], root, {}, KILL_AFTER_MS);
  assert.deepEqual({ code: raised.code, stderr: raised.stderr }, { code: 0, stderr: '' });
  assert.deepEqual(JSON.parse(raised.stdout)[0].messages, []);

  const fixing = await runCli(['check', '--fix', 'content/posts/big.md'], root, {}, KILL_AFTER_MS);
  assert.equal(fixing.code, 1);
  assert.equal(readFileSync(path, 'utf8'), big, 'a file too large is not fixed either');

  const wrong = await runCli(['check', '--max-file-size', 'ten'], root, {}, KILL_AFTER_MS);
  assert.deepEqual({ code: wrong.code, stderr: wrong.stderr }, { code: 2, stderr: 'postlint: --max-file-size takes a number of megabytes greater than 0, such as 20, not "ten"\n' });
});

test('postlint new writes only inside the site: not --out ../x.md, not through a symlinked blog folder', async () => {
  const { root, beside } = site('new', { 'content/posts/good.md': GOOD });
  const args = ['new', 'event-recap', '--title', 'Garden Summit', '--event', 'Garden Summit', '--date', '2026-05-14'];

  const out = await runCli([...args, '--out', '../outside.md'], root, {}, KILL_AFTER_MS);
  const target = join(root, '..', 'outside.md');
  assert.deepEqual(
    { code: out.code, stdout: out.stdout, stderr: out.stderr },
    {
      code: 2,
      stdout: '',
      stderr: `postlint: ${target}: not written: it is outside the site ${root} (directly or through a symlink), and Postlint writes only inside it: choose a path inside it with --out\n`,
    },
  );
  assert.equal(existsSync(target), false);

  // The posts folder is a symlink out of the site: the planned post would land there.
  rmSync(join(root, 'content/posts'), { recursive: true });
  symlinkSync(beside, join(root, 'content/posts'));
  const planned = await runCli(args, root, {}, KILL_AFTER_MS);
  assert.equal(planned.code, 2);
  assert.match(planned.stderr, /^postlint: .*\/content\/posts\/garden-summit\.md: not written: it is outside the site /);
  assert.equal(planned.stderr.split('\n').length, 2, 'one line');
  assert.deepEqual(readdirSync(beside), []);

  const inside = await runCli([...args, '--out', 'drafts/summit.md'], root, {}, KILL_AFTER_MS);
  assert.deepEqual({ code: inside.code, stdout: inside.stdout }, { code: 0, stdout: `${join(root, 'drafts/summit.md')}\n` });
});
