import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applySafeFixes, lineBreakOf } from '../../server/engine/fixes';
import { LineIndex } from '../../server/engine/text/line-index';
import type { Diagnostic } from '../../server/engine/types';

/** A diagnostic whose one fix makes the given edits (by offset). */
function fixAt(text: string, edits: [number, number, string][], safe = true): Diagnostic {
  const lines = new LineIndex(text);
  return {
    ruleId: 'test-rule',
    severity: 'warning',
    message: 'm',
    range: lines.range({ start: 0, end: 0 }),
    docsUrl: '',
    fixes: [{ title: 't', safe, edits: edits.map(([start, end, newText]) => ({ range: lines.range({ start, end }), newText })) }],
  };
}

test('applySafeFixes: several fixes at once, applied from the end so no offset moves', () => {
  const text = 'alpha beta gamma';
  const result = applySafeFixes(text, [fixAt(text, [[11, 16, 'GAMMA']]), fixAt(text, [[0, 5, 'A']]), fixAt(text, [[6, 10, 'BETA!']])]);
  assert.deepEqual(result, { text: 'A BETA! GAMMA', applied: 3 });
});

test('applySafeFixes: unsafe fixes are never applied', () => {
  const text = 'alpha';
  assert.deepEqual(applySafeFixes(text, [fixAt(text, [[0, 5, 'x']], false)]), { text, applied: 0 });
});

test('applySafeFixes: an overlapping or touching fix waits for the next pass; a fix is applied whole or not at all', () => {
  const text = 'abcdefghij';
  const first = fixAt(text, [[2, 4, 'XX'], [8, 9, 'Y']]);
  const overlapping = fixAt(text, [[3, 5, 'Z']]);
  const touching = fixAt(text, [[9, 9, '!']]);
  const later = fixAt(text, [[9, 10, 'J']]);
  const result = applySafeFixes(text, [later, overlapping, first, touching]);
  assert.deepEqual(result, { text: 'abXXefghYj', applied: 1 }, 'the edits of one fix span 2..9: everything starting inside waits');
  const insertions = [fixAt(text, [[3, 3, 'a']]), fixAt(text, [[3, 3, 'b']])];
  assert.equal(applySafeFixes(text, insertions).applied, 1, 'two insertions at one place: one waits, so their order is not a guess');
});

test('applySafeFixes: a fix whose own edits overlap, or fall outside the text, is not applied', () => {
  const text = 'abcdef';
  assert.equal(applySafeFixes(text, [fixAt(text, [[1, 4, 'x'], [2, 3, 'y']])]).applied, 0);
  assert.equal(applySafeFixes(text, [fixAt(text, [[2, 2, 'x'], [2, 2, 'y']])]).applied, 0);
  const beyond: Diagnostic = { ...fixAt(text, [[0, 1, 'x']]) };
  beyond.fixes[0].edits[0].range = { start: { line: 0, character: 4 }, end: { line: 0, character: 2 } };
  assert.equal(applySafeFixes(text, [beyond]).applied, 0);
});

test('applySafeFixes: inserted line breaks follow a CRLF file; BOM and final newline are kept', () => {
  const text = '\uFEFFone\r\ntwo\r\n';
  const insert = applySafeFixes(text, [fixAt(text, [[4, 4, '\nnew']])]);
  assert.equal(insert.text, '\uFEFFone\r\nnew\r\ntwo\r\n');
  const dropsBom = applySafeFixes(text, [fixAt(text, [[0, 4, 'ONE']])]);
  assert.equal(dropsBom.text, '\uFEFFONE\r\ntwo\r\n', 'a fix cannot remove the byte order mark');
  const dropsNewline = applySafeFixes(text, [fixAt(text, [[6, 11, 'TWO']])]);
  assert.equal(dropsNewline.text, '\uFEFFone\r\nTWO\r\n', 'nor the final newline');
  const noNewline = 'one';
  assert.equal(applySafeFixes(noNewline, [fixAt(noNewline, [[3, 3, '\n']])]).text, 'one', 'nor add one');
});

