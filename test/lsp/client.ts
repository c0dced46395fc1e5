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

/**
 * How long a wait on the server lasts by default: far longer than any reply or
 * check takes, far shorter than the test runner's own timeout, so that a lost
 * message fails saying what was lost rather than as a bare runner timeout.
 */
export const WAIT_MS = 10_000;

/**
 * `promise`, or once `ms` have passed a failure "`waitedFor` within N s", followed
 * by `detail()`: computed then, to say what had arrived meanwhile.
 */
export function within<T>(promise: Promise<T>, ms: number, waitedFor: string, detail?: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expiry = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${waitedFor} within ${ms / 1000} s${detail ? `; ${detail()}` : ''}`)), ms);
  });
  return Promise.race([promise, expiry]).finally(() => clearTimeout(timer));
}

/** Which notification a test waits for: a document (at a version, if given), or any predicate. */
export type DiagnosticsMatch = { uri: string; version?: number } | ((params: PublishDiagnosticsParams) => boolean);

function predicateOf(match: DiagnosticsMatch): (params: PublishDiagnosticsParams) => boolean {
  if (typeof match === 'function') return match;
  return (params) => params.uri === match.uri && (match.version === undefined || params.version === match.version);
}

function describeMatch(match: DiagnosticsMatch): string {
  if (typeof match === 'function') return `matching ${match.toString()}`;
  return match.version === undefined ? `for ${match.uri}` : `for ${match.uri} version ${match.version}`;
}

function summary(published: PublishDiagnosticsParams[]): string {
  if (published.length === 0) return 'none';
  return published.map((p) => `${p.uri} version ${p.version ?? '-'} [${p.diagnostics.map((d) => d.code).join(', ')}]`).join('; ');
}

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
  /** The server's log lines (`window/logMessage`), in order. */
  readonly logs: string[] = [];
  private readonly logWaiters: { match: RegExp; resolve: (line: string) => void }[] = [];
  settings: Record<string, unknown> = { enable: true, run: 'onType', validateWorkspace: false, configFile: '' };

  constructor(cwd: string) {
    this.child = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'inherit'] });
    running.add(this.child);
    this.child.once('exit', () => running.delete(this.child));
    this.connection = boundedRequests(createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!)));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      // A copy: a matched waiter is removed from the list while it is walked.
      for (const waiter of Array.from(this.waiters)) {
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
    // A message with buttons: nobody clicks.
    this.connection.onRequest('window/showMessageRequest', () => null);
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
      for (const waiter of this.logWaiters.filter(({ match }) => match.test(params.message))) {
        this.logWaiters.splice(this.logWaiters.indexOf(waiter), 1);
        waiter.resolve(params.message);
      }
    });
    this.connection.listen();
  }

  /** The first log line (already received or to come) that `match` finds, or a failure naming the lines logged. */
  log(match: RegExp, timeoutMs = WAIT_MS): Promise<string> {
    const seen = this.logs.find((line) => match.test(line));
    if (seen !== undefined) return Promise.resolve(seen);
    const waiter = { match, resolve: (() => {}) as (line: string) => void };
    const logged = new Promise<string>((resolve) => {
      waiter.resolve = resolve;
      this.logWaiters.push(waiter);
    });
    return within(logged, timeoutMs, `no log line matching ${match}`, () => `logged: ${JSON.stringify(this.logs)}`).catch((error: unknown) => {
      this.logWaiters.splice(this.logWaiters.indexOf(waiter), 1);
      throw error;
    });
  }

  /** How many diagnostics notifications have arrived: `diagnostics(match, since)` looks only at later ones. */
  mark(): number {
    return this.published.length;
  }

  /**
   * The next (or an already received) diagnostics notification that matches, among
   * those from `since` on; a failure naming what it waited for and what arrived
   * instead once `timeoutMs` have passed.
   */
  diagnostics(match: DiagnosticsMatch, since = 0, timeoutMs = WAIT_MS): Promise<PublishDiagnosticsParams> {
    const matches = predicateOf(match);
    const seen = this.published.slice(since).find(matches);
    if (seen) return Promise.resolve(seen);
    const waiter = { match: matches, resolve: (() => {}) as (params: PublishDiagnosticsParams) => void };
    const arrived = new Promise<PublishDiagnosticsParams>((resolve) => {
      waiter.resolve = resolve;
      this.waiters.push(waiter);
    });
    const received = () => `received${since > 0 ? ` after the first ${since}` : ''}: ${summary(this.published.slice(since))}`;
    return within(arrived, timeoutMs, `no diagnostics ${describeMatch(match)}`, received).catch((error: unknown) => {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      throw error;
    });
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

  /** Shuts the server down as an editor does; its exit code, or a failure if it has not exited within `timeoutMs`. */
  async stop(timeoutMs = WAIT_MS): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', resolve));
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await within(exited, timeoutMs, 'the server did not exit after shutdown and exit');
    this.connection.dispose();
    return code;
  }
}

/**
 * The connection with every request bounded (initialize, shutdown and the
 * requests tests send themselves): a request the server never answers fails
 * naming its method instead of hanging the test.
 */
function boundedRequests(connection: ProtocolConnection, timeoutMs = WAIT_MS): ProtocolConnection {
  const send = connection.sendRequest.bind(connection) as (...args: unknown[]) => Promise<unknown>;
  const methodOf = (type: unknown) => (typeof type === 'string' ? type : (type as { method: string }).method);
  connection.sendRequest = ((...args: unknown[]) => within(send(...args), timeoutMs, `no reply to ${methodOf(args[0])}`)) as ProtocolConnection['sendRequest'];
  return connection;
}
