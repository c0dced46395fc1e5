import { escapeGlob, globMatcher } from '../../schemas/globs';
import type { ResolvedConfig } from './config/config';
import { isMarkdownPath } from '../../schemas/markdown-files';
import { ContentPages, type NotAPage, type PageVerdict } from './site/content-pages';
import { CONTENT_ADAPTER, placeOf, urlSettings } from './site/hugo-urls';
import type { ContentMount } from './site/content-mounts';
import { basename, dirname, isInside, relative } from './site/paths';
import type { Site } from './site/site';
import type { Workspace } from './types';

/** What post selection needs of the language service: its sites, configs and confined workspaces. */
export interface SiteHost {
  siteFor(path: string): Promise<Site>;
  configFor(path: string, site: Site): Promise<ResolvedConfig>;
  siteWorkspace(root: string): Workspace;
}

/**
 * The folders, relative to the site root and written as globs, at the root of the content
 * tree Hugo builds: its content mounts whose target is the tree's root (`module.mounts`,
 * or else the site's `contentDir` and each language's own, which may lie outside
 * `content/`: `content.en`). The default language's first, so that new posts go there.
 * A folder outside the site is not read; where none is left, `{contentDir}` selects nothing.
 */
export function contentFolders(site: Site): string[] {
  let sources = [site.contentDir];
  if (!site.loose) {
    const settings = urlSettings(site);
    const isDefault = (mount: ContentMount) =>
      mount.languages.length === 0 || mount.languages.some((language) => language.key === settings.defaultLanguage.key);
    const roots = settings.mounts.filter((mount) => mount.target === '');
    sources = [...roots.filter(isDefault), ...roots.filter((mount) => !isDefault(mount))].map((mount) => mount.source);
  }
  const folders = [...new Set(sources.map((source) => relative(site.root, source) || '.'))];
  return folders.filter((folder) => !folder.startsWith('..')).map((folder) => (folder === '.' ? '.' : escapeGlob(folder)));
}

interface PathMatchers {
  posts: (path: string) => boolean;
  ignored: (path: string) => boolean;
}

/**
 * Which files are posts: the site's, as its config and preset choose them (globs, with
 * bundle resources left out), or the content pages of what a person names.
 */
export class PostSelection {
  constructor(private readonly host: SiteHost) {}

