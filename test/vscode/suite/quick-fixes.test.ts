/// <reference types="mocha" />
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { render } from '../../helpers/rendered-page';
import { closeAllEditors, openPost, ruleId, sitePath, waitForDiagnostics } from './helpers';

/**
 * The quick fixes that go beyond the engine's own edits, each applied as VS Code applies a
 * chosen action: its edit, then its command. Edits are left unsaved: teardown reverts them.
 */

/** A post of our own with an http link in the second item of a list, where a comment on a line of its own would split the list. */
const LIST_POST = ['content', 'blog', 'list-with-a-problem.md'];
const LIST_TEXT = ['---', 'title: Orchard tools', 'date: 2025-07-02', 'author: orchard', '---', '', 'What we lend:', '', '- ladders', '- pruning saws, from [the old shop](http://orchard.example/shop)', '- crates', ''].join('\n');

/** A post of our own, written into the test's copy of the site: a misplaced image path and two tracked links. */
const LINKS_POST = ['content', 'blog', 'links-to-mend.md'];
const LINKS_TEXT = [
  '---',
  'title: Links to mend',
  'date: 2025-07-01',
  'author: orchard',
  '---',
  '',
  'The courtyard: ![Tables under the pear trees](/images/harvest-summit-courtyard.jpg)',
  '',
  'Read [the plans](https://orchard.example/plans?utm_source=feed) and [the map](https://orchard.example/map?utm_campaign=spring).',
  '',
].join('\n');

async function quickFixes(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
}

/** The action whose title matches, or a failure naming the ones there were. */
function actionTitled(actions: vscode.CodeAction[], title: RegExp): vscode.CodeAction {
  const action = actions.find((candidate) => title.test(candidate.title));
  assert.ok(action, `no ${title} among the quick fixes: ${actions.map((candidate) => candidate.title).join(' | ')}`);
  return action;
}

/** What VS Code does with a chosen action: its edit, then its command. */
async function run(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.equal(await vscode.workspace.applyEdit(action.edit), true);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

const problemsOf = (rule: string) => (found: vscode.Diagnostic[]) => found.filter((diagnostic) => ruleId(diagnostic) === rule);

suite('Postlint quick fixes in VS Code', () => {
  suiteSetup(async () => {
    await vscode.workspace.fs.writeFile(sitePath(...LINKS_POST), new TextEncoder().encode(LINKS_TEXT));
    await vscode.workspace.fs.writeFile(sitePath(...LIST_POST), new TextEncoder().encode(LIST_TEXT));
  });
  teardown(closeAllEditors);

  test('“Add the closing quote” mends a title whose quote never closes', async () => {
    const uri = sitePath('content', 'blog', 'broken-yaml.md');
    const editor = await openPost(uri);
    const [syntax] = problemsOf('frontmatter-syntax')(await waitForDiagnostics(uri, (found) => problemsOf('frontmatter-syntax')(found).length === 1, 'frontmatter-syntax'));
    await run(actionTitled(await quickFixes(uri, syntax), /^Add the closing/));
    assert.equal(editor.document.lineAt(1).text, 'title: "Seed swap this Saturday"');
    await waitForDiagnostics(uri, (found) => problemsOf('frontmatter-syntax')(found).length === 0, 'a check with the quote closed');
  });

  test('“Change the link to …” points a broken image at the file its message names', async () => {
    const uri = sitePath(...LINKS_POST);
    const editor = await openPost(uri);
    const [broken] = problemsOf('link-broken-local')(await waitForDiagnostics(uri, (found) => problemsOf('link-broken-local')(found).length === 1, 'link-broken-local'));
    await run(actionTitled(await quickFixes(uri, broken), /^Change the link to/));
    assert.match(editor.document.lineAt(6).text, /\(\/img\/harvest-summit-courtyard\.jpg\)$/);
    await waitForDiagnostics(uri, (found) => problemsOf('link-broken-local')(found).length === 0, 'a check with the image found');
  });

  test('“Fix all link-tracking-params problems in this file” drops both tracking parameters at once', async () => {
    const uri = sitePath(...LINKS_POST);
    const editor = await openPost(uri);
    const tracked = await waitForDiagnostics(uri, (found) => problemsOf('link-tracking-params')(found).length === 2, 'two link-tracking-params');
    await run(actionTitled(await quickFixes(uri, problemsOf('link-tracking-params')(tracked)[0]), /^Fix all link-tracking-params problems in this file$/));
    assert.equal(editor.document.lineAt(8).text, 'Read [the plans](https://orchard.example/plans) and [the map](https://orchard.example/map).');
    await waitForDiagnostics(uri, (found) => problemsOf('link-tracking-params')(found).length === 0, 'a check with no tracking parameter');
  });

  test('“Disable author-unknown for this file” turns the rule off for the post, and its problem goes', async () => {
    const uri = sitePath('content', 'blog', 'front-matter-typos.md');
    await openPost(uri);
    const [author] = problemsOf('author-unknown')(await waitForDiagnostics(uri, (found) => problemsOf('author-unknown')(found).length === 1, 'author-unknown'));
    await run(actionTitled(await quickFixes(uri, author), /^Disable author-unknown for this file$/));
    await waitForDiagnostics(uri, (found) => problemsOf('author-unknown')(found).length === 0 && found.length > 0, 'the other problems alone');
  });

  test('“Disable link-insecure for this line” on a list item turns the rule off there and the page renders as before', async () => {
    const uri = sitePath(...LIST_POST);
    const editor = await openPost(uri);
    const [insecure] = problemsOf('link-insecure')(await waitForDiagnostics(uri, (found) => problemsOf('link-insecure')(found).length === 1, 'link-insecure'));
    const before = editor.document.getText();
    await run(actionTitled(await quickFixes(uri, insecure), /^Disable link-insecure for this line$/));
    const after = editor.document.getText();
    assert.notEqual(after, before, 'the comment went in');
    assert.deepEqual(render(after), render(before), `the list is still one list of three items:\n${after}`);
    await waitForDiagnostics(uri, (found) => problemsOf('link-insecure')(found).length === 0, 'a check with the rule off on that line');
  });

  test('“Add … to data/authors.yaml” adds the unknown author to the site\u2019s authors and opens the file at the new name', async () => {
    const uri = sitePath('content', 'blog', 'front-matter-typos.md');
    await openPost(uri);
    const [author] = problemsOf('author-unknown')(await waitForDiagnostics(uri, (found) => problemsOf('author-unknown')(found).length === 1, 'author-unknown'));
    await run(actionTitled(await quickFixes(uri, author), /^Add .mreys. to data\/authors\.yaml$/));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor is open');
    assert.equal(editor.document.uri.toString(), sitePath('data', 'authors.yaml').toString());
    const last = editor.document.lineCount - 2;
    assert.deepEqual([editor.document.lineAt(last - 1).text, editor.document.lineAt(last).text], ['mreys:', '  name: mreys']);
    assert.equal(editor.document.getText(editor.selection), 'mreys', 'the name is selected, for the author to write the person\u2019s name');
  });
});
