// Data model produced by the body parser. Every offset is a UTF-16 index into
// the FULL text of the post (front matter included), `end` exclusive.

import type { Attribute } from './fence-attributes.js';

export interface Span {
  start: number;
  end: number;
}

export type LinkSource = 'markdown' | 'reference' | 'autolink' | 'bare' | 'html' | 'shortcode';

export interface LinkRef {
  source: LinkSource;
  /**
   * Destination as written: no entity or backslash-escape decoding, no `<>`
   * wrapper. For 'reference' links it is the URL of the matching definition.
   * For 'bare' links it is the text GFM links: a `www.` address implicitly
   * means `http://`, and an e-mail address implicitly means `mailto:`.
   */
  url: string;
  /** Where the URL text sits (for 'reference' links: in the definition). */
  urlSpan: Span;
  /** The whole construct. */
  span: Span;
  /** Link text as plain text (inline markup removed, images replaced by their alt). */
  text?: string;
  textSpan?: Span;
  title?: string;
  /** For source 'shortcode': the shortcode name. */
  shortcode?: string;
  /** For 'shortcode' / 'html': the parameter or attribute holding the URL. */
  param?: string;
  /** For 'reference' links: the label as written (without brackets). */
  label?: string;
}

export interface ImageRef {
  source: 'markdown' | 'html' | 'shortcode';
  src: string;
  srcSpan: Span;
  span: Span;
  /** undefined = no alt attribute at all (html/shortcode); markdown always has a string. */
  alt: string | undefined;
  altSpan?: Span;
  /** HTML attributes / shortcode named parameters, names lowercased, values as written. */
  attributes: Record<string, string>;
  /** role="presentation" | "none", or aria-hidden="true". */
  decorative: boolean;
  shortcode?: string;
  /** For reference-style markdown images (`![alt][label]`): the label. */
  label?: string;
  /** For 'html': the innermost `<figure>` around it has a `<figcaption>` with text. */
  inCaptionedFigure?: boolean;
}

export interface Heading {
  level: number;
  /** Plain text of the heading, explicit `{#id}` attribute block removed. */
  text: string;
  span: Span;
  explicitId?: string;
  /** explicitId ?? Goldmark "github" auto id, de-duplicated across the document. */
  id: string;
}

export interface HtmlComment {
  /** The inside of `<!--` ... `-->`, as written. */
  text: string;
  span: Span;
}

export interface ShortcodeParam {
  /** Absent for positional parameters. */
  name?: string;
  /** Value with its quotes removed (and `\"` unescaped inside "..." strings). */
  value: string;
  /** The whole parameter (`name="value"` or the positional token). */
  span: Span;
  /** The value without its quotes. */
  valueSpan: Span;
}

export interface Shortcode {
  name: string;
  delimiter: '<' | '%';
  /** `{{< /name >}}` */
  closing: boolean;
  /** `{{< name />}}` */
  selfClosing: boolean;
  params: ShortcodeParam[];
  span: Span;
  nameSpan: Span;
}

export interface ShortcodeProblem {
  message: string;
  span: Span;
}

export interface LinkDefinition {
  /** The label as written (without brackets). */
  label: string;
  url: string;
  urlSpan: Span;
  span: Span;
  title?: string;
}

/** An id that raw HTML declares (`id="…"` on any element, `name="…"` on `<a>`). */
export interface HtmlAnchor {
  id: string;
  span: Span;
}

/** A fenced code block, with what Hugo's highlighter reads from it. */
export interface CodeFence {
  /** The whole block, fences included. */
  span: Span;
  /** The language as Hugo reads it: the info string up to its first space, cut at `{`. */
  language: string;
  /** The attribute block after the language (`{ linenos=true, lineanchors=setup }`), as Goldmark parses it. */
  attributes: Attribute[];
  /** How many lines Hugo highlights: the content with its trailing line breaks removed. */
  lines: number;
}

export interface BodyModel {
  links: LinkRef[];
  images: ImageRef[];
  headings: Heading[];
  comments: HtmlComment[];
  shortcodes: Shortcode[];
  shortcodeProblems: ShortcodeProblem[];
  /** Code spans and fenced/indented code blocks: nothing in them is ever checked. */
  code: Span[];
  definitions: LinkDefinition[];
  /** Ids declared by raw HTML, as targets for `#fragment` links. */
  anchors: HtmlAnchor[];
  /** Fenced code blocks in the order of the body (Hugo numbers them so: `hl-0`, `hl-1`, …). */
  fences: CodeFence[];
  /**
   * Text between the delimiters of Hugo's passthrough extension (math, mostly), delimiters
   * included: Goldmark hands it to a renderer unparsed, so nothing in it is Markdown.
   */
  passthrough: Span[];
}

/**
 * An opening and a closing delimiter of Hugo's passthrough extension
 * (`markup.goldmark.extensions.passthrough.delimiters`), such as `$$` and `$$` or `\(` and `\)`.
 */
export interface PassthroughDelimiter {
  open: string;
  close: string;
}
