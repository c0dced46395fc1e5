import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { CheckThread } from '../../server/lsp/check-thread';
import { diskSites } from '../helpers/disk-site';
import { TestClient, uriOf } from './client';

const STAND_IN = join(__dirname, 'fixtures', 'stand-in-check-thread.cjs');
const CHOICE = { configFile: '', trusted: true };

/** A check thread on the stand-in script, which stalls or crashes on demand; `logged` collects what it tells the server. */
function standIn(): { thread: CheckThread; logged: string[] } {
  const logged: string[] = [];
  // Two seconds without a heartbeat (the stand-in beats every 50 ms) is stuck: wide enough
  // that a thread still starting on a loaded machine, or one starved by other test files
  // running beside this one, is not taken for stuck; short enough for the test.
  const thread = new CheckThread({ entryFile: STAND_IN, openDocuments: () => [], stallMs: 2_000, log: (line) => logged.push(line) });
  return { thread, logged };
}

test('a check stuck in one step: its thread is stopped and started again; the stuck check is tried once more, then said not checked, and the others are answered', { timeout: 60_000 }, async (t) => {
  const { thread, logged } = standIn();
  t.after(() => thread.dispose());
  const stuck = thread.check('file:///site/hang.md', 'text', CHOICE);
  const other = thread.check('file:///site/fine.md', 'text', CHOICE);
  const result = await stuck;
  assert.equal(result.diagnostics.length, 1);
  assert.equal(result.diagnostics[0].ruleId, 'internal-error');
  assert.equal(result.diagnostics[0].message, 'Postlint could not check this post: checking it stopped the thread that checks posts, twice. A step ran for a minute without a pause, or the thread failed. Please report this, with the post.');
  // The other check was under way on the stuck thread too (queued behind it): it was tried again and came back clean.
  assert.deepEqual((await other).diagnostics, []);
  assert.equal(logged.length, 2, logged.join('\n'));
  for (const line of logged) assert.match(line, /^Postlint: a check ran for over \d+ s without a pause; its thread was stopped and started again\.$/);
  // The new thread serves on.
  assert.deepEqual((await thread.check('file:///site/after.md', 'text', CHOICE)).diagnostics, []);
});

test('a check thread that ends by itself is started again, and a page index it could not give touches every post', { timeout: 60_000 }, async (t) => {
  const { thread, logged } = standIn();
  t.after(() => thread.dispose());
  assert.equal(await thread.indexKeysOf('file:///site/crash.md', true, CHOICE), 'site');
  assert.deepEqual(logged, ['Postlint: the check thread stopped; it is started again.', 'Postlint: the check thread stopped; it is started again.']);
  assert.deepEqual((await thread.check('file:///site/after.md', 'text', CHOICE)).diagnostics, []);
});

const { site } = diskSites('postlint-lsp-thread-');

// A post the body parser is slow on (each paragraph just under the limit): its check lasts seconds, until half its budget.
const SLOW = `---\ntitle: Slow\ndate: 2025-01-01\n---\n\n${Array.from({ length: 100 }, () => '[a]('.repeat(4000)).join('\n\n')}\n`;
const POST = '---\ntitle: Tides\ndate: 2025-01-01\n---\n\nBody.\n';

test('lsp: hover is answered while a long check runs, before that check\u2019s problems are published', { timeout: 60_000 }, async () => {
  const root = site('hover-during-check', { 'content/blog/p.md': POST, 'content/blog/slow.md': SLOW });
  const client = new TestClient(root);
  await client.initialize(root);
  const post = uriOf(join(root, 'content/blog/p.md'));
  const slow = uriOf(join(root, 'content/blog/slow.md'));
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: post, languageId: 'markdown', version: 1, text: POST } });
  await client.diagnostics({ uri: post, version: 1 });
  // The slow post's check asks for its settings first; once it has them, all the rest of it
  // runs at once. The hover is sent just after the answer, so it arrives during that rest.
  let asked!: () => void;
  const slowSettingsAsked = new Promise<void>((resolve) => (asked = resolve));
  client.connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string }[] }) => {
    if (params.items.some((item) => item.scopeUri === slow)) asked();
    return params.items.map(() => client.settings);
  });
  const since = client.mark();
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: slow, languageId: 'markdown', version: 1, text: SLOW } });
  await slowSettingsAsked;
  await new Promise((resolve) => setImmediate(resolve));
  // On the line `title: Tides`: the hover names the key.
  const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: post }, position: { line: 1, character: 2 } })) as { contents: { value: string } } | null;
  assert.ok(hover && /title/i.test(hover.contents.value), JSON.stringify(hover));
  // The open post has nothing to be checked again for: any notification since would be the slow post's.
  assert.equal(client.mark(), since, 'the hover waited for the slow check');
  // And the slow check did run: its problems come, the body given up on past half its budget.
  const published = await client.diagnostics({ uri: slow, version: 1 }, since, 60_000);
  assert.deepEqual(published.diagnostics.map((diagnostic) => diagnostic.code), ['internal-error']);
  assert.equal(await client.stop(), 0);
});
