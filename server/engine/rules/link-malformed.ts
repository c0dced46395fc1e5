import type { FixSpec, Problem } from '../rule';
import { defineRule } from '../rule';
import type { Span } from '../types';
import { quoted } from '../text/quote';
import { isTemplated, uniqueTargets, urlParts } from '../links/url-parts';
import type { LinkTarget } from '../links/link-targets';

/** A few characters either side of a position, so that a long URL's message shows the place. */
function around(url: string, index: number): string {
  const from = Math.max(0, index - 12);
  const to = Math.min(url.length, index + 13);
  return `${from > 0 ? '…' : ''}${url.slice(from, to)}${to < url.length ? '…' : ''}`;
}

/** Offsets (into the URL) of each character matched by `pattern`. */
function positions(url: string, pattern: RegExp): number[] {
  return [...url.matchAll(pattern)].map((match) => match.index);
}

/** Edits replacing the single characters at `offsets` of a URL starting at `start`. */
function encode(start: number, offsets: number[], newText: string): FixSpec['edits'] {
  return offsets.map((offset) => ({ span: { start: start + offset, end: start + offset + 1 }, newText }));
}

/** Where the host ends, so that a space inside it (which no encoding mends) is told apart. */
function afterHost(url: string): number {
  const parts = urlParts(url);
  if (parts.host === undefined) return 0;
  const hostStart = url.indexOf('//') + 2;
  const rest = url.slice(hostStart).search(/[/?#]/);
  return rest === -1 ? url.length : hostStart + rest;
}

/**
 * Browsers send a space in a path, query or fragment as `%20`, and Hugo writes it
 * so in the page: `%20` in the file changes nothing that is requested. The fix is
 * safe there; any other blank, or a blank in the host, needs a person.
 */
function blanks(url: string, span: Span): Problem | undefined {
  // Stryker disable next-line ConditionalExpression,Regex: the check below decides the same; this shortcut (on a trimmed, non-empty URL) only saves time
  if (!/\s/.test(url)) return undefined;
  const all = positions(url, /\s/g);
  // Stryker disable next-line ConditionalExpression: the shortcut above already left only URLs with a blank
  if (all.length === 0) return undefined;
  const spaces = positions(url, / /g);
  // Stryker disable next-line EqualityOperator: afterHost is 0 (the URL is trimmed, so no blank is there), the end, or a `/`, `?` or `#`, never a blank, so > and >= agree
  const safe = spaces.length === all.length && spaces[0] >= afterHost(url);
  return {
    span,
    message: `This URL contains ${spaces.length === all.length ? 'a space' : 'a line break or tab'} (${quoted(around(url, all[0]))}). Tools may cut the address there: write each space as ${quoted('%20')}.`,
    fixes: spaces.length > 0 ? [{ title: `Write spaces as ${quoted('%20')}`, edits: encode(span.start, spaces, '%20'), safe, preferred: true }] : [],
  };
}

/** ASCII tab, line feed, form feed and carriage return: what no escaping makes part of an address. */
const CONTROL_BLANK = /[\t\n\f\r]/g;

/**
 * A shortcode's URL reaches the page through a template: Go's html/template writes
 * a space (or any other character a URL cannot hold) in a URL attribute as `%20`
 * (`%XX`), and Hugo's own `figure` builds its `src` with `urls.Parse`, which does the
 * same. So a space in the path, query or fragment is published well formed, as the
 * file's real name. What escaping cannot mend is still reported: a space in the host
 * (no host name has one), and a tab or line break, which Hugo's `figure` refuses
 * (`urls.Parse` rejects control characters) and other templates publish as `%09`/`%0A`.
 */
function shortcodeBlanks(url: string, span: Span): Problem | undefined {
  const control = positions(url, CONTROL_BLANK);
  if (control.length > 0) {
    return {
      span,
      message: `This URL contains a line break or tab (${quoted(around(url, control[0]))}). Hugo\u2019s ${quoted('figure')} stops the build on it, other templates publish it as ${quoted('%09')} or ${quoted('%0A')}: remove it.`,
    };
  }
  return hostSpace(url, span);
}

/** A space in the host name, which no escaping mends: no host name has one. */
function hostSpace(url: string, span: Span): Problem | undefined {
  const inHost = positions(url, / /g).filter((index) => index < afterHost(url));
  if (inHost.length === 0) return undefined;
  return {
    span,
    message: `This URL has a space in its host name (${quoted(around(url, inHost[0]))}). No host name has one: correct the address.`,
  };
}

/**
 * A Markdown destination written in `<…>` may hold spaces: that is CommonMark's way of
 * writing one, and Goldmark publishes each as `%20` (`[a](<a b.pdf>)` gives
 * `href="a%20b.pdf"`, checked with Hugo 0.111). Only what `%20` does not mend is
 * reported there: a tab (published as `%09`, which names no such file) and a space in the host.
 */
function angledBlanks(url: string, span: Span): Problem | undefined {
  return positions(url, CONTROL_BLANK).length > 0 ? blanks(url, span) : hostSpace(url, span);
}

/** Whether a Markdown destination (of a link, an image or a reference definition) is written in `<…>`. */
function inAngleBrackets(text: string, target: LinkTarget): boolean {
  const source = target.link?.source ?? target.image?.source;
  if (source !== 'markdown' && source !== 'reference') return false;
  const { start, end } = target.urlSpan;
  return text[start - 1] === '<' && text[end] === '>';
}

/**
 * A `%` that starts no escape is read differently by different servers: `%25`
 * makes it a plain percent sign, which is almost always what was meant, but it
 * changes what is requested, so the fix is offered in the editor only. Only raw
 * HTML keeps such a `%` on the published page: Goldmark writes it as `%25` in a
 * Markdown destination, and Go's templates in a shortcode's or render hook's URL.
 */
function strayPercents(url: string, span: Span): Problem | undefined {
  // Stryker disable next-line ConditionalExpression,StringLiteral: without a `%` the search below finds nothing anyway; this shortcut only saves time
  if (!url.includes('%')) return undefined;
  const stray = positions(url, /%(?![0-9a-f]{2})/gi);
  if (stray.length === 0) return undefined;
  return {
    span,
    message: `This URL has a ${quoted('%')} that starts no escape (${quoted(around(url, stray[0]))}). Servers may reject it or read it differently: write a percent sign as ${quoted('%25')}.`,
    fixes: [{ title: `Write ${quoted('%')} as ${quoted('%25')}`, edits: encode(span.start, stray, '%25'), safe: false, preferred: true }],
  };
}

/**
 * The first bracket with no partner, if any: a sign of a character lost or added
 * by hand. A backslash-escaped one (`\(` in Markdown) was written alone on purpose.
 */
function unbalanced(url: string): { index: number; char: string } | undefined {
  // Stryker disable next-line ConditionalExpression: without a bracket the loop below finds nothing anyway; this shortcut only saves time
  if (!/[()[\]]/.test(url)) return undefined;
  for (const [open, close] of [['(', ')'], ['[', ']']]) {
    const stack: number[] = [];
    // Stryker disable next-line EqualityOperator: one step past the end reads undefined, which is no bracket
    for (let index = 0; index < url.length; index++) {
      if (url[index - 1] === '\\') continue;
      if (url[index] === open) stack.push(index);
      else if (url[index] === close && stack.pop() === undefined) return { index, char: close };
    }
    if (stack.length > 0) return { index: stack[0], char: open };
  }
  return undefined;
}

function brackets(url: string, span: Span): Problem | undefined {
  const found = unbalanced(url);
  if (found === undefined) return undefined;
  return {
    span,
    message: `This URL has a ${quoted(found.char)} without its partner (${quoted(around(url, found.index))}). A character was probably lost or added when the link was written: check the address against the page it should lead to.`,
  };
}

/** An address with spaces, stray `%` or broken brackets may lead elsewhere than its author meant. */
export default defineRule({
  meta: {
    id: 'link-malformed',
    description: 'URLs must be well formed: no spaces, no `%` outside an escape, balanced brackets.',
    defaultSeverity: 'warning',
    // A bare URL that took in the `)` or quote after it: link-bare-url says what happened and offers the address without them.
    yieldsTo: ['link-bare-url'],
    fixable: 'safe or editor',
  },
  check({ post, report }) {
    for (const target of uniqueTargets(post.body)) {
      const written = post.text.slice(target.urlSpan.start, target.urlSpan.end);
      // Blanks around an attribute's value are dropped by browsers; only the URL itself counts.
      const url = written.trim();
      // Stryker disable next-line ConditionalExpression,StringLiteral: an empty URL has no blank, `%` or bracket, so this shortcut only saves time
      if (url === '' || isTemplated(url)) continue;
      const start = target.urlSpan.start + written.length - written.trimStart().length;
      const span = { start, end: start + url.length };
      const source = target.link?.source ?? target.image?.source;
      const spaces = source === 'shortcode' ? shortcodeBlanks(url, span) : inAngleBrackets(post.text, target) ? angledBlanks(url, span) : blanks(url, span);
      for (const problem of [spaces, source === 'html' ? strayPercents(url, span) : undefined, brackets(url, span)]) {
        if (problem) report(problem);
      }
    }
  },
});
