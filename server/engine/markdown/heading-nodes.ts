// The headings of the tree: level, plain text, span, and the id Hugo gives
// each one: an explicit `{#id}`, else one made from the raw text of its last
// line (headings.ts says how).

import type { SyntaxNode } from '@lezer/common';
import { HeadingIds, findTrailingAttributes } from './headings.js';
import type { BodySource, InlineText } from './inline-text.js';
import { NodeId } from './lezer.js';
import type { BodyModel, Heading } from './types.js';

const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;
const HASH = 0x23;

/** Where a heading's content lies; its id is made from `lastLineFrom` to `to`. */
interface HeadingContent {
  from: number;
  to: number;
  lastLineFrom: number;
}

function isSpaceOrTab(code: number): boolean {
  return code === SPACE || code === TAB;
}

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB || code === CARRIAGE_RETURN || code === LINE_FEED;
}

/** `## Title`: after the opening #'s and spaces, up to the trailing blanks. */
function atxContent(text: string, node: SyntaxNode): HeadingContent {
  const open = node.firstChild;
  let from = open !== null && open.type.id === NodeId.HeaderMark ? open.to : node.from;
  let to = node.to;
  while (from < to && isSpaceOrTab(text.charCodeAt(from))) from++;
  while (to > from && isBlank(text.charCodeAt(to - 1))) to--;
  return { from, to, lastLineFrom: from };
}

/** Lines of text over a `===` or `---` underline. */
function setextContent(text: string, node: SyntaxNode): HeadingContent {
  const underline = node.lastChild;
  const from = node.from;
  let to = underline !== null && underline.type.id === NodeId.HeaderMark ? underline.from : node.to;
  // The underline has a line of its own (possibly behind quote markers).
  const lineBreak = text.lastIndexOf('\n', to - 1);
  if (lineBreak >= from) to = lineBreak;
  while (to > from && isBlank(text.charCodeAt(to - 1))) to--;
  let lastLineFrom = from;
  for (let i = to - 1; i >= from; i--) {
    if (text.charCodeAt(i) === LINE_FEED) {
      lastLineFrom = i + 1;
      break;
    }
  }
  // Block-quote markers at the start of the last line are not content.
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.type.id === NodeId.QuoteMark && child.from >= lastLineFrom && child.to <= to) lastLineFrom = child.to;
  }
  while (lastLineFrom < to && isSpaceOrTab(text.charCodeAt(lastLineFrom))) lastLineFrom++;
  return { from, to, lastLineFrom };
}

/** Takes a `{#id .class}` block off the end of the content; returns the id it sets, if any. */
function takeAttributeBlock(text: string, content: HeadingContent): string | undefined {
  const attributes = findTrailingAttributes(text, content.lastLineFrom, content.to);
  if (attributes === undefined) return undefined;
  content.to = attributes.start;
  while (content.to > content.lastLineFrom && isBlank(text.charCodeAt(content.to - 1))) content.to--;
  return attributes.id;
}

/** Takes the closing #'s of an ATX heading (`## Title ##`) off the end of the content. */
function takeClosingSequence(text: string, content: HeadingContent): void {
  if (content.to <= content.from) return;
  let beforeHashes = content.to - 1;
  while (beforeHashes > content.from && text.charCodeAt(beforeHashes) === HASH) beforeHashes--;
  if (beforeHashes === content.from && text.charCodeAt(beforeHashes) === HASH) {
    // Nothing but #'s: an empty heading.
    content.to = content.from;
  } else if (beforeHashes !== content.to - 1 && isSpaceOrTab(text.charCodeAt(beforeHashes))) {
    // The closing #'s count only after a space.
    content.to = beforeHashes;
    while (content.to > content.from && isSpaceOrTab(text.charCodeAt(content.to - 1))) content.to--;
  }
}

export class HeadingCollector {
  private readonly text: string;
  private readonly model: BodyModel;
  private readonly ids = new HeadingIds();

  constructor(
    source: BodySource,
    private readonly inlineText: InlineText,
  ) {
    this.text = source.text;
    this.model = source.model;
  }

  /** An ATX heading (`## Title`), or a setext one (a title over `===` or `---`). */
  add(node: SyntaxNode, level: number, setext: boolean): void {
    const text = this.text;
    const content = setext ? setextContent(text, node) : atxContent(text, node);
    let spanEnd = node.to;
    while (spanEnd > node.from && isBlank(text.charCodeAt(spanEnd - 1))) spanEnd--;
    // Goldmark: `{#id}` on the last line first, then (ATX) the closing #'s; an `{#id}`
    // before the closing #'s (`## Title {#id} ##`) counts too.
    let explicitId = takeAttributeBlock(text, content);
    if (!setext) takeClosingSequence(text, content);
    if (!setext && explicitId === undefined) explicitId = takeAttributeBlock(text, content);
    if (content.lastLineFrom > content.to) content.lastLineFrom = content.to;

    const plain = this.inlineText.between(node, content.from, content.to);
    let id: string;
    if (explicitId !== undefined) {
      this.ids.put(explicitId);
      id = explicitId;
    } else {
      id = this.ids.generate(text.slice(content.lastLineFrom, content.to));
    }
    const heading: Heading = { level, text: plain, span: { start: node.from, end: spanEnd }, id };
    if (explicitId !== undefined) heading.explicitId = explicitId;
    this.model.headings.push(heading);
  }
}
