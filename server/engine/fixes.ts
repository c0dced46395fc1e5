import { LineIndex } from './text/line-index';
import type { Diagnostic, TextEdit } from './types';

interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

const BOM = '\uFEFF';

/**
 * Applies the safe fix of each diagnostic (the ones `--fix` may make without a
 * person looking). Pure: text in, text out.
 *
 * - A fix is applied whole or not at all. One whose edits overlap each other, or
 *   fall outside the text, is never applied; one that overlaps or touches a fix
 *   already chosen waits for the next pass, as ESLint does (the caller re-checks
 *   and repeats), so the order of two edits at one place is never a guess.
 * - Edits are applied from the end, so no offset moves before it is used.
 * - Line breaks in inserted text follow the file's (CRLF stays CRLF, LF stays LF), and the
 *   byte order mark and the final newline stay as they were.
 */
export function applySafeFixes(text: string, diagnostics: Diagnostic[]): { text: string; applied: number } {
  const lines = new LineIndex(text);
  const eol = lineBreakOf(text);
  const fixes: OffsetEdit[][] = [];
  for (const diagnostic of diagnostics) {
    const fix = diagnostic.fixes.find((candidate) => candidate.safe);
    if (!fix || fix.edits.length === 0) continue;
    const edits = fix.edits.map((edit) => toOffsets(lines, edit, eol)).sort((a, b) => a.start - b.start || a.end - b.end);
    if (isWellFormed(edits, text.length)) fixes.push(edits);
  }
  fixes.sort((a, b) => a[0].start - b[0].start || a[a.length - 1].end - b[b.length - 1].end);

  const chosen: OffsetEdit[] = [];
  let applied = 0;
  let lastEnd = -1;
  for (const edits of fixes) {
    if (edits[0].start <= lastEnd) continue;
    chosen.push(...edits);
    lastEnd = edits[edits.length - 1].end;
    applied++;
  }
  // Stryker disable next-line ConditionalExpression: with nothing chosen the text is rebuilt unchanged; this only saves the work
  if (applied === 0) return { text, applied };

  // From the end: each piece is cut from the original text at offsets no earlier edit has moved.
  const pieces: string[] = [];
  let cursor = text.length;
  for (let i = chosen.length - 1; i >= 0; i--) {
    const edit = chosen[i];
    pieces.push(text.slice(edit.end, cursor), edit.newText);
    cursor = edit.start;
  }
  pieces.push(text.slice(0, cursor));
  return { text: keepShape(text, pieces.reverse().join(''), eol), applied };
}

/** Edits in order, inside the text, none overlapping another; two insertions at one place would have no order. */
function isWellFormed(edits: OffsetEdit[], length: number): boolean {
  let previous: OffsetEdit | undefined;
  for (const edit of edits) {
    // Stryker disable next-line ConditionalExpression,BooleanLiteral: a start before the text is also before the first pass's lastEnd (-1) below, so such a fix is never chosen either way
    if (edit.start < 0) return false;
    if (edit.start > edit.end) return false;
    // Stryker disable next-line ConditionalExpression,BooleanLiteral: LineIndex.offset never goes past the text's end; the check stays for any other caller
    if (edit.end > length) return false;
    if (previous && edit.start < previous.end) return false;
    // Sorted by start then end, an insertion is preceded at its offset only by another insertion.
    if (previous && edit.start === edit.end && edit.start === previous.start) return false;
    previous = edit;
  }
  return true;
}

/** The file's line break: CRLF when its first line ends so, else LF. */
export function lineBreakOf(text: string): '\n' | '\r\n' {
  // Before a first line break at offset 0, or with none (index -1), the character read is undefined.
  return text[text.indexOf('\n') - 1] === '\r' ? '\r\n' : '\n';
}

function toOffsets(lines: LineIndex, edit: TextEdit, eol: string): OffsetEdit {
  return { start: lines.offset(edit.range.start), end: lines.offset(edit.range.end), newText: edit.newText.replace(/\r?\n/g, eol) };
}

/** The byte order mark and the final newline as they were in `before`. */
function keepShape(before: string, after: string, eol: string): string {
  let result = after;
  const hadBom = before.startsWith(BOM);
  if (hadBom && !result.startsWith(BOM)) result = BOM + result;
  if (!hadBom && result.startsWith(BOM)) result = result.slice(1);
  const hadFinalNewline = before.endsWith('\n');
  const hasFinalNewline = result.endsWith('\n');
  if (hadFinalNewline && !hasFinalNewline) result += eol;
  if (!hadFinalNewline && hasFinalNewline) result = result.slice(0, result.endsWith('\r\n') ? -2 : -1);
  return result;
}
