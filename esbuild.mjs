// One bundle step for every surface: the VS Code client, the language server and the CLI.
// Each bundle carries its dependencies, so the extension and the CLI run without node_modules.
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

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

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/lsp/main.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['server/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: `#!/usr/bin/env node\n${common.banner.js}` } }),
  esbuild.build({ ...common, sourcemap: false, entryPoints: ['schemas/json-schema.ts'], outfile: 'dist/json-schema.js' }),
]);

// The config file's JSON Schema is generated from the zod schema, never edited by hand.
const { configJsonSchemaText } = createRequire(import.meta.url)('./dist/json-schema.js');
writeFileSync('schemas/postlintrc.schema.json', configJsonSchemaText());
