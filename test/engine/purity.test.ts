import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const ENGINE = join(__dirname, '..', '..', 'server', 'engine');
// The engine reaches the disk only through the injected Workspace, and knows no editor.
const FORBIDDEN = /^(node:)?(fs|fs\/promises|child_process|net|http|https|worker_threads|os)$|^vscode($|-languageserver|-languageclient|-jsonrpc)/;

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : [],
  );
}

test('the engine imports no fs, no editor and no LSP connection', () => {
  const offenders: string[] = [];
  for (const file of sources(ENGINE)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)) {
      if (FORBIDDEN.test(match[1])) offenders.push(`${relative(ENGINE, file)} imports ${match[1]}`);
    }
  }
  assert.ok(sources(ENGINE).length > 10, 'the engine sources were found');
  assert.deepEqual(offenders, []);
});
