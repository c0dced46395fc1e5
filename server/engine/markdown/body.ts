// Parses a post's Markdown body into the model the rules read. Shortcodes are
// found first, as Hugo does; then one @lezer/markdown parse with the shortcode
// tags masked, and one pass of a TreeCursor that hands each node to what reads
// it: links.ts, html-elements.ts, heading-nodes.ts (code ranges are kept here).
// body-shortcodes.ts then joins the shortcodes in.

import { NodeType, Tree } from '@lezer/common';
import type { SyntaxNode, TreeCursor } from '@lezer/common';
import type { MarkdownParser } from '@lezer/markdown';
import { addShortcodes } from './body-shortcodes.js';
import { readFence } from './code-fences.js';
import { HeadingCollector } from './heading-nodes.js';
import { HtmlElements } from './html-elements.js';
import { InlineText } from './inline-text.js';
import type { BodySource } from './inline-text.js';
import { markdownParser, NodeId as importedNodeId, passthroughParser } from './lezer.js';
import { LinkCollector, type InlineStart } from './links.js';
import { mayHaveNestedBrackets, withoutUndefinedReferences } from './nested-brackets.js';
import { checkInlineMarks, checkNesting } from './nesting.js';
import { mayHavePassthrough } from './passthrough.js';
import { scanShortcodes } from './shortcodes.js';
import type { BodyModel, PassthroughDelimiter, Span } from './types.js';

/**
 * A module-local copy of the node ids: under tsx (tests, bench/parse-body.ts)
 * every read of an imported binding is a getter call, and ids are read at
 * every node.
 */
const NodeId = importedNodeId;

/** The model of a post without a body. */
export function emptyBody(): BodyModel {
  return {
    links: [],
    images: [],
    headings: [],
    comments: [],
    shortcodes: [],
    shortcodeProblems: [],
    code: [],
    definitions: [],
    anchors: [],
    fences: [],
    passthrough: [],
  };
}

function byStart(left: { span: Span }, right: { span: Span }): number {
  return left.span.start - right.span.start;
}

/**
 * The text Markdown sees: `text` with each shortcode tag and shortcode comment
 * replaced by as many 'x' characters, so that nothing moves.
 */
function maskShortcodes(text: string, replaced: readonly Span[]): string {
  if (replaced.length === 0) return text;
  let out = '';
  let pos = 0;
  for (const range of replaced) {
    out += text.slice(pos, range.start) + 'x'.repeat(range.end - range.start);
    pos = range.end;
  }
  return out + text.slice(pos);
}

/**
 * Parses the body alone, as the whole document it is for Markdown, and hangs
 * its tree at `bodyStart` under a root as long as the file: every node then
 * reads at its offset in the file, and no span needs shifting.
 */
function parseMarkdown(parser: MarkdownParser, markdown: string, bodyStart: number, shouldStop: (() => boolean) | undefined): Tree {
  const input = bodyStart === 0 ? markdown : markdown.slice(bodyStart);
  const body = shouldStop ? parseUnlessStopped(parser, input, shouldStop) : parser.parse(input);
  return new Tree(NodeType.none, [body], [bodyStart], markdown.length);
}

/**
 * The parser's own steps (a block, or a paragraph's inline content), asking between
 * them whether to go on: a body too slow to parse is given up on mid-way.
 */
function parseUnlessStopped(parser: MarkdownParser, input: string, shouldStop: () => boolean): Tree {
  const parse = parser.startParse(input);
  for (;;) {
    const done = parse.advance();
    if (done) return done;
    if (shouldStop()) throw new BodyParseStopped();
  }
}

/** The body's parse was given up on: `BodyOptions.shouldStop` said so. */
export class BodyParseStopped extends Error {
  constructor() {
    super('parsing it took too long');
  }
}

/** One pass over the tree, handing each node to what reads it. */
class BodyWalk {
  private readonly model: BodyModel;
  private readonly links: LinkCollector;
  private readonly html: HtmlElements;
  private readonly headings: HeadingCollector;

  /** Where the body starts: its tree's Document node, under a root as long as the file. */
  private readonly bodyStart: number;

  constructor(private readonly source: BodySource) {
    this.model = source.model;
    this.bodyStart = source.tree.topNode.firstChild?.from ?? 0;
    const inlineText = new InlineText(source);
    this.links = new LinkCollector(source, inlineText);
    this.html = new HtmlElements(source, inlineText);
    this.headings = new HeadingCollector(source, inlineText);
  }

  run(): void {
    this.walk();
    // What waits for the end of the body: an `<a>` never closed, the text of
    // links (the HTML inside them is read after them), and references whose
    // definitions come further down.
    this.html.flushAnchor();
    this.links.readTexts();
    this.links.resolveReferences();
  }

  private walk(): void {
    const cursor = this.source.tree.cursor();
    for (;;) {
      if (this.visit(cursor) && cursor.firstChild()) continue;
      for (;;) {
        if (cursor.nextSibling()) break;
        if (!cursor.parent()) return;
      }
    }
  }

