/**
 * What the site's templates say of its pages, read from the layouts of the site and of
 * its themes on disk, once per site:
 * - the front matter keys they read: `.Params.stitle`, `.Param "stitle"`,
 *   `index .Params "stitle"`. Hugo passes every key to the templates, so a key a
 *   template reads is the site's own, however near one of Hugo's it is spelt
 *   (notaryproject.dev's audit pages set `stitle` and `sdescription` for a list that
 *   shows them). A site's parameters (`.Site.Params.x`, `site.Params.x`) are not a
 *   page's, and are left out. Templates are Go templates, which no parser here reads:
 *   these references are found as the words Go's template syntax gives them.
 * - the element ids they write as they are (`<body id="docs">` in carvel.dev's docs
 *   layout): a `#docs` link reaches them on the pages the layout renders. Which layout
 *   renders which page is Hugo's lookup, not modelled: an id of any layout is taken as
 *   one of every page's. Found by the HTML tokenizer the body's HTML goes through; an
 *   id made by a template action (`id="{{ .Anchor }}"`) is no fixed id and is left out.
 */
import type { Site } from './site';
import { join } from './paths';
import { templateFiles, templateSources, type SiteCache } from './shortcode-catalog';
import type { Workspace } from '../types';
import { HtmlScanner, findAttribute, type HtmlSink } from '../markdown/html';

const CACHE_KEY = 'layout-templates';
/** The templates read per site: a theme has a few hundred. */
const MAX_TEMPLATES = 5_000;
/** The characters of template read per site, for a pull request that adds huge ones: a theme's are a megabyte or two. */
const MAX_TEMPLATE_TEXT = 32 * 1024 * 1024;

/** `.Params.key`, `$.Params.key`, `.Page.Params.key`, not `.Site.Params.key`. */
const FIELD = /(?<![Ss]ite)\.Params\.([A-Za-z_][\w]*)/g;
/** `index .Params "key"`, `isset .Params "key"`, not a site's. */
const INDEXED = /(?<![Ss]ite)\.Params\s+["`]([^"`\n]+)["`]/g;
/** `.Param "key"` (the page's key, else the site's parameter of that name), not `.Site.Param`. */
const PARAM = /(?<![Ss]ite)\.Param\s+["`]([^"`\n]+)["`]/g;

/** What the templates say: the page keys they read (lower-cased, as Hugo reads keys) and the ids they write. */
export interface LayoutFacts {
  params: ReadonlySet<string>;
  ids: ReadonlySet<string>;
}

/** Empty for a loose site. */
export function layoutFacts(cache: SiteCache, workspace: Workspace, site: Site): Promise<LayoutFacts> {
  return cache(CACHE_KEY, () => readLayoutFacts(workspace, site));
}

async function readLayoutFacts(workspace: Workspace, site: Site): Promise<LayoutFacts> {
  const params = new Set<string>();
  const ids = new Set<string>();
  if (site.loose) return { params, ids };
  const files: string[] = [];
  for (const source of (await templateSources(workspace, site)).sources) {
    for (const { path } of await templateFiles(workspace, join(source, 'layouts'), MAX_TEMPLATES - files.length)) files.push(path);
  }
  let read = 0;
  for (const file of files) {
    const text = await workspace.readFile(file);
    if (text === undefined) continue;
    if ((read += text.length) > MAX_TEMPLATE_TEXT) break;
    for (const key of paramsIn(text)) params.add(key);
    for (const id of idsIn(text)) ids.add(id);
  }
  return { params, ids };
}

/** The page keys one template reads, lower-cased. */
export function paramsIn(template: string): string[] {
  if (!template.includes('Param')) return [];
  return [FIELD, INDEXED, PARAM].flatMap((pattern) => [...template.matchAll(pattern)].map((match) => match[1].toLowerCase()));
}

/** The ids a template writes as they are: `id="docs"`, not `id="{{ .Anchor }}"`. */
export function idsIn(template: string): string[] {
  if (!/\bid\s*=/i.test(template)) return [];
  const ids: string[] = [];
  const sink: HtmlSink = {
    onOpenTag(_name, _start, _end, attributes) {
      const id = findAttribute(attributes, 'id');
      const value = id?.hasValue ? template.slice(id.valueStart, id.valueEnd) : '';
      if (value !== '' && !value.includes('{{') && !/\s/.test(value)) ids.push(value);
    },
    onCloseTag() {},
    onComment() {},
    onText() {},
  };
  new HtmlScanner().scan(template, 0, sink);
  return ids;
}
