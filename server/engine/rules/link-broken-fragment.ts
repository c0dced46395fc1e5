import { setting, textSetting } from '../site/hugo-urls';
import { classifyUrl, type LinkTarget } from '../links/link-targets';
import { destinationAsPublished, localLinks, resolveLocal } from '../links/local-links';
import { relative } from '../site/paths';
import { defineRule, type Post, type Problem } from '../rule';
import type { Site } from '../site/site';
import { anchorsOfBody, sitePagesOf, type PageAnchors, type SitePage } from '../site/site-pages';
import { codeBlockIds, siteHighlightSettings } from '../site/code-line-anchors';
import { quoted } from '../text/quote';
import { closest } from '../text/suggest';
import { uniqueTargets } from '../links/url-parts';
import { layoutFacts } from '../site/layout-templates';

/**
 * The body parser makes heading ids the way Goldmark's default `github` style does;
 * a site that picks another style or renderer gets ids Postlint cannot know.
 */
const known = new WeakMap<Site, boolean>();

function idsAreKnown(site: Site): boolean {
  let value = known.get(site);
  // Stryker disable next-line ConditionalExpression: reading the config again gives the same answer; the cache only saves time
  if (value === undefined) known.set(site, (value = readsGithubIds(site)));
  return value;
}

function readsGithubIds(site: Site): boolean {
  const markup = setting(site.config, 'markup');
  const handler = textSetting(markup, 'defaultMarkdownHandler', 'goldmark');
  const type = setting(setting(setting(markup, 'goldmark'), 'parser'), 'autoHeadingIDType');
  return handler.toLowerCase() === 'goldmark' && (type === undefined || type === 'github');
}

/** Fragments that work on any page: `#top` (the HTML standard scrolls to the top) and Goldmark's footnote ids. */
function alwaysThere(fragment: string): boolean {
  return fragment.toLowerCase() === 'top' || /^fn(ref\d*)?:/.test(fragment);
}

function matches(anchors: PageAnchors, fragment: string): boolean {
  return anchors.ids.has(fragment) || anchors.shortcodeValues.has(fragment) || alwaysThere(fragment);
}

/** The fragment as written in the post, to replace it; undefined when the URL is not written as read. */
function fragmentSpan(post: Post, target: LinkTarget) {
  const { start, end } = target.urlSpan;
  const raw = post.text.slice(start, end);
  const hash = raw.indexOf('#');
  return raw === target.url && hash >= 0 ? { start: start + hash + 1, end } : undefined;
}

/** The heading id a fragment most likely meant, among a page's. */
type Suggest = (fragment: string, anchors: PageAnchors) => string | undefined;

/**
 * Suggestions worked out once per fragment and page: each weighs every heading id of
 * the page, and a post may repeat one broken link as often as it has headings (900
 * of each took 8 s).
 */
function suggester(): Suggest {
  const found = new Map<PageAnchors, Map<string, string | undefined>>();
  return (fragment, anchors) => {
    let byFragment = found.get(anchors);
    if (!byFragment) found.set(anchors, (byFragment = new Map()));
    if (!byFragment.has(fragment)) byFragment.set(fragment, closest(fragment, anchors.ids));
    return byFragment.get(fragment);
  };
}

/** The page a fragment was looked for on: this post, or another page of the site (its URL and its file). */
type Where = { url: string; file: string } | 'this post';

function problem(post: Post, target: LinkTarget, fragment: string, anchors: PageAnchors, where: Where, suggest: Suggest): Problem {
  const suggestion = suggest(fragment, anchors);
  const span = fragmentSpan(post, target);
  const page = where === 'this post' ? 'this post' : 'the page it links to';
  const which = where === 'this post' ? '' : ` That page is ${quoted(where.url, 100)}, made from ${quoted(where.file, 100)}.`;
  const advice = suggestion
    ? ` Did you mean ${quoted(`#${suggestion}`, Infinity)}?`
    : ` Link to one of its heading ids (Hugo makes them from the heading\u2019s text: ${quoted('## Next steps')} gets ${quoted('#next-steps')}), or give the heading an explicit id with ${quoted('{#name}')}.`;
  return {
    span: target.urlSpan,
    message: `${quoted(`#${fragment}`, where === 'this post' ? 56 : 44)} names no heading or anchor of ${page}.${which}${advice}`,
    fixes:
      suggestion && span
        ? [{ title: `Change the fragment to ${quoted(`#${suggestion}`, 60)}`, edits: [{ span, newText: suggestion }], safe: false, preferred: true }]
        : [],
  };
}

/** A `#fragment` link whose target page has no heading or anchor of that id. */
export default defineRule({
  meta: {
    id: 'link-broken-fragment',
    description: 'A `#fragment` that names no heading or anchor of the page it links to.',
    defaultSeverity: 'warning',
    fixable: 'editor',
  },
  async check(context) {
    const { post, site, workspace, siteCache } = context;
    if (!idsAreKnown(site)) return;
    // An id a layout writes (`<body id="docs">`) is one of every page's: looked up only for a fragment found nowhere else.
    const report = async (found: Problem, fragment: string) => {
      if (!(await layoutFacts(siteCache, workspace, site)).ids.has(fragment)) context.report(found);
    };
    let own: PageAnchors | undefined;
    const ownAnchors = () => (own ??= anchorsOfBody(post.body, codeBlockIds(post.text, post.body, siteHighlightSettings(site.config))));
    const suggest = suggester();

    for (const target of uniqueTargets(post.body)) {
      // Stryker disable next-line StringLiteral: classifyUrl below calls a URL a fragment only when it starts with `#`, so this test only saves time
      if (!target.link || !target.url.trimStart().startsWith('#')) continue;
      const classified = classifyUrl(destinationAsPublished(target), site.baseURL);
      if (classified.kind !== 'fragment' || !classified.fragment) continue;
      if (!matches(ownAnchors(), classified.fragment)) await report(problem(post, target, classified.fragment, ownAnchors(), 'this post', suggest), classified.fragment);
    }

    const withFragments = localLinks(post, site).filter((link) => link.target.link && link.fragment);
    if (withFragments.length === 0) return;
    const pages = await sitePagesOf(context);
    for (const link of withFragments) {
      const fragment = link.fragment!;
      if (site.loose && link.kind === 'site') continue;
      const resolution = await resolveLocal(pages, workspace, post, link);
      // A missing page is link-broken-local's to report; list pages get ids from their layout, unseen here.
      const page: SitePage | undefined = resolution.found ? resolution.page : undefined;
      if (!page || page.kind !== 'page') continue;
      if (page.file === post.path) {
        if (!matches(ownAnchors(), fragment)) await report(problem(post, link.target, fragment, ownAnchors(), 'this post', suggest), fragment);
        continue;
      }
      const anchors = await pages.anchorsOf(page);
      if (anchors && !matches(anchors, fragment)) {
        await report(problem(post, link.target, fragment, anchors, { url: page.url, file: relative(site.root, page.file) }, suggest), fragment);
      }
    }
  },
});
