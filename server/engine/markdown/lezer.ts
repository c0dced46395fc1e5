// The Markdown parser (CommonMark + GFM via @lezer/markdown) and the numeric
// ids of the node types the walk looks at.

import { Autolink, GFM, parser, Table } from '@lezer/markdown';
import type { BlockParser, InlineContext, InlineParser, MarkdownConfig, MarkdownParser } from '@lezer/markdown';
import { PASSTHROUGH_NODE, passthroughInline } from './passthrough.js';
import type { PassthroughDelimiter } from './types.js';

/** The parser exactly as `parser.configure(GFM)` builds it (reference for tests). */
export const gfmParser = parser.configure(GFM);

// --- A faster front for GFM's Autolink extension -------------------------
//
// GFM's Autolink inline parser runs a sticky regular expression at every
// position of every paragraph (its e-mail branch scans up to 100 characters
// each time). The guard below rejects, with a few character tests, exactly the
// positions where that expression cannot match, and hands every other position
// to the original parser, so the trees are identical (checked by a test).

const CH_AT = 0x40;

function isWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

/**
 * The next place of something in an inline text, from a position. The parsers ask
 * from positions that only grow within a paragraph: a place found stays the answer
 * until a position passes it, so each paragraph is searched about once.
 */
class NextFinder {
  private context: InlineContext | undefined;
  private from = 0;
  private found = -1;

  constructor(private readonly find: (text: string, from: number) => number) {}

  next(cx: InlineContext, from: number): number {
    if (cx !== this.context || from < this.from || (this.found >= 0 && this.found < from)) {
      this.context = cx;
      this.from = from;
      this.found = this.find(cx.text, from);
    }
    return this.found;
  }
}

const ats = new NextFinder((text, from) => text.indexOf('@', from));

function nextAt(cx: InlineContext, from: number): number {
  return ats.next(cx, from);
}

function startsAt(text: string, pos: number, word: string): boolean {
  return text.startsWith(word, pos);
}

function guardedAutolink(): MarkdownConfig[] {
  const original = Autolink.parseInline?.length === 1 ? Autolink.parseInline[0] : undefined;
  if (original === undefined || original.name !== 'Autolink') return [Autolink];
  return [
    {
      parseInline: [
        {
          name: 'Autolink',
          parse(cx, next, absPos) {
            // Possible starts: "www.", "http", "mailto:", "xmpp:" or an e-mail
            // local part ([\w.+-]) that reaches an '@' within 100 characters.
            if (!isWordChar(next) && next !== 0x2e && next !== 0x2b && next !== 0x2d) return -1;
            const text = cx.text;
            const pos = absPos - cx.offset;
            if (pos > 0 && isWordChar(text.charCodeAt(pos - 1))) return -1;
            const prefixed =
              (next === 0x77 && startsAt(text, pos, 'www.')) ||
              (next === 0x68 && startsAt(text, pos, 'http')) ||
              (next === 0x6d && startsAt(text, pos, 'mailto:')) ||
              (next === 0x78 && startsAt(text, pos, 'xmpp:'));
            if (!prefixed) {
              const at = nextAt(cx, pos);
              if (at <= pos || at - pos > 100 || text.charCodeAt(at) !== CH_AT) return -1;
            }
            return original.parse(cx, next, absPos);
          },
        },
      ],
    },
  ];
}

// --- A faster front for the HTMLTag inline parser ---------------------------
//
// HTMLTag tries its expressions at every `<` of a paragraph, on the rest of the
// paragraph. Those for a comment (`<!--` … `-->`), a processing instruction (`<?` …
// `?>`), a CDATA section (`<![CDATA[` … `]]>`) and a URL autolink (`<scheme:` … `>`)
// scan on until they find their end: where it never comes, each `<` scans the
// rest of the paragraph, and `<!--` 36,000 times took 3.5 s (found by test/fuzz).
// The guard looks each end up once per paragraph and declines at once where no
// expression can match: where the form the text opens never ends, and no e-mail
// autolink (which may start with `!` or `?`) is there instead. Every other `<` goes
// to the original, so the trees are identical (checked by a test).

