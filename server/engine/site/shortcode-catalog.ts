import { join } from './paths';
import type { Site } from './site';
import type { Workspace } from '../types';

/**
 * Hugo's embedded shortcodes, current and retired: a site may still build with
 * a Hugo that has `tweet` or `youtube_simple`, so a post using them is not wrong.
 */
export const HUGO_SHORTCODES: ReadonlySet<string> = new Set([
  'comment',
  'details',
  'figure',
  'gist',
  'highlight',
  'instagram',
  'instagram_simple',
  'param',
  'qr',
  'ref',
  'relref',
  'speakerdeck',
  'tweet',
  'twitter',
  'twitter_simple',
  'vimeo',
  'vimeo_simple',
  'x',
  'x_simple',
  'youtube',
  'youtube_simple',
]);

/** Embedded shortcodes whose template reads `.Inner`: Hugo wants them closed or self-closed. */
export const HUGO_PAIRED_SHORTCODES: ReadonlySet<string> = new Set(['comment', 'details', 'highlight']);

/** What the site's own folders say about its shortcodes. */
export interface ShortcodeCatalog {
  /** Lower-cased name (Hugo looks shortcodes up regardless of case) → template files of the source that wins. */
  templates: Map<string, string[]>;
  /**
   * Whether every place a shortcode could come from was read: the site has a
   * shortcodes folder or a theme folder, and no theme or module is out of sight.
   */
  complete: boolean;
}

/** Keys under which rules share the catalog through `RuleContext.siteCache`. */
export const CATALOG_CACHE_KEY = 'shortcodes:catalog';

/** `RuleContext.siteCache`, as the readers of the site's templates take it. */
export type SiteCache = <T>(key: string, compute: () => Promise<T>) => Promise<T>;

const SHORTCODE_FOLDERS = ['layouts/_shortcodes', 'layouts/shortcodes'];
/** Deep enough for `a/b/c.html` and any theme's layouts; a symlink loop cannot keep the walk going. */
const MAX_DEPTH = 8;

export function isInlineShortcode(name: string): boolean {
  return name.endsWith('.inline');
}

/** The site's catalog, read once per site. */
export function shortcodeCatalog(cache: SiteCache, workspace: Workspace, site: Site): Promise<ShortcodeCatalog> {
  return cache(CATALOG_CACHE_KEY, () => readShortcodeCatalog(workspace, site));
}

/** Whether a shortcode's template reads `.Inner` (or `.InnerDeindent`), so that it needs a closing tag. */
export async function needsClosingTag(cache: SiteCache, workspace: Workspace, site: Site, name: string): Promise<boolean> {
  // The site's own template replaces an embedded one of the same name.
  return fromTemplates(cache, workspace, site, name, 'inner', HUGO_PAIRED_SHORTCODES.has(name.toLowerCase()), (texts) =>
    texts.some((text) => /\.Inner\b|\.InnerDeindent\b/.test(text)),
  );
}

/**
 * What `judge` makes of the texts of a shortcode's templates, worked out once per site
 * and shortcode (`what` names the question in the cache); `builtIn` where the site has
 * no template of that name (Hugo's own shortcode, or none).
 */
async function fromTemplates<T>(cache: SiteCache, workspace: Workspace, site: Site, name: string, what: string, builtIn: T, judge: (texts: string[]) => T): Promise<T> {
  const catalog = await shortcodeCatalog(cache, workspace, site);
  const files = catalog.templates.get(name.toLowerCase());
  if (!files) return builtIn;
  return cache(`shortcodes:${what}:${name.toLowerCase()}`, async () => judge(await templateTexts(workspace, files)));
}

/** The text of each template file ('' for one that cannot be read). */
function templateTexts(workspace: Workspace, files: readonly string[]): Promise<string[]> {
  return Promise.all(files.map(async (file) => (await workspace.readFile(file)) ?? ''));
}

