/**
 * The local addresses the site's own menus link to: the `menus` (or `menu`) of its config,
 * for every language. A menu entry is the site's authors saying a page is there. When the
 * checkout has none, a build step most likely makes it (a page a script copies in that no
 * `.gitignore` names): links there are "not verified", not broken. Hugo does not check
 * menus, so a menu entry to a page that is really gone would be broken too; the reason
 * given says where the address came from, for a reader to judge.
 */
import { contentExtension, isRecord, pageShape, pageUrl, pathKey, setting, withoutBasePath, type Language, type UrlSettings } from './hugo-urls';
import { quoted } from '../text/quote';
import { withoutQueryOrFragment } from './redirects';
import type { Site } from './site';

/** Path key → why a page is taken to be there, for every local address a menu of the site links to. */
export function menuTargets(site: Site, settings: UrlSettings): Map<string, string> {
  const targets = new Map<string, string>();
  const languages = setting(site.config, 'languages');
  const scopes: [unknown, Language][] = [[site.config, settings.defaultLanguage]];
  for (const language of settings.languages) scopes.push([setting(languages, language.key), language]);
  for (const [scope, language] of scopes) {
    for (const [menu, entries] of menusOf(scope)) {
      const reason = `the site's ${quoted(menu, 40)} menu links to it, so a page is probably made there at build time`;
      for (const entry of entries) {
        const key = entryKey(entry, language, settings);
        if (key !== undefined && !targets.has(key)) targets.set(key, reason);
      }
    }
  }
  return targets;
}

/** The menus a config scope (the site, or one language) defines, by name: Hugo takes `menu` for `menus`. */
function menusOf(scope: unknown): [string, unknown[]][] {
  const menus: [string, unknown[]][] = [];
  for (const key of ['menus', 'menu']) {
    const defined = setting(scope, key);
    if (!isRecord(defined)) continue;
    for (const [name, entries] of Object.entries(defined)) menus.push([name, Array.isArray(entries) ? entries : [entries]]);
  }
  return menus;
}

/**
 * Where a menu entry leads, as a path key: its `pageRef` (a content path, which Hugo looks
 * up first) where the page would be served, else its `url` when it is a path from the
 * site root. Undefined for other sites and relative URLs.
 */
function entryKey(entry: unknown, language: Language, settings: UrlSettings): string | undefined {
  const pageRef = setting(entry, 'pageRef');
  if (typeof pageRef === 'string' && pageRef.trim() !== '') return pageRefKey(pageRef.trim(), language, settings);
  const url = setting(entry, 'url');
  if (typeof url !== 'string' || !url.startsWith('/') || url.startsWith('//')) return undefined;
  // Hugo puts the path of `baseURL` before a menu's root-relative URL; links are looked up without it.
  return withoutBasePath(pathKey(withoutQueryOrFragment(url)), settings.basePath);
}

/** Where the page a `pageRef` names is served when its front matter moves nothing (`/support` → `support.md`). */
function pageRefKey(pageRef: string, language: Language, settings: UrlSettings): string | undefined {
  const path = withoutQueryOrFragment(pageRef).replace(/^\/+|\/+$/g, '');
  if (path === '') return pathKey(`${language.prefix}/`);
  const rel = contentExtension(path) ? path : `${path}.md`;
  const result = pageUrl({ language, rel }, pageShape(rel), {}, settings);
  return 'url' in result ? pathKey(result.url) : undefined;
}
