// What raw HTML in the body adds to the model: `<a href>` links with their
// text, `<img>` images, `<iframe src>` links, the ids elements declare, and
// comments. html.ts's tokenizer reads each HTML node of the tree and reports
// its tags here.

import type { SyntaxNode, TreeCursor } from '@lezer/common';
import { decodeEntities } from './entities.js';
import { FigureCaptions } from './figures.js';
import { HtmlScanner, findAttribute } from './html.js';
import type { HtmlAttribute, HtmlSink } from './html.js';
import { collapseLineBreaks } from './inline-text.js';
import type { BodySource, InlineText } from './inline-text.js';
import { NodeId as importedNodeId } from './lezer.js';
import type { BodyModel, ImageRef, LinkRef, Span } from './types.js';

/** A module-local copy of the node ids, read at every node (see body.ts). */
const NodeId = importedNodeId;

/** An `<a href>` whose `</a>` has not come yet. */
interface OpenAnchor {
  start: number;
  openEnd: number;
  href: HtmlAttribute;
  /** In an HTML block: the text collected so far. */
  text: string;
}

/** role="presentation" | "none", or aria-hidden="true": an image that needs no alt text. */
export function isDecorative(attributes: Record<string, string>): boolean {
  const role = attributes['role'];
  if (role !== undefined) {
    const value = role.trim().toLowerCase();
    if (value === 'presentation' || value === 'none') return true;
  }
  const hidden = attributes['aria-hidden'];
  return hidden !== undefined && hidden.trim().toLowerCase() === 'true';
}

function isHtmlBlock(id: number): boolean {
  return id === NodeId.HTMLBlock || id === NodeId.CommentBlock || id === NodeId.ProcessingInstructionBlock;
}

/** Nodes whose content is inline Markdown, where the text between `<a>` and `</a>` is read from the tree. */
function isInlineContainer(id: number): boolean {
  switch (id) {
    case NodeId.Paragraph:
    case NodeId.ATXHeading1:
    case NodeId.ATXHeading2:
    case NodeId.ATXHeading3:
    case NodeId.ATXHeading4:
    case NodeId.ATXHeading5:
    case NodeId.ATXHeading6:
    case NodeId.SetextHeading1:
    case NodeId.SetextHeading2:
    case NodeId.TableCell:
    case NodeId.Emphasis:
    case NodeId.StrongEmphasis:
    case NodeId.Strikethrough:
    case NodeId.Link:
    case NodeId.Image:
      return true;
    default:
      return false;
  }
}

/** One tokenizer for every post: it is reset for each HTML node. */
const sharedHtmlScanner = new HtmlScanner();

export class HtmlElements implements HtmlSink {
  private readonly text: string;
  private readonly markdown: string;
  private readonly model: BodyModel;
  /**
   * Whether the node being scanned is an HTML block, whose text is HTML, or
   * inline HTML, where the text between two tags is Markdown.
   */
  private inBlock = false;
  private anchor: OpenAnchor | undefined;
  /** Block-quote markers inside the node being scanned. */
  private quoteMarks: Span[] | undefined;
  private readonly figures: FigureCaptions;

  constructor(
    private readonly source: BodySource,
    private readonly inlineText: InlineText,
  ) {
    this.text = source.text;
    this.markdown = source.markdown;
    this.model = source.model;
    this.figures = new FigureCaptions(source.markdown);
  }

  /** Scans the HTML node at `cursor`, and leaves the cursor on it. */
  scanNode(cursor: TreeCursor): void {
    const block = isHtmlBlock(cursor.type.id);
    const from = cursor.from;
    const to = cursor.to;
    let quoteMarks: Span[] | undefined;
    if (cursor.firstChild()) {
      do if (cursor.type.id === NodeId.QuoteMark) (quoteMarks ??= []).push({ start: cursor.from, end: cursor.to });
      while (cursor.nextSibling());
      cursor.parent();
    }
    this.figures.node(from, to);
    this.scan(from, to, block, quoteMarks);
  }

  /**
   * Runs raw HTML through the tokenizer. `quoteMarks` are block-quote markers
   * inside the node (a construct continued on a `> ` line): they are blanked
   * out for the tokenizer and left out of comment text.
   */
  private scan(from: number, to: number, block: boolean, quoteMarks: Span[] | undefined): void {
    if (block) this.flushAnchor();
    this.inBlock = block;
    this.quoteMarks = quoteMarks;
    const chunk = quoteMarks === undefined ? this.markdown.slice(from, to) : this.blankQuoteMarks(from, to, quoteMarks);
    sharedHtmlScanner.scan(chunk, from, this);
    this.quoteMarks = undefined;
    if (block) this.flushAnchor();
  }

  /** The parsed text of a range with its quote markers turned into spaces, so that offsets stay. */
  private blankQuoteMarks(from: number, to: number, quoteMarks: readonly Span[]): string {
    let out = '';
    let pos = from;
    for (const mark of quoteMarks) {
      out += this.markdown.slice(pos, mark.start) + ' '.repeat(mark.end - mark.start);
      pos = mark.end;
    }
    return out + this.markdown.slice(pos, to);
  }

  /** Source text of a range, leaving out the quote markers of the node being scanned. */
  private withoutQuoteMarks(from: number, to: number): string {
    const marks = this.quoteMarks;
    if (marks === undefined) return this.text.slice(from, to);
    let out = '';
    let pos = from;
    for (const mark of marks) {
      if (mark.end <= from || mark.start >= to) continue;
      out += this.text.slice(pos, mark.start);
      pos = mark.end;
    }
    return out + this.text.slice(pos, to);
  }

