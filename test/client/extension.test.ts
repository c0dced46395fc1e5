import assert from 'node:assert/strict';
import Module, { createRequire } from 'node:module';
import { after, test } from 'node:test';
import { compileGlobs } from '../../schemas/globs';

/**
 * `activate` against stand-ins for the VS Code API and the language client, put in
 * place of the `vscode` and `vscode-languageclient/node` modules (neither can load
 * outside VS Code): the server is told the folder's trust at each start, and is
 * restarted when the trust is granted.
 */

interface Listener {
  (): void;
}

const state = {
  isTrusted: false,
  grant: undefined as Listener | undefined,
  clientOptions: undefined as { initializationOptions: () => unknown } | undefined,
  running: false,
  starts: 0,
  restarts: 0,
  restartFails: false,
  errors: [] as string[],
  watched: [] as string[],
};

const disposable = { dispose: () => undefined };

const fakeVscode = {
  workspace: {
    get isTrusted() {
      return state.isTrusted;
    },
    createFileSystemWatcher: (glob: string) => {
      state.watched.push(glob);
      return disposable;
    },
    onDidGrantWorkspaceTrust: (listener: Listener) => {
      state.grant = listener;
      return disposable;
    },
  },
  window: {
    createStatusBarItem: () => ({ ...disposable, show: () => undefined }),
    showErrorMessage: async (message: string) => {
      state.errors.push(message);
      return undefined;
    },
  },
  commands: { registerCommand: () => disposable },
  languages: { onDidChangeDiagnostics: () => disposable, getDiagnostics: () => [] },
  DiagnosticSeverity: { Error: 0, Warning: 1 },
  StatusBarAlignment: { Left: 1, Right: 2 },
  ThemeColor: class {
    constructor(readonly id: string) {}
  },
};

class FakeLanguageClient {
  state = 1;
  outputChannel = { show: () => undefined };
  constructor(_id: string, _name: string, _server: unknown, clientOptions: { initializationOptions: () => unknown }) {
    state.clientOptions = clientOptions;
  }
  isRunning() {
    return state.running;
  }
  onDidChangeState() {
    return disposable;
  }
  onNotification() {
    return disposable;
  }
  async start() {
    state.starts++;
    state.running = true;
  }
  async restart() {
    state.restarts++;
    if (state.restartFails) throw new Error('the server exited.');
  }
}

const fakes: Record<string, unknown> = {
  vscode: fakeVscode,
  'vscode-languageclient/node': { LanguageClient: FakeLanguageClient, State: { Stopped: 1, Running: 2, Starting: 3, StartFailed: 4 }, TransportKind: { ipc: 1 } },
};

// Module._load is how CommonJS resolves every require: the stand-ins answer for the two modules.
const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const load = loader._load;
loader._load = function (request: string, ...rest: unknown[]) {
  return request in fakes ? fakes[request] : load.call(this, request, ...rest);
};
after(() => {
  loader._load = load;
});

const { activate } = createRequire(__filename)('../../client/extension') as typeof import('../../client/extension');
const context = { asAbsolutePath: (path: string) => `/extension/${path}`, subscriptions: [] as unknown[] };

/** Lets the restart's promise chain (and its error report) settle. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

test('extension: the server learns the trust at each start, and restarts when it is granted', async () => {
  await activate(context as never);
  assert.equal(state.starts, 1);
  assert.deepEqual(state.clientOptions!.initializationOptions(), { trusted: false, ruleDocsCommand: 'postlint.showRuleDocs', siteCheckStatus: true });
  assert.equal(typeof state.grant, 'function', 'the extension listens for the trust');

  state.isTrusted = true;
  state.grant!();
  await settle();
  assert.equal(state.restarts, 1);
  assert.deepEqual(state.clientOptions!.initializationOptions(), { trusted: true, ruleDocsCommand: 'postlint.showRuleDocs', siteCheckStatus: true }, 'read again at the restart');
  assert.deepEqual(state.errors, []);
});

test('extension: a server that is not running is not restarted; a failed restart is reported with its reason', async () => {
  state.running = false;
  state.grant!();
  await settle();
  assert.equal(state.restarts, 1);

  state.running = true;
  state.restartFails = true;
  state.grant!();
  await settle();
  assert.equal(state.restarts, 2);
  assert.deepEqual(state.errors, ['Postlint could not start its language server: the server exited. Its output tells why.']);
});

test('extension: the server hears of changes to pages of every Markdown suffix Hugo reads, and not of other files', () => {
  // The watchers are made once, by the first test's activate; the globs are the common subset VS Code and Postlint read alike.
  const watched = compileGlobs(state.watched);
  for (const page of ['content/blog/tides.md', 'content/blog/tides.mdown', 'content/news/2024/ferry.markdown']) assert.equal(watched(page), true, page);
  assert.equal(watched('content/blog/tides.txt'), false);
});
