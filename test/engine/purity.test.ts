import assert from 'node:assert/strict';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { importsOf, sourceFiles } from '../helpers/imports';

const ENGINE = join(__dirname, '..', '..', 'server', 'engine');
// The engine reaches the disk only through the injected Workspace, and knows no editor.
const FORBIDDEN = /^(node:)?(fs|fs\/promises|child_process|net|http|https|worker_threads|os)$|^vscode($|-languageserver|-languageclient|-jsonrpc)/;

test('the engine imports no fs, no editor and no LSP connection', () => {
  const offenders = importsOf(ENGINE)
    .filter(({ from }) => FORBIDDEN.test(from))
    .map(({ file, from }) => `${relative(ENGINE, file)} imports ${from}`);
  assert.ok(sourceFiles(ENGINE).length > 10, 'the engine sources were found');
  assert.deepEqual(offenders, []);
});
