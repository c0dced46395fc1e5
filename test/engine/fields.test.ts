import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isCalendarDate, tidyTitle } from '../../schemas/fields';

// The date and title checks of schemas/fields.ts on their own; the rule tests show them
// through front matter (test/rules/frontmatter-schema.test.ts).

test('isCalendarDate: a date, with a time, seconds, a fraction and a zone as Hugo reads them', () => {
  for (const text of ['2025-01-01', '2025-01-01T09:30', '2025-01-01 09:30', '2025-01-01T09:30:00Z', '2025-01-01T09:30:00.250Z', '2025-01-01T09:30:00+02:00', '2025-01-01T09:30:00-0500', '2025-01-01T09:30:00', '2021-10-01 8:30:00+00:00', '2025-01-01 09:30:00 -07:00']) {
    assert.equal(isCalendarDate(text), true, text);
  }
});

test('isCalendarDate: text before or after the date, or a malformed one, is not a date', () => {
  for (const text of ['x2025-01-01', '12025-01-01', '2025-01-01x', '2025-01-01T09:30:00Zjunk', '2025-1-01', 'nope', '', '2025-01-01T09', '2025-01-01T09:30:00+2', '2025-01-01T123:30', '2025-01-01T09:3', '2025-01-01T09:30:00  +02:00']) {
    assert.equal(isCalendarDate(text), false, JSON.stringify(text));
  }
});

test('tidyTitle: an empty title, one with spaces at an end, and one with double spaces, each with its own message', () => {
  const messages = (value: string) => tidyTitle.safeParse(value).error?.issues.map((issue) => issue.message);
  assert.deepEqual(messages(''), ['is empty. Write the post’s title']);
  assert.deepEqual(messages(' Padded'), ['has spaces at its start or end. Remove them']);
  assert.deepEqual(messages('Two  spaces'), ['has double spaces. Leave one space between words']);
  assert.equal(messages('Just right'), undefined);
});
