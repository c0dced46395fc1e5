// The body walk: shortcodes first (as Hugo does), then one @lezer/markdown
// parse of the body with the shortcode tags masked out, then one TreeCursor
// pass that collects links, images, headings, comments, code and definitions.

import type { Tree } from '@lezer/common';
import { HeadingCollector } from './heading-nodes.js';
import { InlineText } from './inline-text.js';
import type { BodySource } from './inline-text.js';
import { HtmlElements, isDecorative } from './html-elements.js';
import { markdownParser, NodeId } from './lezer.js';
import { LinkCollector } from './links.js';
import {
  CODE_SHORTCODES,
  IMAGE_SHORTCODE_PARAMS,
  LINK_SHORTCODE_PARAMS,
  LINK_SHORTCODE_TEXT_PARAMS,
  lookupShortcodeTable,
  scanShortcodes,
} from './shortcodes.js';
import type { ShortcodeScan } from './shortcodes.js';
import type {
  BodyModel,
  ImageRef,
  LinkRef,
  Shortcode,
  ShortcodeProblem,
  Span,
} from './types.js';

/** Local alias: one module-binding read instead of one per node. */
const N = NodeId;

function emptyModel(): BodyModel {
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
  };
}

function byStart(a: { span: Span }, b: { span: Span }): number {
  return a.span.start - b.span.start;
}

/**
 * The text Markdown parses: the front matter blanked to spaces ending in a line
 * break, and each shortcode range replaced by as many 'x' characters. Nothing
 * moves, so every node of the tree is at its offset in the file; and one blank
 * line before the body leaves its tree as it would be alone (checked by a test).
 */
function markdownSource(text: string, bodyStart: number, replaced: readonly Span[]): string {
  if (bodyStart === 0 && replaced.length === 0) return text;
  let out = bodyStart === 0 ? '' : ' '.repeat(bodyStart - 1) + '\n';
  let pos = bodyStart;
  for (const range of replaced) {
    out += text.slice(pos, range.start) + 'x'.repeat(range.end - range.start);
    pos = range.end;
  }
  return out + text.slice(pos);
}

class BodyParser {
  private readonly tree: Tree;
  private readonly model: BodyModel;
  private readonly inlineText: InlineText;
  private readonly links: LinkCollector;
  private readonly headings: HeadingCollector;
  private readonly html: HtmlElements;

  constructor(source: BodySource) {
    this.tree = source.tree;
    this.model = source.model;
    this.inlineText = new InlineText(source);
    this.links = new LinkCollector(source, this.inlineText);
    this.html = new HtmlElements(source, this.inlineText);
    this.headings = new HeadingCollector(source, this.inlineText);
  }

  /** Collects the model in offsets into the whole file. */
  run(shortcodes: ShortcodeScan): void {
    this.walk(this.tree);
    this.html.flushAnchor();
    this.links.resolveReferences();
    this.addShortcodes(shortcodes.shortcodes, shortcodes.problems);
  }

  // ---------------------------------------------------------------- walk

  private walk(tree: Tree): void {
    const c = tree.cursor();
    for (;;) {
      let enter = true;
      switch (c.type.id) {
        case N.CodeBlock:
        case N.FencedCode:
        case N.InlineCode:
          this.model.code.push({ start: c.from, end: c.to });
          enter = false;
          break;
        case N.HTMLBlock:
        case N.CommentBlock:
        case N.ProcessingInstructionBlock:
        case N.HTMLTag:
        case N.Comment:
        case N.ProcessingInstruction:
          this.html.scanNode(c);
          enter = false;
          break;
        case N.Link:
        case N.Image:
          this.links.linkOrImage(c.node, c.type.id === N.Image);
          break;
        case N.Autolink:
          this.links.autolink(c.node);
          enter = false;
          break;
        case N.URL:
          this.links.bareUrl(c.from, c.to);
          enter = false;
          break;
        case N.LinkReference:
          this.links.definition(c.node);
          enter = false;
          break;
        case N.ATXHeading1:
        case N.ATXHeading2:
        case N.ATXHeading3:
        case N.ATXHeading4:
        case N.ATXHeading5:
        case N.ATXHeading6:
          this.headings.add(c.node, c.type.id - N.ATXHeading1 + 1, false);
          break;
        case N.SetextHeading1:
        case N.SetextHeading2:
          this.headings.add(c.node, c.type.id - N.SetextHeading1 + 1, true);
          break;
        case N.Escape:
        case N.Entity:
        case N.LinkMark:
        case N.EmphasisMark:
        case N.CodeMark:
        case N.HeaderMark:
        case N.QuoteMark:
        case N.ListMark:
          enter = false;
          break;
      }
      if (enter && c.firstChild()) continue;
      for (;;) {
        if (c.nextSibling()) break;
        if (!c.parent()) return;
      }
    }
  }

  // ---------------------------------------------------------------- shortcodes

