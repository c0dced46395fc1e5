/**
 * The walk that builds a site's index (`SitePagesData`): the content mounts, page by page
 * and bundle by bundle, the static folders and their redirects, and what the site's config
 * and layouts change about what it serves. `SitePages` answers questions from the result.
 */
import { append } from '../append';
import { CONTENT_ADAPTER, contentExtension, isLeafIndexFile, keysNeeded, pageShape, pageUrl, pageUrls, pathKey, placeIn, sanitizePath, type ContentPlace, type Language, type PageUrl, type UrlSettings } from './hugo-urls';
import { mountReadable, type ContentMount } from './content-mounts';
import { generatedPlaces, type GeneratedPlace } from './generated-content';
import { generatedRedirects, outputFileNames, renderHooksOf, siteFolders, unknownConfig } from './site-outputs';
import { menuTargets } from './menu-targets';
import { urlData, type UrlData } from './page-url-data';
import type { PageInputs } from './page-inputs';
import { quoted } from '../text/quote';
import type { GeneratedContentPath, SitePagesData } from './site-pages-data';
import { basename, dirname, entryPath, isInside, join, relative } from './paths';
import { parseNetlifyToml, parseRedirectsFile } from './redirects';
import type { SitePage } from './site-pages';
import type { Site } from './site';
import type { Workspace } from '../types';

function stringList(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => item.trim());
}

