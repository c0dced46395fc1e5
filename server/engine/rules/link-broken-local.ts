import { globMatcher } from '../../../schemas/globs';
import { globString } from '../../../schemas/site-paths';
import { z } from '../../../schemas/zod';
import { pathKey } from '../site/hugo-urls';
import { looksLikeHost } from '../links/hosts';
import { localLinks, resolveLocal, type LocalLink, type LocalResolution } from '../links/local-links';
import { relative } from '../site/paths';
import { defineRule, type FixSpec } from '../rule';
import { withoutQueryOrFragment } from '../site/redirects';
import { sitePagesOf, type SitePages } from '../site/site-pages';
import { quoted } from '../text/quote';

type Missing = Extract<LocalResolution, { found: false }>;

// Compiling globs costs more than matching them: once per list of globs. They run on
// RE2 (schemas/globs.ts): the config and the links' text both come with a pull request.
const ignoreMatchers = new Map<string, (path: string) => boolean>();

function ignoreMatcher(globs: string[]): (path: string) => boolean {
  // Stryker disable next-line ArrowFunction: the matcher's answer is only read as true or false, so undefined works as false
  if (globs.length === 0) return () => false;
  const id = JSON.stringify(globs);
  let matcher = ignoreMatchers.get(id);
  // Stryker disable next-line ConditionalExpression: compiling again gives the same matcher; the cache only saves time
  if (!matcher) {
    const test = globMatcher(globs.map((glob) => glob.replace(/^\/+/, '')), { caseInsensitive: true });
    // Globs are written from the site root, with or without the leading slash.
    ignoreMatchers.set(id, (matcher = (path) => test(path.replace(/^\/+/, '')) || test(path.replace(/^\/+/, '').replace(/\/$/, ''))));
  }
  return matcher;
}

/**
 * Pages, files and rules the rest of a message names: in full as a rule, so that the reader
 * can find them; shortened in the middle only past this length.
 */
const DETAIL = 80;

/**
 * The first sentence: the link, and that nothing is there. A link from the site root is
 * the path itself; other links lead somewhere the next sentence names.
 */
function opening(link: LocalLink, missing: Missing, looksLikeFile: boolean): string {
  const url = link.target.url.trim();
  if (missing.besidePost) return `${quoted(url, 60)} leads where nothing is published.`;
  if (url.startsWith('/') && !missing.redirect) {
    return looksLikeFile
      ? `No file of ${quoted('static/')} or of a page bundle is served at ${quoted(url, 42)}.`
      : `No page of this site is served at ${quoted(url, 60)}.`;
  }
  return looksLikeFile ? `${quoted(url, 44)} leads to no file of ${quoted('static/')} or of a page bundle.` : `${quoted(url, 60)} leads to no page of this site.`;
}

/**
 * Where the link leads, when that is not plain from how it is written: from a relative
 * link, and from a full URL whose path is written otherwise (percent-encoded).
 */
function destination(link: LocalLink, missing: Missing): string {
  if (missing.base !== undefined) return ` From this page (${quoted(missing.base, DETAIL)}), it leads to ${quoted(missing.looked, DETAIL)}.`;
  const url = link.target.url.trim();
  return url.startsWith('/') || url.includes(missing.looked) ? '' : ` Its path on this site is ${quoted(missing.looked, DETAIL)}.`;
}

/** Where the writer most likely meant to link: the address, and the advice that names it (in full: it is what to write). */
function hint(pages: SitePages, key: string): { suggestion: string; text: string } | undefined {
  const suggestion = pages.suggestion(key);
  if (suggestion === undefined) return undefined;
  const address = quoted(suggestion, Infinity);
  const page = pages.pageOfUrl(suggestion);
  if (page) return { suggestion, text: `The page made from ${quoted(relative(pages.site.root, page.file), DETAIL)} is served at ${address}: link there.` };
  const sameName = suggestion.split('/').pop()!.toLowerCase() === key.split('/').pop();
  return { suggestion, text: sameName ? `A file of that name is served at ${address}: link to it.` : `A file named like it is served at ${address}: link to it, or rename the file.` };
}

