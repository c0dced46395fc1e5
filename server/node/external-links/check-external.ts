import { lookup as dnsLookup } from 'node:dns';
import type { CheckExternalOptions } from '../../../schemas/check-external';
import { externalKey, type ExternalVerdict } from '../../engine/links/external';
import { isIpLiteral } from './addresses';
import { failureOf } from './http-request';
import { Limiter, mapLimited } from './limiter';
import { freshVerdict, readLinkCache, rememberRun, writeLinkCache, type CacheEntry } from './link-cache';
import { HostEvidence, resolverWorks, unresolvable, type NetworkState } from './network';
import { probeRoot, probeUrl, type Probe, type ProbeContext } from './probe';
import { Progress, summaryOf } from './progress';
import { NOT_CHECKED } from './reasons';
import { Resolver, type Lookup, type Resolution } from './resolver';
import { abortableSleep, followSignal } from './run-signal';
import { parseUrl, screenUrl } from './url-screen';
import { judge, type Judgement } from './verdicts';

/**
 * The dead-link check (rule link-dead): requests each external URL of the posts and says
 * what it found, as the engine's ExternalVerdicts. The order of a run: screen each URL
 * (config, address, cache), resolve every host name, stop if the network is unreachable,
 * request what is left, ask the roots of hosts that need it, judge the network, then each
 * link; then remember it all in the cache.
 */

export interface ExternalCheckEnvironment {
  /** Postlint's version, for the user agent. */
  version: string;
  now?: () => Date;
  /** Absolute path of the cache file (already confined to the site by the caller); undefined: no cache read or written (--no-cache). */
  cacheFile?: string;
  /** Name resolution, dns.lookup's signature (tests inject one); default dns.lookup. */
  lookup?: Lookup;
  /** Waiting between retries (tests inject one that resolves at once); default a timer. */
  sleep?: (ms: number) => Promise<void>;
  onProgress?: (progress: { done: number; total: number; failures: number }) => void;
  signal?: AbortSignal;
}

export interface ExternalCheckResult {
  /** By externalKey; every URL given gets one. */
  verdicts: Map<string, ExternalVerdict>;
  network: 'reachable' | 'unreachable' | 'intercepted';
  /**
   * The URLs checked over HTTP this run, by URL key: 1 for each (its HEAD, the GET after
   * it, its retries and redirects are one check), none for a URL not requested (cached,
   * refused, ignored). A root page asked to judge a host is not counted: it is no link's.
   */
  requests: Map<string, number>;
  /** For the CLI's summary line: counts by verdict kind, how many came from the cache, and not-checked reasons with counts. */
  summary: { total: number; fromCache: number; byKind: Record<ExternalVerdict['kind'], number>; notChecked: Record<string, number> };
  /** Why the cache file was not used or not written, when it was not: the check ran regardless. */
  cacheProblem?: string;
}

/** A URL to request: its key, parsed. */
interface Target {
  key: string;
  url: URL;
}

/** What requesting the targets gave: a judgement per key, and the network's state. */
interface Checked {
  judgements: Map<string, Judgement>;
  network: NetworkState['network'];
}

