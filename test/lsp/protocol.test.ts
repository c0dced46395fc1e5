import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, Diagnostic, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { copyExampleSite } from '../vscode/workspace';
import { TestClient, uriOf } from './client';

const temp = mkdtempSync(join(tmpdir(), 'postlint-lsp-'));
after(() => rmSync(temp, { recursive: true, force: true }));

const exampleSite = (name: string) => copyExampleSite(temp, name);

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => String(d.code)).sort();

test('protocol: open, diagnose, edit, fix, complete, hover, shut down', { timeout: 60_000 }, async () => {
  const root = exampleSite('push');
  const client = new TestClient(root);
  const init = await client.initialize(root);
  assert.ok(init.capabilities.codeActionProvider && init.capabilities.hoverProvider && init.capabilities.completionProvider);

  const path = join(root, 'content', 'blog', 'front-matter-typos.md');
  const uri = uriOf(path);
  let document = TextDocument.create(uri, 'markdown', 1, readFileSync(path, 'utf8'));
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: document.getText() } });
  const first = await client.diagnostics({ uri, version: 1 });
  // `Title:` is the title, as Hugo reads it; the example site asks for the schema's spelling.
  assert.deepEqual(codes(first.diagnostics), ['author-unknown', 'frontmatter-key-case', 'frontmatter-schema', 'frontmatter-schema']);
  const keyCase = first.diagnostics.find((d) => d.code === 'frontmatter-key-case')!;
  assert.deepEqual(keyCase.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } });
  assert.match(String(keyCase.codeDescription?.href), /docs\/rules\/frontmatter-key-case\.md$/);
  const onTitle = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } })) as Hover;
  assert.match(JSON.stringify(onTitle.contents), /\*\*title\*\* \(string\).*The title of the post/, 'hover names the key as Hugo reads it');
  assert.match(JSON.stringify(onTitle.contents), /_In a post, with the hugo preset\._/, 'and the schema it comes from, in words');

  // Typing, without saving: the new text is checked.
  const edit = (version: number, changes: TextEdit[]) => {
    document = TextDocument.update(document, changes.map((change) => ({ range: change.range, text: change.newText })), version);
    return client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: changes.map((change) => ({ range: change.range, text: change.newText })),
    });
  };
  await edit(2, [{ range: keyCase.range, newText: 'title' }]);
  const second = await client.diagnostics({ uri, version: 2 });
  assert.deepEqual(codes(second.diagnostics), ['author-unknown', 'frontmatter-schema', 'frontmatter-schema']);

  // A quick fix from the engine, applied as an editor would.
  const author = second.diagnostics.find((d) => d.code === 'author-unknown')!;
  const actions = (await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: author.range,
    context: { diagnostics: [author] },
  })) as CodeAction[];
  assert.deepEqual(actions.map((action) => action.title), ['Change the author to “mreyes”', 'Add \u201cmreys\u201d to data/authors.yaml', 'Disable author-unknown for this line', 'Disable author-unknown for this file']);
  assert.equal(actions[0].isPreferred, true);
  await edit(3, actions[0].edit!.changes![uri]);
  const third = await client.diagnostics({ uri, version: 3 });
  assert.deepEqual(codes(third.diagnostics), ['frontmatter-schema', 'frontmatter-schema']);

  // The disable comment goes in front matter as a YAML comment.
  const draft = third.diagnostics.find((d) => /draft/.test(typeof d.message === 'string' ? d.message : d.message.value))!;
  const draftActions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: draft.range, context: { diagnostics: [draft] } })) as CodeAction[];
  const disable = draftActions.find((action) => action.title === 'Disable frontmatter-schema for this line')!;
  assert.equal(disable.edit!.changes![uri][0].newText, '# postlint-disable-next-line frontmatter-schema\n');

  // Hover: the key's description and type from the schema, and the rule of a problem under it.
  const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 1 } })) as Hover;
  assert.match(JSON.stringify(hover.contents), /\*\*date\*\*.*The date of the post/);

  const onProblem = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: draft.range.start })) as Hover;
  assert.match(JSON.stringify(onProblem.contents), /frontmatter-schema/);

  // Completion: keys with descriptions, then values the site knows.
  await edit(4, [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, newText: 'de' }]);
  const keys = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 5, character: 2 } })) as CompletionItem[];
  const description = keys.find((item) => item.label === 'description');
  assert.ok(description, 'description is offered');
  assert.match(JSON.stringify(description.documentation ?? ''), /search engines/);
  assert.ok(!keys.some((item) => item.label === 'title'), 'keys already present are not offered again');
  await edit(5, [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 2 } }, newText: 'author: ' }]);
  const authors = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 5, character: 8 } })) as CompletionItem[];
  assert.deepEqual(authors.map((item) => item.label).sort(), ['mreyes', 'orchard', 'tkowalski']);
  assert.equal(authors.find((item) => item.label === 'mreyes')!.detail, 'Marisol Reyes');

  assert.equal(await client.stop(), 0);
});

