import type { FixSpec, Problem } from '../rule';
import { defineRule } from '../rule';
import type { Span } from '../types';
import { isEmailAddress } from '../links/url-parts';
import { quoted } from '../text/quote';

/**
 * `<https://…>` renders exactly as the bare URL does, but any CommonMark renderer
 * links it, and its end is written rather than guessed. A bare `www.` address has
 * no scheme, and `<www.…>` is no autolink: it needs one, which the person chooses.
 */
function wrapFix(url: string, urlSpan: Span): FixSpec {
  const www = !/^[a-z][a-z0-9+.-]*:/i.test(url);
  const opening = www ? '<https://' : '<';
  return {
    title: www ? `Write it as ${quoted(`<https://${url}>`, 60)}` : `Wrap it in angle brackets: ${quoted(`<${url}>`, 60)}`,
    edits: [
      { span: { start: urlSpan.start, end: urlSpan.start }, newText: opening },
      { span: { start: urlSpan.end, end: urlSpan.end }, newText: '>' },
    ],
    safe: !www,
    preferred: true,
  };
}

/**
 * The quote a URL written in quotes (`"https://…"`) ends with: Goldmark's linkify
 * takes a closing quote into the address (its URLs may hold `"` and `'`), so the link
 * leads to `…%22`, a page that does not exist. Undefined when the URL is not quoted so.
 */
function closingQuote(text: string, url: string, urlSpan: Span): string | undefined {
  const last = url[url.length - 1];
  return (last === '"' || last === "'") && text[urlSpan.start - 1] === last ? last : undefined;
}

/**
 * The address without its closing quote, in angle brackets inside the quotes. Offered in
 * the editor only: it changes where the link leads (to where the author meant it to).
 */
function quotedUrlProblem(url: string, urlSpan: Span, quote: string): Problem {
  const address = url.slice(0, -1);
  const autolink = `<${address}>`;
  return {
    span: urlSpan,
    message: `Bare URL ${quoted(url, 30)} includes its closing quote, so the link leads nowhere. GFM takes the quote into the address: put the address in angle brackets inside the quotes, ${quoted(`${quote}${autolink}${quote}`, Infinity)}.`,
    fixes: [
      {
        title: `Wrap the address in angle brackets: ${quoted(autolink, 60)}`,
        edits: [
          { span: { start: urlSpan.start, end: urlSpan.start }, newText: '<' },
          { span: { start: urlSpan.end - 1, end: urlSpan.end - 1 }, newText: '>' },
        ],
        safe: false,
        preferred: true,
      },
    ],
  };
}

/** A URL pasted into prose is linked only by GFM's guess at where it ends, and tells readers little. */
export default defineRule({
  meta: {
    id: 'link-bare-url',
    description: 'URLs in prose should be links with text, or at least `<url>` autolinks.',
    defaultSeverity: 'warning',
    fixable: 'safe or editor',
  },
  check({ post, report }) {
    for (const link of post.body.links) {
      // An e-mail address reads well as it is; the address is its own best text.
      if (link.source !== 'bare' || isEmailAddress(link.url)) continue;
      const quote = closingQuote(post.text, link.url, link.urlSpan);
      if (quote !== undefined) {
        report(quotedUrlProblem(link.url, link.urlSpan, quote));
        continue;
      }
      // A `www.` address written as a destination needs its scheme, or it is a relative link.
      const href = /^[a-z][a-z0-9+.-]*:/i.test(link.url) ? link.url : `https://${link.url}`;
      report({
        span: link.urlSpan,
        // The whole address in the advice: it is the destination to write.
        message: `Bare URL ${quoted(link.url, 39)} is a link only because GFM guesses where it ends. Give it text that says what it is (${quoted(`[words naming the page](${href})`, Infinity)}), or at least wrap it in angle brackets.`,
        fixes: [wrapFix(link.url, link.urlSpan)],
      });
    }
  },
});
