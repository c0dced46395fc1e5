import { existsSync, realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CheckExternalOptions } from '../../../schemas/check-external';
import { trackedByGit } from '../git';
import { plural } from '../../engine/text/plural';
import { relativeInside } from '../paths';
import { postlintVersion } from '../version';
import { checkExternalLinks, type ExternalCheckEnvironment, type ExternalCheckResult } from './check-external';

/**
 * The dead-link check as the CLI and the language server run it on one site: the
 * site's options and cache file, and a summary line. What the check requests and how
 * it judges is check-external.ts's.
 */
export interface SiteLinksRequest {
  root: string;
  options: CheckExternalOptions;
  urls: Iterable<string>;
  /** `--no-cache`, or a folder the editor does not trust: no verdict of earlier runs is read or written. */
  noCache?: boolean;
  /**
   * Whether the site's own `allowPrivate` may open private addresses. In a folder the editor
   * does not trust the config is the folder's, and a stranger's repository must not reach
   * into the machine's network: the list is ignored there.
   */
  trusted?: boolean;
  onProgress?: ExternalCheckEnvironment['onProgress'];
}

export interface SiteLinksResult {
  result: ExternalCheckResult;
  /** Said once besides the summary: why the cache file was not used. */
  note?: string;
}

export async function checkSiteLinks(request: SiteLinksRequest): Promise<SiteLinksResult> {
  const { cacheFile, note } = request.noCache ? {} : cacheFileIn(request.root, request.options.cacheFile);
  const options = request.trusted === false ? { ...request.options, allowPrivate: [] } : request.options;
  const result = await checkExternalLinks(request.urls, options, { version: postlintVersion(), cacheFile, onProgress: request.onProgress });
  return { result, note: note ?? result.cacheProblem };
}

/**
 * The cache file, from the site root, when its folder is inside the site once symlinks
 * are followed: a pull request could make `.postlint-cache` a link to anywhere, and the
 * check writes there. The config's path is already refused when absolute or climbing out.
 * Nothing is made here: the folder is made when there is something to write.
 */
export function cacheFileIn(root: string, relative: string): { cacheFile?: string; note?: string } {
  const file = `${root}/${relative}`;
  // As for --cache's results: a pull request could commit a cache calling its dead links alive.
  if (trackedByGit(file)) return { note: `${file} is tracked by git, so not used as the link cache: a pull request could have written it. Keep it out of git (.gitignore) and in your CI's cache` };
  try {
    if (relativeInside(realpathSync(root), realpathSync(nearestExisting(dirname(file)))) !== undefined) return { cacheFile: file };
    return { note: `${file}: not used as the link cache: its folder leads out of the site` };
  } catch (error) {
    return { note: `${file}: not used as the link cache (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
}

/** The folder itself, or its nearest parent that exists: where a symlink on the way would show. */
function nearestExisting(folder: string): string {
  let path = folder;
  while (!existsSync(path) && dirname(path) !== path) path = dirname(path);
  return path;
}

/**
 * `external links: 120 URLs checked (3 dead, 2 moved for good), 40 from the cache, 15 not checked (…: 15)`.
 * It counts URLs, each requested once however many links share it; the report's "not verified" counts links.
 */
export function summaryLine(result: ExternalCheckResult, where = ''): string {
  const { total, fromCache, byKind, notChecked } = result.summary;
  if (result.network !== 'reachable') {
    const why = result.network === 'unreachable' ? 'no host name resolved' : 'every host answered the same way, as a proxy or sandbox does';
    return `external links${where}: could not reach the network (${why}): ${plural(total, 'URL')} not checked, none reported as dead`;
  }
  const found = [
    byKind.dead > 0 ? `${byKind.dead} dead` : '',
    byKind.failing > 0 ? `${byKind.failing} failing on two runs a day apart` : '',
    byKind.redirected > 0 ? `${byKind.redirected} moved for good` : '',
    byKind.unknown > 0 ? `${byKind.unknown} failed once, to be tried again` : '',
  ].filter(Boolean);
  const skipped = Object.entries(notChecked).map(([reason, count]) => `${reason}: ${count}`);
  return [
    `external links${where}: ${plural(total - byKind['not-checked'], 'URL')} checked${found.length > 0 ? ` (${found.join(', ')})` : ''}`,
    fromCache > 0 ? `${fromCache} from the cache` : '',
    skipped.length > 0 ? `${byKind['not-checked']} not checked (${skipped.join(', ')})` : '',
  ]
    .filter(Boolean)
    .join(', ');
}
