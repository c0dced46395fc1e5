import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { TestClient, uriOf } from './client';

/**
 * The language server reads posts from disk as the CLI does: a FIFO or an endless
 * device as a post never holds it up (it reads synchronously, so one blocked read
 * would leave it deaf to everything after), and a text over the size limit is not checked.
 */

const temp = mkdtempSync(join(tmpdir(), 'postlint-lsp-files-'));
after(() => rmSync(temp, { recursive: true, force: true }));

const GOOD = '---\ntitle: A good post\ndate: 2025-01-01\n---\nA body.\n';
const TOO_LARGE = 11 * 1024 * 1024;

function site(): string {
  const root = join(temp, 'site');
  const files: Record<string, string> = {
    'hugo.yaml': 'baseURL: https://example.org/\n',
    'content/posts/good.md': GOOD,
    'content/posts/huge.md': `${GOOD}${'a'.repeat(TOO_LARGE - GOOD.length)}`,
    'content/posts/insecure.md': '---\ntitle: Insecure\ndate: 2025-01-01\n---\nRead [the garden guide](http://example.com/page).\n',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  execFileSync('mkfifo', [join(root, 'content/posts/fifo.md')]);
  symlinkSync('/dev/zero', join(root, 'content/posts/zero.md'));
  return root;
}

const tooLarge = (size: number) => ({
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  severity: 1,
  source: 'postlint',
  message: `Postlint did not check this file: it is over the 10 MB limit on the files it reads. It is ${size} bytes.`,
});

test('a FIFO or /dev/zero read from disk never blocks the server; a text over the limit gets one diagnostic', { timeout: 60_000 }, async () => {
  const root = site();
  const client = new TestClient(root);
  await client.initialize(root);

  // A whole-site check: the file too large is not checked, and said so; the FIFO and the device are not read.
  const { checked } = (await client.connection.sendRequest('postlint/checkWorkspace')) as { checked: number };
  assert.equal(checked, 3, 'good.md, huge.md and insecure.md');
  const huge = await client.diagnostics((p) => p.uri.endsWith('/huge.md'));
  assert.deepEqual(huge.diagnostics, [tooLarge(TOO_LARGE)]);

  // After a whole-site check, a document closed in the editor is checked again from disk.
  for (const name of ['fifo.md', 'zero.md']) {
    const uri = uriOf(join(root, 'content/posts', name));
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: GOOD } });
    await client.diagnostics({ uri, version: 1 });
    const since = client.mark();
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const closed = await client.diagnostics({ uri }, since);
    assert.deepEqual(closed.diagnostics, [], `${name}: not read, its problems withdrawn`);
  }

  // The server still answers: another document opened after them gets its diagnostics.
  const insecure = uriOf(join(root, 'content/posts/insecure.md'));
  const since = client.mark();
  await client.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: insecure, languageId: 'markdown', version: 7, text: '---\ntitle: Insecure\ndate: 2025-01-01\n---\nSee [the garden guide](http://example.com/other).\n' },
  });
  const opened = await client.diagnostics({ uri: insecure, version: 7 }, since);
  assert.deepEqual(opened.diagnostics.map((d) => `${d.range.start.line} ${d.code}`), ['4 link-insecure']);

  // An open document over the limit: one diagnostic on line 1 instead of a check.
  const big = uriOf(join(root, 'content/posts/big-draft.md'));
  const text = `${GOOD}${'é'.repeat(TOO_LARGE / 2)}`;
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: big, languageId: 'markdown', version: 1, text } });
  const bigDiagnostics = await client.diagnostics({ uri: big, version: 1 });
  assert.deepEqual(bigDiagnostics.diagnostics, [tooLarge(GOOD.length + TOO_LARGE)]);

  assert.equal(await client.stop(), 0);
});
