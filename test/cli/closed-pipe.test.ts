import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { CLI } from '../helpers/cli';
import { diskSites } from '../helpers/disk-site';

const { site } = diskSites('postlint-pipe-');

test('check | head: a reader that stops early ends the run quietly, with the run\u2019s own exit code', async () => {
  // Enough findings that the report is far larger than a pipe's buffer.
  const posts = Object.fromEntries(
    Array.from({ length: 300 }, (_, i) => [`content/posts/p${i}.md`, `---\ntitle: Post ${i}\ndate: 2025-01-01\n---\n\nSee [the old page](http://old.example/page-${i}) and [here](https://example.org/${i}).\n`]),
  );
  const root = site('closed-pipe', posts);
  const child = spawn(process.execPath, [CLI, 'check', '--format', 'json'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  // Read the first chunk, then close the pipe, as `head -c` does.
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('close', (exitCode) => resolve(exitCode)));
  assert.equal(stderr, '', 'no stack trace, no message');
  assert.equal(code, 1, 'the findings\u2019 exit code, as if the output had been read');
});
