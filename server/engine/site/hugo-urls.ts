/**
 * Where Hugo publishes a content file: languages and their content folders,
 * `permalinks`, front matter `url` and `slug`, and the path sanitising Hugo
 * applies (lower case, spaces as hyphens). Pure functions over the site's config.
 */
import { MARKDOWN_SUFFIXES } from '../../../schemas/markdown-files';
import { configuredMounts, type ContentMount } from './content-mounts';
import { isRecord, setting } from './config-values';
import { fileNameDate, isDateValue, isEmptyValue } from './file-name-date';
import type { FrontMatterDates } from './front-matter-dates';
import { basename, join } from './paths';
import type { Site } from './site';
import { taxonomiesByLanguage } from './taxonomies';

// Read by many modules of the site model through this one.
export { isRecord, setting };

export interface Language {
  /** The language key, lower-cased as Hugo does (`zh-cn`). */
  key: string;
  /** `''` for the default language served at the root, else `/<key>`. */
  prefix: string;
}

export interface UrlSettings {
  languages: Language[];
  defaultLanguage: Language;
  /** Where the content tree comes from, in the order Hugo reads it (see content-mounts.ts). */
  mounts: ContentMount[];
  /** `permalinks` patterns of regular pages and of section pages, by top-level section. */
  pagePatterns: Map<string, string>;
  sectionPatterns: Map<string, string>;
  /**
   * Plural names of each language's taxonomies (`tags`, `categories`), by language key:
   * the front matter keys of a page's terms, and the folders of the pages generated from them.
   */
  taxonomies: Map<string, string[]>;
  /** Whether pages of a top-level section are served as `name.html`: `uglyURLs: true`, or a map by section (`uglyURLs: { posts: true }`). */
  uglyURLs: (section: string) => boolean;
  /** Where Hugo takes a page's date from, in order: front matter keys (lower case), `:filename`, `:filemodtime`, `:git`. */
  dateSources: readonly string[];
  /**
   * For each of Hugo's date lists (`date`, `lastmod`, `publishDate`, `expiryDate`) that names
   * `:filename`, the sources it tries first: when none of them gives a date, Hugo takes it
   * from a dated file name, and the rest of the name becomes the page's slug.
   */
  fileNameChains: readonly (readonly string[])[];
  /** `enableGitInfo`: only then does `:git` give a date. */
  gitInfo: boolean;
  /** The path part of `baseURL` (`/docs` for `https://example.org/docs/`), `''` at the root. */
  basePath: string;
}

/** A value Hugo reads as text: a string, or a number written out (`slug: 2024` is `2024`); undefined for anything else. */
function scalarText(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** A setting Hugo reads as text; anything else is the fallback. */
export function textSetting(record: unknown, key: string, fallback: string): string {
  return scalarText(setting(record, key)) ?? fallback;
}

function stringMap(value: unknown): Map<string, string> {
  const map = new Map<string, string>();
  if (!isRecord(value)) return map;
  for (const [key, pattern] of Object.entries(value)) if (typeof pattern === 'string') map.set(key.toLowerCase(), pattern);
  return map;
}

function basePathOf(baseURL: string | undefined): string {
  // Stryker disable next-line ConditionalExpression: new URL() throws on an empty or missing baseURL, and the catch returns '' as well
  if (!baseURL) return '';
  try {
    return new URL(baseURL).pathname.replace(/\/+$/, '').toLowerCase();
  } catch {
    return '';
  }
}

/**
 * The mounts Hugo makes from `contentDir` when the site mounts no content itself: one
 * per folder, for the languages whose `contentDir` it is (the site's own `contentDir`
 * for every language without one; among several, a file's name tells its language).
 * Deepest first, so that a language's folder inside another's stays its own.
 */
function legacyMounts(site: Site, languages: Language[], ownContentDirs: Map<string, string>): ContentMount[] {
  const byFolder = new Map<string, Language[]>();
  for (const language of languages) {
    const folder = ownContentDirs.get(language.key) ?? site.contentDir;
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), language]);
  }
  return [...byFolder]
    .sort(([a], [b]) => b.length - a.length)
    .map(([source, owners]) => ({
      source,
      target: '',
      languages: owners,
      includes: () => true,
      legacy: true,
    }));
}

