import type { Span } from '../../server/engine/markdown/index.js';

/** The source text a span covers. */
export function at(text: string, span: Span | undefined): string | undefined {
  return span === undefined ? undefined : text.slice(span.start, span.end);
}

/** Front matter used to put the body at a non-zero offset. */
export const FRONT_MATTER = '---\ntitle: "A post"\ndate: 2024-01-02\n---\n';

/** A whole post: front matter + body; returns the text and where the body starts. */
export function post(body: string, frontMatter = FRONT_MATTER): { text: string; bodyStart: number } {
  return { text: frontMatter + body, bodyStart: frontMatter.length };
}
