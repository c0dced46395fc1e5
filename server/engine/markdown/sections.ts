import type { Heading } from './types';
import type { Span } from '../types';

/** A heading that opens a post's "About" section (`## About the TODO Group`). */
export const ABOUT_HEADING = /^about\b/i;

/** The text of a section: from the end of its heading's line to the next heading of the same or a higher level, trimmed. */
export function sectionBody(text: string, headings: readonly Heading[], heading: Heading): Span {
  const next = headings.slice(headings.indexOf(heading) + 1).find((other) => other.level <= heading.level);
  // Stryker disable next-line StringLiteral: a heading's span ends at the last non-space character of its line, so starting at its end skips the same whitespace
  const lineEnd = text.indexOf('\n', heading.span.end - 1);
  // Stryker disable next-line UnaryOperator: an "About" heading's line is longer than one character, so its end is never at index 1
  const start = lineEnd === -1 ? text.length : lineEnd + 1;
  let end = next ? next.span.start : text.length;
  while (end > start && /\s/.test(text[end - 1])) end--;
  let from = start;
  while (from < end && /\s/.test(text[from])) from++;
  return { start: from, end };
}
