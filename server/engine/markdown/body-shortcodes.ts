// The shortcodes the body keeps, and what they add to the model. A tag inside
// code is text, not a shortcode. The inner text of a paired code shortcode
// (`{{< highlight go >}}` … `{{< /highlight >}}`) is code, where nothing is
// checked, as in a fenced block. Some shortcodes make links and images
// (`button`, `figure`, `img`: the tables in shortcodes.ts).

import { isDecorative } from './html-elements.js';
import {
  CODE_SHORTCODES,
  IMAGE_SHORTCODE_PARAMS,
  LINK_SHORTCODE_PARAMS,
  LINK_SHORTCODE_TEXT_PARAMS,
  lookupShortcodeTable,
} from './shortcodes.js';
import type { ShortcodeScan } from './shortcodes.js';
import type { BodyModel, ImageRef, LinkRef, Shortcode, Span } from './types.js';

/**
 * Adds the shortcodes of `scan` to a model the walk has filled: those outside
 * code, and the links and images they make.
 */
export function addShortcodes(model: BodyModel, scan: ShortcodeScan, rawInner: ReadonlySet<string> = NONE): void {
  const inCode = insideRanges(model.code);
  const kept = scan.shortcodes.filter((shortcode) => !inCode(shortcode.span.start));
  const keptProblems = scan.problems.filter((problem) => !inCode(problem.span.start));

  const codeInner = pairedCodeShortcodes(kept, rawInner);
  if (codeInner.length > 0) {
    const inInner = insideRanges(codeInner);
    const outside = (item: { span: Span }) => !inInner(item.span.start);
    model.links = model.links.filter(outside);
    model.images = model.images.filter(outside);
    model.comments = model.comments.filter(outside);
    model.headings = model.headings.filter(outside);
    model.definitions = model.definitions.filter(outside);
    model.anchors = model.anchors.filter(outside);
    model.code = model.code.filter((span) => !inInner(span.start)).concat(codeInner).sort((left, right) => left.start - right.start);
    model.shortcodes = kept.filter(outside);
    model.shortcodeProblems = keptProblems.filter(outside);
  } else {
    model.shortcodes = kept;
    model.shortcodeProblems = keptProblems;
  }

  for (const shortcode of model.shortcodes) {
    if (shortcode.closing) continue;
    pushShortcodeLinks(model, shortcode);
    const imageParams = lookupShortcodeTable(IMAGE_SHORTCODE_PARAMS, shortcode.name);
    if (imageParams !== undefined) model.images.push(shortcodeImage(shortcode, imageParams));
  }
}

/** A link for each parameter that holds a URL (`{{< button link="…" text="…" >}}`). */
function pushShortcodeLinks(model: BodyModel, shortcode: Shortcode): void {
  const linkParams = lookupShortcodeTable(LINK_SHORTCODE_PARAMS, shortcode.name);
  if (linkParams === undefined) return;
  const textParam = lookupShortcodeTable(LINK_SHORTCODE_TEXT_PARAMS, shortcode.name);
  const textValue = textParam !== undefined ? shortcode.params.find((param) => param.name === textParam) : undefined;
  for (const param of shortcode.params) {
    if (param.name === undefined || !linkParams.includes(param.name)) continue;
    const link: LinkRef = {
      source: 'shortcode',
      url: param.value,
      urlSpan: param.valueSpan,
      span: shortcode.span,
      shortcode: shortcode.name,
      param: param.name,
    };
    if (textValue !== undefined) {
      link.text = textValue.value;
      link.textSpan = textValue.valueSpan;
    }
    model.links.push(link);
  }
}

/** The image of `{{< img src="…" alt="…" >}}`, its named parameters read as attributes. */
function shortcodeImage(shortcode: Shortcode, imageParams: { readonly src: string; readonly alt: string }): ImageRef {
  const attributes: Record<string, string> = {};
  for (const param of shortcode.params) {
    if (param.name === undefined) continue;
    const key = param.name.toLowerCase();
    if (key === '__proto__' || Object.prototype.hasOwnProperty.call(attributes, key)) continue;
    attributes[key] = param.value;
  }
  const src = shortcode.params.find((param) => param.name !== undefined && param.name.toLowerCase() === imageParams.src);
  const alt = shortcode.params.find((param) => param.name !== undefined && param.name.toLowerCase() === imageParams.alt);
  const nameEnd = shortcode.nameSpan.end;
  const img: ImageRef = {
    source: 'shortcode',
    src: src !== undefined ? src.value : '',
    srcSpan: src !== undefined ? src.valueSpan : { start: nameEnd, end: nameEnd },
    span: shortcode.span,
    alt: alt !== undefined ? alt.value : undefined,
    attributes,
    decorative: isDecorative(attributes),
    shortcode: shortcode.name,
  };
  if (alt !== undefined) img.altSpan = alt.valueSpan;
  return img;
}

const NONE: ReadonlySet<string> = new Set();

/** Whether a shortcode's inner text is code or text, not Markdown: `{{% … %}}` always is Markdown, but for Hugo's `highlight`. */
function innerIsNotMarkdown(shortcode: Shortcode, rawInner: ReadonlySet<string>): boolean {
  return CODE_SHORTCODES.has(shortcode.name) || (shortcode.delimiter === '<' && rawInner.has(shortcode.name.toLowerCase()));
}

/**
 * Inner ranges of paired shortcodes whose inner text is not Markdown, e.g.
 * `{{< highlight go >}}` ... `{{< /highlight >}}`, sorted and disjoint (nested
 * pairs are inside outer ones).
 */
function pairedCodeShortcodes(shortcodes: readonly Shortcode[], rawInner: ReadonlySet<string>): Span[] {
  const ranges: Span[] = [];
  const open: Shortcode[] = [];
  for (const shortcode of shortcodes) {
    if (!innerIsNotMarkdown(shortcode, rawInner) || shortcode.selfClosing) continue;
    if (!shortcode.closing) {
      open.push(shortcode);
      continue;
    }
    for (let i = open.length - 1; i >= 0; i--) {
      if (open[i].name !== shortcode.name) continue;
      const start = open[i].span.end;
      open.length = i;
      // Drop ranges nested in this one.
      while (ranges.length > 0 && ranges[ranges.length - 1].start >= start) ranges.pop();
      ranges.push({ start, end: shortcode.span.start });
      break;
    }
  }
  return ranges;
}

/**
 * Whether a position lies in one of `ranges` (sorted, disjoint). Made for
 * positions asked in ascending order; asked backwards, it starts over.
 */
function insideRanges(ranges: readonly Span[]): (pos: number) => boolean {
  let index = 0;
  let lastPos = -1;
  return (pos) => {
    if (pos < lastPos) index = 0;
    lastPos = pos;
    while (index < ranges.length && ranges[index].end <= pos) index++;
    return index < ranges.length && ranges[index].start <= pos;
  };
}