function uglyURLsOf(value: unknown): (section: string) => boolean {
  if (value === true) return () => true;
  if (!isRecord(value)) return () => false;
  const sections = new Set(Object.entries(value).filter(([, ugly]) => ugly === true).map(([section]) => section.toLowerCase()));
  return (section) => sections.has(section.toLowerCase());
}

const settingsBySite = new WeakMap<Site, UrlSettings>();

/** The URL settings of a site, worked out once per `Site` read (a site read again is a new object). */
export function urlSettings(site: Site): UrlSettings {
  let settings = settingsBySite.get(site);
  if (!settings) settingsBySite.set(site, (settings = readUrlSettings(site)));
  return settings;
}

function readUrlSettings(site: Site): UrlSettings {
  const config = site.config;
  const defaultKey = textSetting(config, 'defaultContentLanguage', 'en').toLowerCase();
  const inSubdir = setting(config, 'defaultContentLanguageInSubdir') === true;
  const configured = setting(config, 'languages');
  const languages: Language[] = [];
  const ownContentDirs = new Map<string, string>();
  if (isRecord(configured)) {
    for (const [name, value] of Object.entries(configured)) {
      if (setting(value, 'disabled') === true) continue;
      const key = name.toLowerCase();
      const own = setting(value, 'contentDir');
      // Stryker disable next-line Regex: join() leaves at most one trailing slash, so removing one or all comes to the same
      if (typeof own === 'string') ownContentDirs.set(key, join(site.root, own).replace(/\/+$/, ''));
      languages.push({ key, prefix: key === defaultKey && !inSubdir ? '' : `/${key}` });
    }
  }
  if (languages.length === 0) languages.push({ key: defaultKey, prefix: inSubdir ? `/${defaultKey}` : '' });
  const defaultLanguage = languages.find((language) => language.key === defaultKey) ?? languages[0];
  const configuredContent = configuredMounts(site.root, setting(setting(config, 'module'), 'mounts'), languages);
  const mounts = configuredContent.length > 0 ? configuredContent : legacyMounts(site, languages, ownContentDirs);

  // `permalinks: { section: pattern }` (the old form) sets regular pages; the new form nests `page:` and `section:`.
  const permalinks = setting(config, 'permalinks');
  const nested = isRecord(setting(permalinks, 'page')) || isRecord(setting(permalinks, 'section'));
  const pagePatterns = stringMap(nested ? setting(permalinks, 'page') : permalinks);
  const sectionPatterns = stringMap(nested ? setting(permalinks, 'section') : undefined);

  return {
    languages,
    defaultLanguage,
    mounts,
    pagePatterns,
    sectionPatterns,
    taxonomies: taxonomiesByLanguage(config, languages.map((language) => language.key)),
    uglyURLs: uglyURLsOf(setting(config, 'uglyURLs')),
    dateSources: site.dates.date,
    fileNameChains: fileNameChainsOf(site.dates),
    gitInfo: site.dates.gitInfo,
    basePath: basePathOf(site.baseURL),
  };
}

/** The sources each date list naming `:filename` tries before it (see `UrlSettings.fileNameChains`). */
function fileNameChainsOf(dates: FrontMatterDates): string[][] {
  return [dates.date, dates.lastmod, dates.publishDate, dates.expiryDate].filter((list) => list.includes(':filename')).map((list) => list.slice(0, list.indexOf(':filename')));
}

/**
 * Hugo's path sanitising (`UnicodeSanitize`, then lower case): letters, digits,
 * marks and `. _ # + ~ - @ /` are kept, a run of spaces becomes one hyphen,
 * anything else is dropped. `What's New` becomes `whats-new`.
 */