export async function checkExternalLinks(urls: Iterable<string>, options: CheckExternalOptions, environment: ExternalCheckEnvironment): Promise<ExternalCheckResult> {
  const runAt = (environment.now ?? (() => new Date()))();
  const keys = distinctKeys(urls);
  const cache = environment.cacheFile === undefined ? { entries: new Map<string, CacheEntry>() } : readLinkCache(environment.cacheFile, options.deadStatuses);
  const verdicts = new Map<string, ExternalVerdict>();
  const fromCache = new Set<string>();
  const targets: Target[] = [];
  for (const key of keys) {
    const screened = screenKey(key, options, cache.entries.get(key), runAt);
    if ('url' in screened) targets.push({ key, url: screened.url });
    else verdicts.set(key, screened.verdict);
    if ('cached' in screened) fromCache.add(key);
  }
  const progress = new Progress(keys.length, environment.onProgress);
  progress.advance(verdicts.size, 0);
  const requests = new Map<string, number>();
  const witnesses = witnessesOf(fromCache, verdicts);
  const checked = await checkTargets(targets, options, environment, { runAt, witnesses, cache: cache.entries, requests, progress });
  for (const [key, judgement] of checked.judgements) verdicts.set(key, judgement.verdict);
  let cacheProblem = cache.problem === undefined ? undefined : `the link cache was not used: ${cache.problem}`;
  const remembered = environment.cacheFile === undefined ? undefined : rememberRun(keys, cache.entries, checked.judgements, runAt);
  // A run that learnt nothing (offline: nothing is cached of it) leaves no new file in the site.
  if (remembered && (remembered.size > 0 || cache.entries.size > 0 || cache.problem !== undefined)) {
    const written = writeLinkCache(environment.cacheFile!, remembered, options.deadStatuses, runAt);
    if (written !== undefined) cacheProblem = `the link cache could not be written: ${written}`;
  }
  const result: ExternalCheckResult = { verdicts, network: checked.network, requests, summary: summaryOf(verdicts, fromCache.size) };
  if (cacheProblem !== undefined) result.cacheProblem = cacheProblem;
  return result;
}

/** Each URL's key once, in the order given; URLs that have none (not http, templated) are left out. */
function distinctKeys(urls: Iterable<string>): string[] {
  const keys = new Set<string>();
  for (const url of urls) {
    const key = externalKey(url);
    if (key !== undefined) keys.add(key);
  }
  return [...keys];
}

/**
 * What is known of a key before any request: refused (not http, credentials, ignored, a
 * private address as written), fresh in the cache, or to be requested. The config is
 * applied before the cache, so a host ignored since is not reported from an old verdict.
 */
function screenKey(key: string, options: CheckExternalOptions, entry: CacheEntry | undefined, runAt: Date): { url: URL } | { verdict: ExternalVerdict; cached?: true } {
  const url = parseUrl(key);
  if (!url) return { verdict: { kind: 'not-checked', reason: NOT_CHECKED.invalid } };
  const refusal = screenUrl(url, options, false);
  if (refusal) return { verdict: refusal };
  const cached = freshVerdict(entry, options, runAt);
  return cached ? { verdict: cached, cached: true } : { url };
}

interface RunState {
  runAt: Date;
  /** Host names that resolved on earlier runs (askWitnesses). */
  witnesses: readonly string[];
  cache: ReadonlyMap<string, CacheEntry>;
  requests: Map<string, number>;
  progress: Progress;
}

/** Resolves, requests and judges the targets, the network first (network.ts). */
async function checkTargets(targets: Target[], options: CheckExternalOptions, environment: ExternalCheckEnvironment, run: RunState): Promise<Checked> {
  if (targets.length === 0) return { judgements: new Map(), network: 'reachable' };
  if (environment.signal?.aborted) return everyTarget(targets, NOT_CHECKED.interrupted, 'reachable');
  const resolver = new Resolver(environment.lookup ?? dnsLookup, options.allowPrivate, options.connectTimeoutMs);
  const resolutions = await resolveNames(targets, resolver, run.witnesses, options.concurrency);
  if (unresolvable(resolutions.values())) {
    run.progress.advance(targets.length, 0);
    return everyTarget(targets, NOT_CHECKED.unreachable, 'unreachable');
  }
  const stop = followSignal(environment.signal);
  try {
    return await requestTargets(targets, resolutions, probeContext(options, environment, resolver, stop.signal), run);
  } finally {
    stop.release();
  }
}

