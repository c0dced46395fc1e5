import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quoted } from '../../server/engine/text/quote';

test('quoted: a short value whole, in typographic quotes; a backtick shown as ˋ, never as Markdown', () => {
  assert.equal(quoted('/blog/spring/'), '\u201c/blog/spring/\u201d');
  assert.equal(quoted('Using `kubectl`'), '\u201cUsing \u02cbkubectl\u02cb\u201d');
});

test('quoted: a long value keeps its start and its end within max UTF-16 units, never splitting a character', () => {
  const url = `https://example.org/${'a'.repeat(80)}/page-name/`;
  const short = quoted(url, 30);
  assert.equal(short.length, 32, 'max, plus the two quotes');
  assert.ok(short.startsWith('\u201chttps://example.org/') && short.endsWith('name/\u201d'), short);
  assert.ok(short.includes('\u2026'));
  // Emoji are two UTF-16 units: none is cut in half, and the total still fits.
  const emoji = quoted('\u{1f34e}'.repeat(40), 21);
  assert.ok(emoji.length <= 23, emoji);
  assert.doesNotMatch(emoji, /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/, 'no lone surrogate');
});
