/**
 * The Markdown parser takes time quadratic in how deeply block quotes and lists nest on
 * one line (`- - - - …`, forty thousand deep: ten seconds). No post needs more than a
 * few levels; past MAX_NESTING the body is not parsed at all, and the post says why.
 */
export const MAX_NESTING = 64;

/** A body that nests containers deeper than MAX_NESTING: not parsed, and said so. */
export class TooDeeplyNested extends Error {
  constructor(readonly offset: number) {
    super(`block quotes or lists nest more than ${MAX_NESTING} levels deep on one line`);
  }
}

function isListMarker(text: string, at: number): number {
  const char = text[at];
  if ((char === '-' || char === '*' || char === '+') && (text[at + 1] === ' ' || text[at + 1] === '\t')) return 2;
  let digits = 0;
  while (digits < 9 && text.charCodeAt(at + digits) >= 0x30 && text.charCodeAt(at + digits) <= 0x39) digits++;
  if (digits > 0 && (text[at + digits] === '.' || text[at + digits] === ')') && (text[at + digits + 1] === ' ' || text[at + digits + 1] === '\t')) return digits + 2;
  return 0;
}

/** Throws TooDeeplyNested where a line opens more than MAX_NESTING quotes and list items; one pass over the text. */
export function checkNesting(text: string, from: number): void {
  let at = from;
  while (at < text.length) {
    let depth = 0;
    for (;;) {
      while (text[at] === ' ' || text[at] === '\t') at++;
      if (text[at] === '>') {
        at++;
      } else {
        const marker = isListMarker(text, at);
        if (marker === 0) break;
        at += marker;
      }
      if (++depth > MAX_NESTING) throw new TooDeeplyNested(at);
    }
    const lineEnd = text.indexOf('\n', at);
    if (lineEnd === -1) return;
    at = lineEnd + 1;
  }
}
