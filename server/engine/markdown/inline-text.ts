// The plain text of inline Markdown as a reader sees it: the text of a link, of
// a heading. Marks, labels, titles and comments are left out, escapes and
// entities decoded, inline images replaced by their alt text.

import type { SyntaxNode, Tree } from '@lezer/common';
import { decodeEntity } from './entities.js';
import { NodeId as importedNodeId } from './lezer.js';
import type { BodyModel } from './types.js';

/** A module-local copy of the node ids, read at every node (see body.ts). */
const NodeId = importedNodeId;

/** What every part of the walk reads, and the model they fill. All offsets are offsets into the file. */
export interface BodySource {
  /** The whole file as written: URLs, labels and text are sliced from it. */
  readonly text: string;
  /** The characters the tree was parsed from: `text` with the shortcode tags masked. */
  readonly markdown: string;
  readonly tree: Tree;
  readonly model: BodyModel;
}

const CLOSE_BRACKET = 0x5d;

/** Whitespace containing a line break becomes one space (soft line breaks, quote markers). */
export function collapseLineBreaks(text: string): string {
  if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) return text;
  return text.replace(/[ \t]*[\r\n]+[ \t]*/g, ' ');
}

/** The `]` LinkMark that ends a Link's text or an Image's alt. */
function closingBracket(markdown: string, node: SyntaxNode): SyntaxNode | null {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.type.id === NodeId.LinkMark && child.from > node.from && markdown.charCodeAt(child.from) === CLOSE_BRACKET) return child;
  }
  return null;
}

export class InlineText {
  /**
   * Alt text of inline `<img>` tags by tag start: the HTML reader fills it, and
   * an image inside a link's text stands for its alt there.
   */
  readonly imageAltByTagStart = new Map<number, string>();
  private readonly text: string;
  private readonly markdown: string;

  constructor(source: BodySource) {
    this.text = source.text;
    this.markdown = source.markdown;
  }

  /** Plain text of the inline content of `parent` between `from` and `to`, line breaks collapsed. */
  between(parent: SyntaxNode, from: number, to: number): string {
    return collapseLineBreaks(this.plainText(parent, from, to));
  }

  private plainText(parent: SyntaxNode, from: number, to: number): string {
    let out = '';
    let pos = from;
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.to <= from) continue;
      if (child.from >= to) break;
      if (child.from > pos) out += this.text.slice(pos, child.from);
      out += this.nodeText(child, Math.max(child.from, from), Math.min(child.to, to));
      pos = Math.max(pos, Math.min(child.to, to));
    }
    if (pos < to) out += this.text.slice(pos, to);
    return out;
  }

  /** The plain text of the part `from`-`to` of `node`. */
  private nodeText(node: SyntaxNode, from: number, to: number): string {
    switch (node.type.id) {
      case NodeId.LinkMark:
      case NodeId.EmphasisMark:
      case NodeId.CodeMark:
      case NodeId.HeaderMark:
      case NodeId.QuoteMark:
      case NodeId.ListMark:
      case NodeId.StrikethroughMark:
      case NodeId.TableDelimiter:
      case NodeId.TaskMarker:
      case NodeId.LinkLabel:
      case NodeId.LinkTitle:
      case NodeId.Comment:
      case NodeId.ProcessingInstruction:
        return '';
      case NodeId.HTMLTag:
        return this.imageAltByTagStart.get(node.from) ?? '';
      case NodeId.HardBreak:
        return '\n';
      case NodeId.Escape:
        return from + 1 < to ? this.text.slice(from + 1, to) : '';
      case NodeId.Entity:
        return from === node.from && to === node.to ? decodeEntity(this.text.slice(from, to)) : '';
      case NodeId.URL:
        return this.text.slice(from, to);
      case NodeId.Link:
      case NodeId.Image:
        return this.linkText(node, from, to);
      default:
        return this.plainText(node, from, to);
    }
  }

  /** A link inside inline text counts with its text only; an image with its alt. */
  private linkText(node: SyntaxNode, from: number, to: number): string {
    const close = closingBracket(this.markdown, node);
    const textFrom = Math.max(from, node.from + (node.type.id === NodeId.Image ? 2 : 1));
    const textTo = Math.min(to, close ? close.from : node.to);
    return textFrom < textTo ? this.plainText(node, textFrom, textTo) : '';
  }
}
