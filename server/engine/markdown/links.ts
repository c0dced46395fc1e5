// Links and images written in Markdown: inline ones (`[text](url "title")`),
// references (`[text][label]`, `[text][]`, `[label]`) matched with their
// definitions (`[label]: url`) once the whole body is read, autolinks
// (`<https://…>`), and the bare URLs GFM turns into links.

import type { SyntaxNode } from '@lezer/common';
import type { BodySource, InlineText } from './inline-text.js';
import { NodeId as importedNodeId } from './lezer.js';
import { lineTextStart } from './line-text.js';
import type { BodyModel, ImageRef, LinkDefinition, LinkRef, Span } from './types.js';

/** A module-local copy of the node ids, read at every node (see body.ts). */
const NodeId = importedNodeId;

const OPEN_PAREN = 0x28;
const LESS_THAN = 0x3c;
const GREATER_THAN = 0x3e;
const CLOSE_BRACKET = 0x5d;
const CARET = 0x5e;

/** CommonMark label matching: case-insensitive, inner whitespace collapsed. */
export function normalizeLabel(label: string): string {
  return label.trim().replace(/[ \t\r\n]+/g, ' ').toLowerCase().toUpperCase();
}

/** The text of a link or the alt of an image: as plain text, and where it is written. */
interface LinkText {
  text: string;
  span: Span;
}

/** A reference-style link or image waiting for all definitions to be known. */
interface PendingReference {
  image: boolean;
  /** Normalized label to look up. */
  key: string;
  /** Label as written. */
  label: string;
  span: Span;
  /** Link text / alt text. */
  text: string;
  textSpan: Span;
  /** For `[text][missing]`: `[text]` alone may still be a shortcut reference. */
  fallback?: { key: string; label: string; span: Span };
}

/** The children of a Link or Image node that say what it is, found in one pass. */
interface LinkParts {
  /** The `]` that ends the text. */
  close: SyntaxNode;
  /** The `(` of an inline link; null for a reference. */
  openParen: SyntaxNode | null;
  url: SyntaxNode | null;
  title: SyntaxNode | null;
  label: SyntaxNode | null;
}


function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d || code === 0x0a;
}

export class LinkCollector {
  private readonly text: string;
  private readonly markdown: string;
  private readonly model: BodyModel;
  private readonly definitionsByKey = new Map<string, LinkDefinition>();
  private readonly pending: PendingReference[] = [];
  /** Where the outermost Link or Image being walked ends: a URL inside it is no link of its own. */
  private outerEnd = -1;
  /**
   * Links and images whose text is read once the walk is done: their children (an inline
   * `<img alt>` among them, whose alt stands for it in the text) are walked after them.
   */
  private readonly untold: { node: SyntaxNode; linkText: LinkText; owner: LinkRef | ImageRef | PendingReference }[] = [];

  constructor(
    source: BodySource,
    private readonly inlineText: InlineText,
  ) {
    this.text = source.text;
    this.markdown = source.markdown;
    this.model = source.model;
  }

  /** A Link or Image node: an inline link now, a reference once every definition is known. */
  linkOrImage(node: SyntaxNode, image: boolean): void {
    const parts = this.partsOf(node);
    if (parts === undefined) return;
    const textFrom = node.from + (image ? 2 : 1);
    const textTo = parts.close.from;
    const linkText = { text: '', span: { start: textFrom, end: textTo } };
    if (node.from >= this.outerEnd) this.outerEnd = node.to;
    if (parts.openParen !== null) {
      this.untold.push({ node, linkText, owner: this.inlineLink(node, image, parts, linkText) });
      return;
    }
    const pending = this.reference(node, image, parts, linkText);
    this.pending.push(pending);
    this.untold.push({ node, linkText, owner: pending });
  }

