import type * as vscode from 'vscode';
import { CHECK_EXTERNAL_LINKS, CHECK_WORKSPACE, NEW_POST, SHOW_RULE_DOCS, STARTER_CONFIG, type CheckExternalLinksParams, type CheckExternalLinksResult, type NewPostParams, type NewPostResult, type StarterConfigParams, type StarterConfigResult } from '../schemas/protocol';

/** What the commands need of the language client. */
export interface Client {
  sendRequest<R>(method: string, params?: unknown): Promise<R>;
  readonly outputChannel: { show(preserveFocus?: boolean): void };
}

/** The context of the commands. The VS Code API is passed in, so that tests can stand in for it. */
export interface PostlintContext {
  readonly vscode: typeof vscode;
  readonly client: Client;
  /** Where the extension is installed: its rule pages are in docs/rules/. */
  readonly extensionUri: vscode.Uri;
}

/** The commands, by id; package.json contributes the same ids. */
export function commands(ctx: PostlintContext): Record<string, (...args: unknown[]) => Promise<unknown> | void> {
  return {
    'postlint.checkWholeSite': checkWholeSite(ctx),
    'postlint.newPost': newPost(ctx),
    'postlint.showOutput': () => ctx.client.outputChannel.show(),
    [SHOW_RULE_DOCS]: showRuleDocs(ctx),
    'postlint.createConfig': createConfig(ctx),
    'postlint.checkExternalLinks': checkExternalLinks(ctx),
  };
}

/**
 * Writes `.postlintrc.json` at the root of the site, as `postlint init` does, and opens
 * it; one that exists is opened, never written over.
 */
function createConfig({ vscode, client }: PostlintContext): () => Promise<void> {
  const { window, workspace } = vscode;
  return async () => {
    const anchor = anchorUri(vscode);
    if (!anchor) {
      void window.showErrorMessage('Postlint: open the folder of a Hugo site to give it a .postlintrc.json.');
      return;
    }
    try {
      const result = await client.sendRequest<StarterConfigResult>(STARTER_CONFIG, { anchorUri: anchor } satisfies StarterConfigParams);
      if ('error' in result) {
        void window.showErrorMessage(result.error);
        return;
      }
      const uri = vscode.Uri.parse(result.uri);
      if (await exists(vscode, uri)) void window.showInformationMessage(`${uri.fsPath} exists: Postlint opens it, and never writes over it.`);
      else await workspace.fs.writeFile(uri, new TextEncoder().encode(result.text));
      await window.showTextDocument(uri);
    } catch (error) {
      void window.showErrorMessage(`Postlint could not create the config file: ${reason(error)}`);
    }
  };
}

/**
 * Opens a rule's page, shipped in the extension, in the Markdown preview: the quick fix
 * "Show documentation for <rule>" runs it with the rule id. Only a rule id names a page.
 */