  private valueOf(attribute: HtmlAttribute): string {
    return this.text.slice(attribute.valueStart, attribute.valueEnd);
  }

  /** The attributes by name; the first of two with one name wins, as in browsers. */
  private recordOf(attributes: readonly HtmlAttribute[]): Record<string, string> {
    const record: Record<string, string> = {};
    for (const attribute of attributes) {
      if (attribute.name === '__proto__' || Object.prototype.hasOwnProperty.call(record, attribute.name)) continue;
      record[attribute.name] = this.valueOf(attribute);
    }
    return record;
  }

  onOpenTag(name: string, start: number, end: number, attributes: readonly HtmlAttribute[], _selfClosing: boolean): void {
    this.declaredIds(name, attributes);
    this.figures.openTag(name);
    if (name === 'a') {
      this.flushAnchor();
      const href = findAttribute(attributes, 'href');
      if (href !== undefined) this.anchor = { start, openEnd: end, href, text: '' };
    } else if (name === 'img') {
      this.image(start, end, attributes);
    } else if (name === 'iframe') {
      const src = findAttribute(attributes, 'src');
      if (src !== undefined) {
        this.model.links.push({
          source: 'html',
          url: this.valueOf(src),
          urlSpan: { start: src.valueStart, end: src.valueEnd },
          span: { start, end },
          param: 'src',
        });
      }
    }
  }

  /** `id="…"` on any element and `name="…"` on `<a>`: targets of `#fragment` links. */
  private declaredIds(name: string, attributes: readonly HtmlAttribute[]): void {
    for (const attribute of attributes) {
      if (attribute.name === 'id' || (attribute.name === 'name' && name === 'a')) {
        const id = this.valueOf(attribute);
        if (id !== '') this.model.anchors.push({ id, span: { start: attribute.valueStart, end: attribute.valueEnd } });
      }
    }
  }

  private image(start: number, end: number, attributes: readonly HtmlAttribute[]): void {
    const record = this.recordOf(attributes);
    const src = findAttribute(attributes, 'src');
    const alt = findAttribute(attributes, 'alt');
    const img: ImageRef = {
      source: 'html',
      src: src !== undefined ? this.valueOf(src) : '',
      srcSpan: src !== undefined ? { start: src.valueStart, end: src.valueEnd } : { start: end, end },
      span: { start, end },
      alt: alt !== undefined ? this.valueOf(alt) : undefined,
      attributes: record,
      decorative: isDecorative(record),
    };
    if (alt !== undefined) img.altSpan = { start: alt.valueStart, end: alt.valueEnd };
    this.model.images.push(img);
    this.figures.image(img);
    // Inside a link, an image counts with its alt text in the link's text.
    const altText = img.alt !== undefined ? decodeEntities(img.alt) : '';
    if (this.inBlock) {
      if (this.anchor !== undefined) this.anchor.text += altText;
    } else if (altText !== '') {
      this.inlineText.imageAltByTagStart.set(start, altText);
    }
  }

  onCloseTag(name: string, start: number, end: number): void {
    this.figures.closeTag(name);
    if (name !== 'a' || this.anchor === undefined) return;
    const anchor = this.anchor;
    this.anchor = undefined;
    let text: string;
    if (this.inBlock) {
      text = collapseLineBreaks(decodeEntities(anchor.text));
    } else {
      // The text between the tags is Markdown: take its plain text from the
      // smallest node holding both tags, if they share an inline container.
      let container: SyntaxNode | null = this.source.tree.resolveInner(anchor.start, 1);
      while (container !== null && container.to < end) container = container.parent;
      if (container === null || !isInlineContainer(container.type.id)) {
        this.pushAnchor(anchor, undefined);
        return;
      }
      text = this.inlineText.between(container, anchor.openEnd, start);
    }
    this.pushAnchor(anchor, { text, textSpan: { start: anchor.openEnd, end: start }, end });
  }

  onComment(start: number, end: number, textStart: number, textEnd: number): void {
    this.model.comments.push({ text: this.withoutQuoteMarks(textStart, textEnd), span: { start, end } });
  }

  onText(start: number, end: number): void {
    if (this.figures.inCaption) this.figures.text(this.withoutQuoteMarks(start, end));
    if (this.inBlock && this.anchor !== undefined) this.anchor.text += this.withoutQuoteMarks(start, end);
  }

  private pushAnchor(anchor: OpenAnchor, closed: { text: string; textSpan: Span; end: number } | undefined): void {
    const link: LinkRef = {
      source: 'html',
      url: this.valueOf(anchor.href),
      urlSpan: { start: anchor.href.valueStart, end: anchor.href.valueEnd },
      span: { start: anchor.start, end: closed !== undefined ? closed.end : anchor.openEnd },
      param: 'href',
    };
    if (closed !== undefined) {
      link.text = closed.text;
      link.textSpan = closed.textSpan;
    }
    this.model.links.push(link);
  }

  /** An `<a href>` never closed in its block or paragraph: a link without text. */
  flushAnchor(): void {
    if (this.anchor !== undefined) {
      const anchor = this.anchor;
      this.anchor = undefined;
      this.pushAnchor(anchor, undefined);
    }
  }
}