  /** Reads the text of every link and the alt of every Markdown image, once the walk has read the HTML inside them. */
  readTexts(): void {
    for (const { node, linkText, owner } of this.untold) {
      const text = this.inlineText.between(node, linkText.span.start, linkText.span.end);
      if ('alt' in owner) owner.alt = text;
      else owner.text = text;
    }
    this.untold.length = 0;
  }

  private partsOf(node: SyntaxNode): LinkParts | undefined {
    let close: SyntaxNode | null = null;
    let openParen: SyntaxNode | null = null;
    let url: SyntaxNode | null = null;
    let title: SyntaxNode | null = null;
    let label: SyntaxNode | null = null;
    for (let child = node.firstChild; child; child = child.nextSibling) {
      const id = child.type.id;
      if (id === NodeId.LinkMark) {
        const mark = this.markdown.charCodeAt(child.from);
        if (close === null) {
          if (mark === CLOSE_BRACKET && child.from > node.from) close = child;
        } else if (mark === OPEN_PAREN && openParen === null) {
          openParen = child;
        }
      } else if (close !== null) {
        if (id === NodeId.URL && url === null) url = child;
        else if (id === NodeId.LinkTitle) title = child;
        else if (id === NodeId.LinkLabel) label = child;
      }
    }
    return close === null ? undefined : { close, openParen, url, title, label };
  }

  /** `[text](url "title")` or `![alt](src "title")`. */
  private inlineLink(node: SyntaxNode, image: boolean, parts: LinkParts, linkText: LinkText): LinkRef | ImageRef {
    // `[text]()` has an empty destination, right after the `(`.
    const afterParen = parts.openParen!.to;
    const urlSpan = parts.url !== null ? this.destination(parts.url.from, parts.url.to) : { start: afterParen, end: afterParen };
    const url = this.text.slice(urlSpan.start, urlSpan.end);
    const title = this.titleOf(parts.title);
    const span = { start: node.from, end: node.to };
    if (image) {
      const img: ImageRef = { source: 'markdown', src: url, srcSpan: urlSpan, span, alt: linkText.text, altSpan: linkText.span, attributes: {}, decorative: false };
      if (title !== undefined) img.attributes['title'] = title;
      this.model.images.push(img);
      return img;
    }
    const link: LinkRef = { source: 'markdown', url, urlSpan, span, text: linkText.text, textSpan: linkText.span };
    if (title !== undefined) link.title = title;
    this.model.links.push(link);
    return link;
  }

  /** `[text][label]`, `[text][]` or `[text]`: resolved once every definition is known. */
  private reference(node: SyntaxNode, image: boolean, parts: LinkParts, linkText: LinkText): PendingReference {
    const { text, span: textSpan } = linkText;
    const written = this.text.slice(textSpan.start, textSpan.end);
    const label = parts.label;
    if (label !== null && label.to - label.from > 2) {
      const labelText = this.text.slice(label.from + 1, label.to - 1);
      return {
        image,
        key: normalizeLabel(labelText),
        label: labelText,
        span: { start: node.from, end: node.to },
        text,
        textSpan,
        fallback: { key: normalizeLabel(written), label: written, span: { start: node.from, end: parts.close.to } },
      };
    }
    return { image, key: normalizeLabel(written), label: written, span: { start: node.from, end: node.to }, text, textSpan };
  }

  /** Where a link destination is written, without the `<` `>` that may wrap it. */
  private destination(from: number, to: number): Span {
    const wrapped = this.markdown.charCodeAt(from) === LESS_THAN && to - from >= 2 && this.markdown.charCodeAt(to - 1) === GREATER_THAN;
    return wrapped ? { start: from + 1, end: to - 1 } : { start: from, end: to };
  }

  /** A link title without its quotes or parentheses. */
  private titleOf(title: SyntaxNode | null): string | undefined {
    return title !== null && title.to - title.from >= 2 ? this.text.slice(title.from + 1, title.to - 1) : undefined;
  }

