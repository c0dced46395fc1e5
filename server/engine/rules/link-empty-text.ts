import { findAttribute, HtmlScanner, type HtmlAttribute } from '../markdown/html';
import type { LinkRef } from '../markdown';
import type { Post } from '../rule';
import { defineRule } from '../rule';
import type { Span } from '../types';
import { quoted } from '../text/quote';
import { codePoint, isInvisible, named, visible } from '../text/invisible';
import { attributeSpan, bracketSpan } from '../links/url-parts';

/** Blanks (including no-break and zero-width spaces) and punctuation: nothing a reader can follow. */
const NOTHING_TO_READ = /^[\s\p{Z}\p{P}\p{Cf}]*$/u;

/** The attributes of an `<a …>` opening tag, read with the body parser's own HTML tokenizer. */
function openingTagAttributes(tag: string): readonly HtmlAttribute[] {
  let found: readonly HtmlAttribute[] = [];
  new HtmlScanner().scan(tag, 0, {
    onOpenTag: (_name, _start, _end, attributes) => {
      // Stryker disable next-line ConditionalExpression: the slice holds only the anchor's own opening tag, so there is never a second one to skip
      if (found.length === 0) found = attributes;
    },
    onCloseTag: () => {},
    onComment: () => {},
    onText: () => {},
  });
  return found;
}

/** `<a aria-label="…">` or `aria-labelledby` names the link for screen readers without visible text. */
function hasAccessibleName(post: Post, link: LinkRef, textSpan: Span): boolean {
  if (link.source !== 'html') return false;
  const tag = post.text.slice(link.span.start, textSpan.start);
  const attributes = openingTagAttributes(tag);
  return ['aria-label', 'aria-labelledby'].some((name) => {
    const attribute = findAttribute(attributes, name);
    return attribute !== undefined && tag.slice(attribute.valueStart, attribute.valueEnd).trim() !== '';
  });
}

/** Where to point: the text when something is written there, else the brackets, attribute or element. */
function spanOf(post: Post, link: LinkRef, textSpan: Span): Span {
  if (post.text.slice(textSpan.start, textSpan.end).trim() !== '') return textSpan;
  if (link.source === 'markdown' || link.source === 'reference') return bracketSpan(post.text, link) ?? link.span;
  // Stryker disable next-line StringLiteral: a shortcode's text span is its parameter's value span, which attributeSpan finds before it looks at the name
  if (link.source === 'shortcode') return attributeSpan(post.text, post.body, link.span, textSpan, 'text');
  return link.span;
}

function messageFor(post: Post, text: string, textSpan: Span): string {
  const holdsImage = post.body.images.some((image) => image.span.start >= textSpan.start && image.span.end <= textSpan.end);
  if (text.trim() === '' && holdsImage) {
    return 'This link shows only an image without alt text, so it has no name. Give the image alt text that says where the link leads.';
  }
  if (text.trim() === '') {
    return 'This link has no text. Readers see nothing to click and screen readers announce only the address: write what the link leads to as its text, or remove the link.';
  }
  return `The text of this link is only ${madeOf(text.trim())}. Write words that say where it leads, or remove the link.`;
}

/**
 * What a text with nothing to read is made of. Quoted, an invisible character reads as
 * nothing (“” around a zero-width space): it is named instead (by its code point alone
 * when there are several kinds, at most four, so that the first sentence stays short),
 * and shown by its code point among punctuation.
 */
function madeOf(text: string): string {
  const chars = [...text].filter((char) => char !== ' ');
  const invisible = chars.filter(isInvisible);
  if (invisible.length === 0) return `punctuation (${quoted(text, 48)})`;
  if (invisible.length < chars.length) return `punctuation and invisible characters (${quoted(visible(text), 48)})`;
  if (invisible.length === 1) return `an invisible character (${named(invisible[0])})`;
  const kinds = [...new Set(invisible)];
  if (kinds.length === 1) return `invisible characters (${named(kinds[0])})`;
  return `invisible characters (${kinds.slice(0, 4).map(codePoint).join(', ')}${kinds.length > 4 ? ', \u2026' : ''})`;
}

/** A link without words is invisible to sighted readers and unnamed for screen readers. */
export default defineRule({
  meta: {
    id: 'link-empty-text',
    description: 'Links must have text: not empty, not blank, not only punctuation.',
    defaultSeverity: 'error',
    fixable: false,
  },
  check({ post, report }) {
    for (const link of post.body.links) {
      // Bare URLs and autolinks show their URL; an unclosed <a> or a shortcode
      // without a text parameter leaves the text to the browser or the theme.
      // Stryker disable next-line ConditionalExpression,LogicalOperator: the parser sets text and textSpan together, and an undefined text reads as the word "undefined", which has letters, so the next line skips it too
      if (link.text === undefined || link.textSpan === undefined) continue;
      if (!NOTHING_TO_READ.test(link.text)) continue;
      if (hasAccessibleName(post, link, link.textSpan)) continue;
      report({ span: spanOf(post, link, link.textSpan), message: messageFor(post, link.text, link.textSpan) });
    }
  },
});
