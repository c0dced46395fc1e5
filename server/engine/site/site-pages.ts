/**
 * What a Hugo site serves: its pages (by URL, alias and file), the files of
 * `static/` and of page bundles, and its redirects. Built once per site (the
 * language service caches it) by one walk of the content and static folders,
 * reading of each page only the front matter keys that move its URL.
 */
import { isMarkdownPath } from '../../../schemas/markdown-files';
import { splitPost } from '../frontmatter/frontmatter';
import { mayBeUnder, pathKey, placeOf, urlSettings, withoutBasePath, type PageKind, type UrlSettings } from './hugo-urls';
import { parseBody } from '../markdown';
import { anchorsOfBody, type PageAnchors } from './page-anchors';
import type { PageInputs } from './page-inputs';
import { codeBlockIds, siteHighlightSettings } from './code-line-anchors';
import { getPageCandidates } from './get-page';
import { SiteIndexBuilder } from './site-index-builder';
import { likelyTarget } from './likely-target';
import { sitePassthrough } from './passthrough';
import { rawInnerShortcodes } from './shortcode-catalog';
import { siteFolders } from './site-outputs';
import { servedUrl } from './page-url-data';
import { emptyData, type GeneratedContentPath, type SitePagesData } from './site-pages-data';
import { basename } from './paths';
import { matchRedirect, withoutQueryOrFragment, type RedirectMatch } from './redirects';
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

  static async load(workspace: Workspace, site: Site, inputs?: PageInputs): Promise<SitePages> {
    const pages = new SitePages(workspace, site);
    await new SiteIndexBuilder(workspace, site, pages.settings, pages.index, inputs).build();
    return pages;
  }

  /** The index of `site` from the data of one built elsewhere (`data()`), for the same site. */
  static fromData(workspace: Workspace, site: Site, data: SitePagesData): SitePages {
    return new SitePages(workspace, site, data);
  }

  /** The index's data, to hand to another thread (page anchors, read on demand, are left out). */
  data(): SitePagesData {
    return this.index;
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
    const assetDirs = siteFolders(this.site, 'assetDir', 'assets');
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
    const dirs = [...contentDirs, ...siteFolders(this.site, 'staticDir', 'static'), ...siteFolders(this.site, 'assetDir', 'assets')];
    return dirs.some((dir) => file.startsWith(`${dir}/`));
  }

  /** Forgets the anchors read from `file`: its text changed, saved or not. */
  forgetAnchors(file: string): void {
    this.anchors.delete(file);
  }

  /** Where a link to a path of this site lands: a page, a file, something generated, or nothing. */
  resolve(path: string, depth = 0): Resolution {
    const key = withoutBasePath(pathKey(path), this.settings.basePath);
    this.observer?.add(key);
    const page = this.index.pages.get(key);
    if (page) return { found: true, page };
    if (this.index.implicitPages.has(key) || this.index.files.has(key) || this.isGenerated(key)) return { found: true };
    const unverified = this.uncertainReason(key);
    if (unverified) return { found: true, unverified };
    const match = matchRedirect(this.index.redirects, key, withoutQueryOrFragment(path).endsWith('/'));
    // Where no redirect says otherwise: an address the site's own menu links to, or any, when the site's layout cannot be known.
    const unseen = match ? undefined : (this.index.menuTargets.get(key) ?? this.index.mayExistUnseen);
    if (unseen) return { found: true, unverified: unseen };
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
    if (this.isTaxonomyPath(segments)) return true;
    const page = segments.lastIndexOf('page');
    if (page >= 0 && page === segments.length - 2 && /^\d+$/.test(segments[page + 1])) {
      const list = `/${segments.slice(0, page).join('/')}`;
      return this.index.pages.has(list) || this.index.implicitPages.has(list);
    }
    return false;
  }

  /**
   * Whether a path is in a taxonomy's folder (`/tags/`, `/fr/frtags/markdown/`): Hugo makes
   * its list and term pages from the pages' front matter, with the taxonomies of the language
   * whose prefix the path starts with (the default language's when none).
   */
  private isTaxonomyPath(segments: string[]): boolean {
    const language = this.settings.languages.find((candidate) => candidate.prefix !== '' && segments[0] === candidate.prefix.slice(1));
    const first = language ? segments[1] : segments[0];
    const taxonomies = this.settings.taxonomies.get((language ?? this.settings.defaultLanguage).key) ?? [];
    return first !== undefined && taxonomies.includes(first);
  }

  /** Why a path may be a page no one can see here; undefined when it cannot. */
  private uncertainReason(key: string): string | undefined {
    return this.index.uncertain.find(({ path }) => mayBeUnder(path, key))?.reason;
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

  /** Why a content file that is not here may still be published: a build step writes it (see `generatedContent`). */
  generatedReason(file: string): string | undefined {
    return this.index.generatedContent.find(({ target }) => file === target || file.startsWith(`${target}/`))?.reason;
  }

  /**
   * Why the page a render hook's `GetPage` looks for from `post` may be made at build time
   * (see `getPageCandidates` and `generatedContent`); undefined when no candidate is generated.
   */
  generatedByContentPath(post: string, path: string): string | undefined {
    const place = placeOf(post, this.settings);
    if (!place) return undefined;
    for (const candidate of getPageCandidates(place.rel, path)) {
      const found = this.index.generatedContent.find(({ content }) => content?.languages.includes(place.language.key) && holdsContentPath(content, candidate));
      if (found) return found.reason;
    }
    return undefined;
  }

  /** Whether a file of that path (from a shortcode's point of view) is in the assets folder. */
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
    return servedUrl(file, data, this.settings);
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
    if (!isMarkdownPath(file)) return undefined;
    const text = await this.workspace.readFile(file);
    if (text === undefined) return undefined;
    const rawInner = await this.rawInnerShortcodes();
    try {
      const body = parseBody(text, splitPost(text).bodyStart, { rawInner, passthrough: sitePassthrough(this.site) });
      return anchorsOfBody(body, codeBlockIds(text, body, siteHighlightSettings(this.site.config)));
    } catch {
      // A page whose body the parser fails on has ids no one knows: its
      // fragments go unchecked (the page's own check reports the failure).
      return undefined;
    }
  }
}

/** Whether a generated place of the content tree is, or holds, the page at a content path. */
function holdsContentPath(content: GeneratedContentPath, path: string): boolean {
  if (!content.folder) return path === content.path;
  return content.path === '' || path === content.path || path.startsWith(`${content.path}/`);
}

/**
 * The site's index, built on first use and shared by every post of the site until the
 * service is invalidated; what the check looks up in it goes into its dependencies.
 * Built with the context's `pageInputs`, it reads only the content files they do not answer for.
 */
export async function sitePagesOf(context: Pick<RuleContext<unknown>, 'siteCache' | 'workspace' | 'site' | 'dependencies' | 'pageInputs'>): Promise<SitePages> {
  const pages = await context.siteCache(SITE_PAGES_KEY, () => SitePages.load(context.workspace, context.site, context.pageInputs));
  return context.dependencies ? pages.observedBy(context.dependencies) : pages;
}
