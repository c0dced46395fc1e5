import { isTemplated, urlParts } from './url-parts';

/**
 * What the dead-link check (server/node/external-links/) found at an external URL. The
 * check does I/O, so it lives in the Node layer; the engine only reads its verdicts,
 * as data, through `ExternalVerdicts` (rule `link-dead`).
 */
export type ExternalVerdict =
  /** The page answered 2xx (after redirects that are not permanent, if any). */
  | { kind: 'alive' }
  /** 401 or 403: the page exists but needs a login; reported only when the config asks. */
  | { kind: 'login-required'; status: number }
  /**
   * Gone: a status among `deadStatuses` (404, 410), or a host name that does not resolve
   * while the resolver works, seen on two runs a day apart (`status` 0 then).
   */
  | { kind: 'dead'; status: number; detail: string }
  /**
   * A permanent redirect (301, 308) to a page that answers. `safe` when the target is
   * the same page over https or with a trailing slash: `--fix` may apply it then.
   */
  | { kind: 'redirected'; status: number; finalUrl: string; safe: boolean }
  /**
   * A failure that is not proof (429, 5xx, a timeout, a reset connection) seen on two runs
   * at least a day apart, `since` being the first (ISO date): reported, saying so.
   */
  | { kind: 'failing'; detail: string; since: string }
  /** A failure seen on one run only, or a failure of the check itself: not reported. */
  | { kind: 'unknown'; detail: string }
  /**
   * Not requested: a private address, the network unreachable, an ignored host. The
   * `reason` completes "not checked: …" and is shown as an unverified link.
   */
  | { kind: 'not-checked'; reason: string };

/**
 * Whether rule link-dead reports a verdict as a problem (and does not only list its link
 * as not verified): a login-only page only when the config asks for it.
 */
export function isReportedVerdict(verdict: ExternalVerdict, reportLoginRequired: boolean): boolean {
  return verdict.kind === 'dead' || verdict.kind === 'failing' || verdict.kind === 'redirected' || (verdict.kind === 'login-required' && reportLoginRequired);
}

/** Verdicts by `externalKey`; an absent key is a URL the check has not seen. */
export interface ExternalVerdicts {
  get(key: string): ExternalVerdict | undefined;
  /** How many there are (a Map's `size`): with none, rule link-dead skips every post at once. */
  readonly size?: number;
}

/**
 * The URL the dead-link check requests for a link, and the key of its verdict: the
 * URL as written, trimmed, without its fragment (one request per page, whatever the
 * anchor). Undefined for what is not checked at all: schemes other than http(s),
 * URLs with no host, and URLs still holding a template (`{{ … }}`).
 */
export function externalKey(url: string): string | undefined {
  const trimmed = url.trim();
  const parts = urlParts(trimmed);
  if ((parts.scheme !== 'http' && parts.scheme !== 'https') || !parts.host || isTemplated(trimmed)) return undefined;
  return parts.hash === undefined ? trimmed : trimmed.slice(0, parts.hash);
}
