import { LineIndex } from './text';
import type { Diagnostic, TextEdit } from './types';

/**
 * Applies the safe fix of each diagnostic (the ones `--fix` may make without a
 * person looking). Fixes whose edits overlap an earlier one are left for the
 * next pass, as ESLint does; the caller re-checks and repeats.
 */
export function applySafeFixes(text: string, diagnostics: Diagnostic[]): { text: string; applied: number } {
  const lines = new LineIndex(text);
  const fixes = diagnostics
    .map((diagnostic) => diagnostic.fixes.find((fix) => fix.safe))
    .filter((fix) => fix !== undefined)
    .map((fix) => fix.edits.map((edit) => toOffsets(lines, edit)).sort((a, b) => a.start - b.start));
  fixes.sort((a, b) => a[0].start - b[0].start);

  const chosen: { start: number; end: number; newText: string }[] = [];
  let applied = 0;
  let lastEnd = -1;
  for (const edits of fixes) {
    if (edits.length === 0 || edits[0].start < lastEnd) continue;
    chosen.push(...edits);
    lastEnd = edits[edits.length - 1].end;
    applied++;
  }
  let result = '';
  let cursor = 0;
  for (const edit of chosen) {
    result += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return { text: result + text.slice(cursor), applied };
}

function toOffsets(lines: LineIndex, edit: TextEdit): { start: number; end: number; newText: string } {
  return { start: lines.offset(edit.range.start), end: lines.offset(edit.range.end), newText: edit.newText };
}
