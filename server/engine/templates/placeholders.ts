import type { Span } from '../types';

/**
 * Template placeholders: `[[name]]`, or `[[name: hint]]` where the hint tells the
 * author what to write. The same name twice is the same value. The syntax is our
 * own, chosen so that it survives Markdown and YAML untouched, never collides with
 * Hugo's `{{ }}`, and maps one-to-one onto editor snippet tab stops.
 */
export interface Placeholder {
  name: string;
  hint?: string;
  span: Span;
}

/** A hint is a short sentence: bounding it keeps a line of unclosed `[[a: …` linear to scan. */
const PLACEHOLDER = /\[\[([a-z][a-z0-9-]*)(?::\s*((?:(?!\]\]).){0,300}?))?\s*\]\]/g;
const PLACEHOLDER_AT = new RegExp(PLACEHOLDER.source, 'y');

/** The placeholders of `text` between `from` and `to`: each `[[` found by indexOf, then read where it stands. */
export function findPlaceholders(text: string, from = 0, to = text.length): Placeholder[] {
  const found: Placeholder[] = [];
  for (let at = text.indexOf('[[', from); at !== -1 && at < to; at = text.indexOf('[[', at + 1)) {
    PLACEHOLDER_AT.lastIndex = at;
    const match = PLACEHOLDER_AT.exec(text);
    if (!match) continue;
    const end = at + match[0].length;
    if (end > to) break;
    found.push({ name: match[1], hint: match[2]?.trim() || undefined, span: { start: at, end } });
    at = end - 1;
  }
  return found;
}

/** Replaces the placeholders that have a value; the others stay for the author. */
export function fillTemplate(template: string, values: Record<string, string | undefined>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}

/**
 * The template as an LSP/VS Code snippet: each unfilled placeholder becomes a tab
 * stop, numbered in order of first appearance, and a name used twice is the same
 * tab stop, so typing once fills both. A tab stop starts as the placeholder itself,
 * `[[name: hint]]`, selected: typing replaces it, and one skipped stays a
 * placeholder that `template-placeholder` reports, as in a file `postlint new` wrote
 * (a bare hint would read as a real value: `author: "author"`).
 */
export function toSnippet(template: string, values: Record<string, string | undefined>): string {
  const numbers = new Map<string, number>();
  let result = '';
  let cursor = 0;
  for (const placeholder of findPlaceholders(template)) {
    result += escapeSnippet(template.slice(cursor, placeholder.span.start));
    cursor = placeholder.span.end;
    const value = values[placeholder.name];
    if (value !== undefined) {
      result += escapeSnippet(value);
      continue;
    }
    let number = numbers.get(placeholder.name);
    const first = number === undefined;
    if (number === undefined) numbers.set(placeholder.name, (number = numbers.size + 1));
    const marker = template.slice(placeholder.span.start, placeholder.span.end);
    result += first ? `\${${number}:${escapeSnippet(marker, true)}}` : `\$${number}`;
  }
  return result + escapeSnippet(template.slice(cursor)) + (numbers.size > 0 ? '' : '$0');
}

function escapeSnippet(text: string, inPlaceholder = false): string {
  return text.replace(inPlaceholder ? /[$}\\]/g : /[$\\]/g, (char) => `\\${char}`);
}

/** A file name from a title: lower case, words joined by hyphens, only letters and digits kept. */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** True when the text holds a placeholder of our syntax. */
export function hasPlaceholder(text: string): boolean {
  return text.includes('[[') && findPlaceholders(text).length > 0;
}

/** The hints of a template long enough to be recognised when left in a post unchanged. */
export function templateHints(template: string): string[] {
  const hints = new Set<string>();
  for (const placeholder of findPlaceholders(template)) if (placeholder.hint && placeholder.hint.length >= 20) hints.add(placeholder.hint);
  return [...hints];
}
