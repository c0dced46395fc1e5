// Language server latency, over the protocol, as an editor sees it:
// - start-up: from spawning `postlint lsp --stdio` to the first diagnostics of an opened post,
//   for a fresh server each time (STARTS times; the median counts, as one run is noisy);
// - typing: from a didChange to the diagnostics of that version, for the corpus's largest post
//   and a typical one (many edits each; p50 and p95 printed). Goals: p95 < 25 ms, start-up < 300 ms.
//
//   node bench/lsp.mjs [edits] [starts]
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(process.env.POSTLINT_CORPUS ?? join(repo, '..', 'shared', 'corpus'));
const site = join(corpus, 'todogroup.org');
const blog = join(site, 'content', 'en', 'blog');
const cli = join(repo, 'dist', 'cli.js');
const EDITS = Number(process.argv[2] ?? 200);
const STARTS = Number(process.argv[3] ?? 7);
if (!existsSync(blog)) {
  console.log(`skipped: corpus not found at ${blog}`);
  process.exit(0);
}
if (!existsSync(cli)) {
  console.log('run npm run build first');
  process.exit(2);
}

const ms = (from, to) => Number(to - from) / 1e6;

/** A fresh server in the corpus site, initialized as an editor would; `started` is when it was spawned. */
async function startServer() {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [cli, 'lsp', '--stdio'], { cwd: site, stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const key = `${params.uri}@${params.version}`;
    waiting.get(key)?.(process.hrtime.bigint());
    waiting.delete(key);
  });
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({ enable: true, run: 'onType', validateWorkspace: false, configFile: '' })));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(site).href, capabilities: { workspace: { configuration: true } } });
  await connection.sendNotification('initialized', {});
  const server = {
    started,
    connection,
    diagnosed: (uri, version) => new Promise((resolve) => waiting.set(`${uri}@${version}`, resolve)),
    async open(name) {
      const uri = pathToFileURL(join(blog, name)).href;
      const text = readFileSync(join(blog, name), 'utf8');
      const done = server.diagnosed(uri, 1);
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      return { uri, text, at: await done };
    },
    async stop() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      await exited;
      connection.dispose();
    },
  };
  return server;
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Types a character at the end of the post, `EDITS` times, timing each round trip. */
async function typing(server, document) {
  const lines = document.text.split('\n');
  const line = lines.length - 1;
  const times = [];
  for (let version = 2; version < 2 + EDITS; version++) {
    const character = lines[line].length + version - 2;
    const done = server.diagnosed(document.uri, version);
    const sent = process.hrtime.bigint();
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: document.uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }],
    });
    times.push(ms(sent, await done));
  }
  return times;
}

const LARGEST = 'shutting-down-an-open-source-project.md';
const startups = [];
for (let run = 0; run < STARTS; run++) {
  const server = await startServer();
  startups.push(ms(server.started, (await server.open(LARGEST)).at));
  await server.stop();
}

const server = await startServer();
const first = await server.open(LARGEST);
const typical = await server.open('todo-member-hitachi.md');
const large = await typing(server, first);
const small = await typing(server, typical);
await server.stop();

const startup = percentile(startups, 50);
const row = (name, times) => `| ${name} | ${times.length} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${Math.max(...times).toFixed(1)} |`;
console.log(`node ${process.version}, ${EDITS} edits per post, ${STARTS} start-ups`);
console.log(`start-up to first diagnostics: median ${startup.toFixed(0)} ms (goal < 300 ms); each: ${startups.map((t) => t.toFixed(0)).join(', ')} ms`);
console.log('| post | edits | p50 ms | p95 ms | max ms |\n| --- | ---: | ---: | ---: | ---: |');
console.log(row(`${LARGEST} (26 KB)`, large));
console.log(row('todo-member-hitachi.md (typical)', small));
const ok = startup < 300 && percentile(large, 95) < 25 && percentile(small, 95) < 25;
console.log(ok ? 'goals met' : 'goal missed');
process.exit(ok ? 0 : 1);