/** Characters an address may hold in any of the places a link is written (Markdown, HTML, shortcodes) without being escaped there. */
const PLAIN_ADDRESS = /^[A-Za-z0-9\-._~/%:@!$&*+,;=?#]*$/;

/**
 * "Change the link to …": the address the advice names, written as the link was (with
 * the site's own scheme and host when it had them, its query and fragment kept). Never
 * applied by `--fix`: it changes where a link leads, which a person must check.
 */
function changeTo(link: LocalLink, suggestion: string): FixSpec[] {
  const url = link.target.url.trim();
  const origin = link.absolute ? (/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(url)?.[0] ?? '') : '';
  const address = `${origin}${suggestion}${url.slice(withoutQueryOrFragment(url).length)}`;
  if (!PLAIN_ADDRESS.test(address)) return [];
  return [{ title: `Change the link to ${quoted(address, 60)}`, edits: [{ span: link.target.urlSpan, newText: address }], safe: false, preferred: true }];
}

/** `/www.example.org/x`: an address of another site with a stray slash in front. */
function elsewhere(link: LocalLink): string | undefined {
  const path = link.path.replace(/^\/+/, '');
  return link.kind === 'site' && link.target.url.trim().startsWith('/') && looksLikeHost(path)
    ? `It looks like an address on another site: write ${quoted(`https://${path}`, Infinity)}.`
    : undefined;
}

/** What the finding says, and the fix its advice names, if any. */
function finding(pages: SitePages, link: LocalLink, missing: Missing): { message: string; fixes: FixSpec[] } {
  if (missing.isFile) {
    const url = link.target.url.trim();
    return { message: `${quoted(url, 56)} points to a file that does not exist. It names ${quoted(missing.looked, DETAIL)}: check the file name and its folder.`, fixes: [] };
  }
  const key = pathKey(missing.redirect ? withoutQueryOrFragment(missing.redirect.target) : missing.looked);
  const looksLikeFile = /\.[a-z0-9]+$/i.test(key);
  let detail = '';
  if (missing.redirect) {
    const { redirect, target } = missing.redirect;
    const source = quoted(redirect.source, DETAIL);
    const nothing = looksLikeFile ? 'no file is served there' : 'no page is served there';
    detail =
      redirect.status >= 400
        ? ` ${source} answers it with a ${redirect.status} (${quoted(redirect.from, DETAIL)}).`
        : ` ${source} redirects it (${quoted(redirect.from, DETAIL)} \u2192 ${quoted(redirect.to, DETAIL)}) to ${quoted(target, DETAIL)}, and ${nothing}.`;
  } else if (missing.besidePost) {
    detail = ` The file sits next to the post, but Hugo publishes a post\u2019s files only when the post is a page bundle (a folder with ${quoted('index.md')}).`;
  }
  const fallback = looksLikeFile
    ? 'Check the path, or add the file.'
    : `Check the address against the page\u2019s file name or its ${quoted('url')}, ${quoted('slug')} and ${quoted('aliases')}.`;
  const found = hint(pages, key);
  return {
    message: `${opening(link, missing, looksLikeFile)}${destination(link, missing)}${detail} ${found?.text ?? elsewhere(link) ?? fallback}`,
    fixes: found ? changeTo(link, found.suggestion) : [],
  };
}

/** A link or image to a page or file of the site that the built site does not have. */
export default defineRule({
  meta: {
    id: 'link-broken-local',
    description: 'A link or image to a page or file of this site that does not exist.',
    defaultSeverity: 'error',
    fixable: 'editor',
  },
  options: z
    .object({
      ignore: z
        .array(globString('A link target: a path from the site root, or a glob.'))
        .default([])
        .describe('Link targets (paths from the site root, globs allowed) never to report, such as pages other tools generate.'),
    })
    .strict(),
  async check(context) {
    const { post, site, options, workspace, report } = context;
    const links = localLinks(post, site);
    if (links.length === 0) return;
    const pages = await sitePagesOf(context);
    const ignored = ignoreMatcher(options.ignore);
    for (const link of links) {
      // Outside a Hugo site there is no root to resolve `/path` against.
      if (site.loose && link.kind === 'site') continue;
      const resolution = await resolveLocal(pages, workspace, post, link);
      if (resolution.found && resolution.unverified) context.unverified(link.target.urlSpan, resolution.unverified);
      if (resolution.found || ignored(resolution.looked)) continue;
      report({ span: link.target.urlSpan, ...finding(pages, link, resolution) });
    }
  },
});
