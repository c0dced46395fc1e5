import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { CLI } from '../helpers/cli';

/** Starts `postlint lsp --stdio`, writes `input`, and waits for the server to exit (it must, by itself). */
function serverGiven(input: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const server = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    server.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    server.on('exit', (code) => resolve({ code, stderr }));
    // Left open, as an editor leaves it: only the server can end this.
    server.stdin.write(input);
  });
}

const INITIALIZE = '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}';

const MALFORMED: [string, string][] = [
  ['a Content-Length that is no number', 'Content-Length: abc\r\n\r\n{}'],
  ['no Content-Length', 'Content-Type: application/json\r\n\r\n{}'],
  ['a Content-Length too short for its JSON', `Content-Length: 5\r\n\r\n${INITIALIZE}`],
  ['a negative Content-Length', 'Content-Length: -5\r\n\r\n{}'],
  ['random bytes', '\u0000\u00ff\u00fe not a header at all\r\n\r\n'],
  // A length too long is waited for, as the protocol says; the next message completes it,
  // and the bytes read then are not one JSON value.
  ['a Content-Length too long for its JSON, then the next message', `Content-Length: 100\r\n\r\n${INITIALIZE}Content-Length: ${INITIALIZE.length}\r\n\r\n${INITIALIZE}`],
];

for (const [what, input] of MALFORMED) {
  test(`language server framing: ${what} makes it say so in one line and exit 1, never go deaf`, { timeout: 30_000 }, async () => {
    const { code, stderr } = await serverGiven(input);
    assert.equal(code, 1);
    assert.match(stderr, /^postlint: the language server cannot read its input \(.+\); it stops so that the editor can start it again\n$/);
  });
}
