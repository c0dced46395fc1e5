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

/** The link, and where it leads when that is not plain from how it is written. */
function subject(link: LocalLink, missing: Missing): string {
  const url = link.target.url.trim();
  if (missing.isFile) return `\`${url}\` points to \`${missing.looked}\``;
  if (missing.base !== undefined) return `\`${url}\` leads from this page (\`${missing.base}\`) to \`${missing.looked}\``;
  return url.startsWith('/') ? `\`${url}\`` : `\`${url}\` is this site's \`${missing.looked}\``;
}

/** Where the writer most likely meant to link: the address, and the advice that names it. */
function hint(pages: SitePages, key: string): { suggestion: string; text: string } | undefined {
  const suggestion = pages.suggestion(key);
  if (suggestion === undefined) return undefined;
  const page = pages.pageOfUrl(suggestion);
  if (page) return { suggestion, text: `The page made from \`${relative(pages.site.root, page.file)}\` is served at \`${suggestion}\`: link there.` };
  const sameName = suggestion.split('/').pop()!.toLowerCase() === key.split('/').pop();
  return { suggestion, text: sameName ? `A file of that name is served at \`${suggestion}\`: link to it.` : `A file named like it is served at \`${suggestion}\`: link to it, or rename the file.` };
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
  return [{ title: `Change the link to \`${address}\``, edits: [{ span: link.target.urlSpan, newText: address }], safe: false, preferred: true }];
}

/** `/www.example.org/x`: an address of another site with a stray slash in front. */
function elsewhere(link: LocalLink): string | undefined {
  const path = link.path.replace(/^\/+/, '');
  return link.kind === 'site' && link.target.url.trim().startsWith('/') && looksLikeHost(path)
    ? `It looks like an address on another site: write \`https://${path}\`.`
    : undefined;
}

/** What the finding says, and the fix its advice names, if any. */
function finding(pages: SitePages, link: LocalLink, missing: Missing): { message: string; fixes: FixSpec[] } {
  const what = subject(link, missing);
  if (missing.isFile) return { message: `${what}, which does not exist: check the file name and its folder.`, fixes: [] };
  const key = pathKey(missing.redirect ? withoutQueryOrFragment(missing.redirect.target) : missing.looked);
  const looksLikeFile = /\.[a-z0-9]+$/i.test(key);
  const nothing = looksLikeFile ? 'no file of `static/` or of a page bundle is served there' : 'no page of this site is served there';
  let problem: string;
  if (missing.redirect) {
    const { redirect, target } = missing.redirect;
    problem =
      redirect.status >= 400
        ? `${what}: \`${redirect.source}\` answers it with a ${redirect.status} (\`${redirect.from}\`)`
        : `${what}: \`${redirect.source}\` redirects it (\`${redirect.from}\` → \`${redirect.to}\`) to \`${target}\`, and ${nothing}`;
  } else if (missing.besidePost) {
    problem = `${what}, where nothing is published: the file sits next to the post, but Hugo publishes a post's files only when the post is a page bundle (a folder with \`index.md\`)`;
  } else problem = `${what}: ${nothing}`;
  const fallback = looksLikeFile ? 'Check the path, or add the file.' : "Check the address against the page's file name or its `url`, `slug` and `aliases`.";
  const found = hint(pages, key);
  return { message: `${problem}. ${found?.text ?? elsewhere(link) ?? fallback}`, fixes: found ? changeTo(link, found.suggestion) : [] };
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