/** Requests the targets (the network is up), asks the roots that need it, then judges the network and each link. */
async function requestTargets(targets: Target[], resolutions: ReadonlyMap<string, Resolution>, context: ProbeContext, run: RunState): Promise<Checked> {
  const { options } = context;
  const probes = await Promise.all(
    targets.map(async (target) => {
      const probe = await probeTarget(target, resolutions, context, run.requests);
      run.progress.advance(1, isFailure(probe) ? 1 : 0);
      return probe;
    }),
  );
  await askRoots(targets, probes, context);
  const state = context.evidence.state();
  if (state.network !== 'reachable') {
    return everyTarget(targets, state.network === 'intercepted' ? NOT_CHECKED.intercepted(state.status) : NOT_CHECKED.unreachable, state.network, probes);
  }
  const judgeContext = { deadStatuses: options.deadStatuses, servesPages: (host: string) => context.evidence.servesPages(host), resolverWorks: resolverWorks(resolutions.values()), now: run.runAt };
  const judgements = new Map<string, Judgement>();
  targets.forEach((target, index) => {
    const probe = probes[index];
    const first = run.cache.get(target.key)?.firstFailure;
    judgements.set(target.key, 'cancelled' in probe ? notChecked(NOT_CHECKED.interrupted) : judge(target.key, probe, first, judgeContext));
  });
  return { judgements, network: 'reachable' };
}

/**
 * Rule 1 of network.ts: the distinct host names of the targets resolved (DNS only), a few
 * at a time, the most linked first. Those of the first SAMPLE_NAMES that fail send for
 * witnesses; when none of them resolves either, the rest are not looked up: a resolver
 * that is down may take seconds to fail each name (5 s each for some names on a sandboxed
 * runner), and hundreds of names would take minutes to say what a handful says.
 */
async function resolveNames(targets: Target[], resolver: Resolver, witnesses: readonly string[], concurrency: number): Promise<Map<string, Resolution>> {
  const names = namesByUse(targets);
  const resolve = async (batch: string[]) => mapLimited(batch, concurrency, async (name) => [name, await resolver.resolve(name)] as const);
  const resolutions = new Map(await resolve(names.slice(0, SAMPLE_NAMES)));
  if (unresolvable(resolutions.values())) await askWitnesses(witnesses, resolver, resolutions);
  if (unresolvable(resolutions.values())) return resolutions;
  for (const [name, resolution] of await resolve(names.slice(SAMPLE_NAMES))) resolutions.set(name, resolution);
  return resolutions;
}

/** How many names show whether the resolver works, before the others are looked up. */
const SAMPLE_NAMES = 8;

/** The host names of the targets (IP addresses left out), those of the most URLs first: the likeliest to be alive. */
function namesByUse(targets: Target[]): string[] {
  const uses = new Map<string, number>();
  for (const { url } of targets) if (!isIpLiteral(url.hostname)) uses.set(url.hostname, (uses.get(url.hostname) ?? 0) + 1);
  return [...uses.keys()].sort((a, b) => uses.get(b)! - uses.get(a)!);
}

function probeContext(options: CheckExternalOptions, environment: ExternalCheckEnvironment, resolver: Resolver, signal: AbortSignal): ProbeContext {
  return {
    options,
    settings: {
      userAgent: `Postlint/${environment.version} (+https://github.com/postlint/postlint)`,
      connectTimeoutMs: options.connectTimeoutMs,
      timeoutMs: options.timeoutMs,
      lookup: resolver.connectLookup,
      signal,
    },
    limiter: new Limiter(options.concurrency, options.perHost),
    evidence: new HostEvidence(),
    sleep: environment.sleep ?? abortableSleep(signal),
    now: environment.now ?? (() => new Date()),
  };
}

/**
 * Rule 1 of network.ts, when every name to request failed: the hosts of links taken from the
 * cache, which resolved before, are looked up (DNS only) until one resolves. Without them, a
 * run whose only uncached link has a dead name would always count as offline.
 */
