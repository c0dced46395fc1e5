import type { Heading } from '../markdown';
import type { Span } from '../types';

/** The `#` run of an ATX heading (`## Title` → `##`); undefined for a setext heading. */
export function atxMarker(text: string, heading: Heading): Span | undefined {
  let start = heading.span.start;
  while (text[start] === ' ') start++;
  let end = start;
  while (text[end] === '#') end++;
  return end > start ? { start, end } : undefined;
}

/** A fix that gives an ATX heading another level; none for setext headings. */
export function relevel(text: string, heading: Heading, level: number, safe: boolean) {
  const marker = atxMarker(text, heading);
  if (!marker) return [];
  return [{ title: `Make it a level ${level} heading (\`${'#'.repeat(level)}\`)`, edits: [{ span: marker, newText: '#'.repeat(level) }], safe, preferred: true }];
}