function addToList<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class SiteIndexBuilder {
  /** Where else a page may be served, when its slug hangs on what cannot be known here: its bundle's files are published beside each. */
  private readonly otherUrls = new Map<SitePage, string[]>();

  constructor(
    private readonly workspace: Workspace,
    private readonly site: Site,
    private readonly settings: UrlSettings,
    private readonly index: SitePagesData,
    /** What unchanged files said of their URLs in an earlier run, where an adapter remembers it. */
    private readonly inputs?: PageInputs,
  ) {}

  async build(): Promise<void> {
    // With every language in its subfolder, Hugo still writes a root page that redirects to the default one.
    this.index.implicitPages.add('/');
    for (const language of this.settings.languages) this.index.implicitPages.add(pathKey(`${language.prefix}/`));
    // The root's .gitignore may name generated content in any mount: read once, for all of them.
    const rootIgnore = join(this.site.root, '.gitignore');
    const ignoredAtRoot = generatedPlaces((await this.workspace.readFile(rootIgnore)) ?? '', this.site.root);
    for (const mount of this.settings.mounts) await this.readMount(mount, ignoredAtRoot, rootIgnore);
    for (const dir of this.siteFolders('staticDir', 'static')) if (this.readable(dir)) await this.readStatic(dir);
    const netlify = await this.workspace.readFile(join(this.site.root, 'netlify.toml'));
    if (netlify !== undefined) append(this.index.redirects, parseNetlifyToml(netlify, 'netlify.toml'));
    this.index.mayExistUnseen = unknownConfig(this.site) ?? generatedRedirects(this.site);
    this.index.menuTargets = menuTargets(this.site, this.settings);
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
  private async readMount(mount: ContentMount, ignoredAtRoot: GeneratedPlace[], rootIgnore: string): Promise<void> {
    const kind = mountReadable(this.site.root, mount) ? await this.workspace.stat(mount.source) : undefined;
    if (kind === 'directory') {
      await this.noteGenerated(ignoredAtRoot.filter((place) => isInside(mount.source, place.target)), mount, rootIgnore);
      return this.walkContent(mount.source, mount);
    }
    if (kind === 'file') {
      await this.addPages(mount.source, mount);
      return;
    }
    const languages = mount.languages.length > 0 ? mount.languages : this.settings.languages;
    const from = relative(this.site.root, mount.source);
    const reason = kind === undefined && mountReadable(this.site.root, mount) ? `mounted from ${quoted(from, Infinity)}, which is not on disk` : `mounted from ${quoted(mount.source, Infinity)}, outside the site`;
    for (const language of languages) this.index.uncertain.push({ path: this.mountedPath(mount, language), reason });
  }

  /** Where a mount's content is served: its target folder, or for a mounted file, the page it makes (as if it set no `url` or `slug`). */
  private mountedPath(mount: ContentMount, language: Language): string {
    if (!contentExtension(mount.target)) return pathKey(`${language.prefix}/${mount.target}`);
    return this.plainUrl({ language, rel: mount.target });
  }

  /** Where a page is served when its front matter moves nothing (no `url`, `slug` or date): for content not read here. */
  private plainUrl(place: ContentPlace): string {
    const result = pageUrl(place, pageShape(place.rel), {}, this.settings);
    return pathKey('url' in result ? result.url : result.uncertainPath);
  }

  /**
   * Whether a content or static folder of Hugo's config lies inside the site, where
   * Postlint reads. One outside (a theme in a shared folder, `../` in `staticDir`) is
   * never read; what it publishes is served from the site root, so no address can be
   * called broken, and every one becomes uncertain.
   */
  private readable(dir: string): boolean {
    if (dir === this.site.root || isInside(this.site.root, dir)) return true;
    this.index.uncertain.push({ path: '/', reason: `the site publishes ${quoted(dir, Infinity)}, outside the site` });
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
      if (entry.kind === 'directory') await this.walkFiles(entryPath(dir, entry.name), childRel, visit);
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
    const files = entries.filter((entry) => entry.kind === 'file' && this.mounted(mount, entryPath(folder, entry.name)));
    const treeFolder = placeIn(mount, folder, this.settings)?.rel ?? '';
    // A leaf bundle's index, in each of its languages (`index.md`, `index.de.md`): each is a page.
    const leaves = treeFolder === '' ? [] : files.filter((entry) => isLeafIndexFile(folder, entry.name, (path) => placeIn(mount, path, this.settings)));
    if (leaves.length > 0) {
      const urls: string[] = [];
      for (const leaf of leaves) {
        const page = await this.addPages(join(folder, leaf.name), mount);
        if (page) urls.push(page.url, ...(this.otherUrls.get(page) ?? []));
      }
      const leafNames = new Set(leaves.map((leaf) => leaf.name));
      await this.walkFiles(folder, '', (rel) => {
        this.index.contentFiles.add(join(folder, rel).toLowerCase());
        if (leafNames.has(rel)) return;
        for (const url of urls) this.addFile(`${url.replace(/\/?$/, '/')}${rel}`, basename(rel), join(folder, rel));
      });
      return;
    }
    if (files.some((entry) => entry.name === '.gitignore')) {
      const ignoreFile = join(folder, '.gitignore');
      await this.noteGenerated(generatedPlaces((await this.workspace.readFile(ignoreFile)) ?? '', folder), mount, ignoreFile);
    }
    const folderUrl = this.folderUrl(folder, mount);
    // A content adapter makes pages from data when the site is built: what lies under it cannot be seen here.
    if (folderUrl !== undefined && files.some((entry) => entry.name === CONTENT_ADAPTER)) {
      this.index.uncertain.push({ path: pathKey(folderUrl), reason: `pages under it are made at build time by ${quoted(`${relative(this.site.root, folder)}/${CONTENT_ADAPTER}`, Infinity)}` });
    }
    // A top-level folder is a section even without `_index.md`: Hugo lists its pages there.
    // An `_index` file Hugo does not read as content (`_index.md-moved-to-intro`, kept aside
    // by porter.sh) is one of the section's files, not its page.
    const hasIndex = files.some((entry) => /^_index\.[^.]+$/i.test(entry.name) && contentExtension(entry.name) !== undefined);
    if (!hasIndex && folderUrl !== undefined && treeFolder !== '' && !treeFolder.includes('/')) this.index.implicitPages.add(pathKey(folderUrl));
    let branchUrl: string | undefined;
    for (const entry of files) {
      const path = entryPath(folder, entry.name);
      this.index.contentFiles.add(path.toLowerCase());
      if (!contentExtension(entry.name)) continue;
      const page = await this.addPages(path, mount);
      if (page && page.kind !== 'page') branchUrl = page.url;
    }
    // A section's own files are published beside it (and Hugo puts them under its URL).
    for (const entry of files) {
      if (contentExtension(entry.name)) continue;
      const source = entryPath(folder, entry.name);
      if (folderUrl !== undefined) this.addFile(`${folderUrl.replace(/\/?$/, '/')}${entry.name}`, entry.name, source);
      if (branchUrl !== undefined) this.addFile(`${branchUrl.replace(/\/?$/, '/')}${entry.name}`, entry.name, source);
    }
    for (const entry of entries) {
      const child = entryPath(folder, entry.name);
      if (entry.kind === 'directory' && !this.ownedByAnotherLanguage(child, mount)) await this.walkContent(child, mount);
    }
  }

  /** Pages a build step writes (named by a `.gitignore`, not in the checkout): links to where they would be served are not verified. */
  private async noteGenerated(places: GeneratedPlace[], mount: ContentMount, ignoreFile: string): Promise<void> {
    for (const place of places) {
      if (!place.glob && (await this.workspace.stat(place.target)) !== undefined) continue;
      const contentPlace = placeIn(mount, place.target, this.settings);
      const served = place.folder ? this.folderUrl(place.target, mount) : contentPlace && this.plainUrl(contentPlace);
      if (served === undefined) continue;
      const named = `${quoted(relative(this.site.root, ignoreFile), Infinity)} names ${quoted(place.pattern, Infinity)}`;
      const reason = place.glob || place.folder ? `pages there are made at build time: ${named}` : `the page is made at build time: ${named}, which is not in the checkout`;
      this.index.uncertain.push({ path: pathKey(served), reason });
      this.index.generatedContent.push({ target: place.target, reason, content: this.generatedContentPath(place, mount) });
    }
  }

  /** Where a generated place sits in the content tree, for a render hook's `GetPage` (see `addContentPath`). */
  private generatedContentPath(place: GeneratedPlace, mount: ContentMount): GeneratedContentPath | undefined {
    const inTree = placeIn(mount, place.folder ? `${place.target}/_index.md` : place.target, this.settings);
    if (!inTree) return undefined;
    const stem = inTree.rel.slice(0, inTree.rel.length - (contentExtension(inTree.rel)?.length ?? 0)).toLowerCase();
    // A folder is named by itself, a bundle's index.md or _index.md by its folder.
    const path = place.folder || /(^|\/)_?index$/.test(stem) ? dirname(stem) : stem;
    // A mount for several languages publishes its pages in each of them (see `addPages`).
    const languages = new Set([inTree.language.key, ...(mount.legacy ? [] : mount.languages.map((language) => language.key))]);
    return { languages: [...languages], path: path === '.' ? '' : path, folder: place.folder };
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
    const data = await this.urlDataOf(file, keysNeeded(shape, this.settings));
    if (data === undefined) return undefined;
    const [result, ...others] = pageUrls(place, shape, data, this.settings);
    if ('uncertainPath' in result) {
      for (const uncertain of [result, ...others]) this.noteUncertainUrl(file, uncertain);
      return undefined;
    }
    const page: SitePage = { file, url: result.url, kind: shape.kind, prefix: place.language.prefix };
    if (!this.index.pagesByFile.has(file)) this.index.pagesByFile.set(file, page);
    this.addContentPath(place.language.key, place.rel, shape.bundle, page);
    this.addPageKey(result.url, page);
    if (shape.kind === 'page' && this.settings.uglyURLs(shape.dirs[0] ?? '')) this.addPageKey(`${result.url.replace(/\/$/, '')}.html`, page);
    // Where Hugo may serve it instead (its slug hangs on what cannot be known here): links there are not broken either.
    for (const other of others) {
      if ('url' in other) this.addPageKey(other.url, page);
      else this.noteUncertainUrl(file, other);
    }
    this.otherUrls.set(page, others.flatMap((other) => ('url' in other ? [other.url] : [])));
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

  /** What the file's front matter says of its URL: remembered (`PageInputs`), or read; undefined when it cannot be read. */
  private async urlDataOf(file: string, keys: string[]): Promise<UrlData | undefined> {
    const recalled = this.inputs?.recall(file, keys);
    if (recalled) return recalled;
    const text = await this.workspace.readFile(file);
    if (text === undefined) return undefined;
    const data = urlData(text, keys);
    this.inputs?.remember(file, keys, data);
    return data;
  }

  /** A page whose URL depends on what cannot be read here: links that may lead there are not verified. */
  private noteUncertainUrl(file: string, result: PageUrl): void {
    const why = `the URL of ${quoted(relative(this.site.root, file), Infinity)} depends on what cannot be read here (a date, slug or title missing or unreadable, or the file's time or git date)`;
    this.index.uncertain.push({ path: pathKey('url' in result ? result.url : result.uncertainPath), reason: why });
  }

  private addPageKey(path: string, page: SitePage): void {
    const key = pathKey(path);
    if (!this.index.pages.has(key)) this.index.pages.set(key, page);
  }

  /** The page under its content path (`blog/trip`, and a bundle's folder), where a render hook's `GetPage` looks. */
  private addContentPath(language: string, rel: string, bundle: boolean, page: SitePage): void {
    const stem = rel.slice(0, rel.length - (contentExtension(rel)?.length ?? 0)).toLowerCase();
    const paths = bundle ? [stem, dirname(stem) === '.' ? '' : dirname(stem)] : [stem];
    for (const path of paths) if (!this.index.pagesByContentPath.has(`${language}:${path}`)) this.index.pagesByContentPath.set(`${language}:${path}`, page);
  }
}