function showRuleDocs({ vscode, extensionUri }: PostlintContext): (ruleId?: unknown) => Promise<void> {
  return async (ruleId) => {
    const page = typeof ruleId === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(ruleId) ? vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${ruleId}.md`) : undefined;
    if (!page || !(await exists(vscode, page))) {
      void vscode.window.showErrorMessage(`Postlint has no page for the rule ${JSON.stringify(ruleId)}.`);
      return;
    }
    await vscode.commands.executeCommand('markdown.showPreview', page);
  };
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

function checkWholeSite({ vscode, client }: PostlintContext): () => Promise<void> {
  return async () => {
    try {
      // The server says how far it is (postlint/siteCheck): the status item shows it.
      await client.sendRequest(CHECK_WORKSPACE);
    } catch (error) {
      void vscode.window.showErrorMessage(`Postlint could not check the site: ${reason(error)}`);
    }
  };
}

/**
 * The dead-link check on the post in the active editor: the server requests its links
 * and shows what it found as problems; the message says how it went. Resolves with the
 * server's answer, for tests.
 */
function checkExternalLinks({ vscode, client }: PostlintContext): () => Promise<CheckExternalLinksResult | undefined> {
  const { window } = vscode;
  return async () => {
    const document = window.activeTextEditor?.document;
    if (!document || document.languageId !== 'markdown') {
      void window.showErrorMessage('Postlint: open a post to check its external links.');
      return undefined;
    }
    try {
      const params: CheckExternalLinksParams = { uri: document.uri.toString() };
      const result = await window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Postlint: checking external links' }, () =>
        client.sendRequest<CheckExternalLinksResult>(CHECK_EXTERNAL_LINKS, params),
      );
      if ('error' in result) void window.showErrorMessage(result.error);
      else void window.showInformationMessage(`Postlint: ${result.summary}.`);
      return result;
    } catch (error) {
      void window.showErrorMessage(`Postlint could not check the links: ${reason(error)}`);
      return undefined;
    }
  };
}

const KINDS = [
  {
    id: 'member-welcome',
    label: 'Member welcome',
    description: 'member-welcome',
    option: 'org',
    prompt: 'The organisation that joined',
    example: 'For example: Fabrikam',
    missing: 'A member welcome names the organisation.',
  },
  {
    id: 'event-recap',
    label: 'Event recap',
    description: 'event-recap',
    option: 'event',
    prompt: 'The event',
    example: 'For example: OSPO Summit Lisbon 2026',
    missing: 'An event recap names the event.',
  },
] as const;

/** Where `postlint new` would run: the active file if it is in a workspace folder, else the first folder. */
function anchorUri({ window, workspace }: typeof vscode): string | undefined {
  const uri = window.activeTextEditor?.document.uri;
  if (uri?.scheme === 'file' && workspace.getWorkspaceFolder(uri)) return uri.toString();
  const folder = workspace.workspaceFolders?.[0];
  return folder && `${folder.uri.toString().replace(/\/$/, '')}/`;
}

async function exists(vscode: PostlintContext['vscode'], uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'FileNotFound') return false;
    throw error;
  }
}

/**
 * Whether a planned post can be written: not when the server refused it (said), nor
 * when the file exists, which is said with a button that opens it.
 */
async function planned(vscode: PostlintContext['vscode'], result: NewPostResult): Promise<boolean> {
  if ('error' in result) {
    void vscode.window.showErrorMessage(result.error);
    return false;
  }
  const uri = vscode.Uri.parse(result.uri);
  if (!(await exists(vscode, uri))) return true;
  const open = await vscode.window.showErrorMessage(`${uri.fsPath} exists: Postlint never overwrites a post`, 'Open It');
  if (open) await vscode.window.showTextDocument(uri);
  return false;
}

/** Asks for the kind, the title and the organisation or event; the server plans the post, which is never written over a file. */
function newPost({ vscode, client }: PostlintContext): () => Promise<void> {
  const { window, workspace } = vscode;
  const required = (message: string) => (value: string) => (value.trim() ? undefined : message);
  return async () => {
    const anchor = anchorUri(vscode);
    if (!anchor) {
      void window.showErrorMessage('Postlint: open the folder of a Hugo site to create a post in it.');
      return;
    }
    const title = 'Postlint: New Post';
    const kind = await window.showQuickPick(KINDS, { title, placeHolder: 'The kind of post' });
    if (!kind) return;
    const postTitle = await window.showInputBox({
      title,
      prompt: 'The title of the post',
      placeHolder: kind.id === 'member-welcome' ? 'For example: Welcoming Fabrikam to the TODO Group' : 'For example: OSPO Summit Lisbon: Highlights',
      ignoreFocusOut: true,
      validateInput: required('A post needs a title.'),
    });
    if (postTitle === undefined) return;
    const plan = (subject?: string) => {
      const params: NewPostParams = { kind: kind.id, title: postTitle.trim(), anchorUri: anchor, ...(subject === undefined ? {} : { [kind.option]: subject.trim() }) };
      return client.sendRequest<NewPostResult>(NEW_POST, params);
    };
    try {
      // Where the post goes follows from its title: one that exists is said now, not after the next question.
      if (!(await planned(vscode, await plan()))) return;
      const subject = await window.showInputBox({ title, prompt: kind.prompt, placeHolder: kind.example, ignoreFocusOut: true, validateInput: required(kind.missing) });
      if (subject === undefined) return;
      const result = await plan(subject);
      if (!(await planned(vscode, result)) || 'error' in result) return;
      const uri = vscode.Uri.parse(result.uri);
      await workspace.fs.writeFile(uri, new Uint8Array());
      const editor = await window.showTextDocument(uri);
      const start = new vscode.Position(0, 0);
      // The snippet puts the cursor on the first placeholder; the plain text is the fallback.
      if (!(await editor.insertSnippet(new vscode.SnippetString(result.snippet), start))) {
        await editor.edit((edit) => edit.insert(start, result.text));
      }
      await editor.document.save();
    } catch (error) {
      void window.showErrorMessage(`Postlint could not create the post: ${reason(error)}`);
    }
  };
}