/**
 * What a shortcode's template does with its `caption`, for an image with no alt:
 * `alt` when it writes the caption as the alt text (Hugo's own `figure` does, and so do
 * the many site templates copied from it: `alt="{{ with .Get "alt" }}{{ . }}{{ else
 * }}{{ .Get "caption" }}{{ end }}"`); `figcaption` when it only shows it in a
 * `<figcaption>` beside the image; undefined when neither, or the template is not at
 * hand (then only Hugo's `figure` is known). The site's template replaces Hugo's.
 */
export async function captionUse(cache: SiteCache, workspace: Workspace, site: Site, name: string): Promise<'alt' | 'figcaption' | undefined> {
  return fromTemplates<'alt' | 'figcaption' | undefined>(cache, workspace, site, name, 'caption', name.toLowerCase() === 'figure' ? 'alt' : undefined, (texts) => {
    if (texts.some((text) => altValues(text).some((value) => CAPTION.test(value)))) return 'alt';
    if (texts.some((text) => /<figcaption\b/i.test(text) && CAPTION.test(text))) return 'figcaption';
    return undefined;
  });
}

/** The caption parameter, however a template reads it (`.Get "caption"`, `.Params.caption`, `$caption`). */
const CAPTION = /\bcaption\b/i;

/**
 * The values of the `alt="…"` attributes a template writes, template actions included:
 * a quote inside `{{ … }}` (`.Get "caption"`) does not end the value.
 */
export function altValues(template: string): string[] {
  const values: string[] = [];
  for (let at = template.search(ALT_ATTRIBUTE); at !== -1; ) {
    let open = template.indexOf('=', at) + 1;
    while (open < template.length && /\s/.test(template[open])) open++;
    const quote = template[open];
    let end = open + 1;
    if (quote === '"' || quote === "'") {
      while (end < template.length && template[end] !== quote) end = template.startsWith('{{', end) ? actionEnd(template, end) : end + 1;
      values.push(template.slice(open + 1, end));
    }
    const next = template.slice(end).search(ALT_ATTRIBUTE);
    at = next === -1 ? -1 : end + next;
  }
  return values;
}

/** ` alt=` with any blanks around the `=`, in any case; or right after an action (`{{ if … }}alt="…"`). */
const ALT_ATTRIBUTE = /(?:\s|\}\})alt\s*=/i;

/** Where a `{{ … }}` action that starts at `at` ends (after its `}}`), or the end of the text. */
function actionEnd(template: string, at: number): number {
  const close = template.indexOf('}}', at + 2);
  return close === -1 ? template.length : close + 2;
}

/**
 * The site's shortcodes whose inner text is not Markdown: Hugo hands a `{{< … >}}`
 * shortcode its inner text as it is, and only a template that renders it
 * (`markdownify`, `RenderString`) makes Markdown of it. Others print it as text or
 * code (`{{< text bash >}}`), or not at all: there it holds no headings, links or
 * prose for the rules. Shortcodes whose templates are not at hand are not listed.
 */
export function rawInnerShortcodes(cache: SiteCache, workspace: Workspace, site: Site): Promise<ReadonlySet<string>> {
  return cache(RAW_INNER_CACHE_KEY, async () => {
    const catalog = await shortcodeCatalog(cache, workspace, site);
    const raw = new Set<string>();
    for (const [name, files] of catalog.templates) {
      const texts = await templateTexts(workspace, files);
      if (!texts.some((text) => RENDERS_MARKDOWN.test(text))) raw.add(name);
    }
    return raw;
  });
}

const RAW_INNER_CACHE_KEY = 'shortcode-raw-inner';
/** A template that turns text into HTML as Markdown: `markdownify`, `.RenderString`, `.Page.RenderString`. */
const RENDERS_MARKDOWN = /\bmarkdownify\b|\bRenderString\b/;

/** Theme names from the config: a string (Hugo also reads "a,b") or a list. */
export function themeNames(config: Record<string, unknown>): string[] {
  const theme = config.theme;
  const list = Array.isArray(theme) ? theme : typeof theme === 'string' ? theme.split(',') : [];
  return list.filter((name): name is string => typeof name === 'string').map((name) => name.trim()).filter((name) => name !== '');
}

