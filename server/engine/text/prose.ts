import type { Post } from '../rule';
import type { Span } from '../types';

/** `outer` without the `holes`: the parts left to read. */
export function without(outer: Span, holes: Span[]): Span[] {
  const parts: Span[] = [];
  let cursor = outer.start;
  for (const hole of [...holes].sort((a, b) => a.start - b.start)) {
    if (hole.end <= cursor || hole.start >= outer.end) continue;
    if (hole.start > cursor) parts.push({ start: cursor, end: hole.start });
    cursor = Math.max(cursor, hole.end);
  }
  if (cursor < outer.end) parts.push({ start: cursor, end: outer.end });
  return parts;
}

/**
 * Where people's words are: the front matter less its comments, and the body less
 * code and HTML comments (which Hugo never shows).
 */
export function proseSpans(post: Post): Span[] {
  const frontMatter = post.frontMatter ? without(post.frontMatter.contentSpan, post.frontMatter.comments.map((comment) => comment.span)) : [];
  const body = without({ start: post.bodyStart, end: post.text.length }, [...post.body.code, ...post.body.comments.map((comment) => comment.span)]);
  return [...frontMatter, ...body];
}
