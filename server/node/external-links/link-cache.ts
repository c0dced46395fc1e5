import type { CheckExternalOptions } from '../../../schemas/check-external';
import type { ExternalVerdict } from '../../engine/links/external';
import { writeFileAtomically } from '../atomic-write';
import { MEGABYTE, readRegularFile } from '../node-workspace';
import type { FailureKind } from './http-request';

/**
 * The dead-link check's memory between runs (`cacheFile`, JSON): per URL, the last verdict
 * and when it was reached, so that a link is not requested again for days; and the first
 * failure of the present series, kept until a success even after the verdict expired, so
 * that "failing on two runs a day apart" can be told.
 *
 * The file is written whole (a temporary file renamed over it: of two runs at once the last
 * wins, and neither leaves half a file), one line per URL in sorted order, so that it reads
 * and diffs well when a site commits it. A file that is not this format is ignored and
 * rewritten; it never stops the check.
 */

/** Bumped when the file's shape changes: an older file is then ignored. */
const FORMAT = 1;

/** The file is small (a line per URL); past this it is not read, whatever is there. */
const MAX_CACHE_BYTES = 64 * MEGABYTE;

const DAY_MS = 24 * 60 * 60 * 1000;

/** A URL not among those checked for this long is forgotten. */
const FORGET_AFTER_MS = 30 * DAY_MS;

export interface FirstFailure {
  kind: FailureKind;
  /** ISO time. */
  at: string;
}

/** A verdict the cache keeps: every kind but not-checked, which says something of the run, not of the link. */
export type CachedVerdict = Exclude<ExternalVerdict, { kind: 'not-checked' }>;

export interface CacheEntry {
  /** ISO time of the last run that had this URL to check (whether it was requested or not). */
  seen: string;
  /** ISO time the verdict was reached; both absent when no run could check the URL yet. */
  checked?: string;
  verdict?: CachedVerdict;
  firstFailure?: FirstFailure;
}

/** What becomes of a link's first failure after a run: cleared by a success, started (or kept, when of the same kind) by a failure, else kept. */
export type FailureMemory = 'clear' | 'keep' | { failure: FailureKind };

/** What a run found of a link, as the cache takes it. */
export interface Remembered {
  verdict: ExternalVerdict;
  memory: FailureMemory;
}

export interface LinkCache {
  entries: Map<string, CacheEntry>;
  /** Why the file was not used, when it exists and could not be: for the caller to mention. */
  problem?: string;
}

/**
 * The cache at `file`, or an empty one. Verdicts reached with other dead statuses are
 * dropped (a 403 that was alive may now be dead); the first failures stay.
 */
export function readLinkCache(file: string, deadStatuses: readonly number[]): LinkCache {
  const read = readRegularFile(file, MAX_CACHE_BYTES);
  if ('refused' in read) return read.refused === 'not-found' ? { entries: new Map() } : { entries: new Map(), problem: `it could not be read (${read.refused})` };
  let json: unknown;
  try {
    json = JSON.parse(read.bytes.toString('utf8'));
  } catch {
    return { entries: new Map(), problem: 'it is not JSON' };
  }
  if (!isRecord(json) || json.format !== FORMAT || !isRecord(json.links)) return { entries: new Map(), problem: 'it is not a link cache of this version' };
  const sameStatuses = statusesKey(json.deadStatuses) === statusesKey(deadStatuses);
  const entries = new Map<string, CacheEntry>();
  for (const [key, value] of Object.entries(json.links)) {
    const entry = entryOf(value);
    if (!entry) continue;
    if (!sameStatuses) {
      delete entry.verdict;
      delete entry.checked;
    }
    entries.set(key, entry);
  }
  return { entries };
}

/** Writes the cache, leaving out URLs not seen for 30 days; the first line of what went wrong, if anything did. */
export function writeLinkCache(file: string, entries: ReadonlyMap<string, CacheEntry>, deadStatuses: readonly number[], now: Date): string | undefined {
  const lines = [...entries]
    .filter(([, entry]) => now.getTime() - Date.parse(entry.seen) < FORGET_AFTER_MS)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, entry]) => `    ${JSON.stringify(key)}: ${sortedJson(entry)}`);
  const links = lines.length === 0 ? '{}' : `{\n${lines.join(',\n')}\n  }`;
  const text = `{\n  "deadStatuses": ${JSON.stringify([...deadStatuses].sort((a, b) => a - b))},\n  "format": ${FORMAT},\n  "links": ${links}\n}\n`;
  return writeFileAtomically(file, text);
}

/**
 * The cache after this run: every key of the run seen now; a verdict reached now replaces
 * the old (not-checked never does: it says something of the run, not of the link); the first
 * failure started, kept or cleared as the judgement says. Keys of other runs stay as they are.
 */
