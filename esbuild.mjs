// One bundle step for every surface: the VS Code client, the language server and the CLI.
// Each bundle carries its dependencies, so the extension and the CLI run without node_modules.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';

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
const buildId = randomUUID();
const buildLine = `// postlint build ${buildId}`;
// Each bundle is written as the function Node's module wrapper would make of it, so that the
// boot file compiles the file's text as it is: wrapping it there (Module.wrap) made a second
// copy of the 2 MB text, which every thread (the main one, each worker) kept to its end.
const [wrapperStart, wrapperEnd] = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'];
const bundleBanner = { js: `${wrapperStart}${buildLine}\n${common.banner.js}` };
// Without their comments (whitespace minified; names kept, for stack traces), the two bundles
// are ASCII: the bundler escapes what is past ASCII in strings, and comments were the rest.
// Node then decodes them as fast as a copy (boot.ts), where a single curly quote cost the
// CLI's start 20 to 40 ms of decoding into a string of two bytes a character.
// The build id is in their code too: a --cache run keys its results by it (result-cache.ts).
const startedBundle = { ...common, banner: bundleBanner, footer: { js: wrapperEnd }, minifyWhitespace: true, define: { ...common.define, POSTLINT_BUILD: JSON.stringify(buildId) } };
const boot = { ...common, sourcemap: false, entryPoints: ['server/boot.ts'] };
for (const name of ['cli', 'server']) rmSync(`dist/${name}.bundle.js.cache`, { force: true });

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({ ...startedBundle, entryPoints: ['server/lsp/main.ts'], outfile: 'dist/server.bundle.js' }),
  esbuild.build({ ...startedBundle, entryPoints: ['server/postlint.ts'], outfile: 'dist/cli.bundle.js' }),
  esbuild.build({ ...boot, outfile: 'dist/server.js', define: { ...common.define, POSTLINT_SHORT_RUNS: 'false' } }),
  esbuild.build({ ...boot, outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, define: { ...common.define, POSTLINT_SHORT_RUNS: 'true' } }),
]);

// The CLI runs once as it would for a user, checking the example site, and leaves its code
// cache when it exits: the cache then holds compiled code for what a check runs, not only
// for the top level. Only the CLI: VS Code runs the server with its own Node, whose V8
// cannot use a cache written by this one, so the build starts no language server. A
// failed run costs a warning and a slower start, never the build.
const warm = spawnSync(process.execPath, ['dist/cli.js', 'check', 'examples/site', '--format', 'json'], {
  env: { ...process.env, POSTLINT_WRITE_CODE_CACHE: '1' },
  stdio: ['ignore', 'ignore', 'inherit'],
  timeout: 60_000,
});
if (warm.error || warm.status === null || warm.status > 1) console.warn(`warning: the run that writes the CLI's code cache failed (${warm.error?.message ?? `exit ${warm.status ?? warm.signal}`}); the CLI starts without it.`);
