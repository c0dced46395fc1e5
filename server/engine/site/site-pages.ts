/**
 * What a Hugo site serves: its pages (by URL, alias and file), the files of
 * `static/` and of page bundles, and its redirects. Built once per site (the
 * language service caches it) by one walk of the content and static folders,
 * reading of each page only the front matter keys that move its URL.
 */
import { append } from '../append';
import { splitPost } from '../frontmatter/frontmatter';
import {
  contentExtension,
  dateKeys,
  keysNeeded,
  mayBeUnder,
  pageShape,
  pageUrl,
  pathKey,
  placeIn,
  placeOf,
  sanitizePath,
  urlSettings,
  type ContentPlace,
  type Language,
  type PageKind,
  type UrlSettings,
} from './hugo-urls';
import { parseBody } from '../markdown';
import { mountReadable, type ContentMount } from './content-mounts';
import { anchorsOfBody, type PageAnchors } from './page-anchors';
import { generatedPlaces, type GeneratedPlace } from './generated-content';
import { getPageCandidates } from './get-page';
import { likelyTarget } from './likely-target';
import { rawInnerShortcodes } from './shortcode-catalog';
import { generatedRedirects, outputFileNames, renderHooksOf, siteFolders, unknownConfig } from './site-outputs';
import { frontMatterUrlData, urlData } from './page-url-data';
import { emptyData, type SitePagesData } from './site-pages-data';
import { basename, dirname, isInside, join, relative } from './paths';
import { matchRedirect, parseNetlifyToml, parseRedirectsFile, withoutQueryOrFragment, type RedirectMatch } from './redirects';
import type { RuleContext } from '../rule';
import type { Site } from './site';
import type { Workspace } from '../types';

// The index's plain data (what threads hand each other) and a page's anchors have their own files; callers take them from here.
export type { SitePagesData, PageAnchors };
export { anchorsOfBody };

export interface SitePage {
  /** The content file, absolute. */
  file: string;
  /** Where Hugo serves it, from the site root (`/blog/end-of-year-2024/`). */
  url: string;
  kind: PageKind;
  /** The language's URL prefix: `''` for the default language at the root, else `/<key>`. */
  prefix: string;
}

export type Resolution =
  /** `unverified`: why the target may exist but cannot be seen here (a mount not on disk, a URL not worked out). */
  | { found: true; page?: SitePage; via?: RedirectMatch; unverified?: string }
  | { found: false; key: string; redirect?: RedirectMatch };

/** Files Hugo or the host make on their own, at any level. */
const GENERATED_NAMES = new Set(['index.xml', 'sitemap.xml', 'robots.txt', '404.html', 'index.json']);
const MAX_REDIRECTS = 5;

function stringList(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => item.trim());
}

function addToList<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The key under which a look-up of a file itself (its anchors, its existence) is noted. */
export function fileKey(file: string): string {
  return `file:${file.toLowerCase()}`;
}

/** The key of the site's index in `RuleContext.siteCache`. */
export const SITE_PAGES_KEY = 'site-pages';

export class SitePages {
  readonly settings: UrlSettings;
  /** All the index holds, as data: built here, or received from the thread that built it. */
  private readonly index: SitePagesData;
  private readonly anchors = new Map<string, Promise<PageAnchors | undefined>>();
  /** Where a view made by `observedBy` notes what is looked up through it. */
  private observer?: Set<string>;

  private constructor(
    private readonly workspace: Workspace,
    readonly site: Site,
    data: SitePagesData = emptyData(),
  ) {
    this.settings = urlSettings(site);
    this.index = data;
  }

  /**
   * Whether Markdown links and images go through a render hook that resolves them
   * as Hugo content (pages, page resources, assets) before the browser sees them.
   */
  get renderHooks(): { link: boolean; image: boolean } {
    return this.index.renderHooks;
  }

  static async load(workspace: Workspace, site: Site): Promise<SitePages> {
    const index = new SitePages(workspace, site);
    await index.build();
    return index;
  }

  /** The index of `site` from the data of one built elsewhere (`data()`), for the same site. */
  static fromData(workspace: Workspace, site: Site, data: SitePagesData): SitePages {
    return new SitePages(workspace, site, data);
  }

  /** The index's data, to hand to another thread (page anchors, read on demand, are left out). */
  data(): SitePagesData {
    return this.index;
  }

