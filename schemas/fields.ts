import { z } from './zod';

/**
 * Front matter field schemas shared by the presets. Every field carries a
 * description: the editor shows it on hover and the docs quote it.
 *
 * A refinement's message says what is wrong, as it follows the key's name in the first
 * sentence of `frontmatter-schema`'s message (`is not a real date`), then, after a full
 * stop, what to write. Plain text, no Markdown: editors show messages as they are.
 */

// Go's time layouts, which Hugo reads dates with (spf13/cast's list), take the hour in one
// digit or two ("15" is not a fixed width: `2021-10-01 8:30:00+00:00` is a date) and,
// after a space-separated time, an offset after one more space (`… 09:30:00 -07:00`).
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z| ?[+-]\d{2}:?\d{2})?)?$/;

/** True when the text is a date Hugo can read and the day exists in the calendar. */
export function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1, 7).map((part) => (part === undefined ? 0 : Number(part)));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  // Go's time.Parse, which Hugo reads dates with, has no leap second: :60 fails as :61 does.
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour < 24 && minute < 60 && second < 60;
}

// The `yaml` package reads an unquoted 2024-01-18 as a string (YAML 1.2), other
// parsers as a timestamp (YAML 1.1): both are the same date to Hugo.
export const dateField = (description: string) =>
  z
    .union([
      z.date(),
      z.string().refine(isCalendarDate, {
        message: 'is not a real date. Write a date such as 2025-03-14, optionally with a time such as 2025-03-14T09:30:00Z',
      }),
    ])
    .describe(description);

export const stringList = (description: string) => z.array(z.string()).describe(description);

export const booleanField = (description: string) => z.boolean().describe(description);

/**
 * The parameter that marks a refinement about how a value is written, not what kind of
 * value it is: a title with a stray space is still a title, where text that is no
 * calendar date is not a date. "Did you mean" may still propose such a key.
 */
export const STYLE_ONLY = 'styleOnly';

/** A title Hugo prints as written, so stray spaces show on the page and in feeds. */
export const tidyTitle = z
  .string()
  .min(1, { message: 'is empty. Write the post\u2019s title' })
  .refine((value) => value.trim() === value, { message: 'has spaces at its start or end. Remove them', params: { [STYLE_ONLY]: true } })
  .refine((value) => !/\s{2}/.test(value), { message: 'has double spaces. Leave one space between words', params: { [STYLE_ONLY]: true } });
