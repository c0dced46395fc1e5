/**
 * Values in messages and quick-fix titles. Editors show a diagnostic's message as plain
 * text (VS Code's Problems panel, hovers, terminals), so a value is set in typographic
 * quotes, as VS Code's own messages set them, never in Markdown backticks. A value too long
 * for the first sentence keeps its start and its end (where a URL names its page).
 */

/** `value` in typographic quotes, its middle left out (`…`) past `max` characters. */
export function quoted(value: string, max = 48): string {
  const chars = [...value];
  if (chars.length <= max) return `\u201c${value}\u201d`;
  const tail = Math.floor((max - 1) / 3);
  const head = max - 1 - tail;
  return `\u201c${chars.slice(0, head).join('')}\u2026${chars.slice(chars.length - tail).join('')}\u201d`;
}
