import type { BodyModel, ImageRef, LinkRef } from '../markdown';
import type { Span } from '../types';

/**
 * What a URL in a post points at, decided once for every link rule:
 * - `external`: another site (`https://…`, `//host/…`);
 * - `site`: a page or file of this site, by root-relative path or by the site's own baseURL;
 * - `relative`: a path relative to the post (`../other-post/`, `image.png`);
 * - `fragment`: only `#anchor`, on the same page;
 * - `scheme`: mailto:, tel: and other non-web schemes;
 * - `template`: built by Hugo (a shortcode or template inside the URL): never checked;
 * - `empty`: nothing at all.
 */
export type UrlKind = 'external' | 'site' | 'relative' | 'fragment' | 'scheme' | 'template' | 'empty';

export interface ClassifiedUrl {
  kind: UrlKind;
  /** For `site` and `relative`: the path part, without query and fragment, percent-decoded. */
  path?: string;
  /** The fragment without `#`, percent-decoded, when there is one. */
  fragment?: string;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function splitFragment(url: string): { beforeHash: string; fragment?: string } {
  const hash = url.indexOf('#');
  if (hash === -1) return { beforeHash: url };
  return { beforeHash: url.slice(0, hash), fragment: decode(url.slice(hash + 1)) };
}

function pathOf(beforeHash: string): string {
  const query = beforeHash.indexOf('?');
  return decode(query === -1 ? beforeHash : beforeHash.slice(0, query));
}

/** Classifies a URL as written in a post; `baseURL` is the site's production baseURL. */
export function classifyUrl(url: string, baseURL: string | undefined): ClassifiedUrl {
  const trimmed = url.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (trimmed.includes('{{')) return { kind: 'template' };
  const { beforeHash, fragment } = splitFragment(trimmed);
  if (beforeHash === '') return { kind: 'fragment', fragment };
  const own = baseURL ? ownSitePath(beforeHash, baseURL) : undefined;
  if (own !== undefined) return { kind: 'site', path: pathOf(own), fragment };
  if (trimmed.startsWith('//')) return { kind: 'external' };
  if (/^https?:/i.test(trimmed)) return { kind: 'external' };
  if (SCHEME.test(trimmed)) return { kind: 'scheme' };
  if (trimmed.startsWith('/')) return { kind: 'site', path: pathOf(beforeHash), fragment };
  return { kind: 'relative', path: pathOf(beforeHash), fragment };
}

/** The root-relative path of a URL on the site's own host (http or https, with or without www.), else undefined. */
function ownSitePath(url: string, baseURL: string): string | undefined {
  let base: URL;
  let target: URL;
  try {
    base = new URL(baseURL);
    target = new URL(url);
  } catch {
    return undefined;
  }
  if (!/^https?:$/.test(target.protocol)) return undefined;
  const bare = (host: string) => host.toLowerCase().replace(/^www\./, '');
  if (bare(target.hostname) !== bare(base.hostname)) return undefined;
  return `${target.pathname}${target.search}`;
}

/** A link-like place in a post: a link, or an image's source. */
export interface LinkTarget {
  url: string;
  urlSpan: Span;
  span: Span;
  link?: LinkRef;
  image?: ImageRef;
}

/** Every URL of the body that a reader or the browser follows: links, then image sources. */
export function linkTargets(body: BodyModel): LinkTarget[] {
  const targets: LinkTarget[] = body.links.map((link) => ({ url: link.url, urlSpan: link.urlSpan, span: link.span, link }));
  for (const image of body.images) targets.push({ url: image.src, urlSpan: image.srcSpan, span: image.span, image });
  return targets;
}
