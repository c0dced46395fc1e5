// Language server latency, over the protocol, as an editor sees it:
// - start-up: from spawning `postlint lsp --stdio` to the first diagnostics of an opened post;
// - typing: from a didChange to the diagnostics of that version, for the corpus's largest post
//   and a typical one (many edits each; p50 and p95 printed). Goals: p95 < 25 ms, start-up < 300 ms.
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
if (!existsSync(blog)) {
  console.log(`skipped: corpus not found at ${blog}`);
  process.exit(0);
}
if (!existsSync(cli)) {
  console.log('run npm run build first');
  process.exit(2);
}

const started = process.hrtime.bigint();
const child = spawn(process.execPath, [cli, 'lsp', '--stdio'], { cwd: site, stdio: ['pipe', 'pipe', 'inherit'] });
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
const diagnosed = (uri, version) => new Promise((resolve) => waiting.set(`${uri}@${version}`, resolve));
const ms = (from, to) => Number(to - from) / 1e6;

await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(site).href, capabilities: { workspace: { configuration: true } } });
await connection.sendNotification('initialized', {});

async function open(name) {
  const uri = pathToFileURL(join(blog, name)).href;
  const text = readFileSync(join(blog, name), 'utf8');
  const done = diagnosed(uri, 1);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  return { uri, text, at: await done };
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Types a character at the end of the post, `EDITS` times, timing each round trip. */
async function typing(document) {
  const lines = document.text.split('\n');
  const line = lines.length - 1;
  const times = [];
  for (let version = 2; version < 2 + EDITS; version++) {
    const character = lines[line].length + version - 2;
    const done = diagnosed(document.uri, version);
    const sent = process.hrtime.bigint();
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: document.uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }],
    });
    times.push(ms(sent, await done));
  }
  return times;
}

const first = await open('shutting-down-an-open-source-project.md');
const startup = ms(started, first.at);
const typical = await open('todo-member-hitachi.md');
const large = await typing(first);
const small = await typing(typical);
await connection.sendRequest('shutdown');
await connection.sendNotification('exit');

const row = (name, times) => `| ${name} | ${times.length} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${Math.max(...times).toFixed(1)} |`;
console.log(`node ${process.version}, ${EDITS} edits per post`);
console.log(`start-up to first diagnostics: ${startup.toFixed(0)} ms (goal < 300 ms)`);
console.log('| post | edits | p50 ms | p95 ms | max ms |\n| --- | ---: | ---: | ---: | ---: |');
console.log(row('shutting-down-an-open-source-project.md (26 KB)', large));
console.log(row('todo-member-hitachi.md (typical)', small));
const ok = startup < 300 && percentile(large, 95) < 25 && percentile(small, 95) < 25;
console.log(ok ? 'goals met' : 'goal missed');
process.exit(ok ? 0 : 1);
