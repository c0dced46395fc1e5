import type { LookupAddress } from 'node:dns';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { createServer, type ClientRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkExternalOptions, type CheckExternalOptions } from '../../../schemas/check-external';
import type { ExternalCheckEnvironment } from '../../../server/node/external-links/check-external';
import type { Lookup } from '../../../server/node/external-links/resolver';

/** What a test server saw: each request as `METHOD path`, and the Host header it came with. */
export interface Seen {
  method: string;
  path: string;
  host: string;
}

export interface TestServer {
  port: number;
  /** `http://127.0.0.1:<port><path>`. */
  url: (path: string, host?: string) => string;
  seen: Seen[];
  /** The requests for `path`, as their methods (`['HEAD', 'GET']`). */
  methodsFor: (path: string) => string[];
  close: () => Promise<void>;
}

type Route = (request: IncomingMessage, response: ServerResponse, server: TestServer) => void;

/**
 * An HTTP server on 127.0.0.1, port 0, answering by path, query aside (`routes`, else `fallback`). It
 * records every request; `close` ends every connection too, held ones included, so that no
 * test waits on a socket.
 */
export async function startServer(routes: Record<string, Route>, fallback: Route = (_q, response) => answer(response, 404)): Promise<TestServer> {
  const seen: Seen[] = [];
  let server!: TestServer;
  const http: Server = createServer((request, response) => {
    const path = request.url ?? '';
    seen.push({ method: request.method ?? '', path, host: request.headers.host ?? '' });
    (routes[path.replace(/\?.*/, '')] ?? fallback)(request, response, server);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  server = {
    port,
    url: (path, host = '127.0.0.1') => `http://${host}:${port}${path}`,
    seen,
    methodsFor: (path) => seen.filter((request) => request.path === path).map((request) => request.method),
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
  return server;
}

export function answer(response: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  response.writeHead(status, headers);
  response.end(status === 200 ? 'a page' : '');
}

export function redirect(status: number, location: string): Route {
  return (_request, response) => answer(response, status, { location });
}

/** The options a test starts from: the defaults, the test server's loopback allowed. */
export function testOptions(overrides: Partial<CheckExternalOptions> = {}): CheckExternalOptions {
  return { ...checkExternalOptions.parse({}), allowPrivate: ['127.0.0.1'], ...overrides };
}

/** An environment with a fixed clock and a sleep that returns at once, recording what it was asked to wait. */
export function testEnvironment(extra: Partial<ExternalCheckEnvironment> = {}): ExternalCheckEnvironment & { slept: number[] } {
  const slept: number[] = [];
  return {
    version: '1.2.3-test',
    now: () => new Date('2025-03-01T12:00:00Z'),
    sleep: async (ms) => {
      slept.push(ms);
    },
    slept,
    ...extra,
  };
}

/**
 * A resolver from a table: a name maps to its address, or is not found (ENOTFOUND). It
 * answers asynchronously, as dns.lookup does, and records the names asked.
 */
export function fakeLookup(table: Record<string, string>, asked: string[] = []): Lookup {
  const lookup = (hostname: string, _options: unknown, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => {
    asked.push(hostname);
    setImmediate(() => {
      const address = Object.hasOwn(table, hostname) ? table[hostname] : undefined;
      if (address !== undefined) return callback(null, [{ address, family: address.includes(':') ? 6 : 4 }]);
      const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
      error.code = 'ENOTFOUND';
      callback(error, []);
    });
  };
  return lookup as unknown as Lookup;
}

/**
 * Every HTTP request this process starts while `run` runs, as `host path`, from Node's own
 * diagnostics channel: what the check sent anywhere, not only to the test server.
 */
export async function requestsStartedDuring<T>(run: () => Promise<T>): Promise<{ result: T; started: string[] }> {
  const started: string[] = [];
  const listener = (message: unknown) => {
    const { request } = message as { request: ClientRequest };
    started.push(`${request.host} ${request.path}`);
  };
  subscribe('http.client.request.start', listener);
  try {
    return { result: await run(), started };
  } finally {
    unsubscribe('http.client.request.start', listener);
  }
}
