import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { copyExampleSite } from '../vscode/workspace';
import { answer, startServer, type TestServer } from '../node/external-links/helpers';
import { TestClient, uriOf } from './client';

// "Check External Links in This Post" over the protocol: the server requests the open
// post's links, keeps the verdicts, and publishes link-dead findings with the post's others.

const temp = mkdtempSync(join(tmpdir(), 'postlint-lsp-links-'));
after(() => rmSync(temp, { recursive: true, force: true }));

let server: TestServer;
before(async () => {
  server = await startServer({ '/ok': (_q, response) => answer(response, 200), '/gone': (_q, response) => answer(response, 404) });
});
after(() => server.close());

/** A copy of the example site whose config allows the test server's loopback address, with a post linking to it. */
function siteWithLinks(name: string): { root: string; path: string; text: string } {
  const root = copyExampleSite(temp, name);
  writeFileSync(join(root, '.postlintrc.json'), JSON.stringify({ extends: 'hugo', checkExternal: { allowPrivate: ['127.0.0.1'] } }));
  const text = ['---', 'title: Pruning day', 'date: 2026-02-14', 'author: sam', '---', '', `See [the guide](${server.url('/ok')}) and [the old map](${server.url('/gone')}).`, ''].join('\n');
  const path = join(root, 'content', 'blog', 'pruning-day.md');
  writeFileSync(path, text);
  return { root, path, text };
}

const linkDead = (diagnostics: Diagnostic[]) => diagnostics.filter((diagnostic) => diagnostic.code === 'link-dead');

async function openPost(client: TestClient, path: string, text: string): Promise<string> {
  const uri = uriOf(path);
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await client.diagnostics({ uri, version: 1 });
  return uri;
}

test('the request checks the post\u2019s links and its diagnostics then hold link-dead, at the URL', { timeout: 60_000 }, async () => {
  const { root, path, text } = siteWithLinks('trusted');
  const client = new TestClient(root);
  await client.initialize(root, {}, { trusted: true });
  const uri = await openPost(client, path, text);
  const since = client.mark();
  const result = (await client.connection.sendRequest('postlint/checkExternalLinks', { uri })) as { links: number; problems: number; summary: string };
  assert.deepEqual({ links: result.links, problems: result.problems }, { links: 2, problems: 1 });
  assert.match(result.summary, /external links: 2 URLs checked \(1 dead\)/);
  const published = await client.diagnostics((params) => params.uri === uri && linkDead(params.diagnostics).length > 0, since);
  const [dead] = linkDead(published.diagnostics);
  const line = text.split('\n')[dead.range.start.line];
  assert.equal(line.slice(dead.range.start.character, dead.range.end.character), server.url('/gone'));
  assert.equal(dead.severity, 1);
  assert.ok(existsSync(join(root, '.postlint-cache', 'links.json')), 'a trusted folder keeps the verdicts');
  assert.equal(await client.stop(), 0);
});

test('in a folder the editor does not trust, allowPrivate is ignored: nothing is sent, nothing written', { timeout: 60_000 }, async () => {
  const { root, path, text } = siteWithLinks('untrusted');
  const client = new TestClient(root);
  await client.initialize(root, {}, { trusted: false });
  const uri = await openPost(client, path, text);
  const before = server.seen.length;
  const result = (await client.connection.sendRequest('postlint/checkExternalLinks', { uri })) as { links: number; problems: number; summary: string };
  assert.equal(result.problems, 0);
  assert.match(result.summary, /2 not checked/);
  assert.equal(server.seen.length, before);
  assert.equal(existsSync(join(root, '.postlint-cache')), false);
  assert.equal(await client.stop(), 0);
});

test('checkExternalOnSave: saving the post checks its links, and the output says what was found', { timeout: 60_000 }, async () => {
  const { root, path, text } = siteWithLinks('on-save');
  const client = new TestClient(root);
  client.settings = { ...client.settings, checkExternalOnSave: true };
  await client.initialize(root, {}, { trusted: true });
  const uri = await openPost(client, path, text);
  const since = client.mark();
  await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
  await client.log(/pruning-day\.md: external links: 2 URLs checked \(1 dead\)/);
  await client.diagnostics((params) => params.uri === uri && linkDead(params.diagnostics).length === 1, since);
  // A Markdown file that is not a post, saved: nothing is requested, and nothing is said.
  const notes = join(root, 'NOTES.md');
  writeFileSync(notes, `Draft links: ${server.url('/gone')}\n`);
  const before = server.seen.length;
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(notes), languageId: 'markdown', version: 1, text: `Draft links: ${server.url('/gone')}\n` } });
  await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri: uriOf(notes) } });
  // The post saved after it: its line (its verdicts now from the cache) comes once both saves were handled.
  await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
  await client.log(/pruning-day\.md: external links: .*2 from the cache/);
  assert.equal(server.seen.length, before);
  assert.equal(client.logs.filter((line) => line.includes('NOTES.md')).length, 0, client.logs.join('\n'));
  const asked = (await client.connection.sendRequest('postlint/checkExternalLinks', { uri: uriOf(notes) })) as { error?: string };
  assert.match(asked.error ?? '', /NOTES\.md is not a post of the site/);
  assert.equal(await client.stop(), 0);
});
