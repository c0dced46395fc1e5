import { isAbsolute } from 'node:path';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fillPost } from '../engine/new-post';
import { CHECK_WORKSPACE, NEW_POST, type CheckWorkspaceResult, type NewPostParams, type NewPostResult } from '../../schemas/protocol';
import { toSnippet } from '../engine/templates';
import { codeActions, FIX_ALL_KIND } from './code-actions';
import { completions } from './completion';
import { toPath, toUri } from './convert';
import { Engines } from './engines';
import { hover } from './hover';
import { SettingsCache, trustNotice, trustOf } from './settings';
import { filesChanged, pageEdited, type SiteChangeContext } from './site-changes';
import { Validator } from './validation';
import { checkWorkspace } from './workspace-check';
import { resolvePosix } from '../node/paths';
import { dirname } from '../engine/paths';

/** Runs a handler; an exception is logged and answered with `fallback`: the server never goes down. */
function guarded<P extends unknown[], R>(connection: Connection, fallback: R, handler: (...args: P) => Promise<R> | R): (...args: P) => Promise<R> {
  return async (...args: P) => {
    try {
      return await handler(...args);
    } catch (error) {
      connection.console.error(`Postlint: ${(error as Error).stack ?? String(error)}`);
      return fallback;
    }
  };
}

/**
 * The language server: an adapter that feeds documents to the engine and turns
 * its results into LSP. It reads the disk itself (open documents taking the
 * place of their files), so any editor can use it.
 */
