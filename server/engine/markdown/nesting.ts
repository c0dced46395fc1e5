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

/**
 * The parser's inline pass is also quadratic in the brackets and emphasis marks of one
 * paragraph (`[a](` a hundred thousand times: ninety seconds; `*a`: twelve). A real
 * paragraph has a few dozen, and a long URL pasted whole a few thousand (an encoded
 * config in a link holds 2,000 `_` and `*`); past these limits in one paragraph the body
 * is not parsed. At the limits the parse takes at most a fraction of a second.
 */
export const MAX_BRACKETS = 5000;
export const MAX_EMPHASIS_MARKS = 20000;

export class TooManyInlineMarks extends Error {
  constructor(
    readonly offset: number,
    mark: string,
  ) {
    super(`one paragraph holds more than ${mark === '[' ? MAX_BRACKETS : MAX_EMPHASIS_MARKS} \u201c${mark}\u201d marks`);
  }
}

/** Throws TooManyInlineMarks where a paragraph (text between blank lines) holds too many `[`, `*` or `_`; one pass. */
export function checkInlineMarks(text: string, from: number): void {
  // A paragraph holds no more marks than the whole body: with few in all (every real post),
  // no paragraph can pass a limit, and three searches for one character (which V8 runs far
  // faster than a loop over every character) answer without the paragraph-by-paragraph pass.
  if (atMost(text, from, '[', MAX_BRACKETS) && atMost(text, from, '*', MAX_EMPHASIS_MARKS) && atMost(text, from, '_', MAX_EMPHASIS_MARKS)) return;
  inlineMarksByParagraph(text, from);
}

/** Whether `text` holds `mark` at most `limit` times from `from`; stops counting past the limit. */
function atMost(text: string, from: number, mark: string, limit: number): boolean {
  let count = 0;
  for (let at = text.indexOf(mark, from); at !== -1; at = text.indexOf(mark, at + 1)) if (++count > limit) return false;
  return true;
}

function inlineMarksByParagraph(text: string, from: number): void {
  let brackets = 0;
  let stars = 0;
  let underscores = 0;
  let lineStart = from;
  let blank = true;
  // Character codes, not one-character strings: this pass reads every character of every
  // post, and was 3% of a whole-site check's time when it compared strings.
  for (let at = from; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === NEWLINE) {
      // A blank line ends the paragraph: its counts start again.
      if (blank) brackets = stars = underscores = 0;
      blank = true;
      lineStart = at + 1;
      continue;
    }
    if (code !== SPACE && code !== TAB && code !== RETURN) blank = false;
    if (code === OPEN_BRACKET && ++brackets > MAX_BRACKETS) throw new TooManyInlineMarks(lineStart, '[');
    if (code === STAR && ++stars > MAX_EMPHASIS_MARKS) throw new TooManyInlineMarks(lineStart, '*');
    if (code === UNDERSCORE && ++underscores > MAX_EMPHASIS_MARKS) throw new TooManyInlineMarks(lineStart, '_');
  }
}

const NEWLINE = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;
const RETURN = 0x0d;
const OPEN_BRACKET = 0x5b;
const STAR = 0x2a;
const UNDERSCORE = 0x5f;
