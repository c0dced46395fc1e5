/**
 * The links and images of a post that point into its own site, and where each
 * lands: shared by `link-broken-local` (does the target exist?) and
 * `link-broken-fragment` (does the `#fragment` exist on it?).
 */
import { isMarkdownPath } from '../../../schemas/markdown-files';
import { contentExtension } from '../site/hugo-urls';
import { classifyUrl, type LinkTarget } from './link-targets';
import { basename, dirname, join, normalize, relative } from '../site/paths';
import type { RedirectMatch } from '../site/redirects';
import type { Post } from '../rule';
import type { Site } from '../site/site';
import type { SitePage, SitePages } from '../site/site-pages';
import type { Workspace } from '../types';
import { decodeEntities } from '../markdown/entities';
import { looksLikeHost } from './hosts';
import { isEmailAddress, uniqueTargets } from './url-parts';

export interface LocalLink {
  target: LinkTarget;
  /** `site`: from the site root (or the site's own baseURL); `relative`: from the post. */
  kind: 'site' | 'relative';
  /** The path, percent-decoded, without query or fragment. */
  path: string;
  fragment?: string;
  /** Written as a full URL (`https://example.org/…`), which render hooks leave alone. */
  absolute: boolean;
}

/**
 * Addresses of other sites written without a scheme (`www.example.org/x`,
 * `team@example.org`) are link-no-scheme's to report, with the right advice.
 */
function writtenWithoutScheme(path: string): boolean {
  return isEmailAddress(path) || looksLikeHost(path);
}

/** A host without `www.`, port or user, lower-cased: how the site's own links are told from others. */
function bareHost(authority: string): string {
  let host = authority.toLowerCase();
  const at = host.lastIndexOf('@');
  if (at !== -1) host = host.slice(at + 1);
  const port = host.lastIndexOf(':');
  if (port !== -1 && !host.endsWith(']')) host = host.slice(0, port);
  return host.startsWith('www.') ? host.slice(4) : host;
}

const hosts = new WeakMap<Site, string | undefined>();

function siteHost(site: Site): string | undefined {
  if (!hosts.has(site)) {
    const match = site.baseURL ? /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(site.baseURL.trim()) : null;
    hosts.set(site, match ? bareHost(match[1]) : undefined);
  }
  return hosts.get(site);
}