test('protocol: templates as snippets in an empty post; New Post plans the file', { timeout: 60_000 }, async () => {
  const root = exampleSite('snippets');
  const client = new TestClient(root);
  await client.initialize(root);
  const uri = uriOf(join(root, 'content', 'blog', 'new.md'));
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: '' } });
  const items = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } })) as CompletionItem[];
  const welcome = items.find((item) => /member welcome/.test(item.label))!;
  assert.equal(welcome.insertTextFormat, 2, 'a snippet');
  assert.match(welcome.insertText!, /^---\ntitle: "\$\{1:\[\[title\]\]\}"\n/, "a tab stop starts as the placeholder itself");
  assert.match(welcome.insertText!, /postlint_kind: member-welcome/);

  const withFrontMatter = uriOf(join(root, 'content', 'blog', 'welcome-orchard-labs.md'));
  const text = readFileSync(join(root, 'content', 'blog', 'welcome-orchard-labs.md'), 'utf8');
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: withFrontMatter, languageId: 'markdown', version: 1, text } });
  const body = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: withFrontMatter }, position: { line: 10, character: 0 } })) as CompletionItem[];
  assert.ok(!body.some((item) => item.insertTextFormat === 2), 'never a second front matter block');

  const plan = (await client.connection.sendRequest('postlint/newPost', { kind: 'event-recap', title: 'Cider Day', event: 'Cider Day 2026', anchorUri: uriOf(root) })) as { uri: string; snippet: string };
  assert.equal(plan.uri, uriOf(join(root, 'content', 'blog', 'cider-day.md')));
  assert.match(plan.snippet, /^---\ntitle: "Cider Day"\n/);
  assert.match(plan.snippet, /\$\{1:/);
  assert.equal(await client.stop(), 0);
});

test('protocol: completion never stands between a typed fence or list item and its Enter', { timeout: 60_000 }, async () => {
  const root = exampleSite('fences');
  const client = new TestClient(root);
  const init = await client.initialize(root);
  const { triggerCharacters } = init.capabilities.completionProvider as { triggerCharacters: string[] };
  assert.ok(!triggerCharacters.includes('-'), 'typing `-` asks for no completion');
  const uri = uriOf(join(root, 'content', 'blog', 'new.md'));
  let version = 0;
  const labels = async (text: string, typed: string | undefined) => {
    version += 1;
    if (version === 1) await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
    else await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    const lines = text.split('\n');
    const position = { line: lines.length - 1, character: lines.at(-1)!.length };
    const context = typed === undefined ? { triggerKind: 1 } : { triggerKind: 2, triggerCharacter: typed };
    const items = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position, context })) as CompletionItem[];
    return items.map((item) => item.label);
  };
  // A space typed at the top of an empty post, or `---` typed then Enter: a new line, not a template.
  assert.deepEqual(await labels(' ', ' '), []);
  assert.deepEqual(await labels('---', undefined).then((found) => found.filter((label) => label.endsWith('post'))), ['Postlint: member welcome post', 'Postlint: event recap post'], 'asked for (Ctrl+Space), the templates are there');
  // Inside the front matter, a line that starts with `-` is a list item or the closing fence.
  assert.deepEqual(await labels('---\ntitle: Apples\n-', undefined), []);
  assert.deepEqual(await labels('---\ntitle: Apples\ntags:\n  - ', ' '), []);
  assert.ok((await labels('---\ntitle: Apples\nde', undefined)).includes('description'), 'the start of a key still completes');
  assert.ok((await labels('---\ntitle: Apples\n', undefined)).includes('description'), 'and so does an empty line');
  assert.equal(await client.stop(), 0);
});

test('protocol: the log starts with the version, the site, its preset and config file, and says how long a whole-site check took', { timeout: 60_000 }, async () => {
  const root = exampleSite('log');
  const client = new TestClient(root);
  await client.initialize(root);
  assert.match(await client.log(/language server on Node/), /^Postlint (\d+\.\d+\.\d+|dev), language server on Node v\d+/);
  assert.equal(await client.log(/the Hugo site at/), `Postlint: the Hugo site at ${root}, preset hugo, config file ${join(root, '.postlintrc.json')}`);
  await client.connection.sendRequest('postlint/checkWorkspace');
  assert.match(await client.log(/checked the site/), /^Postlint: checked the site: 6 posts in \d+\.\d s$/);
  assert.equal(await client.stop(), 0);
});

test('protocol: postlint/starterConfig plans .postlintrc.json at the site root, and never through a symlink to nothing', { timeout: 60_000 }, async () => {
  const root = exampleSite('starter');
  rmSync(join(root, '.postlintrc.json'));
  const client = new TestClient(root);
  await client.initialize(root);
  const planned = (await client.connection.sendRequest('postlint/starterConfig', { anchorUri: uriOf(join(root, 'content', 'blog')) })) as { uri: string; text: string };
  assert.equal(planned.uri, uriOf(join(root, '.postlintrc.json')));
  assert.match(planned.text, /"extends": "hugo"/);
  // The client would write there, following the link out of the site.
  symlinkSync(join(temp, 'elsewhere.json'), join(root, '.postlintrc.json'));
  const refused = (await client.connection.sendRequest('postlint/starterConfig', { anchorUri: uriOf(root) })) as { error: string };
  assert.match(refused.error, /is a symlink that leads outside the site or to nothing/);
  assert.equal(await client.stop(), 0);
});

