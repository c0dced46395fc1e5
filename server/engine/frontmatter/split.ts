import type { Span } from '../types';

/**
 * Where a page's front matter is, found exactly as Hugo's page lexer finds it
 * (gohugoio/hugo, parser/pageparser/pagelexer_intro.go), so that Postlint reads
 * the block Hugo reads and calls broken what breaks Hugo's build:
 *
 * - White space, line breaks and byte order marks before the first other character
 *   are skipped. That character decides: `-` opens YAML, `+` TOML, `{` JSON,
 *   `#+` Org mode; anything else means the page has no front matter.
 * - YAML and TOML open with exactly three of their character. Whatever follows on
 *   that line is handed to the parser as the first line of the front matter: Hugo
 *   knows no language tag there. It is never read as the name of a language here
 *   either, so no text in a post can choose how it is read (gray-matter, which
 *   Postlint used before, ran `---js` blocks as JavaScript).
 * - The block ends at the first line that starts with the same three characters;
 *   the rest of that line is the start of the body.
 * - JSON runs from `{` to its matching `}`, counting braces outside strings.
 */

export type FrontMatterFormat = 'yaml' | 'toml' | 'json' | 'org';

export interface FrontMatterBlock {
  format: FrontMatterFormat;
  /** The opening line, from its first delimiter character to the end of the line (no line break). */
  openSpan: Span;
  /** What Hugo hands to the format's parser: for YAML and TOML, everything after the three delimiter characters. */
  contentSpan: Span;
  /** The closing delimiter line as written, when the block is closed (YAML and TOML). */
  closeSpan?: Span;
  /** False when the text ends before the block does. */
  closed: boolean;
}

export interface SplitResult {
  /** Where the body begins: after the block, or where the page begins when it has none. */
  bodyStart: number;
  block?: FrontMatterBlock;
  /**
   * A page that starts with `-` or `+` but not with three of them: Hugo stops the
   * build there ("invalid YAML delimiter"). The span is the characters it read.
   */
  invalidOpener?: { span: Span; format: 'yaml' | 'toml' };
}

const DELIMITER_FORMAT: Record<string, 'yaml' | 'toml'> = { '-': 'yaml', '+': 'toml' };

/** Hugo's `isASCIISpace` plus the byte order mark, which its lexer skips too. */
function isIntroSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xfeff;
}

function isLineBreak(char: string | undefined): boolean {
  return char === '\n' || char === '\r';
}

/**
 * Where a parser's error over `from`–`to` is shown: at least one character, before
 * `limit` (the block's end), but not the line breaks it ends with; where that leaves
 * nothing, a point at the end of the line. A span ending after a line break would end
 * on the next line, and one ending after the `\r` of a CRLF, between its two
 * characters, past the end of the line an editor shows; a start there moves before the `\r`.
 */
export function errorSpan(text: string, from: number, to: number, limit: number): Span {
  const start = text[from] === '\n' && text[from - 1] === '\r' ? from - 1 : from;
  let end = Math.min(Math.max(to, from + 1), limit);
  while (end > from && isLineBreak(text[end - 1])) end--;
  return { start, end: end > from ? end : start };
}

/** Hugo's `consumeCRLF`: an optional `\r`, then an optional `\n`. */
export function afterLineBreak(text: string, at: number): number {
  if (text[at] === '\r') at++;
  if (text[at] === '\n') at++;
  return at;
}

function lineEnd(text: string, from: number): number {
  let at = from;
  while (at < text.length && !isLineBreak(text[at])) at++;
  return at;
}

export function splitFrontMatter(text: string): SplitResult {
  let start = 0;
  while (start < text.length && isIntroSpace(text.charCodeAt(start))) start++;
  const first = text[start];
  if (first === '-' || first === '+') return delimitedBlock(text, start, first);
  if (first === '{') return jsonBlock(text, start);
  if (first === '#' && text[start + 1] === '+') return orgBlock(text, start);
  return { bodyStart: 0 };
}

function delimitedBlock(text: string, start: number, char: string): SplitResult {
  const delimiter = char.repeat(3);
  if (!text.startsWith(delimiter, start)) {
    let end = start;
    while (text[end] === char) end++;
    return { bodyStart: 0, invalidOpener: { span: { start, end }, format: DELIMITER_FORMAT[char] } };
  }
  const format = DELIMITER_FORMAT[char];
  const openSpan = { start, end: lineEnd(text, start) };
  const contentStart = afterLineBreak(text, start + 3);
  // Hugo looks for the closing delimiter only at the start of a line; right after the
  // opener counts as one when the opener's line ended there.
  let at = contentStart;
  let lineStart = contentStart > start + 3;
  for (;;) {
    if (lineStart && text.startsWith(delimiter, at)) {
      const closeSpan = { start: at, end: lineEnd(text, at) };
      const block = { format, openSpan, contentSpan: { start: contentStart, end: at }, closeSpan, closed: true };
      return { bodyStart: afterLineBreak(text, at + 3), block };
    }
    if (at >= text.length) break;
    lineStart = isLineBreak(text[at]);
    at++;
  }
  return { bodyStart: text.length, block: { format, openSpan, contentSpan: { start: contentStart, end: text.length }, closed: false } };
}

/** Hugo's JSON front matter: `{` to its matching `}`, braces inside strings not counted. */
function jsonBlock(text: string, start: number): SplitResult {
  let depth = 0;
  let inString = false;
  for (let at = start; at < text.length; at++) {
    const char = text[at];
    if (char === '\\') at++;
    else if (char === '"') inString = !inString;
    else if (!inString && char === '{') depth++;
    else if (!inString && char === '}' && --depth === 0) {
      const end = at + 1;
      const block = { format: 'json' as const, openSpan: { start, end: start + 1 }, contentSpan: { start, end }, closed: true };
      return { bodyStart: afterLineBreak(text, end), block };
    }
  }
  const block = { format: 'json' as const, openSpan: { start, end: start + 1 }, contentSpan: { start, end: text.length }, closed: false };
  return { bodyStart: text.length, block };
}

/** Org-mode front matter: lines that start with `#+`, up to the first that does not. */
function orgBlock(text: string, start: number): SplitResult {
  let end = lineEnd(text, start);
  while (end < text.length) {
    const next = afterLineBreak(text, end);
    if (!text.startsWith('#+', next)) break;
    end = lineEnd(text, next);
  }
  const block = { format: 'org' as const, openSpan: { start, end: lineEnd(text, start) }, contentSpan: { start, end }, closed: true };
  return { bodyStart: afterLineBreak(text, end), block };
}
