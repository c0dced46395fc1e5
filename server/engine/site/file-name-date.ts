/**
 * What Hugo reads from a content file's name when a date list of its `frontmatter`
 * setting names `:filename` (resources/page/pagemeta, `dateAndSlugFromBaseFilename`):
 * the date the name starts with, and the rest of the name, which becomes the page's
 * slug, so `2024-03-05-spring-fair.md` is served at `…/spring-fair/`.
 */
import { isCalendarDate } from '../../../schemas/fields';

export interface FileNameDate {
  /** The day the name starts with, `YYYY-MM-DD`. */
  day: string;
  /** The rest of the name without the spaces, `-` and `_` at its ends; `''` when nothing is left (then the file name stays the page's name). */
  slug: string;
  /**
   * For a name that starts with a date and a time (`2024-03-05-09-30-00-fair`): the slug
   * Hugo made of it before 0.148, which read the date only and kept the time in the slug.
   */
  olderSlug?: string;
}

/** Hugo trims these from both ends of what follows the date. */
const SEPARATORS = /^[ _-]+|[ _-]+$/g;
const TIME = /^(\d{2})-(\d{2})-(\d{2})$/;

function trimmed(rest: string): string {
  return rest.replace(SEPARATORS, '');
}

/**
 * The date and slug Hugo reads from a content base name (a file's name without its
 * extension and language, or a bundle's folder name); undefined when it starts with
 * no real date. Hugo takes one more "extension" off first: a name with a dot in it
 * (`2024-03-05-release-1.2`) loses what follows its last dot.
 */
export function fileNameDate(baseName: string): FileNameDate | undefined {
  const dot = baseName.lastIndexOf('.');
  const base = dot === -1 ? baseName : baseName.slice(0, dot);
  const day = base.slice(0, 10);
  if (base.length < 10 || !/^\d{4}-\d{2}-\d{2}$/.test(day) || !isCalendarDate(day)) return undefined;
  const dateOnly = trimmed(base.slice(10));
  // The character between the date and the time may be any (`2024-03-05T09-30-00`, `2024-03-05 09-30-00`).
  const time = TIME.exec(base.slice(11, 19));
  if (time && isCalendarDate(`${day}T${time[1]}:${time[2]}:${time[3]}`)) return { day, slug: trimmed(base.slice(19)), olderSlug: dateOnly };
  return { day, slug: dateOnly };
}

/**
 * Whether Hugo reads a front matter value as a date: a date, a Unix time, a text in the
 * `YYYY-MM-DD` forms. A text in another form may be one of the many others Hugo knows
 * (`March 5, 2024`), or none: then Hugo logs an error and tries the next source.
 */
export function isDateValue(value: unknown): boolean {
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && isCalendarDate(value.trim());
}

/** Hugo skips a date key that is absent or has no value. */
export function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}
