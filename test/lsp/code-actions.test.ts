import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver/node';
import type { Diagnostic } from '../../server/engine/types';
import { codeActions } from '../../server/lsp/code-actions';
import { toLspDiagnostic } from '../../server/lsp/convert';
import { postWith } from '../helpers/link-fixes';
import { checkPost, hugoSite, only } from '../helpers/memory-workspace';

const PATH = 'content/blog/p.md';
const INSECURE = '[the club](http://harbour.example/club)';

function apply(text: string, action: CodeAction): string {
  const document = TextDocument.create('file:///site/content/blog/p.md', 'markdown', 1, text);
  return TextDocument.applyEdits(document, Object.values(action.edit!.changes!).flat());
}

// On the body's line: a comment above the opening `---` would end the front matter, so none is offered there.
const at = { start: { line: 3, character: 0 }, end: { line: 3, character: 4 } };
const finding = (ruleId: string): Diagnostic => ({ ruleId, severity: 'error', message: `${ruleId} says so.`, range: at, docsUrl: '', fixes: [] });

test('code actions: "disable for this line" and "for this file" are offered for a rule, never for a file too large to check or an internal error', () => {
  const document = TextDocument.create('file:///site/content/blog/p.md', 'markdown', 1, '---\ntitle: A\n---\nBody.\n');
  const diagnostics = [finding('link-insecure'), finding('internal-error'), finding('')];
  const actions = codeActions(document, { textDocument: { uri: document.uri }, range: at, context: { diagnostics: diagnostics.map(toLspDiagnostic) } }, diagnostics);
  assert.deepEqual(actions.map((action) => action.title), ['Disable link-insecure for this line', 'Disable link-insecure for this file']);
});

test('fix all of a rule in this file: offered where the rule has more than one safe fix here, and applies them all as --fix does', async () => {
  const text = postWith(`See [the club](https://harbour.example/club?utm_source=mail) and [the quay](https://harbour.example/quay?utm_campaign=x).\n\nAlso ${INSECURE}.\n`);
  const site = hugoSite({ [PATH]: text });
  const found = await checkPost(site, PATH);
  const tracking = only(found, 'link-tracking-params');
  assert.equal(tracking.length, 2);
  const document = TextDocument.create('file:///site/content/blog/p.md', 'markdown', 1, text);
  const ask = (diagnostic: (typeof found)[number]) => {
    const lsp = toLspDiagnostic(diagnostic);
    return codeActions(document, { textDocument: { uri: document.uri }, range: lsp.range, context: { diagnostics: [lsp] } }, found);
  };
  const titles = ask(tracking[0]).map((action) => action.title);
  assert.deepEqual(titles.slice(1, 4), ['Fix all link-tracking-params problems in this file', 'Disable link-tracking-params for this line', 'Disable link-tracking-params for this file']);
  const after = apply(text, ask(tracking[0]).find((action) => action.title === 'Fix all link-tracking-params problems in this file')!);
  assert.deepEqual(only(await checkPost(hugoSite({ [PATH]: after }), PATH), 'link-tracking-params'), []);
  assert.ok(after.includes(INSECURE), 'other rules\u2019 findings are left as they are');
  // One finding of a rule with a safe fix: its own fix is all there is to apply.
  const insecure = only(found, 'link-insecure');
  assert.equal(insecure.length, 1);
  assert.ok(!ask(insecure[0]).some((action) => action.title === 'Fix all link-insecure problems in this file'));
});

test('code actions: "Show documentation for <rule>" comes last, once per rule, through the command the editor named, and only then', () => {
  const document = TextDocument.create('file:///site/content/blog/p.md', 'markdown', 1, '---\ntitle: A\n---\nBody.\n');
  const diagnostics = [finding('link-insecure'), { ...finding('link-insecure'), message: 'Another.' }];
  const params = { textDocument: { uri: document.uri }, range: at, context: { diagnostics: diagnostics.map(toLspDiagnostic) } };
  const actions = codeActions(document, params, diagnostics, { ruleDocsCommand: 'editor.showRuleDocs' });
  const docs = actions.filter((action) => action.title === 'Show documentation for link-insecure');
  assert.equal(docs.length, 1);
  assert.equal(actions.at(-1), docs[0]);
  assert.deepEqual(docs[0].command, { title: 'Show documentation for link-insecure', command: 'editor.showRuleDocs', arguments: ['link-insecure'] });
  assert.equal(docs[0].diagnostics?.length, 2);
  // An editor that named no command has each diagnostic's link to the page instead.
  assert.ok(!codeActions(document, params, diagnostics).some((action) => action.title.startsWith('Show documentation')));
});

