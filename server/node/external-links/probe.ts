import type { CheckExternalOptions } from '../../../schemas/check-external';
import type { ExternalVerdict } from '../../engine/links/external';
import { sendRequest, type Answer, type Exchange, type Failure, type RequestSettings } from './http-request';
import type { Limiter } from './limiter';
import type { HostEvidence } from './network';
import { NOT_CHECKED } from './reasons';
import { MAX_REDIRECTS, REDIRECT_STATUSES } from './redirects';
import { backoffMs, parseRetryAfter } from './retry';
import { parseUrl, screenUrl } from './url-screen';

/**
 * What requesting one URL found: its redirects followed by hand (each hop screened like a
 * link), each request HEAD first and GET when HEAD is refused, each failure that may pass
 * retried. No verdict yet where the run as a whole must be seen first (network.ts).
 */

export type Probe =
  /** An HTTP answer that is not a redirect: `url` is the page that gave it after `hops` redirects, `firstStatus` the first request's status. */
  | { answered: number; url: URL; firstStatus: number; hops: number }
  /** No usable answer, after the retries. */
  | { failed: Failure; url: URL }
  /** Decided on the way: a hop refused, a redirect loop. */
  | { verdict: ExternalVerdict }
  | { cancelled: true };

export interface ProbeContext {
  options: CheckExternalOptions;
  settings: RequestSettings;
  limiter: Limiter;
  evidence: HostEvidence;
  sleep: (ms: number) => Promise<void>;
  now: () => Date;
}

/**
 * HEAD is answered wrongly by enough servers that these answers to it prove nothing: 405
 * and 501 (HEAD not allowed or not built), 403 and 404 (a firewall or an app that routes
 * GET only), 400 (some frameworks reject a HEAD outright). GET decides then.
 */
const GET_AFTER_HEAD: ReadonlySet<number> = new Set([400, 403, 404, 405, 501]);

/** Follows `url` (already screened by the caller) to an answer; `onSend` is called before each request. */
export async function probeUrl(url: URL, context: ProbeContext, onSend: () => void): Promise<Probe> {
  const visited = new Set([url.href]);
  let current = url;
  let firstStatus: number | undefined;
  for (let hops = 0; ; hops++) {
    const refusal = hops > 0 ? screenUrl(current, context.options, true) : undefined;
    if (refusal) return { verdict: refusal };
    const outcome = await requestWithRetries(current, context, onSend);
    if ('refused' in outcome) return { verdict: { kind: 'not-checked', reason: hops > 0 ? NOT_CHECKED.redirectsToPrivate : NOT_CHECKED.privateAddress } };
    if ('cancelled' in outcome) return outcome;
    if ('failure' in outcome) return { failed: outcome.failure, url: current };
    const { status, location } = outcome.answer;
    firstStatus ??= status;
    if (!REDIRECT_STATUSES.has(status) || location === undefined) return { answered: status, url: current, firstStatus, hops };
    const next = parseUrl(location, current);
    if (!next) return { verdict: { kind: 'unknown', detail: 'redirects to a URL that is not valid' } };
    next.hash = '';
    if (visited.has(next.href)) return { verdict: { kind: 'unknown', detail: 'redirect loop' } };
    if (hops === MAX_REDIRECTS) return { verdict: { kind: 'unknown', detail: `more than ${MAX_REDIRECTS} redirects` } };
    visited.add(next.href);
    current = next;
  }
}

/** The answer of a host's root page, redirects not followed: only whether the host serves pages at all is asked (network.ts). */
export function probeRoot(url: URL, context: ProbeContext): Promise<Exchange> {
  return requestWithRetries(new URL('/', url), context, () => undefined);
}

/**
 * One request, retried after a 429, a 5xx, a timeout or a failed connection, up to
 * `retries` times: after the server's Retry-After when it gives one (above the cap,
 * no more retries: waiting longer would hold the whole run), else after a backoff. A 429 or
 * 5xx still there at the end is a failure, unless the config counts its status as dead.
 */
async function requestWithRetries(url: URL, context: ProbeContext, onSend: () => void): Promise<Exchange> {
  for (let attempt = 0; ; attempt++) {
    const exchange = await headThenGet(url, context, onSend);
    context.evidence.record(url.host, exchange);
    if (!('failure' in exchange) && !('answer' in exchange)) return exchange;
    const failure = 'failure' in exchange ? exchange.failure : answerFailure(exchange.answer, context.options.deadStatuses);
    if (!failure) return exchange;
    if (!isRetryable(failure) || attempt >= context.options.retries) return { failure };
    const asked = 'answer' in exchange ? parseRetryAfter(exchange.answer.retryAfter, context.now()) : undefined;
    if (asked !== undefined && asked > context.options.retryAfterCapMs) {
      return { failure: { ...failure, detail: `${failure.detail} and asks to wait ${Math.ceil(asked / 1000)} s` } };
    }
    await context.sleep(asked ?? backoffMs(attempt));
    if (context.settings.signal?.aborted) return { cancelled: true };
  }
}

async function headThenGet(url: URL, context: ProbeContext, onSend: () => void): Promise<Exchange> {
  const head = await send(url, 'HEAD', context, onSend);
  return 'answer' in head && GET_AFTER_HEAD.has(head.answer.status) ? send(url, 'GET', context, onSend) : head;
}

function send(url: URL, method: 'HEAD' | 'GET', context: ProbeContext, onSend: () => void): Promise<Exchange> {
  return context.limiter.run(url.hostname, () => {
    onSend();
    return sendRequest(url, method, context.settings);
  });
}

/** The failure a 429 or 5xx answer is; undefined for other answers, and for a status the config counts as dead. */
function answerFailure(answer: Answer, deadStatuses: readonly number[]): Failure | undefined {
  const { status } = answer;
  if (deadStatuses.includes(status)) return undefined;
  if (status === 429) return { kind: 'rate-limited', detail: 'answers 429 (too many requests)' };
  if (status >= 500 && status <= 599) return { kind: 'server-error', detail: `answers ${status}` };
  return undefined;
}

/** What may pass by itself: a busy or failing server, a connection lost on the way. Not a name that does not exist, a certificate, or garbage. */
function isRetryable(failure: Failure): boolean {
  return failure.kind === 'rate-limited' || failure.kind === 'server-error' || failure.kind === 'timeout' || failure.kind === 'connection';
}
