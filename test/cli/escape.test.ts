import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeLeadingPath, escapeText, safeJson } from '../../server/cli/formatters/escape';

// The escaper in-process, character by character; test/security/output-injection.test.ts
// shows the same promises hold end to end through the CLI.

test('escapeText: line breaks and tabs get their names, other C0 and C1 controls and DEL a \\x escape', () => {
  assert.equal(escapeText('a\nb\rc\td'), 'a\\nb\\rc\\td');
  assert.equal(escapeText('\u0000\u0001\u001b[31m\u001f'), '\\x00\\x01\\x1b[31m\\x1f');
  assert.equal(escapeText('\u007f\u0080\u0085\u009b\u009f'), '\\x7f\\x80\\x85\\x9b\\x9f');
});

test('escapeText: line separators, bidi embeddings, overrides and isolates get a four-digit \\u escape', () => {
  assert.equal(escapeText('\u2028\u2029'), '\\u2028\\u2029');
  assert.equal(escapeText('\u202a\u202b\u202c\u202d\u202e'), '\\u202a\\u202b\\u202c\\u202d\\u202e');
  assert.equal(escapeText('\u2066\u2067\u2068\u2069'), '\\u2066\\u2067\\u2068\\u2069');
});

test('escapeText: the second # of ##[ is escaped, so no runner reads a legacy command; other #s stay', () => {
  assert.equal(escapeText('##[error]x'), '#\\x23[error]x');
  assert.equal(escapeText('###[x'), '##\\x23[x');
  assert.equal(escapeText('#[x ## x #'), '#[x ## x #');
});

test('escapeText: printable text, backslashes and non-ASCII letters are kept as written', () => {
  const text = 'Jiménez \\n C:\\posts « » \u00a0 \u00ff \u0100 日本 \u200b 😀';
  assert.equal(escapeText(text), text);
});

test('escapeLeadingPath: a name that would start a line with :: (after blanks) gets ./ before it', () => {
  assert.equal(escapeLeadingPath('::error::x.md'), './::error::x.md');
  assert.equal(escapeLeadingPath('  ::warning::x.md'), './  ::warning::x.md');
  assert.equal(escapeLeadingPath('content/a::b.md'), 'content/a::b.md');
  assert.equal(escapeLeadingPath('x::error::y.md'), 'x::error::y.md');
  assert.equal(escapeLeadingPath('\n::error::x.md'), '\\n::error::x.md', 'escaped first: the line break is no longer one');
});

test('safeJson: controls JSON.stringify leaves raw are written as \\u escapes, and parse back to the same value', () => {
  const value = { message: 'a\u2028b\u0085c\u202ed##[e\u001bf\u007f' };
  const json = safeJson(value);
  assert.equal(json, '{"message":"a\\u2028b\\u0085c\\u202ed#\\u0023[e\\u001bf\\u007f"}');
  assert.deepEqual(JSON.parse(json), value);
});

test('safeJson: indentation keeps its own line breaks', () => {
  assert.equal(safeJson({ a: ['\u2029'] }, 2), '{\n  "a": [\n    "\\u2029"\n  ]\n}');
});
