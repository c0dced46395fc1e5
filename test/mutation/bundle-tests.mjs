// Stryker's build step (stryker.config.json, buildCommand), run inside its sandbox once
// the sources carry every mutant. Each in-process test file is bundled with the code it
// tests into `<name>.test.mutation.cjs` beside it, so that __dirname, and the paths tests
// build from it, stay the same. A bundle starts in about 0.4 s where tsx took 1 s: with
// thousands of mutants, each run against a few test files, that is most of the time.
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

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

/**
 * Our sources name their own folder with `__dirname` (tests build paths from it). ES
 * modules have none: each file gets its folder written in at build time. Dependencies
 * that read `__dirname` get the chunk's own from the banner.
 */
const ownFolder = {
  name: 'own-folder',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes('/node_modules/')) return undefined;
      const text = await readFile(args.path, 'utf8');
      return { contents: text.replaceAll('__dirname', JSON.stringify(dirname(args.path))), loader: 'ts' };
    });
  },
};

await esbuild.build({
  entryPoints,
  outdir: '.',
  outbase: '.',
  entryNames: '[dir]/[name].mutation',
  chunkNames: 'test/mutation/chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  // One copy of the engine for all test files, loaded once when a process runs several.
  splitting: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  logLevel: 'warning',
  // As in esbuild.mjs: jsonc-parser's UMD build hides its requires from a bundler.
  mainFields: ['module', 'main'],
  plugins: [ownFolder],
  banner: {
    js: "import { createRequire as __mutationRequire } from 'node:module'; import { fileURLToPath as __mutationPath } from 'node:url'; import { dirname as __mutationDir } from 'node:path'; const require = __mutationRequire(import.meta.url); const __filename = __mutationPath(import.meta.url); const __dirname = __mutationDir(__filename);",
  },
});
