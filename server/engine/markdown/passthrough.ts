// Hugo's passthrough extension (github.com/gohugoio/hugo-goldmark-extensions/passthrough,
// turned on by `markup.goldmark.extensions.passthrough.enable`): text between the
// delimiters a site configures is handed to a renderer (math, mostly) unparsed. It is an
// inline parser in Goldmark, so this is one too, and follows it step by step:
//   - block and inline delimiters alike are looked for inside a block's inline text
//     (a paragraph, a heading, a table cell), block delimiters first, each in the
//     order configured; the first opener the text starts with wins;
//   - the closer is the first one after the opener in the same block: a blank line or
//     a new block (which Goldmark's block parsers see first) ends the search;
//   - an opener with no closer is plain text, and reading goes on after it;
//   - an opener closed at once (`$$$$`) is no passthrough: the next character is tried;
//   - two backslashes before an opener escape it: `\\$$` is text.
// Block delimiters on a line of their own make a block in Goldmark's output, found by
// the same inline parse: what matters here, that nothing inside is Markdown, is alike.

import type { InlineContext, MarkdownConfig } from '@lezer/markdown';
import type { PassthroughDelimiter } from './types.js';

/** The node a passthrough becomes: no children, so nothing in it is read as Markdown. */
export const PASSTHROUGH_NODE = 'Passthrough';

const BACKSLASH = 0x5c;

function openerAt(delimiters: readonly PassthroughDelimiter[], text: string, pos: number): PassthroughDelimiter | undefined {
  for (const delimiter of delimiters) if (text.startsWith(delimiter.open, pos)) return delimiter;
  return undefined;
}

/** `\\` and an opener: the extension's escape, read as text to its end. */
function escapedOpener(delimiters: readonly PassthroughDelimiter[], cx: InlineContext, absPos: number): number {
  const pos = absPos - cx.offset;
  if (cx.text.charCodeAt(pos) !== BACKSLASH || cx.text.charCodeAt(pos + 1) !== BACKSLASH) return -1;
  const escaped = openerAt(delimiters, cx.text, pos + 2);
  return escaped === undefined ? -1 : absPos + 2 + escaped.open.length;
}

function parsePassthrough(delimiters: readonly PassthroughDelimiter[], cx: InlineContext, absPos: number): number {
  const delimiter = openerAt(delimiters, cx.text, absPos - cx.offset);
  if (delimiter === undefined) return escapedOpener(delimiters, cx, absPos);
  const inner = absPos - cx.offset + delimiter.open.length;
  // Goldmark looks for the closer line by line; a closer holds no line break, so one search of the block's text finds the same.
  const close = cx.text.indexOf(delimiter.close, inner);
  if (close < 0) return absPos + delimiter.open.length;
  if (close === inner) return -1;
  return cx.addElement(cx.elt(PASSTHROUGH_NODE, absPos, cx.offset + close + delimiter.close.length));
}

/**
 * The inline parser for a site's delimiters (block ones first, as the extension
 * orders them). It runs before every other inline parser: Goldmark's triggers on the
 * openers' first characters and on `\` see the text before any escape is read.
 */
export function passthroughInline(delimiters: readonly PassthroughDelimiter[]): MarkdownConfig {
  return {
    parseInline: [{ name: 'Passthrough', before: 'Escape', parse: (cx, _next, absPos) => parsePassthrough(delimiters, cx, absPos) }],
  };
}

/** Whether some opener is in `text` from `from`: one search per opener, and a body without any is parsed as if none were configured. */
export function mayHavePassthrough(delimiters: readonly PassthroughDelimiter[], text: string, from: number): boolean {
  return delimiters.some((delimiter) => text.indexOf(delimiter.open, from) >= 0);
}
