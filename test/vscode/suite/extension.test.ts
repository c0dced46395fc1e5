/// <reference types="mocha" />
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, openPost, ruleId, sitePath, waitForDiagnostics, waitForTab } from './helpers';

/** The post of examples/site with known front matter mistakes (see `postlint check examples/site`). */
const TYPOS = ['content', 'blog', 'front-matter-typos.md'];
const TYPOS_RULES = ['author-unknown', 'frontmatter-key-case', 'frontmatter-schema', 'frontmatter-schema'];

const sortedRules = (diagnostics: vscode.Diagnostic[]) => diagnostics.map(ruleId).sort();

suite('Postlint in VS Code', () => {
  teardown(closeAllEditors);

  test('activates on a post and registers its commands', async () => {
    await openPost(sitePath(...TYPOS));
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    await extension.activate();
    assert.equal(extension.isActive, true);
    const commands = await vscode.commands.getCommands(true);
    for (const command of ['postlint.checkWholeSite', 'postlint.newPost', 'postlint.showOutput']) assert.ok(commands.includes(command), `${command} is not registered`);
  });

  test('reports the post\u2019s problems by rule id', async () => {
    const uri = sitePath(...TYPOS);
    await openPost(uri);
    const diagnostics = await waitForDiagnostics(uri, (found) => found.length === TYPOS_RULES.length, `${TYPOS_RULES.length} problems`);
    assert.deepEqual(sortedRules(diagnostics), TYPOS_RULES);
    const keyCase = diagnostics.find((diagnostic) => ruleId(diagnostic) === 'frontmatter-key-case');
    assert.equal(keyCase?.range.start.line, 1, 'the key `Title`, spelt `title` in the schema, is on line 2');
    assert.equal(keyCase?.severity, vscode.DiagnosticSeverity.Warning);
  });

  test('a quick fix renames `Title` to `title`, and the problem it caused goes away', async () => {
    const uri = sitePath(...TYPOS);
    const editor = await openPost(uri);
    const diagnostics = await waitForDiagnostics(uri, (found) => found.some((diagnostic) => ruleId(diagnostic) === 'frontmatter-key-case'), 'frontmatter-key-case');
    const keyCase = diagnostics.find((diagnostic) => ruleId(diagnostic) === 'frontmatter-key-case')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, keyCase.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((action) => action.title);
    const rename = actions.find((action) => action.title === 'Rename “Title” to “title”');
    assert.ok(rename?.edit, `no rename among the quick fixes: ${titles.join(' | ')}`);
    assert.ok(titles.includes('Disable frontmatter-key-case for this line'), titles.join(' | '));

    assert.equal(await vscode.workspace.applyEdit(rename.edit), true);
    assert.equal(editor.document.lineAt(1).text, 'title: Planting plans for the autumn');
    // The server checks the changed text: the key is spelt as the schema spells it.
    const after = await waitForDiagnostics(uri, (found) => !found.some((diagnostic) => ruleId(diagnostic) === 'frontmatter-key-case'), 'check of the fixed text');
    assert.deepEqual(sortedRules(after), ['author-unknown', 'frontmatter-schema', 'frontmatter-schema']);
  });

  test('the quick fix \u201cShow documentation\u201d opens the rule\u2019s page, shipped in the extension, in the Markdown preview', async () => {
    const uri = sitePath(...TYPOS);
    await openPost(uri);
    const diagnostics = await waitForDiagnostics(uri, (found) => found.some((diagnostic) => ruleId(diagnostic) === 'frontmatter-key-case'), 'frontmatter-key-case');
    const keyCase = diagnostics.find((diagnostic) => ruleId(diagnostic) === 'frontmatter-key-case')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, keyCase.range, vscode.CodeActionKind.QuickFix.value);
    const docs = actions.find((action) => action.title === 'Show documentation for frontmatter-key-case');
    assert.ok(docs?.command, `no "Show documentation" among the quick fixes: ${actions.map((action) => action.title).join(' | ')}`);
    await vscode.commands.executeCommand(docs.command.command, ...(docs.command.arguments ?? []));
    const preview = await waitForTab((tab) => tab.input instanceof vscode.TabInputWebview && tab.label.includes('frontmatter-key-case.md'), 'Markdown preview of frontmatter-key-case.md');
    assert.match((preview.input as vscode.TabInputWebview).viewType, /markdown\.preview/);
  });

  test('a broken .postlintrc.json gets its problem on the value, and the open post keeps its problems', async () => {
    const post = sitePath(...TYPOS);
    // Not as previews: a preview tab is replaced by the next file opened, and its document closed.
    const keepOpen = async (uri: vscode.Uri) => vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    await keepOpen(post);
    await waitForDiagnostics(post, (found) => found.length === TYPOS_RULES.length, `${TYPOS_RULES.length} problems`);
    const config = sitePath('.postlintrc.json');
    const original = await vscode.workspace.fs.readFile(config);
    try {
      const editor = await keepOpen(config);
      const text = editor.document.getText();
      const at = text.indexOf('"frontmatter-key-case": "warn"');
      assert.ok(at > 0, 'the example config sets frontmatter-key-case');
      const value = new vscode.Range(editor.document.positionAt(at + '"frontmatter-key-case": '.length), editor.document.positionAt(at + '"frontmatter-key-case": "warn"'.length));
      assert.equal(await editor.edit((edit) => edit.replace(value, '"of"')), true);
      await editor.document.save();
      const [problem] = await waitForDiagnostics(config, (found) => found.length > 0, 'the config file\u2019s problem');
      assert.equal(problem.message, '“of” is not a setting of the rule. Write "error", "warn" or "off" (or 2, 1, 0), or ["warn", { options }].');
      assert.equal(problem.range.start.line, value.start.line);
      // The post is checked again with the last config that read: its problems stay, frontmatter-key-case among them.
      const kept = await waitForDiagnostics(post, (found) => found.length === TYPOS_RULES.length, 'the post\u2019s problems, kept');
      assert.deepEqual(sortedRules(kept), TYPOS_RULES);
    } finally {
      await vscode.workspace.fs.writeFile(config, original);
    }
  });

  test('completion offers the member-welcome template in an empty post, and it inserts', async () => {
    const uri = sitePath('content', 'blog', 'empty-post.md');
    await vscode.workspace.fs.writeFile(uri, new Uint8Array());
    const editor = await openPost(uri);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(0, 0));
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    const template = list.items.find((item) => item.label === 'Postlint: member welcome post');
    assert.ok(template, `no member-welcome template among: ${labels.join(' | ')}`);
    assert.ok(template.insertText instanceof vscode.SnippetString, 'the template is a snippet');

    assert.equal(await editor.insertSnippet(template.insertText), true);
    const text = editor.document.getText();
    assert.match(text, /^---\ntitle: /);
    assert.match(text, /^postlint_kind: member-welcome$/m);
    assert.match(text, /^## Representatives$/m);
    // The cursor waits on the first thing to type: the title.
    assert.equal(editor.selection.start.line, 1);
  });
});
