import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The code-server that .ci/install-vscode installs: the last line that runs on Node 20, with VS Code 1.100.3. */
export const CODE_SERVER_VERSION = '4.100.3';

/** code-server's launcher in the install cache, after checking that the install completed. */
export function codeServerBin(): string {
  const cache = process.env.POSTLINT_E2E_CACHE || join(homedir(), '.cache', 'postlint-e2e');
  const dir = join(cache, `code-server-${CODE_SERVER_VERSION}`);
  if (!existsSync(join(dir, '.postlint-install-complete'))) {
    throw new Error(`code-server ${CODE_SERVER_VERSION} is not installed in ${dir}: run bash .ci/install-vscode (npm run test:e2e does)`);
  }
  return join(dir, 'node_modules', '.bin', 'code-server');
}

/** A port that was free a moment ago on 127.0.0.1: code-server takes no port 0. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface Dirs {
  userDataDir: string;
  extensionsDir: string;
  /** code-server's own config file; given, so that it never writes one into ~/.config. */
  configFile: string;
}

function dirArgs({ userDataDir, extensionsDir, configFile }: Dirs): string[] {
  return ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
}

/** Output and exit of a child process, collected as it runs. */
class Child {
  output = '';
  readonly exited: Promise<number | null>;

  constructor(readonly process: ChildProcess) {
    process.stdout?.setEncoding('utf8').on('data', (chunk: string) => (this.output += chunk));
    process.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.output += chunk));
    this.exited = new Promise((resolve, reject) => {
      process.once('error', reject);
      process.once('exit', (code) => resolve(code));
    });
  }
}

export async function installExtension(bin: string, vsix: string, dirs: Dirs): Promise<void> {
  writeFileSync(dirs.configFile, 'auth: none\n');
  const child = new Child(spawn(bin, [...dirArgs(dirs), '--install-extension', vsix], { stdio: ['ignore', 'pipe', 'pipe'] }));
  const code = await child.exited;
  if (code !== 0 || !/successfully installed/.test(child.output)) throw new Error(`code-server --install-extension ${vsix} failed (exit ${code}):\n${child.output}`);
}

export interface CodeServer {
  url: string;
  /** Stops code-server and everything it started (extension hosts, language servers). */
  stop(): Promise<void>;
  /** What it printed so far, for failure messages. */
  output(): string;
}

/** Starts code-server on 127.0.0.1 without auth and resolves once it listens. */
export async function startCodeServer(bin: string, dirs: Dirs, env: Record<string, string>, timeoutMs = 60_000): Promise<CodeServer> {
  writeFileSync(dirs.configFile, 'auth: none\n');
  const port = await freePort();
  const args = [
    ...dirArgs(dirs),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  // Its own process group, so that stop() ends its children too.
  const child = new Child(spawn(bin, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } }));
  const server: CodeServer = {
    url: `http://127.0.0.1:${port}`,
    output: () => child.output,
    stop: () => stopGroup(child),
  };
  try {
    await listening(child, timeoutMs);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

function listening(child: Child, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onData = () => {
      if (!/HTTP server listening on/.test(child.output)) return;
      done();
      resolve();
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`code-server did not listen within ${timeoutMs} ms:\n${child.output}`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      child.process.stdout?.off('data', onData);
      child.process.stderr?.off('data', onData);
    };
    child.process.stdout?.on('data', onData);
    child.process.stderr?.on('data', onData);
    child.exited.then((code) => {
      done();
      reject(new Error(`code-server exited (${code}) before it listened:\n${child.output}`));
    }, reject);
    onData();
  });
}

/** SIGTERM to the whole group, SIGKILL if it has not exited 10 s later. */
async function stopGroup(child: Child): Promise<void> {
  const pid = child.process.pid;
  if (pid === undefined || child.process.exitCode !== null || child.process.signalCode !== null) return;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-pid, name);
    } catch {
      // The group is gone already.
    }
  };
  signal('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const killed = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      signal('SIGKILL');
      resolve();
    }, 10_000);
  });
  await Promise.race([child.exited.then(() => undefined), killed]);
  clearTimeout(timer);
  // Children that outlived the launcher (an extension host, a language server) go with the group.
  signal('SIGKILL');
}
