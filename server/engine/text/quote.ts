/**
 * Values in messages and quick-fix titles. Editors show a diagnostic's message as plain
 * text (VS Code's Problems panel, hovers, terminals), so a value is set in typographic
 * quotes, as VS Code's own messages set them, never in Markdown backticks. A value too long
 * for the first sentence keeps its start and its end (where a URL names its page).
 */

/**
 * The longest first sentence a message may have: what is wrong, readable in the Problems
 * panel before it cuts the line off. Counted in UTF-16 units, as editors and JavaScript count.
 */
export const FIRST_SENTENCE_MAX = 100;

/** The first characters (whole code points) of `chars` that fit in `units` UTF-16 units, or the last ones with `fromEnd`. */
function within(chars: string[], units: number, fromEnd = false): string {
  const kept: string[] = [];
  let length = 0;
  for (const char of fromEnd ? [...chars].reverse() : chars) {
    if (length + char.length > units) break;
    kept.push(char);
    length += char.length;
  }
  return (fromEnd ? kept.reverse() : kept).join('');
}

/**
 * `value` in typographic quotes, its middle left out (`…`) past `max` UTF-16 units, never
 * splitting a character. A backtick in it is shown as ˋ (U+02CB, which looks the same): a
 * backtick in a message would read as Markdown left unrendered.
 */
export function quoted(value: string, max = 48): string {
  const text = value.replaceAll('`', '\u02cb');
  if (text.length <= max) return `\u201c${text}\u201d`;
  const chars = [...text];
  const tail = within(chars, Math.floor((max - 1) / 3), true);
  const head = within(chars, max - 1 - tail.length);
  return `\u201c${head}\u2026${tail}\u201d`;
}
