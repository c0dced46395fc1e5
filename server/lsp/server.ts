import { isAbsolute } from 'node:path';
import { plural } from '../engine/text/plural';
import {
  CodeActionKind,
  CompletionTriggerKind,
  DidChangeConfigurationNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type Range,
} from 'vscode-languageserver/node';
import { orderedDocuments } from './ordered-documents';
import { serverConnection } from './transport';
import {
  CHECK_EXTERNAL_LINKS,
  CHECK_WORKSPACE,
  NEW_POST,
  STARTER_CONFIG,
  type CheckExternalLinksParams,
  type CheckExternalLinksResult,
  type CheckWorkspaceResult,
  type NewPostParams,
  type NewPostResult,
  type StarterConfigParams,
  type StarterConfigResult,
} from '../../schemas/protocol';
import { fillPost } from '../engine/templates/new-post';
import { dirname } from '../engine/site/paths';
import type { LanguageService } from '../engine/language-service';
import { isReportedVerdict } from '../engine/links/external';
import { toSnippet } from '../engine/templates/placeholders';
import { resolvePosix } from '../node/paths';
import { postlintVersion } from '../node/version';
import { checkExternalOptions } from '../../schemas/check-external';
import { checkSiteLinks, summaryLine } from '../node/external-links/site-links';
import { CheckThread, type ServiceChoice } from './check-thread';
import { codeActions, FIX_ALL_KIND } from './code-actions';
import { REVEAL_COMMAND, type AuthorsFile } from './add-author';
import { completions } from './completion';
import { toPath, toUri } from './convert';
import { LanguageServices } from './language-services';
import { hover } from './hover';
import { ruleDocsCommandOf, SettingsCache, siteCheckStatusOf, trustNotice, trustOf } from './settings';
import { filesChanged, pageEdited, type SiteChangeContext } from './site-changes';
import { Validator } from './validation';
import { checkWorkspace, describeFolder } from './workspace-check';


/** A name in a folder, for asking about the folder's site as one asks about a file in it: no such file is read. */
const SITE_PROBE_NAME = '.postlint-site';

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
 * place of their files), so any editor can use it. Given the script it runs from
 * (`entryFile`), it checks on a thread of its own (`CheckThread`); else here.
 */
export function startServer(entryFile?: string): void {
  const server = new PostlintServer(serverConnection(), entryFile);
  server.registerLifecycle();
  server.registerDocumentEvents();
  server.registerWorkspaceEvents();
  server.registerLanguageFeatures();
  server.registerRequests();
  server.listen();
}

/** The server's state, and one method per group of handlers it registers on the connection. */
class PostlintServer {
  private readonly documents = new TextDocuments(orderedDocuments);
  private readonly languageServices = new LanguageServices((uri) => this.documents.get(uri)?.getText());
  private readonly settings: SettingsCache;
  private readonly validator: Validator;
  /** Documents checked since they opened: with `run: onSave`, a document is still checked once when it opens. */
  private readonly checkedOnce = new Set<string>();
  private folders: string[] = [];
  /** The editor's command that shows a rule's page, if it named one (`InitializationOptions.ruleDocsCommand`). */
  private ruleDocsCommand: string | undefined;
  /** Whether the editor opens files for the server (`window/showDocument`), as "Add … to data/authors.yaml" then asks. */
  private canReveal = false;
  /** Whether the editor shows the whole-site check in its own status item (`postlint/siteCheck`), not as work-done progress. */
  private siteCheckStatus = false;
  private workspaceChecked = false;
  private readonly siteChanges: SiteChangeContext;
  /** Where checks run: hover, completion and code actions never wait behind one. */
  private readonly checkThread: CheckThread | undefined;

