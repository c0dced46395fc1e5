// Where a "disable this rule for this line" comment can go in a post's body so that
// the page renders as before. A comment on a line of its own is an HTML block: above
// the first line of a top-level block it changes nothing, but inside a list, a block
// quote, a table or a paragraph it ends that block (a list becomes two lists). There
// the comment goes at the end of the line instead, as inline HTML, which renders as
// nothing; where even that would show (in code) or change the page (a heading's
// text, which its id is made from), no comment is offered.

import type { SyntaxNode, Tree } from '@lezer/common';
import { lineBreakOf } from '../fixes.js';
import { markdownParser } from './lezer.js';
import { checkInlineMarks, checkNesting } from './nesting.js';

/** Text to insert at an offset of the post. */
export interface Insertion {
  offset: number;
  text: string;
}

/** Asked on the language server's thread: a body larger than this is not parsed for it. */
const MAX_BODY = 1024 * 1024;

/** Top-level blocks that a comment block above their first line leaves as they are. */
const STANDALONE = /^(ATXHeading\d|SetextHeading\d|Paragraph|HorizontalRule|HTMLBlock|CommentBlock|ProcessingInstructionBlock|LinkReference|FencedCode|CodeBlock|Table|BulletList|OrderedList|Blockquote)$/;

/** Lines where a comment at the end would be code or HTML, or a heading's text (its id is made from it). */
const NO_COMMENT_AFTER = /^(FencedCode|CodeBlock|HTMLBlock|CommentBlock|ProcessingInstructionBlock|LinkReference|ATXHeading\d|SetextHeading\d)$/;

/** Inline nodes that go on past the end of a line: a comment there would be inside them. */
const OPEN_AT_LINE_END = /^(InlineCode|HTMLTag|Comment|ProcessingInstruction|Autolink|URL|LinkTitle)$/;

/**
 * The comments that turn a rule off for one line of a post's body. The body is parsed
 * once, when first asked: a request for code actions may ask for several lines.
 */
export class LineSuppressions {
  /** The body's tree; null where it is not parsed (too large, or a shape the parser is slow on). */
  private parsed: Tree | null | undefined;
  private readonly eol: string;

  constructor(
    private readonly text: string,
    private readonly bodyStart: number,
  ) {
    this.eol = lineBreakOf(text);
  }

  /**
   * The comment for the line from `lineStart` to `lineEnd` (its end, without the line
   * break); undefined where no comment can go without changing the page.
   */
  at(lineStart: number, lineEnd: number, ruleId: string): Insertion | undefined {
    const { text, bodyStart } = this;
    const tree = lineStart < bodyStart ? null : this.tree();
    if (!tree) return undefined;
    const line = text.slice(lineStart, lineEnd);
    const indent = /^[ \t]*/.exec(line)![0];
    // A blank line holds no finding; in a list it holds its items together.
    if (indent.length === line.length) return undefined;
    const first = tree.resolveInner(lineStart + indent.length - bodyStart, 1);
    const top = topLevel(first);
    if (top && top.from === lineStart + indent.length - bodyStart && STANDALONE.test(top.name)) {
      return { offset: lineStart, text: `${indent}<!-- postlint-disable-next-line ${ruleId} -->${this.eol}` };
    }
    // The line's blocks, from its start and from its end (a list item's mark and the heading after it are siblings).
    const blocked = within(first, NO_COMMENT_AFTER) || within(tree.resolveInner(lineEnd - bodyStart, -1), NO_COMMENT_AFTER);
    if (blocked || within(tree.resolveInner(lineEnd - bodyStart, 0), OPEN_AT_LINE_END)) return undefined;
    return atLineEnd(text, lineStart, lineEnd, within(first, /^Table$/), ruleId);
  }

  private tree(): Tree | null {
    if (this.parsed === undefined) this.parsed = parseBodyTree(this.text.slice(this.bodyStart));
    return this.parsed;
  }
}

/** The body's Markdown tree, or null for a body too large, or of a shape the parser is slow on (refused as in a check: nesting.ts). */
function parseBodyTree(body: string): Tree | null {
  if (body.length > MAX_BODY) return null;
  try {
    checkNesting(body, 0);
    checkInlineMarks(body, 0);
  } catch {
    return null;
  }
  return markdownParser.parse(body);
}

/** Whether `node` or a node that holds it is of a type `names` matches. */
function within(node: SyntaxNode, names: RegExp): boolean {
  for (let at: SyntaxNode | null = node; at; at = at.parent) if (names.test(at.name)) return true;
  return false;
}

/** The block that holds `node` and sits right in the document, if any. */
function topLevel(node: SyntaxNode): SyntaxNode | undefined {
  let at: SyntaxNode | null = node;
  while (at?.parent && at.parent.name !== 'Document') at = at.parent;
  return at?.parent ? at : undefined;
}

/**
 * `<!-- postlint-disable-line … -->` at the end of the line: before the blanks that end
 * it and a backslash, either of which may be a hard line break that must stay last;
 * and inside a table row's last cell, as one cell more in the header row would end
 * the table.
 */
function atLineEnd(text: string, lineStart: number, lineEnd: number, inTable: boolean, ruleId: string): Insertion {
  const comment = `<!-- postlint-disable-line ${ruleId} -->`;
  const content = text.slice(lineStart, lineEnd).replace(/[ \t]+$/, '');
  const end = lineStart + content.length;
  if (inTable && /(?<!\\)\|$/.test(content)) return { offset: end - 1, text: `${comment} ` };
  // A backslash that is not itself escaped.
  const backslash = /(?<!\\)(?:\\\\)*\\$/.test(content);
  return { offset: backslash ? end - 1 : end, text: ` ${comment}` };
}