  /** `<https://…>` */
  autolink(node: SyntaxNode): void {
    const url = node.getChild('URL');
    if (url === null) return;
    this.model.links.push({
      source: 'autolink',
      url: this.text.slice(url.from, url.to),
      urlSpan: { start: url.from, end: url.to },
      span: { start: node.from, end: node.to },
    });
  }

  /**
   * A URL GFM links: a link of its own, unless Goldmark would leave it as text. It
   * does inside brackets, whether they make a link or not (its linkify never looks
   * inside a link's text: `[see https://…]` stays text even when no definition makes
   * it a link), and where its linkify is not triggered (`linkifiedAt`). `startsInline`:
   * the URL starts where Goldmark begins reading inline text afresh (the body's or a
   * table cell's start, the end of a link, a code span or an HTML tag).
   */
  bareUrl(from: number, to: number, start: InlineStart): void {
    if (from < this.outerEnd || !linkifiedAt(this.markdown, from, start)) return;
    this.pushBare(from, to);
  }

  private pushBare(from: number, start: number): void {
    const to = withQueryOrFragment(this.text, from, start);
    const span = { start: from, end: to };
    this.model.links.push({ source: 'bare', url: this.text.slice(from, to), urlSpan: span, span: { start: from, end: to } });
  }

  /** `[label]: url "title"`; or a footnote, `[^label]: text`. */
  definition(node: SyntaxNode): void {
    const labelNode = node.getChild('LinkLabel');
    const urlNode = node.getChild('URL');
    if (labelNode === null || urlNode === null) return;
    const urlSpan = this.destination(urlNode.from, urlNode.to);
    const label = this.text.slice(labelNode.from + 1, Math.max(labelNode.from + 1, labelNode.to - 1));
    if (label.charCodeAt(0) === CARET) {
      this.footnote(urlNode, urlSpan);
      return;
    }
    let end = node.to;
    while (end > node.from && isBlank(this.text.charCodeAt(end - 1))) end--;
    const definition: LinkDefinition = { label, url: this.text.slice(urlSpan.start, urlSpan.end), urlSpan, span: { start: node.from, end } };
    const title = this.titleOf(node.getChild('LinkTitle'));
    if (title !== undefined) definition.title = title;
    this.model.definitions.push(definition);
    const key = normalizeLabel(label);
    // The first definition of a label wins, as in CommonMark.
    if (!this.definitionsByKey.has(key)) this.definitionsByKey.set(key, definition);
  }

  /**
   * `[^note]: …` is a footnote in Hugo (Goldmark's footnote extension is on by
   * default), not a link definition: its text is Markdown. What CommonMark would take
   * for the definition's destination is the start of that text: `<https://…>` there is
   * an autolink, and a URL written bare is linkified.
   */
  private footnote(urlNode: SyntaxNode, urlSpan: Span): void {
    const url = this.markdown.slice(urlSpan.start, urlSpan.end);
    const bracketed = urlSpan.start > urlNode.from;
    if (bracketed && AUTOLINK_URI.test(url)) {
      this.model.links.push({ source: 'autolink', url: this.text.slice(urlSpan.start, urlSpan.end), urlSpan, span: { start: urlNode.from, end: urlNode.to } });
    } else if (!bracketed && /^(?:https?:\/\/|www\.)/i.test(url)) this.pushBare(urlSpan.start, urlSpan.end);
  }

  /** Once every definition is known: each reference becomes a link or an image, or its bare URLs become links. */
  resolveReferences(): void {
    for (const reference of this.pending) {
      let definition = this.definitionsByKey.get(reference.key);
      let { span, label } = reference;
      if (definition === undefined && reference.fallback !== undefined) {
        definition = this.definitionsByKey.get(reference.fallback.key);
        ({ span, label } = reference.fallback);
      }
      if (definition === undefined) continue;
      if (reference.image) {
        this.model.images.push(referenceImage(reference, definition, span, label));
      } else {
        this.model.links.push(referenceLink(reference, definition, span, label));
      }
    }
  }
}

