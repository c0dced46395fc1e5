import { readAlt } from '../text/alt-text';
import type { ImageRef } from '../markdown';
import { defineRule } from '../rule';
import type { Span } from '../types';

/** Quotes around a value; shortcodes also quote raw strings with backquotes (alt=``). */
const QUOTES = new Set(['"', "'", '`']);

/**
 * The whole `alt=""` attribute around an empty value: an empty span cannot be
 * pointed at. Walks back from the value over its quote, `=` and the name.
 */
function attributeSpan(text: string, value: Span): Span {
  let start = value.start;
  let end = value.end;
  const quote = text[start - 1];
  // Stryker disable next-line ConditionalExpression,LogicalOperator: an empty value has a quote on both sides or on neither (a bare `alt`, an unquoted reference), so either half of the test decides alone
  if (QUOTES.has(quote) && text[end] === quote) {
    start--;
    end++;
  }
  let nameEnd = start;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: at 0, text[-1] is undefined, which is no space either: the bound changes nothing
  while (nameEnd > 0 && /\s/u.test(text[nameEnd - 1])) nameEnd--;
  // Stryker disable next-line ConditionalExpression: only a bare `alt` has no `=`, and stepping back over one letter of its name still ends at the same start
  if (text[nameEnd - 1] === '=') {
    nameEnd--;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: at 0, text[-1] is undefined, which is no space either: the bound changes nothing
    while (nameEnd > 0 && /\s/u.test(text[nameEnd - 1])) nameEnd--;
  }
  let nameStart = nameEnd;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: an attribute never starts the text (`<img ` or `{{< name ` comes first), so the bound is never met
  while (nameStart > 0 && /[\w-]/u.test(text[nameStart - 1])) nameStart--;
  // Stryker disable next-line ConditionalExpression,EqualityOperator,ObjectLiteral: every alt value follows its name, so the fallback (kept for safety) is never taken
  return nameStart < nameEnd ? { start: nameStart, end } : { start, end };
}

/** `![]` (or `![ ]`): the brackets that hold no text. */
function bracketsSpan(text: string, image: ImageRef, alt: Span): Span {
  // Stryker disable next-line ConditionalExpression: the parser ends a Markdown image's alt text at its `]`, so the fallback (kept for safety) is never taken
  return text[alt.end] === ']' ? { start: image.span.start, end: alt.end + 1 } : image.span;
}

function message(image: ImageRef): string {
  if (image.source === 'markdown') {
    return 'This image has no alt text. Screen readers skip it as if it were decoration: write what it shows between the brackets.';
  }
  return 'This image has an empty \u201calt\u201d, which tells screen readers to skip it. Write what it shows, or mark it \u201crole="presentation"\u201d if it is only decoration.';
}

/** An empty alt hides an image from screen readers: right for decoration only. */
export default defineRule({
  meta: {
    id: 'image-alt-empty',
    description: 'Images must have alt text, unless they are marked decorative.',
    defaultSeverity: 'error',
    // An image that is all a link shows: link-empty-text gives the advice that fits (alt text that names where the link leads; `alt=""` there would leave the link with no name).
    yieldsTo: ['link-empty-text'],
    fixable: false,
  },
  check({ post, report }) {
    for (const image of post.body.images) {
      if (readAlt(image) !== '' || image.decorative || !image.altSpan) continue;
      const span = image.source === 'markdown' ? bracketsSpan(post.text, image, image.altSpan) : attributeSpan(post.text, image.altSpan);
      report({ span, message: message(image) });
    }
  },
});
