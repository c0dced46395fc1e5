import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { MARKDOWN_NAME_GLOB } from '../schemas/markdown-files';
import { CONFIG_STATUS, SHOW_RULE_DOCS, SITE_CHECK, type ConfigStatusParams, type InitializationOptions, type SiteCheckParams } from '../schemas/protocol';
import { commands, type PostlintContext } from './commands';
import { PostlintStatus } from './status';

/** The files whose changes can change a post's problems: posts and pages, the config, authors, Hugo's config, link targets, shortcodes. */
const WATCHED = [
  `**/${MARKDOWN_NAME_GLOB}`,
  '**/.postlintrc.json',
  '**/data/authors.{yaml,yml,toml,json}',
  '**/{hugo,config}.{yaml,yml,toml,json}',
  '**/config/**/*.{yaml,yml,toml,json}',
  '**/static/**',
  '**/layouts/shortcodes/**',
];

/** A failed start is reported once, with its reason, by `reportStartFailure`; the library's own notices of it go to the output only. */
class PostlintClient extends LanguageClient {
  override error(message: string, data?: unknown, showNotification: boolean | 'force' = true): void {
    const starting = this.state === State.Starting || this.state === State.StartFailed;
    super.error(message, data, starting ? false : showNotification);
  }
}

let client: LanguageClient | undefined;

/** Starts the bundled language server, where all checking happens, and registers the commands. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const watchers = WATCHED.map((glob) => vscode.workspace.createFileSystemWatcher(glob));
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', pattern: '**/.postlintrc.json' },
    ],
    // Settings: the server asks for them per resource (workspace/configuration) and registers for their changes.
    synchronize: { fileEvents: watchers },
    // In Restricted Mode the server runs nothing from the folder; the built-in rules still run. Read at each (re)start.
    initializationOptions: (): InitializationOptions => ({ trusted: vscode.workspace.isTrusted, ruleDocsCommand: SHOW_RULE_DOCS, siteCheckStatus: true }),
    // A failed initialize is reported like any failed start: once, by `reportStartFailure`.
    initializationFailedHandler: () => false,
  };
  const languageClient = new PostlintClient('postlint', 'Postlint', serverOptions, clientOptions);
  client = languageClient;

  const statusItem = vscode.window.createStatusBarItem('postlint.status', vscode.StatusBarAlignment.Left);
  const status = new PostlintStatus(statusItem, new vscode.ThemeColor('statusBarItem.errorBackground'));
  languageClient.onDidChangeState(({ newState }) => status.serverState(newState === State.Running ? 'running' : newState === State.Stopped ? 'stopped' : 'starting'));
  languageClient.onNotification(CONFIG_STATUS, (params: ConfigStatusParams) => status.config(params.configProblem ?? undefined));
  languageClient.onNotification(SITE_CHECK, (params: SiteCheckParams) => status.siteCheckProgress(params));
  const countProblems = vscode.languages.onDidChangeDiagnostics(({ uris }) => {
    for (const uri of uris) {
      const ours = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'postlint');
      const errors = ours.filter((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Error).length;
      status.problemsOf(uri.toString(), errors, ours.length - errors);
    }
  });

  const ctx: PostlintContext = { vscode, client: languageClient, extensionUri: context.extensionUri };
  for (const [id, run] of Object.entries(commands(ctx))) context.subscriptions.push(vscode.commands.registerCommand(id, run));
  context.subscriptions.push(
    statusItem,
    countProblems,
    ...watchers,
    // The server learns of the trust at start: restart it with the folder trusted.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (languageClient.isRunning()) languageClient.restart().catch((error: unknown) => reportStartFailure(languageClient, error));
    }),
  );

  try {
    await languageClient.start();
  } catch (error) {
    reportStartFailure(languageClient, error);
  }
}

function reportStartFailure(languageClient: LanguageClient, error: unknown): void {
  const reason = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
  void vscode.window.showErrorMessage(`Postlint could not start its language server: ${reason}. Its output tells why.`, 'Show Output').then((choice) => {
    if (choice) languageClient.outputChannel.show();
  });
}

export async function deactivate(): Promise<void> {
  if (client?.isRunning()) await client.stop();
}
