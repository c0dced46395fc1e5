import { dirname } from 'node:path';
import { checkExternalOptions, type CheckExternalOptions } from '../../schemas/check-external';
import type { LanguageService } from '../engine/language-service';
import type { ExternalVerdict } from '../engine/links/external';
import type { ExternalCheckEnvironment } from '../node/external-links/check-external';
import { ProgressBar, wantsProgressBar } from './progress-bar';
import type { Target } from './targets';

/** What `--check-external` (or `checkExternal` in a config) found, for the check and for the terminal. */
export interface ExternalLinksRun {
  /** By `externalKey`, as the engine reads them (`ExternalVerdicts`); entries, so that workers can be sent them. */
  verdicts: [string, ExternalVerdict][];
  /** One line per site checked, and any note on its cache, for stderr. */
  summaries: string[];
}

export interface ExternalLinksFlags {
  /** `--check-external`: on for this run, with the config's options or the defaults. */
  checkExternal: boolean;
  /** `--no-cache`: the verdicts of earlier runs are neither read nor written. */
  noCache: boolean;
}

/** The posts of one site that share one set of options (one config file). */
interface Group {
  root: string;
  options: CheckExternalOptions;
  urls: Set<string>;
}

/**
 * Checks the external links of the posts about to be checked, site by site (each with
 * its own options and cache), before any post is: the engine then reads the verdicts
 * as data, the same on every worker. Undefined when no post has the check on.
 */
export async function checkExternalLinksOf(service: LanguageService, targets: readonly Target[], flags: ExternalLinksFlags): Promise<ExternalLinksRun | undefined> {
  const groups = await groupsOf(service, targets, flags.checkExternal);
  if (groups.length === 0) return undefined;
  // Loaded only for a run that checks links: initialising the HTTP client, the address
  // screen and the link cache was about 8 ms of every other run's start (CPU profile).
  const { checkSiteLinks, summaryLine } = await import('../node/external-links/site-links');
  const verdicts = new Map<string, ExternalVerdict>();
  const summaries: string[] = [];
  for (const group of groups) {
    const { result, note } = await withProgress((onProgress) => checkSiteLinks({ ...group, noCache: flags.noCache, onProgress }));
    // A URL in two groups (two configs of one site) keeps the last verdict: the groups differ only in their options.
    for (const [key, verdict] of result.verdicts) verdicts.set(key, verdict);
    summaries.push(summaryLine(result, groups.length > 1 ? ` in ${group.root}` : ''), ...(note ? [note] : []));
  }
  return { verdicts: [...verdicts], summaries };
}

async function groupsOf(service: LanguageService, targets: readonly Target[], flag: boolean): Promise<Group[]> {
  const groups = new Map<string, Group | undefined>();
  // The posts of one folder share their site and config: looked up once per folder, as most
  // runs (the check off) only ask whether any folder turns it on.
  const byFolder = new Map<string, Group | undefined>();
  for (const { path } of targets) {
    const folder = dirname(path);
    if (!byFolder.has(folder)) byFolder.set(folder, await groupOf(service, path, flag, groups));
    const group = byFolder.get(folder);
    if (group) for (const url of await service.externalUrlsOf(path)) group.urls.add(url);
  }
  return [...groups.values()].filter((group) => group !== undefined);
}

/** The group of a post's site and config file, made on first sight; undefined when the check is off there. */
async function groupOf(service: LanguageService, path: string, flag: boolean, groups: Map<string, Group | undefined>): Promise<Group | undefined> {
  const site = await service.siteFor(path);
  const config = await service.configFor(path, site);
  const key = `${site.root}\n${config.file ?? ''}`;
  if (!groups.has(key)) {
    const options = config.checkExternal ?? (flag ? checkExternalOptions.parse({}) : undefined);
    groups.set(key, options && { root: site.root, options, urls: new Set() });
  }
  return groups.get(key);
}

/** A progress bar on a terminal; none in CI or a pipe, where the summary line says it all. */
async function withProgress<T>(run: (onProgress?: ExternalCheckEnvironment['onProgress']) => Promise<T>): Promise<T> {
  if (!wantsProgressBar(process.stderr)) return run();
  const bar = new ProgressBar(process.stderr, 'external links');
  try {
    return await run(({ done, total, failures }) => bar.update(done, total, failures));
  } finally {
    bar.clear();
  }
}