test('applySafeFixes: the edits of one fix may come in any order', () => {
  const text = 'abcdef';
  assert.deepEqual(applySafeFixes(text, [fixAt(text, [[4, 5, 'E'], [0, 1, 'A']])]), { text: 'AbcdEf', applied: 1 });
  assert.deepEqual(applySafeFixes(text, [fixAt(text, [[3, 5, 'Y'], [3, 3, 'X']])]), { text: 'abcXYf', applied: 1 }, 'an insertion and a replacement at one offset: the insertion first');
  assert.deepEqual(applySafeFixes(text, [fixAt(text, [[1, 2, 'B'], [0, 1, 'A']])]), { text: 'ABcdef', applied: 1 }, 'edits that touch within one fix');
});

test('applySafeFixes: of two fixes starting at one offset, the one ending first is applied, whatever their order', () => {
  const text = 'abcdef';
  const short = fixAt(text, [[1, 2, 'S']]);
  const long = fixAt(text, [[1, 4, 'L']]);
  assert.deepEqual(applySafeFixes(text, [long, short]), { text: 'aScdef', applied: 1 });
  assert.deepEqual(applySafeFixes(text, [short, long]), { text: 'aScdef', applied: 1 });
  const shortPair = fixAt(text, [[0, 1, 'A'], [2, 3, 'C']]);
  const longPair = fixAt(text, [[0, 1, 'A'], [4, 5, 'E']]);
  assert.deepEqual(applySafeFixes(text, [longPair, shortPair]), { text: 'AbCdef', applied: 1 }, 'compared by the end of their last edit');
});

test('applySafeFixes: a safe fix with no edits is skipped, and the others are applied', () => {
  const text = 'abc';
  const empty: Diagnostic = { ...fixAt(text, []) };
  assert.deepEqual(applySafeFixes(text, [empty, fixAt(text, [[0, 1, 'A']])]), { text: 'Abc', applied: 1 });
});

test('applySafeFixes: an edit before the start of the text is not applied', () => {
  const text = 'abcdef';
  const before: Diagnostic = { ...fixAt(text, [[0, 1, 'x']]) };
  before.fixes[0].edits[0].range = { start: { line: 0, character: -2 }, end: { line: 0, character: 1 } };
  assert.deepEqual(applySafeFixes(text, [before]), { text, applied: 0 });
});

test('applySafeFixes: inserted line breaks follow an LF file too, CRLF in the fix becoming LF', () => {
  const text = 'one\ntwo\n';
  assert.equal(applySafeFixes(text, [fixAt(text, [[3, 3, '\nnew']])]).text, 'one\nnew\ntwo\n');
  assert.equal(applySafeFixes(text, [fixAt(text, [[3, 3, '\r\nnew\r\n']])]).text, 'one\nnew\n\ntwo\n');
});

test('applySafeFixes: a fix cannot add a byte order mark, nor a final CRLF to a file without one', () => {
  const text = 'one\r\ntwo';
  assert.equal(applySafeFixes(text, [fixAt(text, [[0, 0, '\uFEFF']])]).text, 'one\r\ntwo');
  assert.equal(applySafeFixes(text, [fixAt(text, [[8, 8, '\r\n']])]).text, 'one\r\ntwo');
  assert.equal(applySafeFixes(text, [fixAt(text, [[5, 8, 'TWO\n']])]).text, 'one\r\nTWO');
});

test('lineBreakOf: the first line break decides; none, or one at the very start, is LF', () => {
  assert.equal(lineBreakOf('a\r\nb\nc'), '\r\n');
  assert.equal(lineBreakOf('a\nb\r\nc'), '\n');
  assert.equal(lineBreakOf('\nb\r\n'), '\n');
  assert.equal(lineBreakOf('\r\n'), '\r\n');
  assert.equal(lineBreakOf('one line'), '\n');
  assert.equal(lineBreakOf('ends with CR\r'), '\n');
});
