import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from '../../server/engine/types';
import { codeActions } from '../../server/lsp/code-actions';
import { toLspDiagnostic } from '../../server/lsp/convert';

// On the body's line: a comment above the opening `---` would end the front matter, so none is offered there.
const at = { start: { line: 3, character: 0 }, end: { line: 3, character: 4 } };
const finding = (ruleId: string): Diagnostic => ({ ruleId, severity: 'error', message: `${ruleId} says so.`, range: at, docsUrl: '', fixes: [] });

test('code actions: "disable for this line" and "for this file" are offered for a rule, never for a file too large to check or an internal error', () => {
  const document = TextDocument.create('file:///site/content/blog/p.md', 'markdown', 1, '---\ntitle: A\n---\nBody.\n');
  const diagnostics = [finding('link-insecure'), finding('internal-error'), finding('')];
  const actions = codeActions(document, { textDocument: { uri: document.uri }, range: at, context: { diagnostics: diagnostics.map(toLspDiagnostic) } }, diagnostics);
  assert.deepEqual(actions.map((action) => action.title), ['Disable link-insecure for this line', 'Disable link-insecure for this file']);
});
