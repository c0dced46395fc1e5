import { parseUrl } from './url-screen';

/**
 * Redirects, which the check follows by hand: each hop is screened and its address
 * checked like the link itself, which a client that follows them on its own would skip.
 */

export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** The statuses that say the page has moved for good: the link itself should change. */
export const PERMANENT_REDIRECTS: ReadonlySet<number> = new Set([301, 308]);

/** Browsers follow about 20; a link that needs more than a few is broken enough to say so. */
export const MAX_REDIRECTS = 5;

/**
 * Whether a permanent redirect from `from` to `to` may be applied to the post without a
 * reader looking: the same page, only over https (`http://x/a` → `https://x/a`), or only
 * with a trailing slash added (`/a` → `/a/`), or both. Anything else (another host, another
 * path, a query changed, a port changed) might be a different page, or a login wall.
 * Fragments are not compared: the link keeps its own.
 */
export function isSafeRedirect(from: string, to: string): boolean {
  const a = parseUrl(from);
  const b = parseUrl(to);
  if (!a || !b || a.hostname !== b.hostname || a.search !== b.search || a.username !== b.username || a.password !== b.password) return false;
  const upgraded = a.protocol === 'http:' && b.protocol === 'https:';
  if (!upgraded && a.protocol !== b.protocol) return false;
  // A port written out counts: http on 8080 and https on 8443 need not be one server.
  if (upgraded ? a.port !== '' || b.port !== '' : a.port !== b.port) return false;
  const slashed = b.pathname === `${a.pathname}/`;
  if (!slashed && a.pathname !== b.pathname) return false;
  return upgraded || slashed;
}
