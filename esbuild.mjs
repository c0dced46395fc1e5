// One bundle step for every surface: the VS Code client, the language server and the CLI.
// Each bundle carries its dependencies, so the extension and the CLI run without node_modules.
import * as esbuild from 'esbuild';
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // jsonc-parser's UMD build hides its requires from the bundler; its ES module build does not.
  mainFields: ['module', 'main'],
  // yaml's ES module build is its Node build less two debug switches it reads from process.env
  // for every token (LOG_TOKENS, LOG_STREAM): a fifth of each front matter parse. (Its rare
  // warnings go to console.warn rather than process.emitWarning.)
  alias: { yaml: './node_modules/yaml/browser/index.js' },
  // Some dependencies ship ES modules that read import.meta.url; in a CommonJS bundle it is this file's URL.
  define: { POSTLINT_VERSION: JSON.stringify(version), 'import.meta.url': '__postlintFileUrl' },
  banner: { js: "const __postlintFileUrl = require('url').pathToFileURL(__filename).href;" },
};

// The CLI and the language server are each a small boot file (server/boot.ts) and the
// bundle it runs from V8's code cache; the first line of the bundle names its build.
const buildLine = `// postlint build ${randomUUID()}`;
const bundleBanner = { js: `${buildLine}\n${common.banner.js}` };
const boot = { ...common, sourcemap: false, entryPoints: ['server/boot.ts'] };
for (const name of ['cli', 'server']) rmSync(`dist/${name}.bundle.js.cache`, { force: true });

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/lsp/main.ts'], outfile: 'dist/server.bundle.js', banner: bundleBanner }),
  esbuild.build({ ...common, entryPoints: ['server/postlint.ts'], outfile: 'dist/cli.bundle.js', banner: bundleBanner }),
  esbuild.build({ ...boot, outfile: 'dist/server.js' }),
  esbuild.build({ ...boot, outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
]);

// Each bundle runs as it would for a user and leaves its code cache when it exits, so that
// the cache holds compiled code for what ran, not only for the top level. The CLI checks the
// example site, then serves a short editor session (the cache it loads is kept and extended);
// the server bundle, which VS Code runs with its own Node (and so its own V8, which cannot
// use this cache), only starts and stops.

/** Language servers started for the cache: none outlives a failed session. */
const sessions = [];

const cacheEnv = { ...process.env, POSTLINT_WRITE_CODE_CACHE: '1' };
spawnSync(process.execPath, ['dist/cli.js', 'check', 'examples/site', '--format', 'json'], { env: cacheEnv, stdio: ['ignore', 'ignore', 'inherit'] });
await withTimeLimit(editorSession(['dist/cli.js', 'lsp', '--stdio'], cacheEnv), 60_000, 'the editor session that warms the code cache');
spawnSync(process.execPath, ['dist/server.js', '--stdio'], { env: cacheEnv, stdio: ['ignore', 'ignore', 'inherit'] });

/** A cache is only an optimisation: a session that fails or hangs costs a warning, never the build. */
async function withTimeLimit(work, ms, what) {
  let timer;
  const limit = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s`)), ms)));
  try {
    await Promise.race([work, limit]);
  } catch (error) {
    console.warn(`warning: ${what} failed (${error.message}); the CLI starts without its full code cache.`);
    for (const child of sessions) child.kill();
  } finally {
    clearTimeout(timer);
  }
}

/** Opens a post of the example site in the language server, asks what an editor asks, and stops it. */
async function editorSession(args, env) {
  const child = spawn(process.execPath, args, { env, stdio: ['pipe', 'pipe', 'inherit'] });
  sessions.push(child);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const uri = pathToFileURL(resolve('examples/site/content/blog/front-matter-typos.md')).href;
  const diagnosed = new Promise((resolve) => connection.onNotification('textDocument/publishDiagnostics', (params) => params.uri === uri && resolve(params)));
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({ validateWorkspace: false })));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(resolve('examples/site')).href, capabilities: { workspace: { configuration: true } } });
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(new URL(uri), 'utf8') } });
  const { diagnostics } = await diagnosed;
  const at = { textDocument: { uri }, position: { line: 1, character: 1 } };
  await connection.sendRequest('textDocument/hover', at);
  await connection.sendRequest('textDocument/completion', at);
  await connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0]?.range ?? { start: at.position, end: at.position }, context: { diagnostics } });
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  await exited;
  connection.dispose();
}