export function startServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  const engines = new Engines((uri) => documents.get(uri)?.getText());
  const settings = new SettingsCache(connection);
  const validator = new Validator(connection, documents, settings, (uri) => serviceFor(uri), engines.disk);
  const checkedOnce = new Set<string>();
  let folders: string[] = [];
  let workspaceChecked = false;

  connection.onInitialize((params) => {
    const capabilities = params.capabilities;
    settings.supported = capabilities.workspace?.configuration === true;
    validator.pull = capabilities.textDocument?.diagnostic !== undefined;
    engines.trusted = trustOf(params.initializationOptions);
    connection.console.log(trustNotice(engines.trusted));
    folders = (params.workspaceFolders ?? []).map((folder) => toPath(folder.uri));
    if (folders.length === 0 && params.rootUri) folders = [toPath(params.rootUri)];
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        completionProvider: { triggerCharacters: [':', ' ', '-'] },
        hoverProvider: true,
        diagnosticProvider: validator.pull ? { interFileDependencies: true, workspaceDiagnostics: false } : undefined,
        workspace: { workspaceFolders: { supported: true } },
      },
      serverInfo: { name: 'postlint' },
    };
  });

  /** The engine for a resource, with its `postlint.configFile` resolved from the workspace folder. */
  const configFileFor = (uri: string, configFile: string): string => {
    if (configFile === '' || isAbsolute(configFile)) return configFile;
    const path = toPath(uri);
    const folder = folders.find((candidate) => path === candidate || path.startsWith(`${candidate}/`)) ?? folders[0] ?? '';
    return resolvePosix(folder, configFile);
  };
  const serviceFor = async (uri: string) => engines.get(configFileFor(uri, (await settings.get(uri)).configFile));

  async function runWorkspaceCheck(): Promise<number> {
    workspaceChecked = true;
    return checkWorkspace(
      connection,
      folders,
      async (folder) => {
        const folderSettings = await settings.get(toUri(folder));
        return folderSettings.enable ? engines.get(configFileFor(toUri(folder), folderSettings.configFile)) : undefined;
      },
      validator,
      (uri) => documents.get(uri) !== undefined,
    );
  }

  function recheckOpenDocuments(): void {
    if (validator.pull) void connection.languages.diagnostics.refresh();
    for (const document of documents.all()) validator.schedule(document.uri);
  }

  const siteChanges: SiteChangeContext = {
    validator,
    serviceFor,
    invalidate: () => engines.invalidate(),
    isOpen: (uri) => documents.get(uri) !== undefined,
    refreshPulled: () => {
      if (validator.pull) void connection.languages.diagnostics.refresh();
    },
    workspaceChecked: () => workspaceChecked,
    recheckEverything: async () => {
      recheckOpenDocuments();
      if (workspaceChecked) await runWorkspaceCheck();
    },
  };

  connection.onInitialized(
    guarded(connection, undefined, async () => {
      if (settings.supported) await connection.client.register(DidChangeConfigurationNotification.type, undefined);
      if (folders.length > 0 && (await settings.get(toUri(folders[0]))).validateWorkspace) await runWorkspaceCheck();
    }),
  );

  documents.onDidChangeContent(
    guarded(connection, undefined, async (event) => {
      const { uri } = event.document;
      // On save only: a document is still checked once when it opens.
      if ((await settings.get(uri)).run === 'onSave' && checkedOnce.has(uri)) return;
      checkedOnce.add(uri);
      validator.schedule(uri);
      // The page may be another post's link target: its headings are what they are now.
      if (uri.startsWith('file:')) await pageEdited(siteChanges, uri);
    }),
  );
  documents.onDidSave(
    guarded(connection, undefined, async (event) => {
      // A saved page may have a new address: as for any file changed on disk (editors
      // without file watching tell only this; with it, the watcher's event follows).
      if ((await settings.get(event.document.uri)).run === 'onSave') validator.schedule(event.document.uri);
      await filesChanged(siteChanges, [{ uri: event.document.uri, type: FileChangeType.Changed }]);
    }),
  );
  documents.onDidOpen(guarded(connection, undefined, (event) => validator.opened(event.document.uri)));
  documents.onDidClose(
    guarded(connection, undefined, async (event) => {
      const { uri } = event.document;
      checkedOnce.delete(uri);
      // After a whole-site check, a closed post keeps its problems listed: those of the file
      // as saved (a client that pulls drops the open document's own when it closes).
      if (workspaceChecked) {
        validator.schedule(uri);
        return;
      }
      await validator.withdraw(uri);
    }),
  );

  connection.onDidChangeWatchedFiles(guarded(connection, undefined, async (params) => filesChanged(siteChanges, params.changes)));
  connection.onDidChangeConfiguration(() => {
    settings.clear();
    engines.invalidate();
    recheckOpenDocuments();
  });

  connection.languages.diagnostics.on(
    guarded(connection, { kind: 'full' as const, items: [] }, async (params) => ({
      kind: 'full' as const,
      items: await validator.pullDiagnostics(params.textDocument.uri),
    })),
  );

  connection.onCodeAction(
    guarded(connection, [], async (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      const diagnostics = validator.results.get(document.uri) ?? (await validator.diagnose(document.uri, document.getText()));
      return codeActions(document, params, diagnostics);
    }),
  );

  connection.onCompletion(
    guarded(connection, [], async (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document || !document.uri.startsWith('file:')) return [];
      return completions(await serviceFor(document.uri), toPath(document.uri), document, params.position, new Date());
    }),
  );

  connection.onHover(
    guarded(connection, null, async (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document || !document.uri.startsWith('file:')) return null;
      return hover(await serviceFor(document.uri), toPath(document.uri), document, params.position, validator.results.get(document.uri) ?? []);
    }),
  );

  connection.onRequest(
    CHECK_WORKSPACE,
    guarded(connection, { checked: 0 }, async (): Promise<CheckWorkspaceResult> => ({ checked: await runWorkspaceCheck() })),
  );

  connection.onRequest<NewPostResult, unknown>(
    NEW_POST,
    guarded<[NewPostParams], NewPostResult>(connection, { error: 'Postlint could not plan the post: see its output.' }, async (params) => {
      const service = await serviceFor(params.anchorUri);
      // A folder is anchored in, as the CLI anchors in its working folder.
      const given = toPath(params.anchorUri).replace(/\/$/, '');
      const folder = (await service.workspaceOf().stat(given)) === 'directory' ? given : dirname(given);
      const { site, plan } = await service.planNewPost(folder, params);
      if (site.loose) return { error: 'No Hugo site found around this folder: open a site to create a post in it.' };
      // The client writes the file: a folder of the site that is a symlink must not lead it out of the site.
      if (!engines.disk.within(site.root).writesInside(plan.path)) return { error: `${plan.path} is outside the site (through a symlink): Postlint writes posts only inside the site.` };
      return { uri: toUri(plan.path), text: plan.text, snippet: toSnippet(fillPost(plan.template, plan.values), {}) };
    }),
  );

  documents.listen(connection);
  connection.listen();
}
