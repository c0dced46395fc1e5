/**
 * The front matter keys the site's templates read: `.Params.stitle`, `.Param "stitle"`,
 * `index .Params "stitle"`, in the layouts of the site and of its themes on disk. Hugo
 * passes every key to the templates, so a key a template reads is the site's own,
 * however near one of Hugo's it is spelt (notaryproject.dev's audit pages set `stitle`
 * and `sdescription` for a list that shows them).
 *
 * Templates are Go templates, which no parser here reads: the references are found as
 * the words Go's template syntax gives them. A site's parameters (`.Site.Params.x`,
 * `site.Params.x`) are not a page's, and are left out.
 */
import type { Site } from './site';
import { join } from './paths';
import { templateSources } from './shortcode-catalog';
import type { Workspace } from '../types';

type SiteCache = <T>(key: string, compute: () => Promise<T>) => Promise<T>;

const CACHE_KEY = 'layout-params';
/** Deep enough for any theme's layouts; a symlink loop cannot keep the walk going. */
const MAX_DEPTH = 8;
/** The templates read per site: a theme has a few hundred. */
const MAX_TEMPLATES = 5_000;

/** `.Params.key`, `$.Params.key`, `.Page.Params.key`, not `.Site.Params.key`. */
const FIELD = /(?<![Ss]ite)\.Params\.([A-Za-z_][\w]*)/g;
/** `index .Params "key"`, `isset .Params "key"`, not a site's. */
const INDEXED = /(?<![Ss]ite)\.Params\s+["`]([^"`\n]+)["`]/g;
/** `.Param "key"` (the page's key, else the site's parameter of that name), not `.Site.Param`. */
const PARAM = /(?<![Ss]ite)\.Param\s+["`]([^"`\n]+)["`]/g;

/** Lower-cased, as Hugo reads keys; empty for a loose site. */
export function layoutParams(cache: SiteCache, workspace: Workspace, site: Site): Promise<ReadonlySet<string>> {
  return cache(CACHE_KEY, () => readLayoutParams(workspace, site));
}

async function readLayoutParams(workspace: Workspace, site: Site): Promise<ReadonlySet<string>> {
  const keys = new Set<string>();
  if (site.loose) return keys;
  const files: string[] = [];
  for (const source of (await templateSources(workspace, site)).sources) await listTemplates(workspace, join(source, 'layouts'), files, 0);
  for (const file of files) {
    const text = await workspace.readFile(file);
    if (text !== undefined) for (const key of paramsIn(text)) keys.add(key);
  }
  return keys;
}

async function listTemplates(workspace: Workspace, folder: string, files: string[], depth: number): Promise<void> {
  if (depth > MAX_DEPTH) return;
  for (const entry of await workspace.readDirectory(folder)) {
    if (files.length >= MAX_TEMPLATES) return;
    const path = join(folder, entry.name);
    if (entry.kind === 'directory') await listTemplates(workspace, path, files, depth + 1);
    else files.push(path);
  }
}

/** The page keys one template reads, lower-cased. */
export function paramsIn(template: string): string[] {
  if (!template.includes('Param')) return [];
  return [FIELD, INDEXED, PARAM].flatMap((pattern) => [...template.matchAll(pattern)].map((match) => match[1].toLowerCase()));
}
