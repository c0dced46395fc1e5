import { plural } from './plural';

/**
 * What zod reports about a value, in words: shared by the problems of `.postlintrc.json`
 * (config/config.ts) and of front matter (rules/frontmatter-schema.ts), so that both
 * name a type, a limit and a list of choices alike.
 */

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of key-value pairs',
  // zod names the type of z.record (params, build, sitemap) `record`.
  record: 'a set of key-value pairs',
  date: 'a date',
};

/** A type as zod names it (`string`, `record`), as a person says it (`text`, `a set of key-value pairs`). */
export function typeInWords(expected: string): string {
  return TYPE_NAMES[expected] ?? expected;
}

/** A length limit with its unit, singular for 1 (`at least 1 character`); a plain number otherwise. */
export function bound(limit: number | bigint, origin: string): string {
  const unit = origin === 'string' ? 'character' : origin === 'array' ? 'item' : undefined;
  return unit === undefined ? String(limit) : plural(limit, unit);
}

/** `a`, `a or b`, `a, b or c` (or `and`), after `prefix` when there is more than one. */
export function listed(items: string[], options: { prefix?: string; conjunction?: 'or' | 'and' } = {}): string {
  const { prefix = '', conjunction = 'or' } = options;
  return items.length === 1 ? items[0] : `${prefix}${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}