  /** Reads the node at the cursor; returns whether its children are worth a visit. */
  private visit(cursor: TreeCursor): boolean {
    const id = cursor.type.id;
    switch (id) {
      case NodeId.FencedCode:
        this.model.fences.push(readFence(this.source.text, cursor.node));
        this.model.code.push({ start: cursor.from, end: cursor.to });
        return false;
      case NodeId.CodeBlock:
      case NodeId.InlineCode:
        this.model.code.push({ start: cursor.from, end: cursor.to });
        return false;
      case NodeId.Passthrough:
        this.model.passthrough.push({ start: cursor.from, end: cursor.to });
        return false;
      case NodeId.HTMLBlock:
      case NodeId.CommentBlock:
      case NodeId.ProcessingInstructionBlock:
      case NodeId.HTMLTag:
      case NodeId.Comment:
      case NodeId.ProcessingInstruction:
        this.html.scanNode(cursor);
        return false;
      case NodeId.Link:
      case NodeId.Image:
        // The text of a link may hold more: images, bare URLs, HTML.
        this.links.linkOrImage(cursor.node, id === NodeId.Image);
        return true;
      case NodeId.Autolink:
        this.links.autolink(cursor.node);
        return false;
      case NodeId.URL:
        this.links.bareUrl(cursor.from, cursor.to, inlineStart(cursor.node, this.bodyStart));
        return false;
      case NodeId.LinkReference:
        this.links.definition(cursor.node);
        return false;
      case NodeId.ATXHeading1:
      case NodeId.ATXHeading2:
      case NodeId.ATXHeading3:
      case NodeId.ATXHeading4:
      case NodeId.ATXHeading5:
      case NodeId.ATXHeading6:
        this.headings.add(cursor.node, id - NodeId.ATXHeading1 + 1, false);
        return true;
      case NodeId.SetextHeading1:
      case NodeId.SetextHeading2:
        this.headings.add(cursor.node, id - NodeId.SetextHeading1 + 1, true);
        return true;
      case NodeId.Escape:
      case NodeId.Entity:
      case NodeId.LinkMark:
      case NodeId.EmphasisMark:
      case NodeId.CodeMark:
      case NodeId.HeaderMark:
      case NodeId.QuoteMark:
      case NodeId.ListMark:
        // Escapes, entities and marks hold nothing the model wants.
        return false;
      default:
        return true;
    }
  }
}

/**
 * Parses the Markdown body of a post. `text` is the whole file, `bodyStart` the
 * offset where the body begins (after the front matter). Every span in the
 * result is an offset into `text`. An internal error escapes: the caller says
 * what a post whose body could not be read gets (service.ts reports it).
 */
export interface BodyOptions {
  /**
   * Shortcodes whose inner text is not Markdown (their templates print it as text or
   * code): between `{{< name >}}` and `{{< /name >}}` nothing is read, as in a code block.
   */
  rawInner?: ReadonlySet<string>;
  /** Asked between the parser's steps: true gives the parse up (`BodyParseStopped`). */
  shouldStop?: () => boolean;
  /**
   * The site's passthrough delimiters, block ones first (see `passthroughDelimiters` in
   * site/passthrough.ts): the text between them is not Markdown. None when the extension is off.
   */
  passthrough?: readonly PassthroughDelimiter[];
}

/** The parser for a body: the site's passthrough delimiters make a difference only where an opener is written. */
function parserFor(markdown: string, start: number, delimiters: readonly PassthroughDelimiter[] = []): MarkdownParser {
  return mayHavePassthrough(delimiters, markdown, start) ? passthroughParser(delimiters) : markdownParser;
}

export function parseBody(text: string, bodyStart: number, options: BodyOptions = {}): BodyModel {
  const start = Number.isFinite(bodyStart) ? Math.min(Math.max(Math.trunc(bodyStart), 0), text.length) : 0;
  const model = emptyBody();
  if (start === text.length) return model;
  checkNesting(text, start);
  checkInlineMarks(text, start);
  const shortcodes = scanShortcodes(text, start, text.length);
  let markdown = maskShortcodes(text, shortcodes.replaced);
  const parser = parserFor(markdown, start, options.passthrough);
  let tree = parseMarkdown(parser, markdown, start, options.shouldStop);
  if (mayHaveNestedBrackets(markdown, start)) {
    const blanked = withoutUndefinedReferences(tree, markdown);
    if (blanked !== undefined) tree = parseMarkdown(parser, (markdown = blanked), start, options.shouldStop);
  }
  new BodyWalk({ text, markdown, tree, model }).run();
  addShortcodes(model, shortcodes, options.rawInner);
  model.links.sort(byStart);
  model.images.sort(byStart);
  model.comments.sort(byStart);
  return model;
}

/**
 * Inline constructs Goldmark's parser consumes as a whole: it then reads on from
 * their end as from the start of a line, where its linkify looks for URLs. (An escape
 * or an entity is read as text, and is no such place.)
 */
const CONSTRUCTS_READ_WHOLE: ReadonlySet<number> = new Set([NodeId.Link, NodeId.Image, NodeId.InlineCode, NodeId.HTMLTag, NodeId.Autolink, NodeId.Comment, NodeId.ProcessingInstruction, NodeId.Passthrough]);

/**
 * What comes right before a node, as Goldmark's linkify sees it: `fresh` where its
 * parser begins reading inline text afresh (the body's start, a table cell's, the end
 * of a construct it read whole); `escaped` after a backslash escape, whose character
 * is text and triggers nothing; else `text`, for `linkifiedAt` to judge by the character.
 */
function inlineStart(node: SyntaxNode, bodyStart: number): InlineStart {
  if (node.from === bodyStart) return 'fresh';
  const parent = node.parent;
  if (parent?.type.id === NodeId.TableCell && node.from === parent.from) return 'fresh';
  const before = node.prevSibling;
  if (before === null || before.to !== node.from) return 'text';
  if (before.type.id === NodeId.Escape) return 'escaped';
  return CONSTRUCTS_READ_WHOLE.has(before.type.id) ? 'fresh' : 'text';
}
