// Packs the npm package a site installs (`npm install --save-dev postlint`, then `npx
// postlint check`): the CLI's bundle and what it reads beside it, from a staging folder.
//
// Why a staging folder: the repository's package.json is the VS Code extension's
// manifest, and vsce refuses a `files` field next to .vscodeignore. The npm package gets
// a manifest of its own here, with no dependencies: the bundle carries them all.
//
// Usage: node npm-package.mjs [--out <folder>]   (after npm run build; prints the tarball's path)

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = import.meta.dirname;
// A folder of its own for each run: two packings at once (tests side by side) must not share one.
const STAGE = mkdtempSync(join(tmpdir(), 'postlint-npm-package-'));

/** What the package holds, from the repository: every other file stays out. */
const FILES = [
  'dist/cli.js',
  'dist/cli.bundle.js',
  'schemas/templates/event-recap.md',
  'schemas/templates/member-welcome.md',
  'schemas/postlintrc.schema.json',
  'README.md',
  'LICENSE',
  'SECURITY.md',
  'docs/internal-error.md',
  ...readdirSync(join(ROOT, 'docs', 'rules'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/rules/${name}`),
];

/** The extension's manifest, less what only VS Code reads; no dependencies. */
function manifest() {
  const extension = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  return {
    name: extension.name,
    version: extension.version,
    description: extension.description,
    license: extension.license,
    repository: extension.repository,
    keywords: extension.keywords,
    engines: { node: extension.engines.node },
    bin: { postlint: 'dist/cli.js' },
    files: FILES,
  };
}

function stage() {
  for (const file of FILES) {
    const from = join(ROOT, file);
    if (!existsSync(from)) throw new Error(`${file} is missing: run npm run build first`);
    mkdirSync(join(STAGE, file, '..'), { recursive: true });
    cpSync(from, join(STAGE, file));
  }
  writeFileSync(join(STAGE, 'package.json'), `${JSON.stringify(manifest(), null, 2)}\n`);
}

const { values } = parseArgs({ options: { out: { type: 'string', default: ROOT } } });
const out = resolve(values.out);
mkdirSync(out, { recursive: true });
let packed;
try {
  stage();
  // --ignore-scripts: the staged manifest has none, and packing must run nothing else either.
  packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', out], { cwd: STAGE, encoding: 'utf8' }));
} finally {
  rmSync(STAGE, { recursive: true, force: true });
}
const { filename, size, unpackedSize, entryCount } = packed[0];
process.stderr.write(`${entryCount} files, ${(size / 1e6).toFixed(2)} MB packed, ${(unpackedSize / 1e6).toFixed(2)} MB unpacked\n`);
process.stdout.write(`${join(out, filename)}\n`);