/** GFM's e-mail autolink as @lezer/markdown's HTMLTag matches it, after the `<`. */
const EMAIL_AUTOLINK = /[a-z\d.!#$%&'*+/=?^_`{|}~-]+@[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?(?:\.[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?)*>/iy;

/** A URL autolink's scheme and colon, after the `<`. */
const SCHEME = /[a-z][-\w+.]+:/iy;

const finder = (needle: string) => new NextFinder((text, from) => text.indexOf(needle, from));
const tagEnds = finder('>');
const commentEnds = finder('-->');
const instructionEnds = finder('?>');
const cdataEnds = finder(']]>');
const urlStops = new NextFinder((text, from) => {
  const stop = /[\s>]/g;
  stop.lastIndex = from;
  return stop.exec(text)?.index ?? text.length;
});

/**
 * Whether the text after a `<` at `p` opens a comment, instruction, CDATA section or
 * URL autolink that never ends: then that is the only form HTMLTag could read there,
 * but for an e-mail autolink.
 */
function opensWithoutEnd(cx: InlineContext, p: number): boolean {
  const text = cx.text;
  if (startsAt(text, p, '!--')) return text[p + 3] !== '>' && !startsAt(text, p + 3, '->') && commentEnds.next(cx, p + 3) < 0;
  if (text[p] === '?') return instructionEnds.next(cx, p + 1) < 0;
  if (startsAt(text, p, '![CDATA[')) return cdataEnds.next(cx, p + 8) < 0;
  SCHEME.lastIndex = p;
  if (!SCHEME.test(text)) return false;
  // The URL runs to the first blank or `>`, and only a `>` ends it.
  const stop = urlStops.next(cx, SCHEME.lastIndex);
  return stop === SCHEME.lastIndex || text[stop] !== '>';
}

function guardedHtmlTag(base: MarkdownParser): MarkdownParser {
  const inner = base as unknown as { inlineNames?: unknown; inlineParsers?: unknown };
  const at = Array.isArray(inner.inlineNames) ? inner.inlineNames.indexOf('HTMLTag') : -1;
  const original = Array.isArray(inner.inlineParsers) ? (inner.inlineParsers[at] as InlineParser['parse'] | undefined) : undefined;
  if (typeof original !== 'function') return base;
  return base.configure({
    parseInline: [
      {
        name: 'HTMLTag',
        parse(cx, next, absPos) {
          if (next !== 0x3c) return -1;
          const p = absPos - cx.offset + 1;
          // Every form HTMLTag reads ends with `>`.
          if (tagEnds.next(cx, p) < 0) return -1;
          if (opensWithoutEnd(cx, p)) {
            EMAIL_AUTOLINK.lastIndex = p;
            if (!EMAIL_AUTOLINK.test(cx.text)) return -1;
          }
          return original(cx, next, absPos);
        },
      },
    ],
  });
}

// --- A faster front for GFM's Table extension -----------------------------
//
// The Table block parser looks for a '|' in every paragraph, and in every line
// that continues one, one character at a time. Where `indexOf` finds no '|' at
// all, the original would find none either and decline; everywhere else the
// original decides, so the trees are identical (checked by a test).

function guardedTable(): MarkdownConfig {
  const original = Table.parseBlock?.length === 1 ? (Table.parseBlock[0] as BlockParser) : undefined;
  if (original?.name !== 'Table' || !original.leaf || !original.endLeaf) return Table;
  const { leaf, endLeaf } = original;
  return {
    defineNodes: Table.defineNodes,
    parseBlock: [
      {
        name: 'Table',
        leaf: (cx, block) => (block.content.indexOf('|') < 0 ? null : leaf(cx, block)),
        endLeaf: (cx, line, block) => (line.text.indexOf('|', line.basePos) < 0 ? false : endLeaf(cx, line, block)),
        before: original.before,
        after: original.after,
      },
    ],
  };
}

// --- Skipping plain text ---------------------------------------------------
//
// @lezer/markdown's inline loop offers every position of a paragraph to every
// inline parser in turn (eleven function calls a character), and nearly all of
// them decline at once: most characters are letters. The parser below runs
// first and, from a position no inline parser could use, jumps to the next
// position one might use, so the trees are identical (checked by a test).
//
// A position is "plain" when every known inline parser returns -1 there without
// looking at anything but the text:
//   - Escape, Entity, InlineCode, HTMLTag, Emphasis, Link, Image, LinkEnd and
//     Strikethrough act only on their own characters (\ & ` < * _ [ ! ] ~);
//   - HardBreak acts on `\` and on a run of two or more spaces that ends a line;
//   - Autolink acts only where its own sticky expression can match (the
//     conditions of the guard above, made exact for e-mail addresses);
//   - Passthrough (passthrough.ts) acts only where one of the site's openers
//     starts, or on `\` (an escaped opener).
// Any parser not in this list turns the skipping off.

/** The inline parsers whose every use the skipper knows (see above). */
const KNOWN_INLINE = new Set(['Passthrough', 'Escape', 'Entity', 'InlineCode', 'HTMLTag', 'Emphasis', 'HardBreak', 'Link', 'Image', 'LinkEnd', 'Strikethrough', 'Autolink']);

/**
 * Where an inline parser other than Autolink's e-mail branch and HardBreak's spaces
 * may act: the characters of Escape, Entity, InlineCode, HTMLTag, Emphasis, Link,
 * Image, LinkEnd and Strikethrough; Autolink's prefixes after no word character.
 */
const USABLE = /[\\&`<*_[\]!~]|(?<![A-Za-z0-9_])(?:www\.|http|mailto:|xmpp:)/g;

/** Two spaces before a line break: the end of every run of spaces HardBreak acts on. */
const hardBreakEnds = new NextFinder((text, from) => text.indexOf('  \n', from));

/**
 * The first position from `i` where HardBreak acts on spaces: the start of the first
 * run of two or more that ends a line, or -1. (An expression that matched such a run
 * from each space tried the whole run again from the next: 35,000 spaces took 0.9 s.)
 */
function hardBreakStart(cx: InlineContext, i: number): number {
  const end = hardBreakEnds.next(cx, i);
  if (end < 0) return -1;
  let start = end;
  while (start > i && cx.text.charCodeAt(start - 1) === 0x20) start--;
  return start;
}

/** `[\w.+-]`: the characters of an e-mail address's local part in GFM's Autolink. */
function isLocalPartChar(c: number): boolean {
  return isWordChar(c) || c === 0x2e || c === 0x2b || c === 0x2d;
}

/**
 * The first position from `from` where Autolink's `[\w.+-]{1,100}@` matches an
 * e-mail address ending at the '@' at `at` (after no word character), or -1.
 */
function emailStart(text: string, from: number, at: number): number {
  const low = Math.max(from, at - 100);
  let start = at;
  while (start > low && isLocalPartChar(text.charCodeAt(start - 1))) start--;
  for (let p = start; p < at; p++) if (p === 0 || !isWordChar(text.charCodeAt(p - 1))) return p;
  return -1;
}

/** The first position from `i` (relative to the inline text) that some inline parser may act on. */
function nextUsable(cx: InlineContext, i: number, openers: readonly NextFinder[]): number {
  const text = cx.text;
  USABLE.lastIndex = i;
  const found = USABLE.exec(text);
  const spaces = hardBreakStart(cx, i);
  let to = Math.min(found === null ? text.length : found.index, spaces < 0 ? text.length : spaces);
  for (const opener of openers) {
    const at = opener.next(cx, i);
    if (at >= 0 && at < to) to = at;
  }
  // E-mail addresses: only where an '@' follows within 100 characters.
  for (let at = nextAt(cx, i); at >= 0 && at - 100 < to; at = nextAt(cx, at + 1)) {
    const start = emailStart(text, i, at);
    if (start >= 0) return Math.min(start, to);
  }
  return to;
}

/** The skipper, first of the inline parsers; it stops at each of the passthrough `openers` too. */
function plainTextSkipper(first: string, openers: readonly string[]): MarkdownConfig {
  const finders = openers.map(finder);
  return {
    parseInline: [
      {
        name: 'PlainText',
        before: first,
        parse(cx, _next, absPos) {
          const to = nextUsable(cx, absPos - cx.offset, finders) + cx.offset;
          return to > absPos ? to : -1;
        },
      },
    ],
  };
}

/** Adds the skipper to a parser whose inline parsers are all known to it, in front of them all. */
function withSkipper(base: MarkdownParser, openers: readonly string[]): MarkdownParser {
  const names = (base as unknown as { inlineNames?: unknown }).inlineNames;
  if (!Array.isArray(names) || !names.every((name) => KNOWN_INLINE.has(name))) return base;
  return base.configure(plainTextSkipper(String(names[0]), openers));
}

/**
 * CommonMark with GFM tables, strikethrough, task lists and autolinks, and the node
 * passthrough text becomes (only made where a site's delimiters are given).
 */
const gfmBase = guardedHtmlTag(parser).configure([
  ...GFM.map((ext) => (ext === Table ? guardedTable() : ext)).filter((ext) => ext !== Autolink),
  ...guardedAutolink(),
  { defineNodes: [PASSTHROUGH_NODE] },
]);

/**
 * CommonMark with GFM tables, strikethrough, task lists and autolinks: the same
 * as `parser.configure(GFM)`, with the autolink and HTML scans guarded and plain
 * text skipped for speed.
 */
export const markdownParser = withSkipper(gfmBase, []);

/** Parsers made for passthrough delimiters, by their list: a site keeps one list for all its posts. */
const withPassthrough = new Map<string, MarkdownParser>();

/**
 * `markdownParser` with Hugo's passthrough extension for these delimiters (block ones
 * first), made once per list. Without delimiters, `markdownParser` itself.
 */
export function passthroughParser(delimiters: readonly PassthroughDelimiter[]): MarkdownParser {
  if (delimiters.length === 0) return markdownParser;
  const key = JSON.stringify(delimiters.map(({ open, close }) => [open, close]));
  let made = withPassthrough.get(key);
  if (made === undefined) {
    made = withSkipper(gfmBase.configure(passthroughInline(delimiters)), delimiters.map((delimiter) => delimiter.open));
    withPassthrough.set(key, made);
  }
  return made;
}

const NAMES = [
  'Document',
  'Paragraph',
  'CodeBlock',
  'FencedCode',
  'CodeInfo',
  'CodeText',
  'InlineCode',
  'HTMLBlock',
  'CommentBlock',
  'ProcessingInstructionBlock',
  'HTMLTag',
  'Comment',
  'ProcessingInstruction',
  'Link',
  'Image',
  'Autolink',
  'URL',
  'LinkReference',
  'LinkLabel',
  'LinkTitle',
  'LinkMark',
  'ATXHeading1',
  'ATXHeading2',
  'ATXHeading3',
  'ATXHeading4',
  'ATXHeading5',
  'ATXHeading6',
  'SetextHeading1',
  'SetextHeading2',
  'HeaderMark',
  'QuoteMark',
  'ListMark',
  'EmphasisMark',
  'CodeMark',
  'Emphasis',
  'StrongEmphasis',
  'Strikethrough',
  'StrikethroughMark',
  'Escape',
  'Entity',
  'HardBreak',
  'TableCell',
  'TableDelimiter',
  'TaskMarker',
  'Passthrough',
] as const;

type NodeName = (typeof NAMES)[number];

function lookupIds(): Readonly<Record<NodeName, number>> {
  const ids = {} as Record<NodeName, number>;
  for (const name of NAMES) {
    const type = markdownParser.nodeSet.types.find((t) => t.name === name);
    // -1 never matches a node: a renamed type degrades to "not recognised".
    ids[name] = type !== undefined ? type.id : -1;
  }
  return Object.freeze(ids);
}

/** Node type ids of {@link markdownParser}, by node name. */
export const NodeId = lookupIds();
