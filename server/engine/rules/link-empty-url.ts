import type { LinkTarget } from '../links/link-targets';
import { IMAGE_SHORTCODE_PARAMS } from '../markdown';
import { lookupShortcodeTable } from '../markdown/shortcodes';
import type { Post } from '../rule';
import { defineRule } from '../rule';
import type { Span } from '../types';
import { quoted } from '../text/quote';
import { attributeSpan, uniqueTargets } from '../links/url-parts';

/**
 * An HTML or shortcode image with no source attribute at all is another matter
 * (the theme may fill it in); an attribute that is there but empty is a slip.
 */
function hasSourceAttribute(target: LinkTarget): boolean {
  const image = target.image;
  if (image === undefined || image.source === 'markdown') return true;
  return Object.prototype.hasOwnProperty.call(image.attributes, srcName(target));
}

/** The attribute or parameter that holds an image's source. */
function srcName(target: LinkTarget): string {
  // Stryker disable next-line OptionalChaining: only images get here, since every HTML and shortcode link names its URL parameter
  const shortcode = target.image?.shortcode;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: every image shortcode in the table names its source `src`, the same as the fallback
  const params = shortcode === undefined ? undefined : lookupShortcodeTable(IMAGE_SHORTCODE_PARAMS, shortcode);
  return params?.src ?? 'src';
}

/** Something visible to point at: `()`, `<>`, `href=""`, `link=""`, never an empty span. */
function spanOf(post: Post, target: LinkTarget): Span {
  const { urlSpan } = target;
  if (urlSpan.end > urlSpan.start) return urlSpan;
  const source = target.link?.source ?? target.image!.source;
  if (source === 'html' || source === 'shortcode') {
    const name = target.link?.param ?? srcName(target);
    return attributeSpan(post.text, post.body, target.span, urlSpan, name);
  }
  const before = post.text[urlSpan.start - 1];
  const after = post.text[urlSpan.end];
  // An empty destination follows `(` or sits between `<` and `>`, which the parser strips only as a pair.
  // Stryker disable next-line ConditionalExpression: `)` right after an empty destination always has `(` before it (that `(` alone is not enough is tested)
  const inParens = before === '(' && after === ')';
  // Stryker disable next-line ConditionalExpression,LogicalOperator: the parser strips `<` and `>` only as a pair, so one is there exactly when the other is
  const inAngles = before === '<' && after === '>';
  if (inParens || inAngles) return { start: urlSpan.start - 1, end: urlSpan.end + 1 };
  return target.link?.textSpan ?? target.span;
}

function messageFor(target: LinkTarget): string {
  if (target.image) return 'This image has no source, so it shows nothing. Write the path or URL of the image file.';
  if (target.url.trim() === '#') {
    return `This link points to ${quoted('#')}, which only jumps to the top of the page. Write the address it should lead to, or remove the link and keep its text.`;
  }
  return 'This link has no URL, so it leads nowhere. Write the address it should lead to, or remove the link and keep its text.';
}

/** A link to nothing looks like a link and does nothing when clicked. */
export default defineRule({
  meta: {
    id: 'link-empty-url',
    description: 'Links must lead somewhere: no empty URL and no bare `#`.',
    defaultSeverity: 'error',
    fixable: false,
  },
  check({ post, report }) {
    for (const target of uniqueTargets(post.body)) {
      const url = target.url.trim();
      if (url !== '' && (url !== '#' || target.image)) continue;
      // Stryker disable next-line ConditionalExpression: a `#` that gets here belongs to a link, and links always count as having their attribute
      if (url === '' && !hasSourceAttribute(target)) continue;
      report({ span: spanOf(post, target), message: messageFor(target) });
    }
  },
});