export function sanitizePath(text: string): string {
  // Most names are plain ASCII words: the common case skips the per-character walk.
  // Stryker disable next-line ConditionalExpression,Regex: the walk below gives the same for these names: skipping the shortcut, or taking it for one character only, changes nothing
  if (/^[A-Za-z0-9._-]*$/.test(text)) return text.toLowerCase();
  let out = '';
  let pendingHyphen = false;
  // Stryker disable next-line BooleanLiteral: read only once something is kept, and each kept character sets it first
  let lastWasHyphen = false;
  for (const char of text) {
    if (/[./\\_#+~\-@%]|[\p{L}\p{N}\p{M}]/u.test(char)) {
      lastWasHyphen = char === '-';
      if (pendingHyphen && !lastWasHyphen) out += '-';
      pendingHyphen = false;
      out += char;
    } else if (out.length > 0 && !lastWasHyphen && /\s/u.test(char)) pendingHyphen = true;
  }
  return out.toLowerCase();
}

/**
 * A path key without the path of the site's `baseURL` (`settings.basePath`, `/docs` for
 * `https://example.org/docs/`): Hugo serves the site under it, and the index holds pages without it.
 */
export function withoutBasePath(key: string, basePath: string): string {
  return basePath && (key === basePath || key.startsWith(`${basePath}/`)) ? key.slice(basePath.length) || '/' : key;
}

/** The canonical form of a served path, for lookups: lower case, no trailing slash or index.html, `/` for the root. */
export function pathKey(path: string): string {
  const lower = path.toLowerCase();
  // Most paths are already clean: no empty, `.` or `..` segment, no index.html.
  // Stryker disable next-line ConditionalExpression,StringLiteral,BlockStatement: the segment walk below gives the same for clean paths, so sending more paths to it changes nothing
  if (lower.startsWith('/') && !lower.includes('//') && !lower.includes('/.') && !lower.endsWith('index.html')) {
    return lower.length > 1 && lower.endsWith('/') ? lower.slice(0, -1) : lower;
  }
  const segments: string[] = [];
  for (const segment of lower.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  if (segments[segments.length - 1] === 'index.html') segments.pop();
  return `/${segments.join('/')}`;
}

/** Front matter keys whose values decide a page's URL. */
export interface UrlFrontMatter {
  url?: unknown;
  slug?: unknown;
  title?: unknown;
  /** The value of `date`, where `dates` is not given. */
  date?: unknown;
  /** The values of the date keys the site takes dates from, by lower-case key. */
  dates?: Readonly<Record<string, unknown>>;
}

/** A content file's place: its language and its path inside that language's content folder. */
export interface ContentPlace {
  language: Language;
  /** Path inside the content folder, `/`-separated, without the language suffix (`blog/post.md`). */
  rel: string;
}

/**
 * The suffixes of the content formats Hugo renders (its default `contentTypes`, with the
 * suffixes media/builtin.go gives them): Markdown's from the one shared list, then HTML,
 * AsciiDoc, Pandoc, reStructuredText and Org.
 */
export const CONTENT_EXTENSIONS = [...MARKDOWN_SUFFIXES, 'html', 'htm', 'adoc', 'asciidoc', 'ad', 'pandoc', 'pdc', 'rst', 'org'].map((suffix) => `.${suffix}`);

/**
 * The file that makes its folder a content adapter (Hugo's `_content` with its one data
 * suffix, `gotmpl`): Hugo makes that folder's pages from it when the site is built.
 */
export const CONTENT_ADAPTER = '_content.gotmpl';

export function contentExtension(name: string): string | undefined {
  // Each extension is one `.` and a suffix: the name's last one, looked up. The index build
  // asks for every file several times (a search of the list per call was 20 ms on 6,800 posts).
  const dot = name.lastIndexOf('.');
  if (dot === -1) return undefined;
  const extension = name.slice(dot).toLowerCase();
  return CONTENT_EXTENSION_SET.has(extension) ? extension : undefined;
}

const CONTENT_EXTENSION_SET = new Set(CONTENT_EXTENSIONS);

/** `index` with any content suffix Hugo reads (`index.md`, `index.mdown`, `index.html`): a leaf bundle's page, named as `placeIn` gives it (without a language suffix). */
export function isLeafIndexName(name: string): boolean {
  const extension = contentExtension(name);
  return extension !== undefined && name.slice(0, -extension.length).toLowerCase() === 'index';
}

/**
 * Whether the file `name` in `folder` is a leaf bundle's index in any language
 * (`index.md`, `index.de.md`), placed in the content tree by `place` (`placeOf`, or
 * `placeIn` for one mount). Most files of a folder are not named `index…`: they are
 * passed over before any path is built.
 */
export function isLeafIndexFile(folder: string, name: string, place: (path: string) => ContentPlace | undefined): boolean {
  if (!/^index\./i.test(name)) return false;
  const rel = place(join(folder, name))?.rel;
  return rel !== undefined && isLeafIndexName(basename(rel));
}

export type PageKind = 'home' | 'section' | 'page';

export interface PageShape {
  kind: PageKind;
  /** The folders above the page, then the page's own name (file stem, or the bundle's folder). */
  dirs: string[];
  name: string;
  /** True for `index.md` and `_index.md`: the folder is the page's bundle. */
  bundle: boolean;
}

/** What kind of page a content path makes: `_index.md` a section (or the home page), `index.md` a leaf bundle. */
export function pageShape(rel: string): PageShape {
  const parts = rel.split('/');
  const file = parts.pop()!;
  const extension = contentExtension(file) ?? '';
  const stem = file.slice(0, file.length - extension.length);
  if (stem === '_index') return { kind: parts.length === 0 ? 'home' : 'section', dirs: parts, name: parts[parts.length - 1] ?? '', bundle: true };
  if (stem === 'index' && parts.length > 0) return { kind: 'page', dirs: parts.slice(0, -1), name: parts[parts.length - 1], bundle: true };
  return { kind: 'page', dirs: parts, name: stem, bundle: false };
}

/**
 * Where a page is served, or, when its front matter does not tell all a permalink
 * pattern needs, the shape of the paths it may have: each segment the page cannot
 * tell is `*` (any one segment), `**` for `:sections[…]` (any number of them).
 */
export type PageUrl = { url: string } | { uncertainPath: string };

/** A text field of front matter as Hugo reads it (see scalarText), trimmed; a blank or missing value is absent. */
function textOf(value: unknown): string | undefined {
  const text = scalarText(value)?.trim();
  return text === '' ? undefined : text;
}

/**
 * A `url` from front matter as Hugo links it: one with no dot anywhere is written as
 * `<url>/index.html` and linked with a trailing slash (`/news/launch` is `/news/launch/`,
 * so a bundle's `photo.png` is beside it); one with a dot (`/feed.xml`) is a file, as written.
 */
function frontMatterUrl(url: string): string {
  return url.endsWith('/') || url.includes('.') ? url : `${url}/`;
}

/** What decides a page's URL besides its place: its shape, its front matter, the site's settings, and the slug it is taken to have. */
interface PageFacts {
  shape: PageShape;
  data: UrlFrontMatter;
  settings: UrlSettings;
  /** Undefined when the page has no slug: its file (or bundle folder) name names it. */
  slug: string | undefined;
}

/**
 * Where Hugo serves a content file, as a path from the site root: `url` front matter
 * wins, then a `permalinks` pattern, then the file's path (with the slug for its last part).
 * When a pattern needs what the front matter does not give, only the shape of its
 * paths is known: the index then never reports links that may lead there.
 */
export function pageUrl(place: ContentPlace, shape: PageShape, data: UrlFrontMatter, settings: UrlSettings): PageUrl {
  return urlWithSlug(place, { shape, data, settings, slug: slugCandidates(shape, data, settings)[0] });
}

/**
 * Every place Hugo may serve a content file, the likeliest first (`pageUrl`'s): more than
 * one where its slug depends on what cannot be known here (see `slugCandidates`).
 */
export function pageUrls(place: ContentPlace, shape: PageShape, data: UrlFrontMatter, settings: UrlSettings): PageUrl[] {
  return slugCandidates(shape, data, settings).map((slug) => urlWithSlug(place, { shape, data, settings, slug }));
}

function urlWithSlug(place: ContentPlace, facts: PageFacts): PageUrl {
  const { shape, data, settings } = facts;
  const { prefix } = place.language;
  const url = textOf(data.url);
  if (url !== undefined) return { url: frontMatterUrl(url.startsWith('/') ? url : `${prefix}/${url}`) };
  if (shape.kind === 'home') return { url: `${prefix}/` };
  // Stryker disable next-line StringLiteral: with no folder the page is the home page or at the content root, and neither looks up a pattern
  const section = (shape.dirs[0] ?? '').toLowerCase();
  const pattern = shape.kind === 'section' ? settings.sectionPatterns.get(section) : shape.dirs.length > 0 ? settings.pagePatterns.get(section) : undefined;
  if (pattern) {
    const expanded = expandPattern(pattern, facts);
    return expanded.unknown ? { uncertainPath: `${prefix}${expanded.path}` } : { url: `${prefix}${expanded.path}` };
  }
  // A section's URL is its folders: Hugo ignores its slug.
  const segments = shape.kind === 'section' ? shape.dirs : [...shape.dirs, facts.slug ?? shape.name];
  return { url: `${prefix}/${segments.map(sanitizePath).join('/')}/` };
}

/**
 * The slugs a page may have, the likeliest first. A `slug` key written in the front
 * matter (even blank) is the one. Else, where Hugo takes a date from the file name, the
 * rest of the name is the slug (`2024-03-05-fair.md` is `fair`); where it is not known
 * whether Hugo gets that far (a git date, a date in a form read here as no date), or
 * Hugo's versions differ (a name with a time), every slug it may give is a candidate.
 */
function slugCandidates(shape: PageShape, data: UrlFrontMatter, settings: UrlSettings): (string | undefined)[] {
  if (data.slug !== undefined) return [textOf(data.slug)];
  const named = settings.fileNameChains.length > 0 ? fileNameDate(shape.name) : undefined;
  const reached = named ? fileNameReached(data, settings) : 'no';
  if (!named || reached === 'no') return [undefined];
  // An empty rest (`2024-03-05.md`) leaves the page without a slug.
  const fromName = [named.slug, ...(named.olderSlug === undefined ? [] : [named.olderSlug])].map((slug) => slug || undefined);
  return [...new Set(reached === 'maybe' ? [undefined, ...fromName] : fromName)];
}

type Reach = 'yes' | 'maybe' | 'no';

/**
 * Whether Hugo gets to `:filename` in one of its date lists: each list is tried in turn
 * (date, lastmod, publishDate, expiryDate) and its first source that gives a date wins.
 */
function fileNameReached(data: UrlFrontMatter, settings: UrlSettings): Reach {
  const reaches = settings.fileNameChains.map((chain) => chainReaches(chain, data, settings.gitInfo));
  return reaches.includes('yes') ? 'yes' : reaches.includes('maybe') ? 'maybe' : 'no';
}

function chainReaches(chain: readonly string[], data: UrlFrontMatter, gitInfo: boolean): Reach {
  let sure = true;
  for (const source of chain) {
    // Every file on disk has a modification time.
    if (source === ':filemodtime') return 'no';
    // With git info, a committed file has an author date; a file not yet committed has none.
    if (source === ':git') {
      if (gitInfo) sure = false;
      continue;
    }
    const value = dateValue(data, source);
    if (isEmptyValue(value)) continue;
    if (isDateValue(value)) return 'no';
    // A text Hugo may read as a date in a form not read here, or fail on and go past.
    sure = false;
  }
  return sure ? 'yes' : 'maybe';
}

/** The value of a date key of the front matter. */
function dateValue(data: UrlFrontMatter, key: string): unknown {
  return data.dates ? data.dates[key] : key === 'date' ? data.date : undefined;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

function dateOf(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** One `:token` of a permalink pattern, or undefined when the page does not tell it. */
// A page without a date has Hugo's zero time, 0001-01-01.
const ZERO_DATE = new Date('0001-01-01T00:00:00Z');

/**
 * The page's date as Hugo finds it, trying the site's date sources in order: a front
 * matter key that is set, the date a file name starts with. Undefined where the date
 * cannot be known here (a file's time, git, a value that is no date); Hugo's zero time
 * where no source gives one.
 */
function pageDateOf(shape: PageShape, data: UrlFrontMatter, settings: UrlSettings): Date | undefined {
  for (const source of settings.dateSources) {
    if (source === ':filename') {
      const day = fileNameDate(shape.name)?.day;
      if (day) return dateOf(day);
      continue;
    }
    if (source === ':filemodtime') return undefined;
    if (source === ':git') {
      if (settings.gitInfo) return undefined;
      continue;
    }
    const value = dateValue(data, source);
    if (isEmptyValue(value)) continue;
    return dateOf(value);
  }
  return ZERO_DATE;
}

function tokenValue(token: string, facts: PageFacts): string | undefined {
  const { shape, data, settings, slug } = facts;
  const title = textOf(data.title);
  const date = pageDateOf(shape, data, settings);
  switch (token) {
    case 'section':
      return shape.dirs[0];
    case 'sections':
      return shape.dirs.join('/');
    case 'title':
      return title && sanitizePath(title);
    case 'slug':
      // Hugo falls back to the title, not the file name.
      return (slug ?? title) && sanitizePath((slug ?? title)!);
    case 'filename':
    case 'contentbasename':
      return sanitizePath(shape.name);
    case 'slugorfilename':
    case 'slugorcontentbasename':
      return sanitizePath(slug ?? shape.name);
    case 'year':
      return date && String(date.getUTCFullYear());
    case 'month':
      return date && pad(date.getUTCMonth() + 1);
    case 'monthname':
      return date && MONTHS[date.getUTCMonth()];
    case 'day':
      return date && pad(date.getUTCDate());
    case 'weekday':
      return date && String(date.getUTCDay());
    case 'weekdayname':
      return date && WEEKDAYS[date.getUTCDay()];
    // Stryker disable next-line ConditionalExpression: without this case the function ends, returning undefined all the same
    default:
      return undefined;
  }
}

/** The pattern with the page's values in; a segment holding a token the page cannot tell becomes a wildcard. */
function expandPattern(pattern: string, facts: PageFacts): { path: string; unknown: boolean } {
  let unknown = false;
  const segments = pattern.split('/').map((segment) => {
    let wildcard = '';
    const expanded = segment.replace(/:([a-z]+)(\[[^\]]*\])?/gi, (whole, token: string, index: string | undefined) => {
      const value = index ? undefined : tokenValue(token.toLowerCase(), facts);
      if (value === undefined) wildcard = index || token.toLowerCase() === 'sections' ? '**' : wildcard || '*';
      return value ?? whole;
    });
    if (wildcard) unknown = true;
    return wildcard || expanded;
  });
  return { path: segments.join('/'), unknown };
}

/** Whether a path key may be a page of an uncertain path (see PageUrl), or a file under it. */
export function mayBeUnder(uncertainPath: string, key: string): boolean {
  const pattern = uncertainPath.split('/').filter((segment) => segment !== '');
  const path = key.split('/').filter((segment) => segment !== '');
  // Positions in `path` that the pattern's first `i` segments can reach: at most a few dozen segments each.
  let reachable = new Set([0]);
  for (const segment of pattern) {
    const next = new Set<number>();
    for (const at of reachable) {
      if (segment === '**') for (let end = at; end <= path.length; end++) next.add(end);
      else if (at < path.length && (segment === '*' || segment === path[at])) next.add(at + 1);
    }
    reachable = next;
  }
  return reachable.size > 0;
}

/** The front matter keys the site takes dates from, in order, then those tried before `:filename` in its other date lists. */
export function dateKeys(settings: UrlSettings): string[] {
  return [...new Set([...settings.dateSources, ...settings.fileNameChains.flat()])].filter((source) => !source.startsWith(':'));
}

/** Which front matter keys a page's URL depends on, so that only those pages are parsed. */
export function keysNeeded(shape: PageShape, settings: UrlSettings): string[] {
  // Stryker disable next-line StringLiteral: with no folder the page is the home page or at the content root, and neither looks up a pattern
  const section = (shape.dirs[0] ?? '').toLowerCase();
  const pattern = shape.kind === 'section' ? settings.sectionPatterns.get(section) : shape.dirs.length > 0 ? settings.pagePatterns.get(section) : undefined;
  const keys = ['url', 'slug', 'aliases'];
  if (pattern && /:(title|slug)\b/i.test(pattern)) keys.push('title');
  const datedName = settings.fileNameChains.length > 0 && fileNameDate(shape.name) !== undefined;
  // A dated file name gives the slug unless a date key comes first: those keys decide.
  if (datedName || (pattern && /:(year|month|monthname|day|weekday|weekdayname)\b/i.test(pattern))) keys.push(...dateKeys(settings));
  return keys;
}

/**
 * A content file's place in the content tree through one mount: its language and its
 * path there. The mount's language when it has one; else a language suffix in the
 * file's name (`post.ja.md`) on a multilingual site; else the default language.
 * Undefined when the mount does not hold the file.
 */
export function placeIn(mount: ContentMount, path: string, settings: UrlSettings): ContentPlace | undefined {
  if (path !== mount.source && !path.startsWith(`${mount.source}/`)) return undefined;
  const inSource = path === mount.source ? '' : path.slice(mount.source.length + 1);
  if (inSource !== '' && !mount.includes(inSource)) return undefined;
  // A file mounted as a file takes the target's name (`tmp/roadmap.md` → `content/community/roadmap.md`).
  let rel = inSource === '' ? mount.target : mount.target === '' ? inSource : `${mount.target}/${inSource}`;
  const candidates = mount.languages.length > 0 ? mount.languages : settings.languages;
  let language = candidates.find((candidate) => candidate === settings.defaultLanguage) ?? candidates[0];
  const extension = contentExtension(rel);
  if (extension && candidates.length > 1) {
    const stem = rel.slice(0, rel.length - extension.length);
    const dot = stem.lastIndexOf('.');
    // No language key is undefined: a name without a suffix keeps the language found above.
    const suffix = dot > stem.lastIndexOf('/') ? stem.slice(dot + 1).toLowerCase() : undefined;
    const byName = candidates.find((candidate) => candidate.key === suffix);
    if (byName) {
      language = byName;
      rel = stem.slice(0, dot) + extension;
    }
  }
  return { language, rel };
}

/** Where a content file sits: through the first mount that holds it, as Hugo reads mounts in order. */
export function placeOf(path: string, settings: UrlSettings): ContentPlace | undefined {
  for (const mount of settings.mounts) {
    const place = placeIn(mount, path, settings);
    if (place) return place;
  }
  return undefined;
}

/**
 * The plural names of the taxonomies of the language a content file is in (see
 * `UrlSettings.taxonomies`): the keys it lists its terms under. A file outside the
 * content folders is taken to be in the default language.
 */
export function taxonomiesOfFile(path: string, settings: UrlSettings): string[] {
  const language = placeOf(path, settings)?.language ?? settings.defaultLanguage;
  return settings.taxonomies.get(language.key) ?? [];
}
