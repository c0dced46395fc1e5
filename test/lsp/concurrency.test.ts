import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { diskSites } from '../helpers/disk-site';
import { TestClient, uriOf } from './client';

/**
 * Changes that arrive while a document is being checked: the server must end on the
 * diagnostics of the latest version, published once, and never publish an older
 * version's after a newer one has reached it.
 */

const { site } = diskSites('postlint-lsp-concurrency-');

const POST = 'content/blog/p.md';

/** A post whose only problem names its author: each version's diagnostics say which text was checked. */
const post = (author: string) => `---\ntitle: Tides\ndate: 2025-01-01\nauthor: ${author}\n---\nBody.\n`;
const unknownAuthor = (author: string) => `“${author}” is not an author of this site. Use a key of data/authors.yaml, or add the author there.`;
const AUTHOR_OF_VERSION: Record<number, string> = { 1: 'writer-one', 2: 'writer-two', 3: 'writer-three' };

const messages = (params: PublishDiagnosticsParams) => params.diagnostics.map((d) => d.message);

/** Waits for an event, and fails saying what it waited for if it never comes (a bound, not a timing). */
async function within<T>(what: string, promise: Promise<T>, ms = 30_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`gave up after ${ms / 1000} s waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, bound]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A request the server answers at once, having handled every message sent before it
 * (no handler: "method not found"). When it returns, every notification the server
 * sent before answering has been received.
 */
async function roundTrip(client: TestClient): Promise<void> {
  const answer = await client.connection.sendRequest('postlint/test-round-trip').then(
    () => 'a result',
    (error: { code?: number }) => error.code,
  );
  assert.equal(answer, -32601, 'the server answers an unknown request with "method not found"');
}

/** The diagnostics notifications received between two `client.mark()`s, in the order they arrived. */
async function receivedBetween(client: TestClient, since: number, end: number): Promise<PublishDiagnosticsParams[]> {
  const received: PublishDiagnosticsParams[] = [];
  // `diagnostics` offers each notification from `since` on to the match in order; the last one ends it.
  if (end > since) await client.diagnostics((params) => received.push(params) === end - since, since);
  return received;
}

async function started(name: string): Promise<{ client: TestClient; uri: string }> {
  const root = site(name, { 'data/authors.yaml': 'alice:\n  name: Alice Martin\n', [POST]: post('alice') });
  const client = new TestClient(root);
  await client.initialize(root);
  const uri = uriOf(join(root, POST));
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: post(AUTHOR_OF_VERSION[1]) } });
  const first = await within('the diagnostics of version 1', client.diagnostics((p) => p.uri === uri && p.version === 1));
  assert.deepEqual(messages(first), [unknownAuthor(AUTHOR_OF_VERSION[1])]);
  return { client, uri };
}

function change(client: TestClient, uri: string, version: number): Promise<void> {
  return client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: post(AUTHOR_OF_VERSION[version]) }] });
}

/**
 * Holds the client's answers to workspace/configuration until `release()`, as an editor
 * busy elsewhere would. A check asks for the settings first when they have changed;
 * all else it does (reading the site, parsing, the rules) runs without giving the
 * event loop a turn, so however big the post, a change sent during it is read only
 * after it. A check waiting on its settings is one a change does arrive during, and
 * it lasts as long as the test holds the answer: no sleeps, no luck.
 */
function holdSettings(client: TestClient): { asked: Promise<void>; release: () => void } {
  let release!: () => void;
  let asked!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const askedOnce = new Promise<void>((resolve) => (asked = resolve));
  client.connection.onRequest('workspace/configuration', async (params: { items: unknown[] }) => {
    asked();
    await released;
    return params.items.map(() => client.settings);
  });
  return { asked: askedOnce, release };
}

test('lsp: didChange v2 and v3 back to back: v3 is published once, last, and nothing for v2 comes after it', { timeout: 60_000 }, async () => {
  const { client, uri } = await started('back-to-back');
  const since = client.mark();
  await Promise.all([change(client, uri, 2), change(client, uri, 3)]);
  const third = await within('the diagnostics of version 3', client.diagnostics((p) => p.uri === uri && p.version === 3, since));
  assert.deepEqual(messages(third), [unknownAuthor(AUTHOR_OF_VERSION[3])]);
  await roundTrip(client);
  const received = (await receivedBetween(client, since, client.mark())).filter((p) => p.uri === uri);
  // Version 2 may be published if its check ended before version 3 arrived; never after it.
  const versions = received.map((p) => p.version);
  assert.ok(['[3]', '[2,3]'].includes(JSON.stringify(versions)), `versions published, in order: ${JSON.stringify(versions)}`);
  for (const params of received) assert.deepEqual(messages(params), [unknownAuthor(AUTHOR_OF_VERSION[params.version!])], `version ${params.version}`);
  assert.equal(await client.stop(), 0);
});

test('lsp: a change that arrives during a check: only the latest version is published, exactly once', { timeout: 60_000 }, async () => {
  const { client, uri } = await started('during-check');
  const settings = holdSettings(client);
  const since = client.mark();
  // New settings: the open post is checked again, and that check waits for the client's answer.
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  await within('the check of version 1 to ask for its settings', settings.asked);
  await change(client, uri, 2);
  // The change has reached the server while the check of version 1 is still under way.
  await roundTrip(client);
  settings.release();
  await within('the diagnostics of version 2', client.diagnostics((p) => p.uri === uri && p.version === 2, since));
  await roundTrip(client);
  const received = (await receivedBetween(client, since, client.mark())).filter((p) => p.uri === uri);
  assert.deepEqual(
    received.map((p) => ({ version: p.version, messages: messages(p) })),
    [{ version: 2, messages: [unknownAuthor(AUTHOR_OF_VERSION[2])] }],
    'the result for version 1 came after version 2 arrived: stale, never published',
  );
  assert.equal(await client.stop(), 0);
});
