// The Markdown parser (CommonMark + GFM via @lezer/markdown) and the numeric
// ids of the node types the walk looks at.

import { Autolink, GFM, parser } from '@lezer/markdown';
import type { InlineContext, MarkdownConfig } from '@lezer/markdown';

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

/** Last '@' search: in which inline context, from where, and the result. */
let atContext: InlineContext | undefined;
let atFrom = 0;
let atFound = -1;

function nextAt(cx: InlineContext, from: number): number {
  if (cx !== atContext || from < atFrom || (atFound >= 0 && atFound < from)) {
    atContext = cx;
    atFrom = from;
    atFound = cx.text.indexOf('@', from);
  }
  return atFound;
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

/**
 * CommonMark with GFM tables, strikethrough, task lists and autolinks: the same
 * as `parser.configure(GFM)`, with the autolink scan guarded for speed.
 */
export const markdownParser = parser.configure(
  GFM.filter((ext) => ext !== Autolink).concat(guardedAutolink()),
);

const NAMES = [
  'Document',
  'Paragraph',
  'CodeBlock',
  'FencedCode',
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