test('protocol: pull diagnostics when the client supports them; whole-site check with progress', { timeout: 60_000 }, async () => {
  const root = exampleSite('pull');
  const client = new TestClient(root);
  const init = await client.initialize(root, { textDocument: { diagnostic: {}, publishDiagnostics: {} } });
  assert.ok(init.capabilities.diagnosticProvider);
  const path = join(root, 'content', 'blog', 'no-front-matter.md');
  const uri = uriOf(path);
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(path, 'utf8') } });
  const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { kind: string; items: Diagnostic[] };
  assert.equal(report.kind, 'full');
  assert.deepEqual(codes(report.items), ['frontmatter-missing', 'heading-title-duplicate']);

  const result = (await client.connection.sendRequest('postlint/checkWorkspace')) as { checked: number };
  assert.equal(result.checked, 5, 'the six posts but the open one');
  const broken = await client.diagnostics((p) => p.uri.endsWith('/broken-yaml.md'));
  assert.deepEqual(codes(broken.diagnostics), ['frontmatter-syntax']);
  const clean = await client.diagnostics((p) => p.uri.endsWith('/welcome-orchard-labs.md'));
  assert.deepEqual(clean.diagnostics, []);
  assert.ok(client.progress.some((p) => JSON.stringify(p).includes('"kind":"begin"')) && client.progress.some((p) => JSON.stringify(p).includes('"kind":"end"')));
  assert.equal(await client.stop(), 0);
});

test('protocol: "Add … to data/authors.yaml" edits the site\u2019s authors file, then its command opens that file at the new name', { timeout: 60_000 }, async () => {
  const root = exampleSite('add-author');
  const client = new TestClient(root);
  await client.initialize(root, { window: { workDoneProgress: true, showDocument: { support: true } } });
  const path = join(root, 'content', 'blog', 'front-matter-typos.md');
  const uri = uriOf(path);
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(path, 'utf8') } });
  const author = (await client.diagnostics({ uri, version: 1 })).diagnostics.find((d) => d.code === 'author-unknown')!;
  const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: author.range, context: { diagnostics: [author] } })) as CodeAction[];
  const add = actions.find((action) => action.title === 'Add \u201cmreys\u201d to data/authors.yaml')!;
  const authorsUri = uriOf(join(root, 'data', 'authors.yaml'));
  const authorsText = readFileSync(join(root, 'data', 'authors.yaml'), 'utf8');
  const edited = TextDocument.applyEdits(TextDocument.create(authorsUri, 'yaml', 1, authorsText), add.edit!.changes![authorsUri]);
  assert.equal(edited, `${authorsText}mreys:\n  name: mreys\n`);
  // The editor runs the action's command after its edit; the server asks it to open the file there.
  const shown = new Promise<{ uri: string; selection?: unknown; takeFocus?: boolean }>((resolve) => {
    client.connection.onRequest('window/showDocument', (params: { uri: string; selection?: unknown; takeFocus?: boolean }) => {
      resolve(params);
      return { success: true };
    });
  });
  await client.connection.sendRequest('workspace/executeCommand', { command: add.command!.command, arguments: add.command!.arguments });
  const lines = authorsText.split('\n').length;
  assert.deepEqual(await shown, { uri: authorsUri, takeFocus: true, selection: { start: { line: lines, character: 8 }, end: { line: lines, character: 13 } } });
  assert.equal(await client.stop(), 0);
});

test('protocol: an editor with a status item of its own (siteCheckStatus) gets postlint/siteCheck for a whole-site check, and no work-done progress', { timeout: 60_000 }, async () => {
  const root = exampleSite('site-check-status');
  const client = new TestClient(root);
  const notices: { checked: number; total: number; done: boolean }[] = [];
  client.connection.onNotification('postlint/siteCheck', (params: { checked: number; total: number; done: boolean }) => void notices.push(params));
  await client.initialize(root, {}, { trusted: true, siteCheckStatus: true });
  const result = (await client.connection.sendRequest('postlint/checkWorkspace')) as { checked: number };
  assert.equal(result.checked, 6);
  assert.deepEqual(notices[0], { checked: 0, total: 0, done: false }, 'said first, while the posts are found');
  assert.deepEqual(notices.at(-1), { checked: 6, total: 6, done: true });
  assert.ok(notices.some((notice) => !notice.done && notice.total === 6), 'and how far it is on the way');
  assert.equal(client.progress.length, 0, 'no work-done progress besides');
  assert.equal(await client.stop(), 0);
});
