import { readAlt } from '../alt-text';
import type { ImageRef } from '../markdown';
import { defineRule } from '../rule';
import type { Span } from '../types';

/**
 * The whole `alt=""` attribute around an empty value: an empty span cannot be
 * pointed at. Walks back from the value over its quote, `=` and the name.
 */
function attributeSpan(text: string, value: Span): Span {
  let start = value.start;
  let end = value.end;
  const quote = text[start - 1];
  if ((quote === '"' || quote === "'") && text[end] === quote) {
    start--;
    end++;
  }
  let nameEnd = start;
  while (nameEnd > 0 && /\s/u.test(text[nameEnd - 1])) nameEnd--;
  if (text[nameEnd - 1] === '=') {
    nameEnd--;
    while (nameEnd > 0 && /\s/u.test(text[nameEnd - 1])) nameEnd--;
  }
  let nameStart = nameEnd;
  while (nameStart > 0 && /[\w-]/u.test(text[nameStart - 1])) nameStart--;
  return nameStart < nameEnd ? { start: nameStart, end } : { start, end };
}

/** `![]` (or `![ ]`): the brackets that hold no text. */
function bracketsSpan(text: string, image: ImageRef, alt: Span): Span {
  return text[alt.end] === ']' ? { start: image.span.start, end: alt.end + 1 } : image.span;
}

function message(image: ImageRef): string {
  if (image.source === 'markdown') {
    return 'This image has no alt text, so screen readers skip it as if it were decoration: write what it shows between the brackets.';
  }
  return 'This image has an empty `alt`, which tells screen readers to skip it: write what it shows, or mark it `role="presentation"` if it is only decoration.';
}

/** An empty alt hides an image from screen readers: right for decoration only. */
export default defineRule({
  meta: {
    id: 'image-alt-empty',
    description: 'Images must have alt text, unless they are marked decorative.',
    defaultSeverity: 'error',
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