test('code actions: an unknown author gets "Add “key” to data/authors.yaml", an entry at the file\u2019s end, then the file opened at its name', async () => {
  const text = '---\ntitle: A\ndate: 2025-01-01\nauthor: zed\n---\nBody.\n';
  const site = hugoSite({ [PATH]: text });
  const found = only(await checkPost(site, PATH), 'author-unknown');
  const document = TextDocument.create('file:///site/content/blog/p.md', 'markdown', 1, text);
  const lsp = toLspDiagnostic(found[0]);
  const params = { textDocument: { uri: document.uri }, range: lsp.range, context: { diagnostics: [lsp] } };
  const authors = { uri: 'file:///site/data/authors.yaml', path: '/site/data/authors.yaml', root: '/site', text: 'alice:\n  name: Alice Martin\n' };
  const [add] = codeActions(document, params, found, { authorsFile: authors, canReveal: true }).filter((action) => action.title.startsWith('Add'));
  assert.equal(add.title, 'Add \u201czed\u201d to data/authors.yaml');
  const edited = TextDocument.applyEdits(TextDocument.create(authors.uri, 'yaml', 1, authors.text), add.edit!.changes![authors.uri]);
  assert.equal(edited, 'alice:\n  name: Alice Martin\nzed:\n  name: zed\n');
  // Opened with the new name selected, for the author to write the person's name.
  assert.deepEqual(add.command, { title: add.title, command: 'postlint.reveal', arguments: [authors.uri, { start: { line: 3, character: 8 }, end: { line: 3, character: 11 } }] });

  // A file that does not end its last line, a key YAML must quote, TOML; JSON gets none; an editor that cannot open files gets the edit alone.
  const askWith = (file: typeof authors, key = 'zed') => {
    const diagnostic = { ...found[0] };
    const doc = TextDocument.create(document.uri, 'markdown', 1, text.replace('author: zed', `author: ${key}`));
    const range = { start: lsp.range.start, end: { line: lsp.range.start.line, character: lsp.range.start.character + key.length } };
    const asked = { ...toLspDiagnostic({ ...diagnostic, range }) };
    return codeActions(doc, { textDocument: { uri: doc.uri }, range, context: { diagnostics: [asked] } }, [{ ...diagnostic, range }], { authorsFile: file, canReveal: false }).find((action) => action.title.startsWith('Add'));
  };
  const unended = askWith({ ...authors, text: 'alice:\n  name: Alice' });
  assert.equal(TextDocument.applyEdits(TextDocument.create(authors.uri, 'yaml', 1, 'alice:\n  name: Alice'), unended!.edit!.changes![authors.uri]), 'alice:\n  name: Alice\nzed:\n  name: zed\n');
  assert.equal(unended!.command, undefined);
  const quoted = askWith(authors, 'a:b');
  assert.equal(quoted!.edit!.changes![authors.uri][0].newText, '"a:b":\n  name: "a:b"\n');
  const toml = askWith({ ...authors, uri: 'file:///site/data/authors.toml', path: '/site/data/authors.toml', text: '[alice]\nname = "Alice"\n' });
  assert.equal(toml!.title, 'Add \u201czed\u201d to data/authors.toml');
  assert.equal(toml!.edit!.changes!['file:///site/data/authors.toml'][0].newText, '\n["zed"]\nname = "zed"\n');
  assert.equal(askWith({ ...authors, uri: 'file:///site/data/authors.json', path: '/site/data/authors.json', text: '{}' }), undefined);
});
