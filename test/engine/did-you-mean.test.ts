import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateField, stringList, tidyTitle } from '../../schemas/fields';
import { hugoFields, todogroupFields } from '../../schemas/posts';
import { z } from '../../schemas/zod';
import { fitsKey } from '../../server/engine/frontmatter/value-fit';
import { closest, nearestKey } from '../../server/engine/text/suggest';

test('nearestKey: a typo (a third of the key\'s length in edits) or a singular or plural; never a longer key the word only begins', () => {
  const keys = Object.keys(hugoFields);
  assert.equal(nearestKey('descripton', keys), 'description');
  assert.equal(nearestKey('tilte', keys), 'title');
  assert.equal(nearestKey('alias', keys), 'aliases');
  assert.equal(nearestKey('tag', keys), 'tags');
  // `closest`, for authors and anchors, takes the one candidate a word begins; keys do not.
  assert.equal(closest('link', keys), 'linkTitle');
  assert.equal(nearestKey('link', keys), undefined);
  assert.equal(nearestKey('desc', keys), undefined);
  // Two candidates as near: none is clearly meant.
  assert.equal(nearestKey('dat', ['date', 'data']), undefined);
});

test('fitsKey: the value is of the key\'s kind, whatever its limits and style', () => {
  assert.equal(fitsKey(z.string(), 'https://example.org/x'), true);
  assert.equal(fitsKey(z.string(), 42), false);
  assert.equal(fitsKey(z.number().int(), 'heavy'), false);
  assert.equal(fitsKey(z.boolean(), 'no'), false);
  assert.equal(fitsKey(dateField('d'), '2025-01-01'), true);
  assert.equal(fitsKey(dateField('d'), new Date('2025-01-01')), true);
  assert.equal(fitsKey(dateField('d'), 'tomorrow'), false, 'text that is no calendar date is no date');
  assert.equal(fitsKey(dateField('d'), 20250101), false);
  // Limits and style: still the key's kind.
  assert.equal(fitsKey(todogroupFields.description, 'Short.'), true);
  assert.equal(fitsKey(tidyTitle, ' Spaced  title '), true);
  assert.equal(fitsKey(z.number().int().positive(), -3), true);
  // One item where a list of them is expected.
  assert.equal(fitsKey(stringList('l'), '/old/'), true);
  assert.equal(fitsKey(stringList('l'), ['/a/', '/b/']), true);
  assert.equal(fitsKey(stringList('l'), [1, 2]), false);
  assert.equal(fitsKey(stringList('l'), { a: 1 }), false);
  // A URL where a full URL is expected fits; a word does not.
  assert.equal(fitsKey(z.url(), 'https://example.org/'), true);
  assert.equal(fitsKey(z.url(), 'Summit'), false);
});
