import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient, uriOf } from './client';

// When a page changes, the posts that link to it are checked again, opened or not:
// on disk (watched files), and while it is edited, unsaved.

const temp = mkdtempSync(join(tmpdir(), 'postlint-changes-'));
after(() => rmSync(temp, { recursive: true, force: true }));

const POST = (body: string) => `---\ntitle: A post\ndate: 2026-01-05\n---\n\n${body}\n`;
const GUIDE = (heading: string) => `---\ntitle: Guide\ndate: 2026-01-02\n---\n\n## ${heading}\n`;

function write(root: string, path: string, text: string): string {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text);
  return full;
}

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => String(d.code)).sort();
const FILE_CHANGED = 2;
const FILE_CREATED = 1;
const FILE_DELETED = 3;

test('site changes: a changed, created or deleted page re-checks the posts that link to it, never opened', { timeout: 60_000 }, async () => {
  const root = join(temp, 'site');
  write(root, 'hugo.yaml', 'baseURL: https://example.org/\n');
  const linking = uriOf(write(root, 'content/blog/linking.md', POST('Read [the guide](/blog/guide/#getting-started) and [the sequel](/blog/sequel/).')));
  const guide = write(root, 'content/blog/guide.md', GUIDE('Getting started'));
  const client = new TestClient(root);
  await client.initialize(root);

  assert.equal(((await client.connection.sendRequest('postlint/checkWorkspace')) as { checked: number }).checked, 2);
  const first = await client.diagnostics({ uri: linking });
  assert.deepEqual(codes(first.diagnostics), ['link-broken-local'], 'the sequel does not exist yet');

  // The guide's heading changes on disk: its fragment breaks.
  let since = client.mark();
  writeFileSync(guide, GUIDE('First steps'));
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(guide), type: FILE_CHANGED }] });
  const renamed = await client.diagnostics({ uri: linking }, since);
  assert.deepEqual(codes(renamed.diagnostics), ['link-broken-fragment', 'link-broken-local']);

  // The sequel is written: that link is mended.
  since = client.mark();
  const sequel = write(root, 'content/blog/sequel.md', POST('The story goes on.'));
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(sequel), type: FILE_CREATED }] });
  const mended = await client.diagnostics({ uri: linking }, since);
  assert.deepEqual(codes(mended.diagnostics), ['link-broken-fragment']);
  // A new post of a site checked whole is checked too.
  assert.deepEqual((await client.diagnostics({ uri: uriOf(sequel) }, since)).diagnostics, []);

  // The guide is opened and its heading typed back, unsaved: the closed post follows.
  since = client.mark();
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(guide), languageId: 'markdown', version: 1, text: GUIDE('First steps') } });
  await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf(guide), version: 2 }, contentChanges: [{ text: GUIDE('Getting started') }] });
  const typed = await client.diagnostics((p) => p.uri === linking && p.diagnostics.length === 0, since);
  assert.deepEqual(typed.diagnostics, []);

  // The linking post is deleted: its problems go with it.
  since = client.mark();
  rmSync(join(root, 'content/blog/linking.md'));
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: linking, type: FILE_DELETED }] });
  assert.deepEqual((await client.diagnostics({ uri: linking }, since)).diagnostics, []);
  assert.equal(await client.stop(), 0);
});

test('site changes: in pull mode, opening a post the whole-site check pushed withdraws the pushed copy; closing it pushes the saved file\u2019s problems again', { timeout: 60_000 }, async () => {
  const root = join(temp, 'pull');
  write(root, 'hugo.yaml', 'baseURL: https://example.org/\n');
  const path = write(root, 'content/blog/untitled.md', '---\ndate: 2026-01-05\n---\n\nNo title yet.\n');
  const uri = uriOf(path);
  const client = new TestClient(root);
  await client.initialize(root, { textDocument: { diagnostic: {}, publishDiagnostics: {} } });
  await client.connection.sendRequest('postlint/checkWorkspace');
  assert.deepEqual(codes((await client.diagnostics({ uri })).diagnostics), ['frontmatter-schema']);

  let since = client.mark();
  const fixed = '---\ntitle: Now with a title\ndate: 2026-01-05\n---\n\nNo title yet.\n';
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: fixed } });
  assert.deepEqual((await client.diagnostics({ uri }, since)).diagnostics, [], 'the pushed copy is withdrawn');
  const pulled = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] };
  assert.deepEqual(pulled.items, [], 'the open text has a title');

  // Closed unsaved: the file on disk still has no title, and the list says so again.
  since = client.mark();
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  assert.deepEqual(codes((await client.diagnostics({ uri }, since)).diagnostics), ['frontmatter-schema']);
  assert.equal(await client.stop(), 0);
});
