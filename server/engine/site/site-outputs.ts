/**
 * What a site's templates and output settings change about what it serves, read
 * from its config and the names of its layout files (templates are never run): the
 * render hooks that resolve links as content, and a `_redirects` file made at build time.
 */
import type { Workspace } from '../types';
import { isRecord, setting, textSetting } from './hugo-urls';
import { join } from './paths';
import { quoted } from '../text/quote';
import { moduleImportPaths } from './shortcode-catalog';
import type { Site } from './site';

function stringList(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => item.trim());
}

/** The site's folders of one kind (`static`, `assets`, `layouts`), then the same folder of each theme. */
export function siteFolders(site: Site, settingName: string, fallback: string): string[] {
  const { root, config } = site;
  const themesDir = join(root, textSetting(config, 'themesDir', 'themes'));
  const configured = stringList(setting(config, settingName));
  const own = (configured.length > 0 ? configured : [fallback]).map((dir) => join(root, dir));
  // Themes, then modules imported from the themes folder (a Go module path names no folder there, and is simply not found).
  return [...own, ...[...stringList(setting(config, 'theme')), ...moduleImportPaths(config)].map((theme) => join(themesDir, theme, fallback))];
}

/**
 * Hugo's embedded link and image hooks are on for multilingual single-host sites, or
 * when `enableDefault` says so; a site's or theme's own hook may do the same.
 */
export async function renderHooksOf(workspace: Workspace, site: Site, languageCount: number): Promise<{ link: boolean; image: boolean }> {
  const { config } = site;
  const languages = setting(config, 'languages');
  const multihost = isRecord(languages) && Object.values(languages).some((language) => setting(language, 'baseURL') !== undefined);
  const embedded = languageCount > 1 && !multihost;
  const hooks = setting(setting(setting(config, 'markup'), 'goldmark'), 'renderHooks');
  const layouts = siteFolders(site, 'layoutDir', 'layouts');
  const found = { link: false, image: false };
  for (const kind of ['link', 'image'] as const) {
    const enabled = setting(setting(hooks, kind), 'enableDefault') === true;
    found[kind] = embedded || enabled || (await hasTemplate(workspace, layouts, `render-${kind}.html`));
  }
  return found;
}

async function hasTemplate(workspace: Workspace, layouts: string[], name: string): Promise<boolean> {
  for (const dir of layouts) {
    for (const folder of ['_default/_markup', '_markup']) if ((await workspace.stat(join(dir, folder, name))) === 'file') return true;
  }
  return false;
}

/**
 * Why the host's redirects cannot all be known: an output format writes its
 * `_redirects` file, so the site makes its redirects with a template at build time.
 */
export function generatedRedirects(site: Site): string | undefined {
  const formats = setting(site.config, 'outputFormats');
  if (!isRecord(formats)) return undefined;
  const name = Object.keys(formats).find((format) => textSetting(setting(formats, format), 'baseName', '').toLowerCase() === '_redirects');
  return name && `the site writes its \u201c_redirects\u201d at build time (output format ${quoted(name, Infinity)}), and a redirect there may serve this address`;
}

/** Why the site's layout cannot be known: config files its build writes are not here (see `Site.generatedConfig`). */
export function unknownConfig(site: Site): string | undefined {
  const files = site.generatedConfig;
  if (!files) return undefined;
  const names = files.map((file) => quoted(file, Infinity)).join(', ');
  return `${names}, which the site makes at build time (its config folder's .gitignore names ${files.length === 1 ? 'it' : 'them'}), ${files.length === 1 ? 'is' : 'are'} not here, so where its content is mounted is unknown`;
}

/** Hugo's own output formats that publish a file beside a page, by name: base name and suffix. */
const BUILT_IN_FORMATS: Record<string, [string, string]> = {
  rss: ['index', 'xml'],
  json: ['index', 'json'],
  calendar: ['index', 'ics'],
  csv: ['index', 'csv'],
  markdown: ['index', 'md'],
  robots: ['robots', 'txt'],
  sitemap: ['sitemap', 'xml'],
  webappmanifest: ['manifest', 'webmanifest'],
};

/** The suffixes of media types Hugo knows, for formats that name one. */
const MEDIA_SUFFIXES: Record<string, string> = {
  'application/rss+xml': 'xml',
  'application/xml': 'xml',
  'application/atom+xml': 'atom',
  'application/json': 'json',
  'application/manifest+json': 'webmanifest',
  'text/calendar': 'ics',
  'text/csv': 'csv',
  'text/markdown': 'md',
  'text/plain': 'txt',
  'text/css': 'css',
};

/**
 * The file names the site's output formats publish beside a page (`feed.xml` for an RSS
 * format whose `baseName` is `feed`, `index.json`…): every format its `outputs` name,
 * with what `outputFormats` and `mediaTypes` change. HTML formats are the pages themselves.
 */
export function outputFileNames(site: Site): Set<string> {
  const { config } = site;
  const formats = setting(config, 'outputFormats');
  const outputs = setting(config, 'outputs');
  const named = new Set<string>(isRecord(formats) ? Object.keys(formats).map((name) => name.toLowerCase()) : []);
  if (isRecord(outputs)) for (const list of Object.values(outputs)) for (const name of stringList(list)) named.add(name.toLowerCase());
  const names = new Set<string>();
  for (const name of named) {
    const format = setting(formats, name);
    const builtIn = BUILT_IN_FORMATS[name];
    const mediaType = textSetting(format, 'mediaType', '').toLowerCase();
    const suffix = mediaType ? mediaSuffix(site, mediaType) : builtIn?.[1];
    const baseName = textSetting(format, 'baseName', builtIn?.[0] ?? 'index');
    if (suffix && suffix !== 'html') names.add(`${baseName}.${suffix}`.toLowerCase());
  }
  return names;
}

/** A media type's first suffix: the site's `mediaTypes` setting, else Hugo's default. */
function mediaSuffix(site: Site, mediaType: string): string | undefined {
  const own = setting(setting(site.config, 'mediaTypes'), mediaType);
  return stringList(setting(own, 'suffixes'))[0] ?? MEDIA_SUFFIXES[mediaType];
}
