import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from '../helpers/fast-check';
import { FUZZ_POST, fuzzService, runsOf } from './common';
import { post } from '../helpers/post-arbitraries';
import { applySafeFixes } from '../../server/engine/fixes';
import { LineIndex } from '../../server/engine/text/line-index';
import type { Diagnostic } from '../../server/engine/types';

const service = fuzzService();

const findings = async (text: string) => (await service.check(FUZZ_POST, text)).diagnostics;

/** The fix `--fix` would make of a diagnostic: its first safe one (as applySafeFixes reads it). */
const safeFixOf = (diagnostic: Diagnostic) => diagnostic.fixes.find((fix) => fix.safe);

/** The rules with a safe fix on offer: the kinds `--fix` sets out to mend. */
const fixedKinds = (diagnostics: Diagnostic[]) => new Set(diagnostics.filter((diagnostic) => safeFixOf(diagnostic)).map((diagnostic) => diagnostic.ruleId));

const countOf = (diagnostics: Diagnostic[], ruleId: string) => diagnostics.filter((diagnostic) => diagnostic.ruleId === ruleId).length;

/**
 * The stretches of `text` no safe fix may touch, in order: what lies before, between
 * and after the ranges that safe fixes edit, whether or not a fix is chosen. Overlapping
 * ranges merge; an insertion splits the text around it.
 */
function untouchedParts(text: string, diagnostics: Diagnostic[]): string[] {
  const lines = new LineIndex(text);
  const edited = diagnostics
    .flatMap((diagnostic) => safeFixOf(diagnostic)?.edits ?? [])
    .map((edit) => ({ start: lines.offset(edit.range.start), end: lines.offset(edit.range.end) }))
    .sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let cursor = 0;
  for (const { start, end } of edited) {
    if (start >= cursor) parts.push(text.slice(cursor, start));
    cursor = Math.max(cursor, end);
  }
  parts.push(text.slice(cursor));
  return parts;
}

/** Each untouched part is in the fixed text, in order: the first at its start, the last at its end. */
function assertKeeps(fixed: string, parts: string[]): void {
  const [first, ...rest] = parts;
  const last = rest.pop() ?? '';
  assert.ok(fixed.startsWith(first), `the text before the first edit is kept: ${JSON.stringify(first)}`);
  let from = first.length;
  for (const part of rest) {
    const at = fixed.indexOf(part, from);
    assert.ok(at >= 0, `the text between two edits is kept: ${JSON.stringify(part)}`);
    from = at + part.length;
  }
  assert.ok(fixed.endsWith(last) && fixed.length - last.length >= from, `the text after the last edit is kept: ${JSON.stringify(last)}`);
}

test('fixes: applying every safe fix keeps the text outside the edits, and no fixed kind of finding grows', async () => {
  await fc.assert(
    fc.asyncProperty(post, async (text) => {
      const before = await findings(text);
      const { text: fixed, applied } = applySafeFixes(text, before);
      if (applied === 0) return assert.equal(fixed, text);
      assertKeeps(fixed, untouchedParts(text, before));
      const after = await findings(fixed);
      for (const ruleId of fixedKinds(before)) {
        assert.ok(countOf(after, ruleId) <= countOf(before, ruleId), `${ruleId}: ${countOf(before, ruleId)} findings before the fixes, ${countOf(after, ruleId)} after, in ${JSON.stringify(fixed)}`);
      }
    }),
    { numRuns: runsOf('fixes') },
  );
});