function referenceImage(reference: PendingReference, definition: LinkDefinition, span: Span, label: string): ImageRef {
  const img: ImageRef = {
    source: 'markdown',
    src: definition.url,
    srcSpan: definition.urlSpan,
    span,
    alt: reference.text,
    altSpan: reference.textSpan,
    attributes: {},
    decorative: false,
    label,
  };
  if (definition.title !== undefined) img.attributes['title'] = definition.title;
  return img;
}

function referenceLink(reference: PendingReference, definition: LinkDefinition, span: Span, label: string): LinkRef {
  const link: LinkRef = { source: 'reference', url: definition.url, urlSpan: definition.urlSpan, span, text: reference.text, textSpan: reference.textSpan, label };
  if (definition.title !== undefined) link.title = definition.title;
  return link;
}

/** What comes right before a bare URL, as Goldmark's linkify sees it (`inlineStart` in body.ts). */
export type InlineStart = 'fresh' | 'escaped' | 'text';

/** The characters Goldmark's linkify is triggered by, besides white space: a URL right after one is linked. */
const LINKIFY_TRIGGERS = new Set(['*', '_', '~', '(']);

/**
 * Whether Goldmark links a URL found at `from`. Its linkify extension looks for one
 * only at the start of a line or right after white space, `*`, `_`, `~` or `(`, where
 * the start of a line is also wherever its parser reads on after a construct it took
 * whole (`fresh`: a link, a code span, an HTML tag; and the quotes, dashes and
 * ellipses its typographer replaces), but not after an escaped character. A URL after a colon, a letter or other
 * punctuation (`Colon:https://…`, `中文见https://…`) stays text on the published page,
 * though GFM's autolink, which @lezer/markdown follows, only asks that no letter or
 * digit come before it. Checked against Hugo 0.111's output.
 */
function linkifiedAt(markdown: string, from: number, start: InlineStart): boolean {
  if (start !== 'text') return start === 'fresh';
  const before = markdown[from - 1];
  if (/\s/.test(before) || LINKIFY_TRIGGERS.has(before)) return true;
  if (before === '"' || before === "'" || markdown.endsWith('--', from) || markdown.endsWith('...', from)) return true;
  // Right after a block quote's `>`: the start of the quoted line's text.
  return before === '>' && lineTextStart(markdown, from) === from;
}

/** What CommonMark links between angle brackets: a scheme of 2 to 32 characters, a colon, then no blank, `<` or `>`. */
const AUTOLINK_URI = /^[a-z][a-z0-9+.-]{1,31}:[^\s<>\x00-\x1f]*$/i;

const TRAILING_PUNCTUATION = new Set(['?', '!', '.', ',', ':', '*', '_', '~', "'", '"']);

/**
 * The end of a bare URL as Goldmark's linkify finds it: a query or fragment right after
 * the host (`https://example.com#install`) belongs to the URL, which the GFM autolink
 * stops before; trailing punctuation and an unmatched `)` do not.
 */
export function withQueryOrFragment(text: string, from: number, to: number): number {
  const next = text[to];
  if ((next !== '#' && next !== '?') || text.slice(from, to).includes('@')) return to;
  let end = to;
  let opened = 0;
  let closed = 0;
  for (let i = from; i < to; i++) {
    if (text[i] === '(') opened++;
    else if (text[i] === ')') closed++;
  }
  while (end < text.length && !/[\s<]/.test(text[end])) {
    if (text[end] === '(') opened++;
    else if (text[end] === ')') closed++;
    end++;
  }
  // Each step drops one character: linear in the URL, whatever it holds.
  while (end > to) {
    const last = text[end - 1];
    if (TRAILING_PUNCTUATION.has(last)) end--;
    else if (last === ')' && closed > opened) {
      end--;
      closed--;
    } else break;
  }
  return end;
}
