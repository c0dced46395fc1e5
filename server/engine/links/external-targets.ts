import type { BodyModel } from '../markdown';
import { externalKey } from './external';
import { classifyUrl, type LinkTarget } from './link-targets';
import { uniqueTargets } from './url-parts';

/** A link or image source the dead-link check requests, with the key of its verdict. */
export interface ExternalTarget {
  target: LinkTarget;
  key: string;
}

/**
 * The targets of a post the dead-link check requests (`externalKey`: http(s), a host,
 * no template), each URL as written once (`uniqueTargets`). Links to the site's own host
 * are left to `link-broken-local`, which finds their pages on disk: a post may link to a
 * page published in the same change, not online yet.
 */
export function externalTargets(body: BodyModel, baseURL: string | undefined): ExternalTarget[] {
  const found: ExternalTarget[] = [];
  for (const target of uniqueTargets(body)) {
    const key = externalKey(target.url);
    if (key !== undefined && classifyUrl(key, baseURL).kind === 'external') found.push({ target, key });
  }
  return found;
}
