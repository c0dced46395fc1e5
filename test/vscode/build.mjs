// Bundles the extension-host suite (test/vscode/suite) into dist/vscode-tests/: one file per test
// file, as Mocha loads them, plus the index VS Code runs. `vscode` is the extension host's own
// module; Mocha is required from the repository's node_modules at run time.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const suite = join(import.meta.dirname, 'suite');
const outdir = join(import.meta.dirname, '..', '..', 'dist', 'vscode-tests');
const entryPoints = readdirSync(suite)
  .filter((name) => name === 'index.ts' || name.endsWith('.test.ts'))
  .map((name) => join(suite, name));

rmSync(outdir, { recursive: true, force: true });
await esbuild.build({
  entryPoints,
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  logLevel: 'warning',
  external: ['vscode', 'mocha'],
});