  constructor(
    private readonly connection: Connection,
    entryFile: string | undefined,
  ) {
    this.settings = new SettingsCache(connection);
    this.checkThread = entryFile === undefined ? undefined : new CheckThread({ entryFile, openDocuments: () => this.documents.all(), log: (line) => connection.console.error(line) });
    const thread = this.checkThread;
    const check = thread && (async (uri: string, text: string) => thread.check(uri, text, await this.serviceChoice(uri)));
    this.validator = new Validator(connection, this.documents, this.settings, (uri) => this.serviceFor(uri), this.languageServices.disk, check);
    this.siteChanges = {
      validator: this.validator,
      serviceFor: (uri) => this.serviceFor(uri),
      indexKeysOf: async (uri, build) => (thread ? thread.indexKeysOf(uri, build, await this.serviceChoice(uri)) : (await this.serviceFor(uri)).indexKeysOf(toPath(uri), { build })),
      forgetPage: async (uri) => (thread ? thread.forgetPage(uri, await this.serviceChoice(uri)) : (await this.serviceFor(uri)).forgetPage(toPath(uri))),
      invalidate: () => this.invalidate(),
      isOpen: (uri) => this.documents.get(uri) !== undefined,
      refreshPulled: () => this.refreshPulled(),
      workspaceChecked: () => this.workspaceChecked,
      recheckEverything: async () => {
        this.recheckOpenDocuments();
        if (this.workspaceChecked) await this.runWorkspaceCheck();
      },
    };
  }

  listen(): void {
    this.documents.listen(this.connection);
    this.connection.listen();
  }

  registerLifecycle(): void {
    this.connection.onInitialize((params) => this.initialize(params));
    this.connection.onInitialized(
      guarded(this.connection, undefined, async () => {
        for (const folder of this.folders) void this.readSiteAhead(folder);
        if (this.settings.supported) await this.connection.client.register(DidChangeConfigurationNotification.type, undefined);
        await this.logStart();
        if (this.folders.length > 0 && (await this.settings.get(toUri(this.folders[0]))).validateWorkspace) await this.runWorkspaceCheck();
      }),
    );
  }