  /**
   * Globs, relative to the site root, of the site's posts: a glob with `{contentDir}` once
   * for each content folder Hugo reads (contentFolders).
   */
  postGlobs(site: Site, config: ResolvedConfig): string[] {
    const folders = contentFolders(site);
    return config.posts.flatMap((glob) =>
      glob.includes('{contentDir}') ? folders.map((folder) => glob.replaceAll('{contentDir}', folder).replace(/^\.\//, '')) : [glob],
    );
  }

  /**
   * The posts among `paths` (files the preset or config calls posts) that the config
   * does not ignore, in their order, with one look-up of site and config per folder.
   */
  async postsAmong(paths: string[]): Promise<string[]> {
    const posts: string[] = [];
    const pagesBySite = new Map<string, ContentPages>();
    let folder: string | undefined;
    let site: Site | undefined;
    let config: ResolvedConfig | undefined;
    for (const path of paths) {
      if (site === undefined || config === undefined || dirname(path) !== folder) {
        folder = dirname(path);
        site = await this.host.siteFor(path);
        config = await this.host.configFor(path, site);
      }
      if (!this.matchesPost(path, site, config) || this.matchers(site, config).ignored(relative(site.root, path))) continue;
      // A Markdown file inside a leaf bundle is a resource of its page: Hugo never publishes it.
      if (!site.loose && (await this.contentPagesOf(site, pagesBySite).verdict(path, urlSettings(site))) === 'bundle resource') continue;
      posts.push(path);
    }
    return posts;
  }

  /**
   * The posts among files and folders a person named: every content page (not a list
   * page, not a bundle's resource, not ignored by the config), whatever the preset's
   * guess of where posts are; where the config file says which files are posts
   * (`posts`), those. A named folder that holds a whole site (its root, a folder above
   * it, or its content folder) names that site: its posts are the ones its config and
   * preset choose.
   * With how many of the others were left out, and why.
   */
  async namedPostsAmong(paths: string[], namedFolder?: string): Promise<{ posts: string[]; skipped: Map<NotAPage, number> }> {
    const posts: string[] = [];
    const skipped = new Map<NotAPage, number>();
    // One per site, reading through the site's confined workspace.
    const pagesBySite = new Map<string, ContentPages>();
    // Site and config looked up once per folder: paths come sorted, a folder's files together.
    let folder: string | undefined;
    let site: Site | undefined;
    let config: ResolvedConfig | undefined;
    let wholeSite = false;
    for (const path of paths) {
      if (!isMarkdownPath(path)) continue;
      if (site === undefined || config === undefined || dirname(path) !== folder) {
        folder = dirname(path);
        site = await this.host.siteFor(path);
        config = await this.host.configFor(path, site);
        wholeSite = namedFolder !== undefined && !site.loose && this.holdsWholeSite(namedFolder, site);
      }
      const ignored = this.matchers(site, config).ignored(relative(site.root, path));
      const verdict: PageVerdict = ignored
        ? 'ignored'
        : !config.postsFromPreset || wholeSite
          ? this.matchesPost(path, site, config) ? 'page' : 'not in posts'
          : site.loose ? 'page' : await this.contentPagesOf(site, pagesBySite).verdict(path, urlSettings(site));
      if (verdict === 'page') posts.push(path);
      else skipped.set(verdict, (skipped.get(verdict) ?? 0) + 1);
    }
    return { posts, skipped };
  }

  /**
   * The content adapters among `paths`: files named `_content.gotmpl` inside a site's
   * content folders, in their order. Hugo makes their folders' pages at build time.
   */
  async contentAdaptersAmong(paths: string[]): Promise<string[]> {
    const adapters: string[] = [];
    for (const path of paths) {
      if (basename(path) !== CONTENT_ADAPTER) continue;
      const site = await this.host.siteFor(path);
      if (!site.loose && placeOf(path, urlSettings(site)) !== undefined) adapters.push(path);
    }
    return adapters;
  }

  async isBundleResource(path: string, site: Site): Promise<boolean> {
    if (site.loose) return false;
    return (await new ContentPages(this.host.siteWorkspace(site.root)).verdict(path, urlSettings(site))) === 'bundle resource';
  }

  private contentPagesOf(site: Site, bySite: Map<string, ContentPages>): ContentPages {
    let pages = bySite.get(site.root);
    if (!pages) bySite.set(site.root, (pages = new ContentPages(this.host.siteWorkspace(site.root))));
    return pages;
  }

  private holdsWholeSite(folder: string, site: Site): boolean {
    if (site.root === folder || isInside(folder, site.root)) return true;
    return urlSettings(site).mounts.some((mount) => mount.target === '' && mount.source === folder);
  }

  matchesPost(path: string, site: Site, config: ResolvedConfig): boolean {
    const rel = relative(site.root, path);
    // Postlint reads Markdown only: a `posts` glob that takes in a folder's `.org` pages or images does not make them posts.
    if (rel.startsWith('..') || !isMarkdownPath(path)) return false;
    const { posts, ignored } = this.matchers(site, config);
    if (site.loose) return !ignored(rel);
    return posts(rel);
  }

  // Compiling a glob is far slower than matching one: once per site and config.
  private readonly compiled = new WeakMap<ResolvedConfig, Map<string, PathMatchers>>();

  private matchers(site: Site, config: ResolvedConfig): PathMatchers {
    let bySite = this.compiled.get(config);
    if (!bySite) this.compiled.set(config, (bySite = new Map()));
    let matchers = bySite.get(site.root);
    if (!matchers) {
      // Globs run on RE2 (schemas/globs.ts): a pull request writes both them and the file names.
      const ignored = globMatcher(config.ignore);
      // Compiled when first asked: a named folder's posts are its content pages, and the
      // post globs are never matched (compiling them was a tenth of the time the
      // main thread took to pick 6,800 posts, while the workers waited for them).
      let postGlobs: ((path: string) => boolean) | undefined;
      let notPosts: ((path: string) => boolean) | undefined;
      const posts = (path: string) => {
        postGlobs ??= globMatcher(this.postGlobs(site, config));
        notPosts ??= globMatcher(config.preset.notPosts);
        return postGlobs(path) && !notPosts(path) && !ignored(path);
      };
      matchers = { posts, ignored };
      bySite.set(site.root, matchers);
    }
    return matchers;
  }
}
