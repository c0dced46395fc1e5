import type { BodyModel } from '../markdown';

/** The ids a `#fragment` may name on a page. */
export interface PageAnchors {
  /** Heading ids (Hugo's) and HTML id/name attributes. */
  ids: Set<string>;
  /** Parameter values of the page's shortcodes: a theme's shortcode may turn one into an id. */
  shortcodeValues: Set<string>;
}

/** The ids a body declares, for `#fragment` links to it; `codeIds` are those Hugo's highlighter gives its code blocks (see code-line-anchors.ts). */
export function anchorsOfBody(body: BodyModel, codeIds: Iterable<string> = []): PageAnchors {
  const ids = new Set<string>(codeIds);
  for (const heading of body.headings) ids.add(heading.id);
  for (const anchor of body.anchors) ids.add(anchor.id);
  const shortcodeValues = new Set<string>();
  for (const shortcode of body.shortcodes) for (const param of shortcode.params) shortcodeValues.add(param.value);
  return { ids, shortcodeValues };
}