const ABSOLUTE = /^\s*(?:[a-z][a-z0-9+.-]*:)?\/\/([^/?#]*)/i;
const SCHEME = /^\s*[a-z][a-z0-9+.-]*:/i;

/**
 * How a target reads, with GFM's bare and autolinked addresses taken as the browser
 * gets them. Most links go to other sites: they are told apart by their host alone,
 * before any URL parsing.
 */
/**
 * The destination as the browser gets it: Goldmark decodes backslash escapes and
 * character references in a Markdown destination (`#valid\_heading` is
 * `#valid_heading`), HTML decodes references in an attribute; a shortcode's
 * parameter reaches its template as written.
 */
export function destinationAsPublished(target: LinkTarget): string {
  const source = target.link?.source ?? target.image?.source;
  if (source === 'markdown' || source === 'reference') return decodeEntities(target.url.replace(/\\([!-/:-@[-`{-~])/g, '$1'));
  return source === 'html' ? decodeEntities(target.url) : target.url;
}

function classify(target: LinkTarget, site: Site) {
  let url = destinationAsPublished(target);
  const source = target.link?.source;
  if ((source === 'bare' || source === 'autolink') && !SCHEME.test(url)) {
    // Without a scheme, these are e-mail addresses (mailto:) or GFM's `www.` links (http://).
    if (!url.toLowerCase().startsWith('www.')) return undefined;
    url = `http://${url}`;
  }
  const absolute = ABSOLUTE.exec(url);
  if (absolute ? bareHost(absolute[1]) !== siteHost(site) : SCHEME.test(url)) return undefined;
  // The baseURL only matters to full URLs; without it, paths are classified without URL parsing.
  return classifyUrl(url, absolute ? site.baseURL : undefined);
}

const cache = new WeakMap<Post, LocalLink[]>();

/** Every link and image of the post that points into the site, with a fragment or not; a shared definition once. */
export function localLinks(post: Post, site: Site): LocalLink[] {
  let links = cache.get(post);
  if (links) return links;
  links = [];
  for (const target of uniqueTargets(post.body)) {
    const classified = classify(target, site);
    if (!classified || (classified.kind !== 'site' && classified.kind !== 'relative') || classified.path === undefined) continue;
    if (classified.kind === 'relative' && writtenWithoutScheme(classified.path)) continue;
    const absolute = ABSOLUTE.test(target.url) || target.link?.source === 'bare';
    links.push({ target, kind: classified.kind, path: classified.path, fragment: classified.fragment, absolute });
  }
  cache.set(post, links);
  return links;
}

export type LocalResolution =
  /** `unverified`: the target may exist, but not on disk here (see `Resolution`). */
  | { found: true; page?: SitePage; unverified?: string }
  | {
      found: false;
      /** What was looked for: a path from the site root, or (for `.md` links) a file from the site root. */
      looked: string;
      isFile: boolean;
      redirect?: RedirectMatch;
      /** For a relative link: the URL of the post it was resolved against. */
      base?: string;
      /** A relative target that exists as a file next to the post, though Hugo does not publish it there. */
      besidePost?: boolean;
    };

/** Shortcodes resolve their sources their own way: page resources and the assets folder count too. */
function shortcodeFinds(pages: SitePages, post: Post, link: LocalLink): boolean {
  const source = link.target.link?.source ?? link.target.image?.source;
  if (source !== 'shortcode') return false;
  return pages.hasAsset(link.path) || (link.kind === 'relative' && pages.hasContentFile(join(dirname(post.path), link.path)));
}

/**
 * Hugo's embedded render hooks (and most sites' own) look a Markdown destination up
 * as Hugo content before writing it out: a page by content path (links only), a
 * resource of the post's bundle, a file of `assets/`. A page by content path that a
 * build step writes is not here to find: the link is not verified.
 */
function renderHookFinds(pages: SitePages, post: Post, link: LocalLink): LocalResolution | undefined {
  const { target } = link;
  const isLink = target.link !== undefined && (target.link.source === 'markdown' || target.link.source === 'reference');
  const isImage = target.image?.source === 'markdown';
  if (link.absolute || (!(isLink && pages.renderHooks.link) && !(isImage && pages.renderHooks.image))) return undefined;
  const page = isLink ? pages.pageByContentPath(post.path, link.path) : undefined;
  if (page) return { found: true, page };
  const isBundle = /^_?index\.[^/]+$/i.test(basename(post.path));
  const resource = isBundle && link.kind === 'relative' && pages.hasContentFile(join(dirname(post.path), link.path));
  if (resource || pages.hasAsset(link.path)) return { found: true };
  const unverified = isLink ? pages.generatedByContentPath(post.path, link.path) : undefined;
  return unverified ? { found: true, unverified } : undefined;
}

/** A link to a Markdown file (`.md`, `.mdown`, `.markdown`) names a content file, relative to the post (or to a content folder when it starts with `/`). */
async function resolveMarkdownFile(pages: SitePages, workspace: Workspace, post: Post, link: LocalLink): Promise<LocalResolution> {
  const files = link.kind === 'relative' ? [normalize(join(dirname(post.path), link.path))] : filesInMounts(pages, link.path);
  for (const file of files) {
    if (pages.hasContentFile(file) || (await workspace.stat(file)) === 'file') return { found: true, page: pages.pageOfFile(file) };
  }
  for (const file of files) {
    const unverified = pages.generatedReason(file);
    if (unverified) return { found: true, unverified };
  }
  return { found: false, looked: relative(pages.site.root, files[0] ?? link.path), isFile: true };
}

/** The files a path from the content tree's root may be, one per mount whose place holds it. */
function filesInMounts(pages: SitePages, path: string): string[] {
  const inTree = normalize(path).replace(/^\/+/, '');
  const files = pages.settings.mounts.flatMap(({ source, target }) => {
    if (target === '') return [join(source, inTree)];
    return inTree.startsWith(`${target}/`) ? [join(source, inTree.slice(target.length + 1))] : [];
  });
  return [...new Set(files)];
}

/** Where a local link lands on the built site. */
export async function resolveLocal(pages: SitePages, workspace: Workspace, post: Post, link: LocalLink): Promise<LocalResolution> {
  if (isMarkdownPath(link.path)) {
    const byFile = await resolveMarkdownFile(pages, workspace, post, link);
    if (byFile.found || link.kind === 'relative') return byFile;
  }
  if (link.kind === 'relative' && link.path === '') return { found: true, page: pages.pageOfFile(post.path) };
  let path = link.path;
  let base: string | undefined;
  if (link.kind === 'relative') {
    base = pages.urlOf(post.path, post.frontMatter?.data);
    // Outside the content folders there is no page URL to resolve against: only the file can tell.
    if (base === undefined) return resolveMarkdownFile(pages, workspace, post, link);
    path = join(base.endsWith('/') ? base : dirname(base), link.path);
  }
  const resolution = pages.resolve(path);
  if (resolution.found) return { found: true, page: resolution.page, unverified: resolution.unverified };
  if (shortcodeFinds(pages, post, link)) return { found: true };
  const hooked = renderHookFinds(pages, post, link);
  if (hooked) return hooked;
  const besidePost = link.kind === 'relative' && contentExtension(link.path) === undefined && pages.hasContentFile(join(dirname(post.path), link.path));
  return { found: false, looked: path, isFile: false, redirect: resolution.redirect, base, besidePost };
}
