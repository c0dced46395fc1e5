import type { LinkTarget } from '../links/link-targets';
import { defineRule } from '../rule';
import { looksLikeHost } from '../links/hosts';
import { isTemplated, uniqueTargets, writtenUrlSpan } from '../links/url-parts';
import { quoted } from '../text/quote';

const EMAIL = /^[^\s/:@?#]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i;

/** What to put in front of the URL, when it is an address written without its scheme. */
function missingScheme(url: string): 'https://' | 'mailto:' | undefined {
  // Stryker disable next-line ConditionalExpression,StringLiteral: an empty URL is neither an e-mail address nor a host, so this shortcut only saves time
  if (url === '') return undefined;
  // Stryker disable next-line ConditionalExpression,Regex: a scheme's colon comes before any `/`, `?`, `#` or `@`, where neither an e-mail address nor a host name allows one, so past the anchor this shortcut only saves time
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return undefined;
  if (/^[/.#?]/.test(url)) return undefined;
  if (EMAIL.test(url)) return 'mailto:';
  return looksLikeHost(url) ? 'https://' : undefined;
}

/**
 * Only written destinations count: GFM links a bare `www.` address in prose with
 * http:// itself, and `<www.…>` is no link at all.
 */
function isDestination(target: LinkTarget): boolean {
  const source = target.link?.source;
  return source !== 'bare' && source !== 'autolink';
}

/** Without a scheme a browser reads `www.example.org/x` as a page under the post's own address. */
export default defineRule({
  meta: {
    id: 'link-no-scheme',
    description: 'A link to another site must start with `https://` (or `mailto:` for an e-mail address).',
    defaultSeverity: 'error',
    fixable: 'safe',
  },
  check({ post, report }) {
    for (const target of uniqueTargets(post.body)) {
      if (!isDestination(target) || isTemplated(target.url)) continue;
      const url = target.url.trim();
      const scheme = missingScheme(url);
      if (scheme === undefined) continue;
      const span = writtenUrlSpan(target);
      report({
        span,
        message:
          scheme === 'mailto:'
            ? `${quoted(url, 54)} has no ${quoted('mailto:')}, so it is a relative link. It leads to a page that does not exist: write ${quoted(`mailto:${url}`, Infinity)}.`
            : `${quoted(url, 56)} has no scheme, so it is a relative link. The browser looks for it under this post\u2019s own address: add ${quoted('https://')} in front.`,
        fixes: [{ title: `Add ${quoted(scheme)}`, edits: [{ span: { start: span.start, end: span.start }, newText: scheme }], safe: true, preferred: true }],
      });
    }
  },
});