export function rememberRun(keys: readonly string[], entries: ReadonlyMap<string, CacheEntry>, judgements: ReadonlyMap<string, Remembered>, runAt: Date): Map<string, CacheEntry> {
  const now = runAt.toISOString();
  const next = new Map(entries);
  for (const key of keys) {
    const old = entries.get(key);
    const judgement = judgements.get(key);
    const decided = judgement && judgement.verdict.kind !== 'not-checked' ? judgement.verdict : undefined;
    if (!old && !decided) continue;
    const entry: CacheEntry = { ...old, seen: now };
    if (decided) {
      entry.verdict = decided;
      entry.checked = now;
    }
    const memory = judgement?.memory ?? 'keep';
    if (memory === 'clear') delete entry.firstFailure;
    else if (memory !== 'keep' && entry.firstFailure?.kind !== memory.failure) entry.firstFailure = { kind: memory.failure, at: now };
    next.set(key, entry);
  }
  return next;
}

/** The entry's verdict while it is fresh: `failureDays` for a failure (unknown, failing), `liveDays` for the rest. */
export function freshVerdict(entry: CacheEntry | undefined, options: Pick<CheckExternalOptions, 'liveDays' | 'failureDays'>, now: Date): CachedVerdict | undefined {
  if (!entry?.verdict || entry.checked === undefined) return undefined;
  const age = now.getTime() - Date.parse(entry.checked);
  const days = entry.verdict.kind === 'unknown' || entry.verdict.kind === 'failing' ? options.failureDays : options.liveDays;
  // A check from the future (a clock set back) proves nothing about now.
  return age >= 0 && age < days * DAY_MS ? entry.verdict : undefined;
}

/** Whether the link has failed this same way since `first`, at least a day before `now` (and not succeeded since: a success clears `first`). */
export function failedForADay(first: FirstFailure | undefined, kind: FailureKind, now: Date): first is FirstFailure {
  return first !== undefined && first.kind === kind && now.getTime() - Date.parse(first.at) >= DAY_MS;
}

/** JSON with every object's keys sorted, on one line: the same data always gives the same text. */
function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    isRecord(inner) ? Object.fromEntries(Object.keys(inner).sort().map((name) => [name, inner[name]])) : inner,
  );
}

function statusesKey(statuses: unknown): string {
  return Array.isArray(statuses) ? [...(statuses as unknown[])].map(String).sort().join(',') : '';
}

const FAILURE_KINDS: ReadonlySet<string> = new Set<FailureKind>(['server-error', 'rate-limited', 'timeout', 'connection', 'tls', 'protocol', 'name', 'dns']);

/** An entry as read, checked field by field (anyone may have edited the file); undefined when it is out of shape. */
function entryOf(value: unknown): CacheEntry | undefined {
  if (!isRecord(value) || !isTime(value.seen)) return undefined;
  const entry: CacheEntry = { seen: value.seen };
  if (value.verdict !== undefined) {
    const verdict = verdictOf(value.verdict);
    if (!verdict || !isTime(value.checked)) return undefined;
    entry.verdict = verdict;
    entry.checked = value.checked;
  }
  if (value.firstFailure !== undefined) {
    const first = value.firstFailure;
    if (!isRecord(first) || typeof first.kind !== 'string' || !FAILURE_KINDS.has(first.kind) || !isTime(first.at)) return undefined;
    entry.firstFailure = { kind: first.kind as FailureKind, at: first.at };
  }
  return entry;
}

/** A verdict rebuilt from its known fields only, so that nothing else in the file reaches the engine. */
function verdictOf(value: unknown): CachedVerdict | undefined {
  if (!isRecord(value)) return undefined;
  const { status, detail } = value;
  switch (value.kind) {
    case 'alive':
      return { kind: 'alive' };
    case 'login-required':
      return isStatus(status) ? { kind: 'login-required', status } : undefined;
    case 'dead':
      return isStatus(status) && typeof detail === 'string' ? { kind: 'dead', status, detail } : undefined;
    case 'redirected':
      return isStatus(status) && typeof value.finalUrl === 'string' && typeof value.safe === 'boolean' ? { kind: 'redirected', status, finalUrl: value.finalUrl, safe: value.safe } : undefined;
    case 'failing':
      return typeof detail === 'string' && typeof value.since === 'string' ? { kind: 'failing', detail, since: value.since } : undefined;
    case 'unknown':
      return typeof detail === 'string' ? { kind: 'unknown', detail } : undefined;
    default:
      return undefined;
  }
}

function isStatus(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 999;
}

function isTime(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
