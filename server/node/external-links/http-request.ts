import * as http from 'node:http';
import * as https from 'node:https';
import type { LookupFunction } from 'node:net';
import { REFUSED_ADDRESS, NAME_NOT_FOUND } from './resolver';

/**
 * One HTTP request of the dead-link check, on Node's http and https modules rather than
 * fetch: only they take a `lookup`, through which the address connected to is the one
 * checked. What comes back is the status line and two headers; the body is never read
 * (the response is destroyed as soon as its headers are in), so a huge or endless page
 * costs nothing. Nothing sent identifies anyone: no cookies, no credentials, no body.
 */

/** How a request that got no answer failed, in kinds the verdicts tell apart. */
export type FailureKind =
  /** 5xx. */
  | 'server-error'
  /** 429. */
  | 'rate-limited'
  | 'timeout'
  /** Reset, refused, unreachable: the connection itself failed. */
  | 'connection'
  | 'tls'
  /** An answer that is not HTTP, or one too large to parse. */
  | 'protocol'
  /** The host name does not exist (the resolver answered so). */
  | 'name'
  /** The resolver failed to answer. */
  | 'dns';

export interface Failure {
  kind: FailureKind;
  /** Completes a sentence about the link: "timed out after 15 s". */
  detail: string;
}

export interface Answer {
  status: number;
  location?: string;
  retryAfter?: string;
}

export type Exchange =
  | { answer: Answer }
  | { failure: Failure }
  /** Not sent: the host resolved to an address the check may not reach (its range). */
  | { refused: string }
  /** The run was stopped (its signal). */
  | { cancelled: true };

export interface RequestSettings {
  userAgent: string;
  connectTimeoutMs: number;
  timeoutMs: number;
  lookup: LookupFunction;
  signal?: AbortSignal;
}

/** What a browser sends, so that servers answer the check as they answer readers. */
const BROWSER_HEADERS = {
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'accept-language': 'en-US,en;q=0.9',
};

/** Sends one request and settles on its status line, or on why there is none; never rejects. */
export function sendRequest(url: URL, method: 'HEAD' | 'GET', settings: RequestSettings): Promise<Exchange> {
  return new Promise((resolve) => {
    const timers: NodeJS.Timeout[] = [];
    let settled = false;
    const settle = (exchange: Exchange) => {
      if (settled) return;
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      resolve(exchange);
    };
    let request: http.ClientRequest;
    try {
      const send = url.protocol === 'https:' ? https.request : http.request;
      // No agent: one connection per request, nothing kept alive to hold the process open.
      request = send(url, { method, agent: false, lookup: settings.lookup, signal: settings.signal, headers: { ...BROWSER_HEADERS, 'user-agent': settings.userAgent } });
    } catch (error) {
      settle({ failure: failureOf(error, settings) });
      return;
    }
    const giveUp = (why: 'connect' | 'total') => {
      settle({ failure: timeoutFailure(why, settings) });
      request.destroy();
    };
    timers.push(setTimeout(() => giveUp('total'), settings.timeoutMs));
    request.on('socket', (socket) => {
      if (!socket.connecting) return;
      const connect = setTimeout(() => giveUp('connect'), settings.connectTimeoutMs);
      timers.push(connect);
      socket.once('connect', () => clearTimeout(connect));
    });
    request.on('response', (response) => {
      settle({ answer: answerOf(response) });
      // Destroying a response can still report an error on it; nothing waits for one.
      response.on('error', () => undefined);
      response.destroy();
    });
    request.on('error', (error) => settle(exchangeOfError(error, settings)));
    request.end();
  });
}

function answerOf(response: http.IncomingMessage): Answer {
  const answer: Answer = { status: response.statusCode ?? 0 };
  const { location } = response.headers;
  const retryAfter = response.headers['retry-after'];
  if (typeof location === 'string') answer.location = location;
  if (typeof retryAfter === 'string') answer.retryAfter = retryAfter;
  return answer;
}

function exchangeOfError(error: Error, settings: RequestSettings): Exchange {
  const { code } = error as NodeJS.ErrnoException;
  if (code === REFUSED_ADDRESS) return { refused: error.message };
  if (code === 'ABORT_ERR' || error.name === 'AbortError' || settings.signal?.aborted) return { cancelled: true };
  return { failure: failureOf(error, settings) };
}

function timeoutFailure(why: 'connect' | 'total', settings: RequestSettings): Failure {
  const ms = why === 'connect' ? settings.connectTimeoutMs : settings.timeoutMs;
  return { kind: 'timeout', detail: `${why === 'connect' ? 'no connection' : 'no answer'} after ${seconds(ms)}` };
}

/** `1.5 s`, `300 ms`. */
function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

/** The codes of a connection that failed on the way: worth a retry, and no sign the page is gone. */
const CONNECTION_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'EPIPE', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'EHOSTDOWN', 'EADDRNOTAVAIL']);

/** The failure a request error stands for, by its code; what is not known is a protocol failure (the answer was not usable HTTP). */
export function failureOf(error: unknown, settings: Pick<RequestSettings, 'timeoutMs'>): Failure {
  const code = String((error as NodeJS.ErrnoException | undefined)?.code ?? '');
  if (NAME_NOT_FOUND.has(code)) return { kind: 'name', detail: 'the host name does not resolve' };
  if (code.startsWith('EAI_') || code === 'ETIMEOUT') return { kind: 'dns', detail: `the host name could not be resolved (${code})` };
  if (code === 'ETIMEDOUT') return { kind: 'timeout', detail: `no answer after ${seconds(settings.timeoutMs)}` };
  if (CONNECTION_CODES.has(code)) return { kind: 'connection', detail: code === 'ECONNREFUSED' ? 'the connection was refused' : `the connection failed (${code})` };
  if (isTlsCode(code)) return { kind: 'tls', detail: `the secure connection failed (${code})` };
  return { kind: 'protocol', detail: code.startsWith('HPE_') ? `the answer is not valid HTTP (${code})` : `the request failed${code ? ` (${code})` : ''}` };
}

/** OpenSSL's and Node's codes for a handshake or a certificate that failed. */
function isTlsCode(code: string): boolean {
  return /^(ERR_TLS_|ERR_SSL_|ERR_OSSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH|EPROTO$)/.test(code);
}
