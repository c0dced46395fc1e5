import assert from 'node:assert/strict';
import { realpathSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'postlint.postlint';

/** The site the driver opened: a copy of examples/site in a temporary folder, never the example itself. */
export function siteFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(folder, 'VS Code was started without a folder: the driver opens a copy of examples/site');
  // This file is bundled into dist/vscode-tests/ of the repository.
  const example = realpathSync(join(__dirname, '..', '..', 'examples', 'site'));
  const inside = relative(example, realpathSync(folder.fsPath));
  assert.ok(inside.startsWith('..'), `the tests change the site they run in, so they never run in ${example}`);
  return folder;
}

export function sitePath(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(siteFolder(), ...segments);
}

/** The rule id of a Postlint diagnostic: its code, which carries the rule's docs page as its target. */
export function ruleId(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function postlintDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'postlint');
}

const describe = (diagnostics: vscode.Diagnostic[]) =>
  diagnostics.map((diagnostic) => `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1} ${ruleId(diagnostic)}`).join(', ') || 'none';

/** Resolves with the post's Postlint diagnostics once they satisfy `ready`, checked at each change VS Code announces. */
export function waitForDiagnostics(uri: vscode.Uri, ready: (diagnostics: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = 45_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const diagnostics = postlintDiagnostics(uri);
      if (!ready(diagnostics)) return;
      finish();
      resolve(diagnostics);
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`No ${what} for ${uri.fsPath} within ${timeoutMs} ms; its Postlint diagnostics: ${describe(postlintDiagnostics(uri))}`));
    }, timeoutMs);
    function finish() {
      subscription.dispose();
      clearTimeout(timer);
    }
    // They may have arrived before we subscribed.
    check();
  });
}

export async function openPost(uri: vscode.Uri): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

/** Closes every editor, dropping unsaved changes, so that each test starts from the files on disk. */
export async function closeAllEditors(): Promise<void> {
  // A dirty editor would ask whether to save it, and nobody answers that dialog in a test.
  for (const document of vscode.workspace.textDocuments.filter((open) => open.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

const tabs = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs);

/** Resolves with the first open tab `matches` accepts, checked at each change of the tabs VS Code announces. */
export function waitForTab(matches: (tab: vscode.Tab) => boolean, what: string, timeoutMs = 45_000): Promise<vscode.Tab> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const tab = tabs().find(matches);
      if (!tab) return;
      finish();
      resolve(tab);
    };
    const subscription = vscode.window.tabGroups.onDidChangeTabs(check);
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`No ${what} within ${timeoutMs} ms; the tabs: ${tabs().map((tab) => tab.label).join(', ') || 'none'}`));
    }, timeoutMs);
    function finish() {
      subscription.dispose();
      clearTimeout(timer);
    }
    check();
  });
}
