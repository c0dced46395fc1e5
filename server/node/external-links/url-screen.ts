import type { CheckExternalOptions } from '../../../schemas/check-external';
import type { ExternalVerdict } from '../../engine/links/external';
import { hostMatches } from '../../engine/links/url-parts';
import { literalRefusal } from './addresses';
import { NOT_CHECKED } from './reasons';

/**
 * What is decided about a URL before anything is sent, from the URL alone: the link's own
 * URL, and again each URL a redirect leads to (a public page may redirect anywhere).
 */

export type ScreenOptions = Pick<CheckExternalOptions, 'ignore' | 'allowPrivate'>;

/** The URL, or undefined when it cannot be parsed (a link's text is anything an author typed). */
export function parseUrl(text: string, base?: URL): URL | undefined {
  try {
    return new URL(text, base);
  } catch {
    return undefined;
  }
}

/**
 * Why the URL is not requested, or undefined when it may be: not http(s), credentials in
 * it (never sent: a post's URL is public, and the check runs with no one's identity),
 * ignored by the config, or a host that is an address the check may not reach.
 */
export function screenUrl(url: URL, options: ScreenOptions, hop: boolean): ExternalVerdict | undefined {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return hop ? { kind: 'unknown', detail: `redirects to a ${url.protocol.slice(0, -1)} URL, which is not checked` } : notChecked(NOT_CHECKED.invalid);
  }
  if (url.username !== '' || url.password !== '') return notChecked(hop ? NOT_CHECKED.redirectsWithCredentials : NOT_CHECKED.credentials);
  if (isIgnored(url, options.ignore)) return notChecked(hop ? NOT_CHECKED.redirectsToIgnored : NOT_CHECKED.ignored);
  if (literalRefusal(url.hostname, options.allowPrivate) !== undefined) return notChecked(hop ? NOT_CHECKED.redirectsToPrivate : NOT_CHECKED.privateAddress);
  return undefined;
}

/**
 * Whether an `ignore` entry names the URL: a URL prefix (compared once both are parsed, so
 * `HTTPS://Example.com/a` and `https://example.com/a` agree), else a host entry.
 */
export function isIgnored(url: URL, ignore: readonly string[]): boolean {
  return ignore.some((entry) => {
    const trimmed = entry.trim();
    if (!/^https?:\/\//i.test(trimmed)) return hostMatches(url.hostname, trimmed);
    const prefix = parseUrl(trimmed);
    return prefix !== undefined && url.href.startsWith(prefix.href);
  });
}

function notChecked(reason: string): ExternalVerdict {
  return { kind: 'not-checked', reason };
}