  private addShortcodes(shortcodes: readonly Shortcode[], problems: readonly ShortcodeProblem[]): void {
    const model = this.model;
    const inCode = makeCodeLookup(model.code);
    const kept = shortcodes.filter((sc) => !inCode(sc.span.start));
    const keptProblems = problems.filter((p) => !inCode(p.span.start));

    // The inner text of a paired code shortcode ({{< highlight >}}…{{< /highlight >}}) is code.
    const codeInner = pairedCodeShortcodes(kept);
    if (codeInner.length > 0) {
      const inInner = makeCodeLookup(codeInner);
      const outside = (x: { span: Span }) => !inInner(x.span.start);
      model.links = model.links.filter(outside);
      model.images = model.images.filter(outside);
      model.comments = model.comments.filter(outside);
      model.headings = model.headings.filter(outside);
      model.definitions = model.definitions.filter(outside);
      model.anchors = model.anchors.filter(outside);
      model.code = model.code.filter((s) => !inInner(s.start)).concat(codeInner).sort((a, b) => a.start - b.start);
      const keep = (x: { span: Span }) => !inInner(x.span.start);
      model.shortcodes = kept.filter(keep);
      model.shortcodeProblems = keptProblems.filter(keep);
    } else {
      model.shortcodes = kept;
      model.shortcodeProblems = keptProblems;
    }

    for (const sc of model.shortcodes) {
      if (sc.closing) continue;
      const linkParams = lookupShortcodeTable(LINK_SHORTCODE_PARAMS, sc.name);
      if (linkParams !== undefined) {
        const textParam = lookupShortcodeTable(LINK_SHORTCODE_TEXT_PARAMS, sc.name);
        const textValue = textParam !== undefined ? sc.params.find((p) => p.name === textParam) : undefined;
        for (const param of sc.params) {
          if (param.name === undefined || !linkParams.includes(param.name)) continue;
          const link: LinkRef = {
            source: 'shortcode',
            url: param.value,
            urlSpan: param.valueSpan,
            span: sc.span,
            shortcode: sc.name,
            param: param.name,
          };
          if (textValue !== undefined) {
            link.text = textValue.value;
            link.textSpan = textValue.valueSpan;
          }
          this.model.links.push(link);
        }
      }
      const imageParams = lookupShortcodeTable(IMAGE_SHORTCODE_PARAMS, sc.name);
      if (imageParams !== undefined) {
        const attributes: Record<string, string> = {};
        for (const p of sc.params) {
          if (p.name === undefined) continue;
          const key = p.name.toLowerCase();
          if (key === '__proto__' || Object.prototype.hasOwnProperty.call(attributes, key)) continue;
          attributes[key] = p.value;
        }
        const src = sc.params.find((p) => p.name !== undefined && p.name.toLowerCase() === imageParams.src);
        const alt = sc.params.find((p) => p.name !== undefined && p.name.toLowerCase() === imageParams.alt);
        const img: ImageRef = {
          source: 'shortcode',
          src: src !== undefined ? src.value : '',
          srcSpan: src !== undefined ? src.valueSpan : { start: sc.nameSpan.end, end: sc.nameSpan.end },
          span: sc.span,
          alt: alt !== undefined ? alt.value : undefined,
          attributes,
          decorative: isDecorative(attributes),
          shortcode: sc.name,
        };
        if (alt !== undefined) img.altSpan = alt.valueSpan;
        this.model.images.push(img);
      }
    }
  }
}

/**
 * Inner ranges of paired code shortcodes, e.g. `{{< highlight go >}}` ...
 * `{{< /highlight >}}`, sorted and disjoint (nested pairs are inside outer ones).
 */
function pairedCodeShortcodes(shortcodes: readonly Shortcode[]): Span[] {
  const ranges: Span[] = [];
  const open: Shortcode[] = [];
  for (const sc of shortcodes) {
    if (!CODE_SHORTCODES.has(sc.name) || sc.selfClosing) continue;
    if (!sc.closing) {
      open.push(sc);
      continue;
    }
    for (let i = open.length - 1; i >= 0; i--) {
      if (open[i].name !== sc.name) continue;
      const start = open[i].span.end;
      open.length = i;
      // Drop ranges nested in this one.
      while (ranges.length > 0 && ranges[ranges.length - 1].start >= start) ranges.pop();
      ranges.push({ start, end: sc.span.start });
      break;
    }
  }
  return ranges;
}

/**
 * Membership test for positions in ascending order against sorted, disjoint
 * code spans (queries may also go backwards; it then restarts).
 */
function makeCodeLookup(code: readonly Span[]): (pos: number) => boolean {
  let i = 0;
  let last = -1;
  return (pos) => {
    if (pos < last) i = 0;
    last = pos;
    while (i < code.length && code[i].end <= pos) i++;
    return i < code.length && code[i].start <= pos;
  };
}

/**
 * Like {@link parseBody} but lets internal errors escape; for tests that must
 * see them.
 */
export function parseBodyStrict(text: string, bodyStart: number): BodyModel {
  const start = Number.isFinite(bodyStart) ? Math.min(Math.max(Math.trunc(bodyStart), 0), text.length) : 0;
  const model = emptyModel();
  if (start === text.length) return model;
  const shortcodes = scanShortcodes(text, start, text.length);
  const markdown = markdownSource(text, start, shortcodes.replaced);
  new BodyParser({ text, markdown, tree: markdownParser.parse(markdown), model }).run(shortcodes);
  model.links.sort(byStart);
  model.images.sort(byStart);
  model.comments.sort(byStart);
  return model;
}

/**
 * Parses the Markdown body of a post. `text` is the whole file, `bodyStart` the
 * offset where the body begins (after the front matter). Every span in the
 * result is an offset into `text`. Never throws: on an internal error the
 * result is an empty model.
 */
export function parseBody(text: string, bodyStart: number): BodyModel {
  try {
    return parseBodyStrict(typeof text === 'string' ? text : String(text ?? ''), bodyStart);
  } catch {
    return emptyModel();
  }
}