  private async build(): Promise<void> {
    // With every language in its subfolder, Hugo still writes a root page that redirects to the default one.
    this.index.implicitPages.add('/');
    for (const language of this.settings.languages) this.index.implicitPages.add(pathKey(`${language.prefix}/`));
    for (const mount of this.settings.mounts) await this.readMount(mount);
    for (const dir of this.siteFolders('staticDir', 'static')) if (this.readable(dir)) await this.readStatic(dir);
    const netlify = await this.workspace.readFile(join(this.site.root, 'netlify.toml'));
    if (netlify !== undefined) append(this.index.redirects, parseNetlifyToml(netlify, 'netlify.toml'));
    this.index.mayExistUnseen = unknownConfig(this.site) ?? generatedRedirects(this.site);
    this.index.outputFiles = outputFileNames(this.site);
    for (const dir of this.siteFolders('assetDir', 'assets')) await this.walkFiles(dir, '', (rel) => void this.index.assets.add(pathKey(rel)));
    this.index.renderHooks = await renderHooksOf(this.workspace, this.site, this.settings.languages.length);
  }

  /**
   * One content mount: its folder walked, or its one file read. A mount whose source is
   * outside the site or not on disk (a git submodule not checked out, a folder a build
   * step fills) publishes pages no one can see here: the links into its place in the
   * content tree are uncertain, not broken.
   */
  private async readMount(mount: ContentMount): Promise<void> {
    const kind = mountReadable(this.site.root, mount) ? await this.workspace.stat(mount.source) : undefined;
    if (kind === 'directory') {
      const rootIgnore = await this.workspace.readFile(join(this.site.root, '.gitignore'));
      const places = rootIgnore === undefined ? [] : generatedPlaces(rootIgnore, this.site.root);
      await this.noteGenerated(places.filter((place) => isInside(mount.source, place.target)), mount, join(this.site.root, '.gitignore'));
      return this.walkContent(mount.source, mount);
    }
    if (kind === 'file') {
      await this.addPages(mount.source, mount);
      return;
    }
    const languages = mount.languages.length > 0 ? mount.languages : this.settings.languages;
    const from = relative(this.site.root, mount.source);
    const reason = kind === undefined && mountReadable(this.site.root, mount) ? `mounted from \`${from}\`, which is not on disk` : `mounted from \`${mount.source}\`, outside the site`;
    for (const language of languages) this.index.uncertain.push({ path: this.mountedPath(mount, language), reason });
  }

  /** Where a mount's content is served: its target folder, or for a mounted file, the page it makes (as if it set no `url` or `slug`). */
  private mountedPath(mount: ContentMount, language: Language): string {
    if (!contentExtension(mount.target)) return pathKey(`${language.prefix}/${mount.target}`);
    return this.plainUrl({ language, rel: mount.target });
  }

  /**
   * Whether a content or static folder of Hugo's config lies inside the site, where
   * Postlint reads. One outside (a theme in a shared folder, `../` in `staticDir`) is
   * never read; what it publishes is served from the site root, so no address can be
   * called broken, and every one becomes uncertain.
   */
  private readable(dir: string): boolean {
    if (dir === this.site.root || isInside(this.site.root, dir)) return true;
    this.index.uncertain.push({ path: '/', reason: `the site publishes \`${dir}\`, outside the site` });
    return false;
  }

  private siteFolders(settingName: string, fallback: string): string[] {
    return siteFolders(this.site, settingName, fallback);
  }

  /** A static folder is served from the site root; its `_redirects` file goes to the host. */
  private async readStatic(dir: string): Promise<void> {
    await this.walkFiles(dir, '', (rel, name) => this.addFile(`/${rel}`, name, join(dir, rel)));
    const redirects = await this.workspace.readFile(join(dir, '_redirects'));
    if (redirects !== undefined) append(this.index.redirects, parseRedirectsFile(redirects, relative(this.site.root, join(dir, '_redirects'))));
  }

