/// <reference types="mocha" />
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, sitePath } from './helpers';

type Window = typeof vscode.window;
type Answers = { kind: string; inputs: string[] };

/**
 * Answers the command's quick pick and input boxes, and records its error messages, by standing in
 * for those window functions; `run` restores them, whatever happens. The extension shares this
 * `vscode` API object with the tests, since they are loaded from the extension's own folder.
 */
async function answering(answers: Answers, command: () => Thenable<unknown>): Promise<{ prompts: string[]; errors: string[] }> {
  const window = vscode.window as { -readonly [K in keyof Window]: Window[K] };
  const saved = { showQuickPick: window.showQuickPick, showInputBox: window.showInputBox, showErrorMessage: window.showErrorMessage };
  const inputs = [...answers.inputs];
  const prompts: string[] = [];
  const errors: string[] = [];
  window.showQuickPick = (async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>) =>
    (await items).find((item) => item.description === answers.kind)) as unknown as Window['showQuickPick'];
  window.showInputBox = (async (options?: vscode.InputBoxOptions) => {
    const answer = inputs.shift();
    prompts.push(options?.prompt ?? '');
    // The command's own validation must accept what a person would type.
    assert.equal(answer !== undefined && (await options?.validateInput?.(answer)), undefined);
    return answer;
  }) as unknown as Window['showInputBox'];
  window.showErrorMessage = (async (message: string) => void errors.push(message)) as unknown as Window['showErrorMessage'];
  try {
    await command();
  } finally {
    Object.assign(window, saved);
  }
  return { prompts, errors };
}

const newPost = () => vscode.commands.executeCommand('postlint.newPost');
const readText = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));

suite('Postlint: New Post\u2026', () => {
  teardown(closeAllEditors);

  test('creates a member welcome where `postlint new` would, opens it, cursor on the first placeholder', async () => {
    const { prompts, errors } = await answering({ kind: 'member-welcome', inputs: ['Welcoming Fabrikam', 'Fabrikam'] }, newPost);
    assert.deepEqual(errors, []);
    assert.deepEqual(prompts, ['The title of the post', 'The organisation that joined']);

    const uri = sitePath('content', 'blog', 'welcoming-fabrikam.md');
    const text = await readText(uri);
    assert.match(text, /^title: "Welcoming Fabrikam"$/m);
    assert.match(text, /^postlint_kind: member-welcome$/m);
    assert.match(text, /^member: "Fabrikam"$/m);

    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString(), 'the new post is the active editor');
    assert.equal(editor.document.isDirty, false, 'the new post is saved');
    // The title and organisation are filled in: the first placeholder left is the author.
    assert.equal(editor.selection.start.line, 2);
    assert.equal(editor.document.lineAt(2).text.startsWith('author: '), true, editor.document.lineAt(2).text);
    assert.equal(editor.selection.isEmpty, false, 'the placeholder is selected, ready to be typed over');
  });

  test('never overwrites an existing post', async () => {
    const uri = sitePath('content', 'blog', 'welcome-orchard-labs.md');
    const before = await readText(uri);
    const { errors } = await answering({ kind: 'member-welcome', inputs: ['Welcome Orchard Labs', 'Orchard Labs'] }, newPost);
    assert.equal(errors.length, 1, `one error message, not: ${JSON.stringify(errors)}`);
    assert.match(errors[0], /welcome-orchard-labs\.md/);
    assert.equal(await readText(uri), before);
  });
});