/**
 * A theme folder with something in it. A theme added as a git submodule and not fetched
 * is an empty folder: its shortcodes are as unknown as those of a theme not there at all.
 */
async function themeOnDisk(workspace: Workspace, folder: string): Promise<boolean> {
  return (await workspace.stat(folder)) === 'directory' && (await workspace.readDirectory(folder)).length > 0;
}

/**
 * Where the site's templates come from: the site's own folder, then each theme or module
 * on disk, in the order Hugo looks (the site's own templates win over its themes', the
 * leftmost theme over the next); `outOfSight` when a theme or module is not on disk.
 */
export async function templateSources(workspace: Workspace, site: Site): Promise<{ sources: string[]; outOfSight: boolean }> {
  const themesDir = typeof site.config.themesDir === 'string' ? join(site.root, site.config.themesDir) : join(site.root, 'themes');
  const sources = [site.root];
  let outOfSight = false;
  // A module imported by a path of the themes folder is on disk like a theme; any other is not.
  for (const theme of [...themeNames(site.config), ...moduleImportPaths(site.config)]) {
    const folder = join(themesDir, theme);
    if (await themeOnDisk(workspace, folder)) sources.push(folder);
    else outOfSight = true;
  }
  return { sources, outOfSight };
}

export async function readShortcodeCatalog(workspace: Workspace, site: Site): Promise<ShortcodeCatalog> {
  const templates = new Map<string, string[]>();
  if (site.loose) return { templates, complete: false };
  const { sources, outOfSight } = await templateSources(workspace, site);
  let seen = sources.length > 1;
  for (const source of sources) {
    const found = new Map<string, string[]>();
    for (const folder of SHORTCODE_FOLDERS) {
      const path = join(source, folder);
      if ((await workspace.stat(path)) !== 'directory') continue;
      seen = true;
      for (const { path: file, rel } of await templateFiles(workspace, path)) {
        const name = templateName(rel);
        if (name === undefined) continue;
        const files = found.get(name);
        if (files) files.push(file);
        else found.set(name, [file]);
      }
    }
    for (const [name, files] of found) if (!templates.has(name)) templates.set(name, files);
  }
  return { templates, complete: seen && !outOfSight };
}

/** `a/b.en.html` → `a/b`: the name is the path up to the first dot of the file name. */
function templateName(rel: string): string | undefined {
  const slash = rel.lastIndexOf('/');
  const stem = rel.slice(slash + 1).split('.')[0];
  return stem === '' ? undefined : `${rel.slice(0, slash + 1)}${stem}`.toLowerCase();
}

/**
 * The files under a templates folder, each with its path from there (`a/b.en.html`),
 * folder by folder as they are listed, at most `limit` of them.
 */
export async function templateFiles(workspace: Workspace, folder: string, limit = Infinity): Promise<{ path: string; rel: string }[]> {
  const files: { path: string; rel: string }[] = [];
  const walk = async (dir: string, prefix: string, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH) return;
    for (const entry of await workspace.readDirectory(dir)) {
      if (files.length >= limit) return;
      const path = join(dir, entry.name);
      if (entry.kind === 'directory') await walk(path, `${prefix}${entry.name}/`, depth + 1);
      else files.push({ path, rel: `${prefix}${entry.name}` });
    }
  };
  await walk(folder, '', 0);
  return files;
}

/**
 * The paths of `module.imports`: a Go module path (`github.com/…`), fetched into a module
 * cache no one sees here, or the name of a folder of the themes folder, read like a theme.
 */
export function moduleImportPaths(config: Record<string, unknown>): string[] {
  const module = config.module;
  if (typeof module !== 'object' || module === null) return [];
  const imports = (module as Record<string, unknown>).imports;
  const list = Array.isArray(imports) ? imports : imports === undefined || imports === null ? [] : [imports];
  return list.flatMap((entry) => {
    const path = typeof entry === 'string' ? entry : typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>).path : undefined;
    const disabled = typeof entry === 'object' && entry !== null && (entry as Record<string, unknown>).disable === true;
    return typeof path === 'string' && path.trim() !== '' && !disabled ? [path.trim()] : [];
  });
}
