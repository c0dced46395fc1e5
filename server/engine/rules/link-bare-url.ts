import type { FixSpec, Problem } from '../rule';
import { defineRule } from '../rule';
import type { Span } from '../types';
import { isEmailAddress } from '../links/url-parts';
import { quoted } from '../text/quote';
import { lineTextStart } from '../markdown/line-text';

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
    edits: bracketEdits(urlSpan, opening),
    safe: !www,
    preferred: true,
  };
}

/** `opening` (`<`, or `<https://`) before the span and `>` after it. */
function bracketEdits(span: Span, opening: string): FixSpec['edits'] {
  return [
    { span: { start: span.start, end: span.start }, newText: opening },
    { span: { start: span.end, end: span.end }, newText: '>' },
  ];
}

/**
 * What a URL written in quotes ends with that the author did not mean as part of it:
 * Goldmark's linkify lets an address hold `"` and `'`, so `"https://…"` is linked with
 * its closing quote, and `"… (https://…)"` with the `)"` (the link leads to `…%22`, a
 * page that does not exist). The closing quote, when the address holds no other, and
 * the `)`s before it that close no `(` of the address. Undefined when there is none.
 */
function takenIn(url: string): string | undefined {
  const quote = url[url.length - 1];
  if ((quote !== '"' && quote !== "'") || url.indexOf(quote) !== url.length - 1) return undefined;
  let end = url.length - 1;
  const opened = url.split('(').length - 1;
  let closed = url.split(')').length - 1;
  while (url[end - 1] === ')' && closed > opened) {
    end--;
    closed--;
  }
  return url.slice(end);
}

/**
 * The address without what it took in, in angle brackets. Offered in the editor only:
 * it changes where the link leads (to where the author meant it to).
 */
function takenInProblem(url: string, urlSpan: Span, extra: string): Problem {
  const autolink = `<${url.slice(0, -extra.length)}>`;
  return {
    span: urlSpan,
    message: `Bare URL ${quoted(url, 30)} takes in the ${quoted(extra)} after it, so the link leads nowhere. GFM counts quotes as part of an address: put the address in angle brackets, ${quoted(autolink, Infinity)}.`,
    fixes: [
      {
        title: `Wrap the address in angle brackets: ${quoted(autolink, 60)}`,
        edits: bracketEdits({ start: urlSpan.start, end: urlSpan.end - extra.length }, '<'),
        safe: false,
        preferred: true,
      },
    ],
  };
}

/**
 * Whether the line holding `at` reads as a command typed at a shell prompt: after any
 * block quote markers and blanks, it starts with `$ ` (`> $ helm repo add … https://…`).
 */
function inShellCommand(text: string, at: number): boolean {
  return text.startsWith('$ ', lineTextStart(text, at));
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
      if (inShellCommand(post.text, link.urlSpan.start)) {
        // Link text or angle brackets would change the command: it belongs in code, where nothing is linked.
        report({
          span: link.urlSpan,
          message: `Bare URL ${quoted(link.url, 39)} is in what reads as a shell command, which GFM links. Put the command in a code block (or a code span), where it stays as typed.`,
        });
        continue;
      }
      const extra = takenIn(link.url);
      if (extra !== undefined) {
        report(takenInProblem(link.url, link.urlSpan, extra));
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
