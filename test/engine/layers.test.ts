import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { importsOf } from '../helpers/imports';

// The CLI and the language server are two adapters over the engine; what both need from
// Node (the disk workspace, the built-in templates, a site's posts, paths) lives in
// server/node/. Neither adapter reaches into the other, so either can change alone.

const SERVER = join(__dirname, '..', '..', 'server');

for (const [folder, other] of [
  ['cli', 'lsp'],
  ['lsp', 'cli'],
  ['node', 'cli'],
  ['node', 'lsp'],
] as const) {
  test(`server/${folder}/ imports nothing from server/${other}/`, () => {
    const crossing = importsOf(join(SERVER, folder)).filter(({ from }) => new RegExp(`^(\\.\\./)+${other}/`).test(from));
    assert.deepEqual(crossing, []);
  });
}

test('the import scan sees the imports it checks', () => {
  const cli = importsOf(join(SERVER, 'cli')).map(({ from }) => from);
  assert.ok(cli.includes('../node/node-workspace'), 'the CLI imports the shared Node workspace');
  assert.ok(importsOf(join(SERVER, 'lsp')).some(({ from }) => from === '../node/site-posts'), 'the server finds posts through server/node/');
});

test('schemas/ imports nothing from server/ or client/: the rules hand their options schemas to it', () => {
  const schemas = join(SERVER, '..', 'schemas');
  const reaching = importsOf(schemas).filter(({ from }) => /^(\.\.\/)+(server|client)\//.test(from));
  assert.deepEqual(reaching, []);
  assert.ok(importsOf(schemas).some(({ from }) => from === './zod'), 'the scan sees the imports of schemas/');
});
