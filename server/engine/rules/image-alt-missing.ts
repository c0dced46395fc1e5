import type { ImageRef } from '../markdown';
import type { Post } from '../rule';
import { captionUse } from '../site/shortcode-catalog';
import { defineRule } from '../rule';
import { quoted } from '../text/quote';
import type { Span } from '../types';

/** The snippet the editor inserts: a tab stop selects the words to type over. */
const ALT_SNIPPET = ' alt="${1:describe the image}"';

/** The file name a reader would be given in place of a description. */
function fileName(src: string): string {
  const path = src.split(/[?#]/u)[0];
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Where a new `alt` goes: right after the tag or shortcode name, which every
 * image has. A shortcode with positional parameters gets none, since Hugo
 * refuses a mix of positional and named ones.
 */
function insertionPoint(post: Post, image: ImageRef): number | undefined {
  if (image.source === 'html') {
    // Stryker disable next-line ConditionalExpression: the parser starts an HTML image's span at its `<img`, so the check (kept for safety) always passes
    return post.text.slice(image.span.start, image.span.start + 4).toLowerCase() === '<img' ? image.span.start + 4 : undefined;
  }
  const shortcode = post.body.shortcodes.find((candidate) => candidate.span.start === image.span.start && !candidate.closing);
  if (!shortcode || shortcode.params.some((param) => param.name === undefined)) return undefined;
  return shortcode.nameSpan.end;
}

/**
 * What is missing (a shortcode's name shortened so that the longest first sentence,
 * the decorative one, stays within 100 characters), then what a reader gets and what to add.
 * `captioned`: the image is in a figure whose caption is shown beside it (raw HTML, or a shortcode's template).
 */
function message(image: ImageRef, captioned: boolean): string {
  const what = image.source === 'html' ? 'This <img> has no \u201calt\u201d attribute' : `This ${quoted(image.shortcode ?? '', 24)} shortcode has no \u201calt\u201d parameter`;
  if (image.decorative) return `${what}, although it is marked decorative. Add \u201calt=""\u201d so that screen readers skip it.`;
  const name = fileName(image.src);
  const fallback = name ? `the file name (${quoted(name, 80)})` : 'the file name';
  if (captioned) {
    return `${what}. Its figure\u2019s caption is read out, but the image itself may be announced by ${fallback}: add \u201calt="\u2026"\u201d saying what it shows, if only in a few words.`;
  }
  return `${what}. Screen readers get ${fallback} or nothing: add \u201calt="\u2026"\u201d saying what the image shows (or \u201calt=""\u201d with \u201crole="presentation"\u201d if it is only decoration).`;
}

/** An image with no alt at all: the theme or the browser fills the gap with the file name. */
export default defineRule({
  meta: {
    id: 'image-alt-missing',
    description: 'Images written as HTML (`<img>`) or as `img`/`figure` shortcodes must have an `alt` attribute.',
    defaultSeverity: 'error',
    // An image that is all a link shows: link-empty-text gives the advice that fits (alt text that names where the link leads; `alt=""` there would leave the link with no name).
    yieldsTo: ['link-empty-text'],
    fixable: 'editor',
  },
  async check({ post, site, workspace, siteCache, report }) {
    for (const image of post.body.images) {
      // Markdown images always have alt text, if only an empty one (image-alt-empty's business).
      // Stryker disable next-line ConditionalExpression,StringLiteral: as a Markdown image's alt is never undefined, the source test alone never decides
      if (image.source === 'markdown' || image.alt !== undefined) continue;
      // Hugo's `figure`, and the site templates copied from it, use the caption as the alt when there is no `alt`;
      // a template that shows it in a <figcaption> makes a captioned figure, as raw HTML can.
      const caption = (image.attributes.caption ?? '').trim() !== '';
      const use = caption && image.shortcode !== undefined ? await captionUse(siteCache, workspace, site, image.shortcode) : undefined;
      if (use === 'alt') continue;
      const captioned = image.inCaptionedFigure === true || use === 'figcaption';
      const at = insertionPoint(post, image);
      const insert: Span | undefined = at === undefined ? undefined : { start: at, end: at };
      report({
        span: image.span,
        message: message(image, captioned),
        // The HTML standard lets a figure's caption stand in for alt when no description can be
        // written; WCAG (failure F65) and axe still want one. A warning says both.
        ...(captioned && !image.decorative ? { atMost: 'warning' as const } : {}),
        fixes: insert
          ? [
              {
                title: image.decorative ? 'Add \u201calt=""\u201d' : 'Add an \u201calt\u201d attribute',
                // A snippet: the language server sends it with a tab stop, and it needs a person to type the words.
                edits: [{ span: insert, newText: image.decorative ? ' alt=""' : ALT_SNIPPET }],
                safe: false,
                preferred: true,
              },
            ]
          : [],
      });
    }
  },
});