async function askWitnesses(witnesses: readonly string[], resolver: Resolver, resolutions: Map<string, Resolution>): Promise<void> {
  for (const name of witnesses.slice(0, MAX_WITNESSES)) {
    const resolution = await resolver.resolve(name);
    resolutions.set(name, resolution);
    if (!('failed' in resolution)) return;
  }
}

/** A resolver that fails this many names it answered before is not working. */
const MAX_WITNESSES = 3;

/** The host names of keys whose cached verdict shows they resolved then: an answer from the host. */
function witnessesOf(keys: Iterable<string>, verdicts: ReadonlyMap<string, ExternalVerdict>): string[] {
  const names = new Set<string>();
  for (const key of keys) {
    const verdict = verdicts.get(key);
    const hostname = parseUrl(key)?.hostname;
    if (hostname !== undefined && !isIpLiteral(hostname) && verdict && hostAnswered(verdict)) names.add(hostname);
  }
  return [...names];
}

/** Whether the verdict was an HTTP answer of the host (a dead link with status 0 is a name that did not resolve). */
function hostAnswered(verdict: ExternalVerdict): boolean {
  return verdict.kind === 'alive' || verdict.kind === 'redirected' || verdict.kind === 'login-required' || (verdict.kind === 'dead' && verdict.status !== 0);
}

/** Requests one target, unless resolving its host already settled it (refused, or no such name). */
async function probeTarget(target: Target, resolutions: ReadonlyMap<string, Resolution>, context: ProbeContext, requests: Map<string, number>): Promise<Probe> {
  const resolution = resolutions.get(target.url.hostname);
  if (resolution && 'refused' in resolution) return { verdict: { kind: 'not-checked', reason: NOT_CHECKED.privateAddress } };
  if (resolution && 'failed' in resolution) return { failed: failureOf({ code: resolution.failed }, context.options), url: target.url };
  let counted = false;
  return probeUrl(target.url, context, () => {
    if (counted) return;
    counted = true;
    requests.set(target.key, (requests.get(target.key) ?? 0) + 1);
  });
}

/**
 * Rule 4 (and 3) of network.ts: the root page of each host that answered a dead status
 * without showing it serves pages, and of every host that answered when the run looks
 * intercepted. Once per host, and not where a link already asked for that very root.
 */
async function askRoots(targets: Target[], probes: Probe[], context: ProbeContext): Promise<void> {
  const { evidence } = context;
  const looksIntercepted = evidence.looksIntercepted();
  const asked = new Set(targets.map(({ url }) => url.href));
  const roots = new Map<string, URL>();
  for (const probe of probes) {
    if (!('answered' in probe)) continue;
    asked.add(probe.url.href);
    const { host } = probe.url;
    if (evidence.servesPages(host)) continue;
    if (looksIntercepted || context.options.deadStatuses.includes(probe.answered)) roots.set(host, new URL('/', probe.url));
  }
  const toAsk = [...roots.values()].filter((root) => !asked.has(root.href));
  await Promise.all(toAsk.map((root) => probeRoot(root, context)));
}

/** Every target with the same not-checked reason: the run could not judge them (the network, an interruption). Refusals keep their own reason. */
function everyTarget(targets: Target[], reason: string, network: Checked['network'], probes?: Probe[]): Checked {
  const judgements = new Map<string, Judgement>();
  targets.forEach((target, index) => {
    const probe = probes?.[index];
    const own = probe && 'verdict' in probe && probe.verdict.kind === 'not-checked' ? probe.verdict.reason : undefined;
    judgements.set(target.key, notChecked(own ?? reason));
  });
  return { judgements, network };
}

function notChecked(reason: string): Judgement {
  return { verdict: { kind: 'not-checked', reason }, memory: 'keep' };
}

/** For the progress count: a URL requested that did not answer 2xx at the end. */
function isFailure(probe: Probe): boolean {
  if ('cancelled' in probe) return false;
  if ('verdict' in probe) return probe.verdict.kind !== 'not-checked';
  return !('answered' in probe) || probe.answered < 200 || probe.answered > 299;
}
