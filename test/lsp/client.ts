import { spawn, type ChildProcess } from 'node:child_process';
import { after } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { CLI } from '../helpers/cli';

export const uriOf = (path: string) => pathToFileURL(path).toString();

/** Servers still running when a test file ends (a test failed before stopping its own): none may keep it from exiting. */
const running = new Set<ChildProcess>();
after(() => {
  for (const child of running) child.kill();
});

/**
 * Drives the built server over stdio as an editor would (`postlint lsp --stdio`),
 * with vscode-languageserver's own protocol client. Waits are for events (a
 * notification that matches), never for a fixed time.
 */
export class TestClient {
  readonly connection: ProtocolConnection;
  readonly child: ChildProcess;
  private readonly published: PublishDiagnosticsParams[] = [];
  private readonly waiters: { match: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  readonly progress: unknown[] = [];
  settings: Record<string, unknown> = { enable: true, run: 'onType', validateWorkspace: false, configFile: '' };

  constructor(cwd: string) {
    this.child = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'inherit'] });
    running.add(this.child);
    this.child.once('exit', () => running.delete(this.child));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      for (const waiter of [...this.waiters]) {
        if (waiter.match(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.settings));
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification('$/progress', (params: unknown) => {
      this.progress.push(params);
    });
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.listen();
  }

  /** How many diagnostics notifications have arrived: `diagnostics(match, since)` looks only at later ones. */
  mark(): number {
    return this.published.length;
  }

  /** The next (or an already received) diagnostics notification that matches, among those from `since` on. */
  diagnostics(match: (params: PublishDiagnosticsParams) => boolean, since = 0): Promise<PublishDiagnosticsParams> {
    const seen = this.published.slice(since).find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  /** `initializationOptions` as an editor sends them (VS Code: `{ trusted }`); none by default, as most editors. */
  async initialize(folder: string, capabilities: Record<string, unknown> = {}, initializationOptions?: unknown): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      initializationOptions,
      rootUri: uriOf(folder),
      workspaceFolders: [{ uri: uriOf(folder), name: 'site' }],
      capabilities: { workspace: { configuration: true }, window: { workDoneProgress: true }, textDocument: { publishDiagnostics: {} }, ...capabilities },
    });
    await this.connection.sendNotification('initialized', {});
    return result as { capabilities: Record<string, unknown> };
  }

  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', resolve));
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}