  private initialize(params: InitializeParams): InitializeResult {
    const capabilities = params.capabilities;
    this.settings.supported = capabilities.workspace?.configuration === true;
    this.validator.pull = capabilities.textDocument?.diagnostic !== undefined;
    this.languageServices.trusted = trustOf(params.initializationOptions);
    this.ruleDocsCommand = ruleDocsCommandOf(params.initializationOptions);
    this.canReveal = capabilities.window?.showDocument?.support === true;
    this.siteCheckStatus = siteCheckStatusOf(params.initializationOptions);
    this.connection.console.log(trustNotice(this.languageServices.trusted));
    this.folders = (params.workspaceFolders ?? []).map((folder) => toPath(folder.uri));
    if (this.folders.length === 0 && params.rootUri) this.folders = [toPath(params.rootUri)];
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        // Only where a value follows a key: a `-` is typed in fences and list items, where Enter means a new line.
        completionProvider: { triggerCharacters: [':', ' '] },
        hoverProvider: true,
        executeCommandProvider: { commands: [REVEAL_COMMAND] },
        diagnosticProvider: this.validator.pull ? { interFileDependencies: true, workspaceDiagnostics: false } : undefined,
        workspace: { workspaceFolders: { supported: true } },
      },
      serverInfo: { name: 'postlint' },
    };
  }

  /** Open documents: checked as they change, re-checked or withdrawn as they are saved and closed. */
  registerDocumentEvents(): void {
    const { connection, documents, validator } = this;
    documents.onDidChangeContent(
      guarded(connection, undefined, async (event) => {
        const { uri } = event.document;
        const opening = !this.checkedOnce.has(uri);
        // On save only: a document is still checked once when it opens.
        if ((await this.settings.get(uri)).run === 'onSave' && !opening) return;
        this.checkedOnce.add(uri);
        if (opening) validator.schedule(uri);
        else validator.edited(uri);
        // The page may be another post's link target: its headings are what they are now.
        if (uri.startsWith('file:')) await pageEdited(this.siteChanges, uri);
      }),
    );
    documents.onDidSave(
      guarded(connection, undefined, async (event) => {
        // A saved page may have a new address: as for any file changed on disk (editors
        // without file watching tell only this; with it, the watcher's event follows).
        const settings = await this.settings.get(event.document.uri);
        if (settings.run === 'onSave') validator.schedule(event.document.uri);
        else validator.saved(event.document.uri);
        // Not awaited: requests take seconds, and the other handlers of the save need not wait for them.
        if (settings.checkExternalOnSave) void guarded(connection, undefined, async (uri: string) => this.logExternalCheck(uri, await this.checkExternalLinks(uri)))(event.document.uri);
        await filesChanged(this.siteChanges, [{ uri: event.document.uri, type: FileChangeType.Changed }]);
      }),
    );
    documents.onDidOpen(guarded(connection, undefined, (event) => validator.opened(event.document.uri)));
    documents.onDidClose(
      guarded(connection, undefined, async (event) => {
        const { uri } = event.document;
        this.checkedOnce.delete(uri);
        // After a whole-site check, a closed post keeps its problems listed: those of the file
        // as saved (a client that pulls drops the open document's own when it closes).
        if (this.workspaceChecked) {
          validator.schedule(uri);
          return;
        }
        await validator.withdraw(uri);
      }),
    );
  }

  /** Files changed on disk and settings changed in the editor. */
  registerWorkspaceEvents(): void {
    const { connection } = this;
    connection.onDidChangeWatchedFiles(guarded(connection, undefined, async (params) => filesChanged(this.siteChanges, params.changes)));
    connection.onDidChangeConfiguration(() => {
      this.settings.clear();
      this.invalidate();
      this.recheckOpenDocuments();
    });
  }

  /** Pulled diagnostics, code actions, completion and hover. */
  registerLanguageFeatures(): void {
    const { connection, documents, validator } = this;
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
        const unknownAuthor = params.context.diagnostics.some((diagnostic) => diagnostic.code === 'author-unknown');
        const authorsFile = unknownAuthor ? await this.authorsFileOf(document.uri, document.getText()) : undefined;
        return codeActions(document, params, diagnostics, { ruleDocsCommand: this.ruleDocsCommand, authorsFile, canReveal: this.canReveal });
      }),
    );
    connection.onCompletion(
      guarded(connection, [], async (params) => {
        const document = documents.get(params.textDocument.uri);
        if (!document || !document.uri.startsWith('file:')) return [];
        const invoked = params.context?.triggerKind !== CompletionTriggerKind.TriggerCharacter;
        return completions(await this.serviceFor(document.uri), toPath(document.uri), document, params.position, new Date(), invoked);
      }),
    );
    // Opens a file at a range for an action that edited it (add-author.ts): the server asks the editor.
    connection.onExecuteCommand(
      guarded(connection, undefined, async (params) => {
        if (params.command !== REVEAL_COMMAND || !this.canReveal) return;
        const [uri, selection] = params.arguments ?? [];
        if (typeof uri === 'string' && uri.startsWith('file:')) await connection.window.showDocument({ uri, takeFocus: true, selection: selection as Range | undefined });
      }),
    );
    connection.onHover(
      guarded(connection, null, async (params) => {
        const document = documents.get(params.textDocument.uri);
        if (!document || !document.uri.startsWith('file:')) return null;
        return hover(await this.serviceFor(document.uri), toPath(document.uri), document, params.position, validator.results.get(document.uri) ?? []);
      }),
    );
  }

  /** Postlint's own requests (schemas/protocol.ts): check the whole site, plan a new post. */
  registerRequests(): void {
    const { connection } = this;
    connection.onRequest(
      CHECK_WORKSPACE,
      guarded(connection, { checked: 0 }, async (): Promise<CheckWorkspaceResult> => ({ checked: await this.runWorkspaceCheck() })),
    );
    connection.onRequest<CheckExternalLinksResult, unknown>(
      CHECK_EXTERNAL_LINKS,
      guarded<[CheckExternalLinksParams], CheckExternalLinksResult>(connection, { error: 'Postlint could not check the links: see its output.' }, (params) =>
        this.checkExternalLinks(params.uri),
      ),
    );
    connection.onRequest<NewPostResult, unknown>(
      NEW_POST,
      guarded<[NewPostParams], NewPostResult>(connection, { error: 'Postlint could not plan the post: see its output.' }, (params) => this.newPost(params)),
    );
    const starter = guarded<[StarterConfigParams], StarterConfigResult>(connection, { error: 'Postlint could not make a config file: see its output.' }, (params) => this.starterConfig(params));
    connection.onRequest<StarterConfigResult, void>(STARTER_CONFIG, (params: StarterConfigParams) => starter(params));
  }

  /** The folder a request is anchored in, as the CLI anchors in its working folder: the folder itself, or a file's. */
  private async anchorFolder(service: LanguageService, anchorUri: string): Promise<string> {
    const given = toPath(anchorUri).replace(/\/$/, '');
    return (await service.workspaceOf().stat(given)) === 'directory' ? given : dirname(given);
  }

  private async starterConfig(params: StarterConfigParams): Promise<StarterConfigResult> {
    const service = await this.serviceFor(params.anchorUri);
    const starter = await service.starterConfig(await this.anchorFolder(service, params.anchorUri));
    if (!starter) return { error: 'No Hugo site found around this folder: open a site to give it a .postlintrc.json.' };
    // The client writes the file, as it writes a new post: a symlink must not lead it out of the site.
    if (!this.languageServices.disk.within(dirname(starter.file)).writesInside(starter.file)) return { error: `${starter.file} is a symlink that leads outside the site or to nothing: Postlint writes only inside the site.` };
    return { uri: toUri(starter.file), text: starter.text };
  }

  private async newPost(params: NewPostParams): Promise<NewPostResult> {
    const service = await this.serviceFor(params.anchorUri);
    const folder = await this.anchorFolder(service, params.anchorUri);
    const { site, plan } = await service.planNewPost(folder, params);
    if (site.loose) return { error: 'No Hugo site found around this folder: open a site to create a post in it.' };
    // The client writes the file: a folder of the site that is a symlink must not lead it out of the site.
    if (!this.languageServices.disk.within(site.root).writesInside(plan.path)) return { error: `${plan.path} is outside the site (through a symlink): Postlint writes posts only inside the site.` };
    return { uri: toUri(plan.path), text: plan.text, snippet: toSnippet(fillPost(plan.template, plan.values), {}) };
  }

  /**
   * The dead-link check on one open post: its external links requested (or taken from the
   * site's link cache), the verdicts kept for every later check, and the post checked again.
   */
  private async checkExternalLinks(uri: string): Promise<CheckExternalLinksResult> {
    const document = this.documents.get(uri);
    if (!document || !uri.startsWith('file:')) return { error: 'Open a post saved in a folder to check its links.' };
    const service = await this.serviceFor(uri);
    const path = toPath(uri);
    const text = document.getText();
    const { site, config, isPost } = await service.postContext(path, text);
    if (!isPost) return { error: `${path} is not a post of the site: Postlint checks the links of posts.` };
    const urls = await service.externalUrlsOf(path, text);
    const options = config.checkExternal ?? checkExternalOptions.parse({});
    // In a folder the editor does not trust, nothing is written there and its allowPrivate is ignored (site-links.ts).
    const trusted = this.languageServices.trusted;
    const { result, note } = await checkSiteLinks({ root: site.root, options, urls, noCache: !trusted, trusted });
    const verdicts = [...result.verdicts];
    this.languageServices.addVerdicts(verdicts);
    this.checkThread?.addVerdicts(verdicts);
    this.validator.recheck(uri);
    if (note) this.connection.console.warn(`Postlint: ${note}`);
    const problems = verdicts.filter(([, verdict]) => isReportedVerdict(verdict, options.reportLoginRequired)).length;
    return { links: urls.length, problems, summary: summaryLine(result) };
  }

  /**
   * What a check on save found, in the output (the command shows it in a message). A saved
   * file that is not a post (a README, the config) is passed over: nobody asked about it.
   */
  private logExternalCheck(uri: string, result: CheckExternalLinksResult): void {
    if (!('error' in result)) this.connection.console.info(`Postlint: ${toPath(uri)}: ${result.summary}`);
  }

  /** The site's authors file for a post, with its text as the editor has it (see add-author.ts). */
  private async authorsFileOf(uri: string, text: string): Promise<AuthorsFile | undefined> {
    if (!uri.startsWith('file:')) return undefined;
    const service = await this.serviceFor(uri);
    const { site } = await service.postContext(toPath(uri), text);
    const fileText = site.authorsFile && (await service.workspaceOf().readFile(site.authorsFile));
    return site.authorsFile && fileText !== undefined ? { uri: toUri(site.authorsFile), path: site.authorsFile, text: fileText, root: site.root } : undefined;
  }

  /** The language service for a resource, with its `postlint.configFile` resolved from the workspace folder. */
  private async serviceFor(uri: string): Promise<LanguageService> {
    return this.languageServices.get(this.configFileFor(uri, (await this.settings.get(uri)).configFile));
  }

  /** What chooses the check thread's language service for a resource, as `serviceFor` chooses this thread's. */
  private async serviceChoice(uri: string): Promise<ServiceChoice> {
    return { configFile: this.configFileFor(uri, (await this.settings.get(uri)).configFile), trusted: this.languageServices.trusted };
  }

  /** Forgets what was read from the disk, here and on the check thread. */
  private invalidate(): void {
    this.languageServices.invalidate();
    this.checkThread?.invalidate();
  }

  private configFileFor(uri: string, configFile: string): string {
    if (configFile === '' || isAbsolute(configFile)) return configFile;
    const path = toPath(uri);
    const folder = this.folders.find((candidate) => path === candidate || path.startsWith(`${candidate}/`)) ?? this.folders[0] ?? '';
    return resolvePosix(folder, configFile);
  }

  /**
   * Reads a folder's site (its config, its index of pages) on the check thread as soon as the
   * server is up, when the whole-site check will read it anyway: in VS Code the first post's
   * diagnostics were asked for 0.3 to 0.6 s later, and its check, which needs the same, took
   * 0.19 to 0.44 s when it was the one to read them (0.03 s once they were read). With
   * `validateWorkspace` off, a site is read only once a post is opened. A folder that holds
   * no Hugo site reads nothing.
   */
  private readSiteAhead(folder: string): Promise<unknown> {
    const inside = toUri(`${folder}/${SITE_PROBE_NAME}`);
    return guarded(this.connection, undefined, async () => {
      if ((await this.settings.get(toUri(folder))).validateWorkspace) await this.siteChanges.indexKeysOf(inside, true);
    })();
  }

  /** What the output says first: the version, and for each folder its site, preset and config file. */
  private async logStart(): Promise<void> {
    this.connection.console.info(`Postlint ${postlintVersion()}, language server on Node ${process.version}`);
    for (const folder of this.folders) {
      const service = this.languageServices.get(this.configFileFor(toUri(folder), (await this.settings.get(toUri(folder))).configFile));
      this.connection.console.info(`Postlint: ${await describeFolder(service, folder)}`);
    }
  }

  private async runWorkspaceCheck(): Promise<number> {
    this.workspaceChecked = true;
    const started = performance.now();
    const checked = await this.checkWorkspaceNow();
    this.connection.console.info(`Postlint: checked the site: ${plural(checked, 'post')} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return checked;
  }

  private checkWorkspaceNow(): Promise<number> {
    return checkWorkspace(
      this.connection,
      this.folders,
      async (folder) => {
        const folderSettings = await this.settings.get(toUri(folder));
        return folderSettings.enable ? this.languageServices.get(this.configFileFor(toUri(folder), folderSettings.configFile)) : undefined;
      },
      this.validator,
      (uri) => this.documents.get(uri) !== undefined,
      this.siteCheckStatus,
    );
  }

  private refreshPulled(): void {
    if (!this.validator.pull) return;
    this.validator.newPullRound();
    void this.connection.languages.diagnostics.refresh();
  }

  private recheckOpenDocuments(): void {
    this.refreshPulled();
    for (const document of this.documents.all()) this.validator.schedule(document.uri);
  }
}