  /** Every file under `dir`, by its path relative to the walk's start. */
  private async walkFiles(dir: string, rel: string, visit: (rel: string, name: string) => void): Promise<void> {
    for (const entry of await this.workspace.readDirectory(dir)) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.kind === 'directory') await this.walkFiles(join(dir, entry.name), childRel, visit);
      else visit(childRel, entry.name);
    }
  }

  private addFile(served: string, name: string, source: string): void {
    const key = pathKey(served);
    addToList(this.index.filesBySource, source, key);
    if (this.index.files.has(key)) return;
    this.index.files.set(key, served);
    addToList(this.index.filesByName, name.toLowerCase(), served);
  }

  /** One folder of a content mount: pages, bundles and their files. Other languages' folders inside it are theirs. */
  private async walkContent(folder: string, mount: ContentMount): Promise<void> {
    const entries = await this.workspace.readDirectory(folder);
    const files = entries.filter((entry) => entry.kind === 'file' && this.mounted(mount, join(folder, entry.name)));
    const treeFolder = placeIn(mount, folder, this.settings)?.rel ?? '';
    const leaf = treeFolder !== '' && files.find((entry) => /^index\.[^.]+$/i.test(entry.name) && contentExtension(entry.name));
    if (leaf) {
      const page = await this.addPages(join(folder, leaf.name), mount);
      await this.walkFiles(folder, '', (rel) => {
        this.index.contentFiles.add(join(folder, rel).toLowerCase());
        if (page && rel !== leaf.name) this.addFile(`${page.url.replace(/\/?$/, '/')}${rel}`, basename(rel), join(folder, rel));
      });
      return;
    }
    if (files.some((entry) => entry.name === '.gitignore')) {
      const ignoreFile = join(folder, '.gitignore');
      await this.noteGenerated(generatedPlaces((await this.workspace.readFile(ignoreFile)) ?? '', folder), mount, ignoreFile);
    }
    const folderUrl = this.folderUrl(folder, mount);
    // A content adapter makes pages from data when the site is built: what lies under it cannot be seen here.
    if (folderUrl !== undefined && files.some((entry) => entry.name === '_content.gotmpl')) {
      this.index.uncertain.push({ path: pathKey(folderUrl), reason: `pages under it are made at build time by \`${relative(this.site.root, folder)}/_content.gotmpl\`` });
    }
    // A top-level folder is a section even without `_index.md`: Hugo lists its pages there.
    const hasIndex = files.some((entry) => /^_index\.[^.]+$/i.test(entry.name));
    if (!hasIndex && folderUrl !== undefined && treeFolder !== '' && !treeFolder.includes('/')) this.index.implicitPages.add(pathKey(folderUrl));
    let branchUrl: string | undefined;
    for (const entry of files) {
      const path = join(folder, entry.name);
      this.index.contentFiles.add(path.toLowerCase());
      if (!contentExtension(entry.name)) continue;
      const page = await this.addPages(path, mount);
      if (page && page.kind !== 'page') branchUrl = page.url;
    }
    // A section's own files are published beside it (and Hugo puts them under its URL).
    for (const entry of files) {
      if (contentExtension(entry.name)) continue;
      const source = join(folder, entry.name);
      if (folderUrl !== undefined) this.addFile(`${folderUrl.replace(/\/?$/, '/')}${entry.name}`, entry.name, source);
      if (branchUrl !== undefined) this.addFile(`${branchUrl.replace(/\/?$/, '/')}${entry.name}`, entry.name, source);
    }
    for (const entry of entries) {
      const child = join(folder, entry.name);
      if (entry.kind === 'directory' && !this.ownedByAnotherLanguage(child, mount)) await this.walkContent(child, mount);
    }
  }

  /** Where a page is served when its front matter moves nothing (no `url`, `slug` or date): for content not read here. */
  private plainUrl(place: ContentPlace): string {
    const result = pageUrl(place, pageShape(place.rel), {}, this.settings);
    return pathKey('url' in result ? result.url : result.uncertainPath);
  }

  /** Pages a build step writes (named by a `.gitignore`, not in the checkout): links to where they would be served are not verified. */
  private async noteGenerated(places: GeneratedPlace[], mount: ContentMount, ignoreFile: string): Promise<void> {
    for (const place of places) {
      if (!place.glob && (await this.workspace.stat(place.target)) !== undefined) continue;
      const contentPlace = placeIn(mount, place.target, this.settings);
      const served = place.folder ? this.folderUrl(place.target, mount) : contentPlace && this.plainUrl(contentPlace);
      if (served === undefined) continue;
      const named = `\`${relative(this.site.root, ignoreFile)}\` names \`${place.pattern}\``;
      const reason = place.glob || place.folder ? `pages there are made at build time: ${named}` : `the page is made at build time: ${named}, which is not in the checkout`;
      this.index.uncertain.push({ path: pathKey(served), reason });
    }
  }

  /** Whether a mount holds a file: its `files` filter keeps it. */
  private mounted(mount: ContentMount, path: string): boolean {
    return placeIn(mount, path, this.settings) !== undefined;
  }

  /** A folder that is another language's `contentDir` (legacy settings only: mounts may overlap on purpose). */
  private ownedByAnotherLanguage(folder: string, mount: ContentMount): boolean {
    return mount.legacy && this.settings.mounts.some((other) => other !== mount && other.legacy && other.source === folder);
  }

  /** The URL of a content folder from its path, as Hugo derives section URLs. */
  private folderUrl(folder: string, mount: ContentMount): string | undefined {
    const place = placeIn(mount, `${folder}/_index.md`, this.settings);
    if (!place) return undefined;
    const dirs = place.rel.split('/').slice(0, -1);
    return `${place.language.prefix}/${dirs.map(sanitizePath).join('/')}`;
  }

  /**
   * The pages a content file makes through a mount: one per language the mount names
   * (a mount may serve one language's pages to others as fallbacks), unless the file's
   * name picks its language; the first is returned.
   */
  private async addPages(file: string, mount: ContentMount): Promise<SitePage | undefined> {
    const place = placeIn(mount, file, this.settings);
    if (!place) return undefined;
    // `post.fr.md`: the name took the language suffix off, and the page is that language's alone.
    const namedItsLanguage = place.rel.split('/').pop() !== basename(file);
    const others = mount.legacy || namedItsLanguage ? [] : mount.languages.filter((language) => language !== place.language);
    const page = await this.addPage(file, place);
    for (const language of others) await this.addPage(file, { language, rel: place.rel });
    return page;
  }

  private async addPage(file: string, place: ContentPlace): Promise<SitePage | undefined> {
    const shape = pageShape(place.rel);
    const text = await this.workspace.readFile(file);
    if (text === undefined) return undefined;
    const data = urlData(text, keysNeeded(shape, this.settings));
    const result = pageUrl(place, shape, data, this.settings);
    if ('uncertainPath' in result) {
      const why = `the URL of \`${relative(this.site.root, file)}\` depends on what cannot be read here (a date, slug or title missing or unreadable, or the file's time or git date)`;
      this.index.uncertain.push({ path: pathKey(result.uncertainPath), reason: why });
      return undefined;
    }
    const page: SitePage = { file, url: result.url, kind: shape.kind, prefix: place.language.prefix };
    if (!this.index.pagesByFile.has(file)) this.index.pagesByFile.set(file, page);
    this.addContentPath(place.language.key, place.rel, shape.bundle, page);
    this.addPageKey(result.url, page);
    if (shape.kind === 'page' && this.settings.uglyURLs(shape.dirs[0] ?? '')) this.addPageKey(`${result.url.replace(/\/$/, '')}.html`, page);
    const name = sanitizePath(shape.name);
    addToList(this.index.pagesByName, name, page);
    for (const alias of stringList(data.aliases)) {
      if (alias.startsWith('/')) this.addPageKey(alias, page);
      else {
        // Hugo has read relative aliases both ways over its versions: accept either.
        this.addPageKey(`${place.language.prefix}/${alias}`, page);
        this.addPageKey(`${dirname(pathKey(result.url))}/${alias}`, page);
      }
    }
    return page;
  }

  private addPageKey(path: string, page: SitePage): void {
    const key = pathKey(path);
    if (!this.index.pages.has(key)) this.index.pages.set(key, page);
  }

  /**
   * This index, noting into `keys` every look-up made through it, in the terms of
   * `keysOf`: a check records what it reached or looked for, and the language server
   * re-checks the post when a file with one of those keys changes.
   */
  observedBy(keys: Set<string>): SitePages {
    const view = Object.create(this) as SitePages;
    view.observer = keys;
    return view;
  }

  /** The keys under which look-ups reach `file`: its page URLs and aliases, its served paths, its content path. */
  keysOf(file: string): string[] {
    return this.keysOfFiles([file]).get(file)!;
  }

  /** `keysOf` for many files, in one pass over the index. */
  keysOfFiles(files: Iterable<string>): Map<string, string[]> {
    const assetDirs = this.siteFolders('assetDir', 'assets');
    const keys = new Map<string, string[]>();
    for (const file of files) {
      const own = [fileKey(file), ...(this.index.filesBySource.get(file) ?? [])];
      for (const dir of assetDirs) if (file.startsWith(`${dir}/`)) own.push(`asset:${pathKey(file.slice(dir.length))}`);
      keys.set(file, own);
    }
    for (const [key, page] of this.index.pages) keys.get(page.file)?.push(key);
    for (const [key, page] of this.index.pagesByContentPath) keys.get(page.file)?.push(`content:${key}`);
    return keys;
  }

  /**
   * Whether `file` is a page or a published file (content, static, assets): a change to
   * it matters only to the posts that reach it. Anything else (config, data, layouts,
   * redirects) may change every post's problems.
   */
  serves(file: string): boolean {
    if (basename(file) === '_redirects') return false;
    const contentDirs = this.settings.mounts.map((mount) => mount.source);
    const dirs = [...contentDirs, ...this.siteFolders('staticDir', 'static'), ...this.siteFolders('assetDir', 'assets')];
    return dirs.some((dir) => file.startsWith(`${dir}/`));
  }

  /** Forgets the anchors read from `file`: its text changed, saved or not. */
  forgetAnchors(file: string): void {
    this.anchors.delete(file);
  }

  /** Where a link to a path of this site lands: a page, a file, something generated, or nothing. */
  resolve(path: string, depth = 0): Resolution {
    let key = pathKey(path);
    const base = this.settings.basePath;
    if (base && (key === base || key.startsWith(`${base}/`))) key = key.slice(base.length) || '/';
    this.observer?.add(key);
    const page = this.index.pages.get(key);
    if (page) return { found: true, page };
    if (this.index.implicitPages.has(key) || this.index.files.has(key) || this.isGenerated(key)) return { found: true };
    const unverified = this.uncertainReason(key);
    if (unverified) return { found: true, unverified };
    const match = matchRedirect(this.index.redirects, key, withoutQueryOrFragment(path).endsWith('/'));
    if (!match && this.index.mayExistUnseen) return { found: true, unverified: this.index.mayExistUnseen };
    if (!match || depth >= MAX_REDIRECTS) return { found: false, key };
    if (match.redirect.status >= 400) return { found: false, key, redirect: match };
    const target = withoutQueryOrFragment(match.target);
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) return { found: true, via: match };
    const next = this.resolve(target, depth + 1);
    return next.found ? { ...next, via: match } : { found: false, key, redirect: match };
  }

  /** Feeds, sitemaps, taxonomy lists and paginated lists: Hugo makes them without a content file. */
  private isGenerated(key: string): boolean {
    const segments = key.split('/').slice(1);
    const last = segments[segments.length - 1];
    if (GENERATED_NAMES.has(last)) return true;
    if (this.index.outputFiles.has(last)) {
      // Beside a page, a section or the home page (of any language): where Hugo renders the format.
      const parent = `/${segments.slice(0, -1).join('/')}`;
      if (this.index.pages.has(parent) || this.index.implicitPages.has(parent)) return true;
    }
    const language = this.settings.languages.find((candidate) => candidate.prefix !== '' && segments[0] === candidate.prefix.slice(1));
    const first = language ? segments[1] : segments[0];
    if (first !== undefined && this.settings.taxonomies.includes(first)) return true;
    const page = segments.lastIndexOf('page');
    if (page >= 0 && page === segments.length - 2 && /^\d+$/.test(segments[page + 1])) {
      const list = `/${segments.slice(0, page).join('/')}`;
      return this.index.pages.has(list) || this.index.implicitPages.has(list);
    }
    return false;
  }

  /** Why a path may be a page no one can see here; undefined when it cannot. */
  private uncertainReason(key: string): string | undefined {
    return this.index.uncertain.find(({ path }) => mayBeUnder(path, key))?.reason;
  }

  /** Whether a file of that path (from a shortcode's point of view) is in the assets folder. */
  private addContentPath(language: string, rel: string, bundle: boolean, page: SitePage): void {
    const stem = rel.slice(0, rel.length - (contentExtension(rel)?.length ?? 0)).toLowerCase();
    const paths = bundle ? [stem, dirname(stem) === '.' ? '' : dirname(stem)] : [stem];
    for (const path of paths) if (!this.index.pagesByContentPath.has(`${language}:${path}`)) this.index.pagesByContentPath.set(`${language}:${path}`, page);
  }

  /** The page a render hook's `GetPage` finds for a link written from `post` (see `getPageCandidates`). */
  pageByContentPath(post: string, path: string): SitePage | undefined {
    const place = placeOf(post, this.settings);
    if (!place) return undefined;
    for (const candidate of getPageCandidates(place.rel, path)) {
      const key = `${place.language.key}:${candidate}`;
      this.observer?.add(`content:${key}`);
      const page = this.index.pagesByContentPath.get(key);
      if (page) return page;
    }
    return undefined;
  }

  hasAsset(path: string): boolean {
    const key = pathKey(path);
    this.observer?.add(`asset:${key}`);
    return this.index.assets.has(key);
  }

  /** Whether a file exists under a content folder (case-insensitively, as some hosts serve). */
  hasContentFile(path: string): boolean {
    this.observer?.add(fileKey(path));
    return this.index.contentFiles.has(path.toLowerCase());
  }

  pageOfUrl(url: string): SitePage | undefined {
    return this.index.pages.get(pathKey(url));
  }

  pageOfFile(file: string): SitePage | undefined {
    return this.index.pagesByFile.get(file);
  }

  /** Where a content file is served given its (possibly edited) front matter; undefined outside the content folders. */
  urlOf(file: string, data: Record<string, unknown> | undefined): string | undefined {
    const place = placeOf(file, this.settings);
    if (!place) return undefined;
    const result = pageUrl(place, pageShape(place.rel), frontMatterUrlData(data, dateKeys(this.settings)), this.settings);
    return 'url' in result ? result.url : undefined;
  }

  /** The one place a broken path was most likely meant to reach (see `likelyTarget`). */
  suggestion(key: string): string | undefined {
    return likelyTarget(this.index, this.settings, key);
  }

  /** The heading ids and HTML anchors of a Markdown page, parsed once per page. */
  anchorsOf(page: SitePage): Promise<PageAnchors | undefined> {
    this.observer?.add(fileKey(page.file));
    let anchors = this.anchors.get(page.file);
    if (!anchors) this.anchors.set(page.file, (anchors = this.readAnchors(page.file)));
    return anchors;
  }

  private rawInner?: Promise<ReadonlySet<string>>;

  /** The site's shortcodes whose inner text is no Markdown: a heading there is no anchor (read once per index). */
  private rawInnerShortcodes(): Promise<ReadonlySet<string>> {
    if (this.site.loose) return Promise.resolve(new Set());
    const values = new Map<string, Promise<unknown>>();
    const cache = <T>(key: string, compute: () => Promise<T>): Promise<T> => {
      if (!values.has(key)) values.set(key, compute());
      return values.get(key) as Promise<T>;
    };
    return (this.rawInner ??= rawInnerShortcodes(cache, this.workspace, this.site));
  }

  private async readAnchors(file: string): Promise<PageAnchors | undefined> {
    if (!/\.(md|markdown)$/i.test(file)) return undefined;
    const text = await this.workspace.readFile(file);
    if (text === undefined) return undefined;
    const rawInner = await this.rawInnerShortcodes();
    try {
      return anchorsOfBody(parseBody(text, splitPost(text).bodyStart, { rawInner }));
    } catch {
      // A page whose body the parser fails on has ids no one knows: its
      // fragments go unchecked (the page's own check reports the failure).
      return undefined;
    }
  }
}

/**
 * The site's index, built on first use and shared by every post of the site until the
 * service is invalidated; what the check looks up in it goes into its dependencies.
 */
export async function sitePagesOf(context: Pick<RuleContext<unknown>, 'siteCache' | 'workspace' | 'site' | 'dependencies'>): Promise<SitePages> {
  const pages = await context.siteCache(SITE_PAGES_KEY, () => SitePages.load(context.workspace, context.site));
  return context.dependencies ? pages.observedBy(context.dependencies) : pages;
}
