import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { removeOwnTemporaries } from '../../server/cli/fix-files';
import { whileFixing, type InterruptibleProcess } from '../../server/cli/interrupt';
import { CLI } from '../helpers/cli';
import { diskSites } from '../helpers/disk-site';

const { site } = diskSites('postlint-interrupt-');

/** A process whose signals the test sends, and whose exit it records. */
class FakeProcess implements InterruptibleProcess {
  readonly listeners = new Map<string, () => void>();
  readonly exits: number[] = [];
  once(signal: string, listener: () => void) {
    this.listeners.set(signal, listener);
  }
  off(signal: string, listener: () => void) {
    if (this.listeners.get(signal) === listener) this.listeners.delete(signal);
  }
  exit(code: number) {
    this.exits.push(code);
  }
  send(signal: string) {
    this.listeners.get(signal)?.();
  }
}

function folderWith(names: string[]): string {
  const folder = mkdtempSync(join(tmpdir(), 'postlint-temps-'));
  after(() => rmSync(folder, { recursive: true, force: true }));
  for (const name of names) writeFileSync(join(folder, name), 'x');
  return folder;
}

test('removeOwnTemporaries removes this process\u2019s temporary files, new or old, and nothing else', () => {
  const names = ['p.md', '.p.md.postlint-4242-aaaa0000.tmp', '.q.md.postlint-4242-bbbb1111.tmp', '.p.md.postlint-4243-cccc2222.tmp', '.p.md.postlint-42420-dddd3333.tmp', '.4242.tmp'];
  const folder = folderWith(names);
  assert.equal(removeOwnTemporaries(folder, 4242), 2);
  assert.deepEqual(readdirSync(folder).sort(), ['.4242.tmp', '.p.md.postlint-42420-dddd3333.tmp', '.p.md.postlint-4243-cccc2222.tmp', 'p.md']);
  assert.equal(removeOwnTemporaries(join(folder, 'absent'), 4242), 0, 'a folder that is gone is no error');
});

for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  test(`${signal} during --fix: the workers are stopped first, then the run\u2019s temporary files go, and the process exits ${code}`, async () => {
    const own = `.p.md.postlint-${process.pid}-0123abcd.tmp`;
    const another = '.p.md.postlint-1-0123abcd.tmp';
    const folder = folderWith(['p.md', own, another]);
    const fake = new FakeProcess();
    const steps: string[] = [];
    let failRun: (error: Error) => void = () => undefined;
    const running = new Promise<string>((_, reject) => (failRun = reject));
    const stop = async () => {
      steps.push(`stop, temporary file there: ${existsSync(join(folder, own))}`);
      // A stopped worker's run fails: that is no error of the run's to report.
      failRun(new Error('a check worker stopped with code 1'));
    };
    let settled = false;
    void whileFixing([join(folder, 'p.md')], stop, () => running, fake).finally(() => (settled = true));
    assert.deepEqual([...fake.listeners.keys()].sort(), ['SIGINT', 'SIGTERM']);
    fake.send(signal);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(steps, ['stop, temporary file there: true']);
    assert.deepEqual(fake.exits, [code]);
    assert.deepEqual(readdirSync(folder).sort(), [another, 'p.md'], 'another run\u2019s file stays: it may be writing it');
    assert.equal(settled, false, 'the run\u2019s failure is not reported: the exit ends the process');
  });
}

test('a --fix run that ends stops listening for signals, and its result or error is its own', async () => {
  const fake = new FakeProcess();
  assert.equal(await whileFixing([], async () => undefined, async () => 'done', fake), 'done');
  assert.equal(fake.listeners.size, 0);
  await assert.rejects(whileFixing([], async () => undefined, async () => Promise.reject(new Error('a real failure')), fake), /a real failure/);
  assert.equal(fake.listeners.size, 0);
  assert.deepEqual(fake.exits, []);
});

// A paragraph the parser is slow on: it keeps the run busy for a second or more (half the post's time budget).
const SLOW = `---\ntitle: Slow\ndate: 2025-01-01\n---\n\n${Array.from({ length: 30 }, () => '[a]('.repeat(4000)).join('\n\n')}\n`;
const FIXABLE = '---\ntitle: Tides\ndate: 2025-01-01\n---\n\nSee [the tables](https://tides.example/t?utm_source=mail).\n';

/** Alone, a post is fixed on the main thread; with many, on worker threads, which the signal stops. */
for (const [how, count] of [['on the main thread', 1], ['on worker threads', 120]] as const) {
  test(`the built CLI, interrupted by SIGINT during --fix ${how}, exits 130 and leaves every file whole and no temporary file of its own`, async () => {
    const files: Record<string, string> = { 'content/posts/zz-slow-1.md': SLOW, 'content/posts/zz-slow-2.md': SLOW };
    for (let i = 0; i < count; i++) files[`content/posts/a${String(i).padStart(3, '0')}.md`] = FIXABLE;
    const root = site(`sigint-${count}`, files);
    const posts = join(root, 'content/posts');
    const child = spawn(process.execPath, [CLI, 'check', '--fix'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000, killSignal: 'SIGKILL' });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const closed = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (code, signal) => resolve([code, signal])));
    // The first file written says the run is fixing; the slow posts keep it busy for seconds after.
    const watcher = watch(posts);
    await new Promise<void>((resolve) => watcher.once('change', () => resolve()));
    watcher.close();
    // A temporary file as a stopped worker leaves one: the run's own, by its process id.
    const left = join(posts, `.c.md.postlint-${child.pid}-00000000.tmp`);
    writeFileSync(left, 'half written');
    child.kill('SIGINT');
    const [code, signal] = await closed;
    assert.deepEqual([code, signal], [130, null], stderr);
    assert.equal(stderr, '');
    assert.deepEqual(readdirSync(posts).sort(), Object.keys(files).map((path) => path.slice('content/posts/'.length)).sort(), 'no temporary file is left');
    for (let i = 0; i < count; i++) {
      const text = readFileSync(join(posts, `a${String(i).padStart(3, '0')}.md`), 'utf8');
      assert.ok(text === FIXABLE || text === FIXABLE.replace('?utm_source=mail', ''), `a${i}.md is its old or its new version`);
    }
  });
}
