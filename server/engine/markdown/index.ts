// Body-parsing layer of the Postlint engine (pure: no fs, no vscode, no Node built-ins).
// parseBody(text, bodyStart) returns every link, image, heading, HTML comment,
// Hugo shortcode and code range of a Markdown post with exact source offsets.

export type {
  BodyModel,
  CodeFence,
  Heading,
  HtmlAnchor,
  HtmlComment,
  ImageRef,
  LinkDefinition,
  LinkRef,
  LinkSource,
  Shortcode,
  ShortcodeParam,
  ShortcodeProblem,
  Span,
} from './types.js';
export type { Attribute, AttributeValue } from './fence-attributes.js';
export { BodyParseStopped, emptyBody, parseBody } from './body.js';
export type { BodyOptions } from './body.js';
export { MAX_NESTING, TooDeeplyNested, TooManyInlineMarks } from './nesting.js';
export { normalizeLabel } from './links.js';
export { headingId, HeadingIds } from './headings.js';
export {
  CODE_SHORTCODES,
  IMAGE_SHORTCODE_PARAMS,
  LINK_SHORTCODE_PARAMS,
  LINK_SHORTCODE_TEXT_PARAMS,
  scanShortcodes,
} from './shortcodes.js';
export type { ShortcodeScan } from './shortcodes.js';
