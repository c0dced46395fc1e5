import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

// The CLI and the language server are two adapters over the engine; what both need from
// Node (the disk workspace, the built-in templates, a site's posts, paths) lives in
// server/node/. Neither adapter reaches into the other, so either can change alone.

const SERVER = join(__dirname, '..', '..', 'server');

/** The relative module paths a folder's TypeScript files import, with the file that imports each. */
function importsOf(folder: string): { file: string; from: string }[] {
  const found: { file: string; from: string }[] = [];
  for (const entry of readdirSync(join(SERVER, folder), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const file = join(entry.parentPath, entry.name);
    for (const match of readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^;]*?from '([^']+)'/gms)) found.push({ file, from: match[1] });
  }
  return found;
}

for (const [folder, other] of [
  ['cli', 'lsp'],
  ['lsp', 'cli'],
  ['node', 'cli'],
  ['node', 'lsp'],
] as const) {
  test(`server/${folder}/ imports nothing from server/${other}/`, () => {
    const crossing = importsOf(folder).filter(({ from }) => new RegExp(`^(\\.\\./)+${other}/`).test(from));
    assert.deepEqual(crossing, []);
  });
}

test('the import scan sees the imports it checks', () => {
  const cli = importsOf('cli').map(({ from }) => from);
  assert.ok(cli.includes('../node/node-workspace'), 'the CLI imports the shared Node workspace');
  assert.ok(importsOf('lsp').some(({ from }) => from === '../node/site-posts'), 'the server finds posts through server/node/');
});
