import { quoted } from '../../engine/text/quote';
import type { Failure } from './http-request';
import { failedForADay, type FirstFailure, type Remembered } from './link-cache';
import type { Probe } from './probe';
import { isSafeRedirect, PERMANENT_REDIRECTS } from './redirects';

/**
 * A link's verdict from what requesting it found, once the run as a whole has been seen
 * (network.ts), with what the cache remembers of its failures. The verdict kinds are the
 * engine's (ExternalVerdict): what is reported, and how, is the engine rule's business.
 */

/** A verdict, and what becomes of the cache's first failure of the link. */
export type Judgement = Remembered;

export interface JudgeContext {
  deadStatuses: readonly number[];
  /** Rule 4 of network.ts: whether the host (`URL.host`) served real pages this run. */
  servesPages: (host: string) => boolean;
  /** Whether some host name resolved this run: only then does a name that does not resolve say anything. */
  resolverWorks: boolean;
  now: Date;
}

/** The verdict on `key` (the URL requested first), from its probe and the first failure the cache holds for it. */
export function judge(key: string, probe: Exclude<Probe, { cancelled: true }>, first: FirstFailure | undefined, context: JudgeContext): Judgement {
  if ('verdict' in probe) return { verdict: probe.verdict, memory: 'keep' };
  if ('failed' in probe) return judgeFailure(probe.failed, first, context);
  return judgeAnswer(key, probe, context);
}

function judgeAnswer(key: string, probe: Extract<Probe, { answered: number }>, context: JudgeContext): Judgement {
  const { answered: status, url, firstStatus } = probe;
  const redirected = probe.hops > 0;
  if (context.deadStatuses.includes(status)) {
    if (!context.servesPages(url.host)) {
      const where = redirected ? `redirects to ${quoted(url.host)}, where every page answers ${status}` : `every page of the host answers ${status}`;
      return { verdict: { kind: 'unknown', detail: where }, memory: 'keep' };
    }
    const detail = redirected ? `redirects to ${quoted(url.href)}, which answers ${status}` : `answers ${status}`;
    return { verdict: { kind: 'dead', status, detail }, memory: 'clear' };
  }
  if (status >= 200 && status <= 299) {
    if (!redirected || !PERMANENT_REDIRECTS.has(firstStatus)) return { verdict: { kind: 'alive' }, memory: 'clear' };
    return { verdict: { kind: 'redirected', status: firstStatus, finalUrl: url.href, safe: isSafeRedirect(key, url.href) }, memory: 'clear' };
  }
  if (status === 401 || status === 403) return { verdict: { kind: 'login-required', status }, memory: 'clear' };
  // 1xx, a 3xx with no Location, 400, 418…: the server answered, but nothing can be said of the page.
  return { verdict: { kind: 'unknown', detail: `answers ${status}` }, memory: 'keep' };
}

/**
 * A failure is not proof: unknown on its first run; `failing` once the same kind of failure
 * was first seen at least a day before with no success since. A name that does not resolve
 * is proof then (dead, status 0), provided the resolver works this run.
 */
function judgeFailure(failure: Failure, first: FirstFailure | undefined, context: JudgeContext): Judgement {
  if (failure.kind === 'name' && !context.resolverWorks) return { verdict: { kind: 'unknown', detail: failure.detail }, memory: 'keep' };
  const memory = { failure: failure.kind };
  if (!failedForADay(first, failure.kind, context.now)) return { verdict: { kind: 'unknown', detail: failure.detail }, memory };
  if (failure.kind === 'name') return { verdict: { kind: 'dead', status: 0, detail: failure.detail }, memory };
  return { verdict: { kind: 'failing', detail: failure.detail, since: first.at.slice(0, 10) }, memory };
}
