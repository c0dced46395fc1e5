// Stryker's build step (stryker.config.json, buildCommand), run inside its sandbox once
// the sources carry every mutant. Each in-process test file is bundled with the code it
// tests into `<name>.test.mutation.cjs` beside it, so that __dirname, and the paths tests
// build from it, stay the same. A bundle starts in about 0.4 s where tsx took 1 s: with
// thousands of mutants, each run against a few test files, that is most of the time.
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const FOLDERS = ['test/rules', 'test/engine', 'test/markdown', 'test/cli', 'test/lsp', 'test/security'];

/**
 * Tests that run the built CLI or server (or read dist/) test what carries no mutant: running
 * them for each mutant would only cost time. What they import tells them apart.
 */
const SPAWNS = /from '(?:\.\.\/helpers\/cli|\.\.\/lsp\/client|\.\/client|esbuild)'/;

const entryPoints = FOLDERS.flatMap((folder) =>
  readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
    .map((entry) => join(folder, entry.name))
    .filter((file) => !SPAWNS.test(readFileSync(file, 'utf8'))),
);

await esbuild.build({
  entryPoints,
  outdir: '.',
  outbase: '.',
  entryNames: '[dir]/[name].mutation',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  // As in esbuild.mjs: jsonc-parser's UMD build hides its requires from a bundler.
  mainFields: ['module', 'main'],
  define: { 'import.meta.url': '__mutationFileUrl' },
  banner: { js: "const __mutationFileUrl = require('url').pathToFileURL(__filename).href;" },
});
