import { relative } from 'node:path';
import { escapeText } from './formatters/escape';
import { painter } from './formatters/paint';

/** Lines removed and added at one place; line numbers are 1-based. */
export interface Hunk {
  oldStart: number;
  oldLines: string[];
  newStart: number;
  newLines: string[];
}

/** What `--fix-dry-run` would change in one file. */
export interface FixPreview {
  filePath: string;
  hunks: Hunk[];
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * The changed lines between two texts (Myers' O(ND) diff: fixes change few
 * lines, so D is small), grouped into hunks without context.
 */
export function diffLines(before: string, after: string): Hunk[] {
  const a = splitLines(before);
  const b = splitLines(after);
  return toHunks(editScript(a, b), a, b);
}

type Op = '=' | '-' | '+';

function editScript(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const offset = n + m + 1;
  const v = new Int32Array(2 * offset + 1);
  // trace[d] is the frontier before step d: what the walk back needs.
  const trace: Int32Array[] = [];
  search: for (let d = 0; d <= n + m; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) break search;
    }
  }
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const frontier = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && frontier[offset + k - 1] < frontier[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = frontier[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push('=');
      x--;
      y--;
    }
    if (d === 0) break;
    ops.push(x === prevX ? '+' : '-');
    x = prevX;
    y = prevY;
  }
  return ops.reverse();
}

function toHunks(ops: Op[], a: string[], b: string[]): Hunk[] {
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  let current: Hunk | undefined;
  for (const op of ops) {
    if (op === '=') {
      current = undefined;
      i++;
      j++;
      continue;
    }
    if (!current) hunks.push((current = { oldStart: i + 1, oldLines: [], newStart: j + 1, newLines: [] }));
    if (op === '-') current.oldLines.push(a[i++]);
    else current.newLines.push(b[j++]);
  }
  return hunks;
}

/** `@@ -3 +3 @@`, `@@ -3,2 +3,0 @@`: unified diff's hunk header. */
function range(start: number, count: number): string {
  if (count === 1) return `${start}`;
  return `${count === 0 ? start - 1 : start},${count}`;
}

/** The previews as a unified diff without context lines, coloured like `git diff` on a terminal. */
export function formatPreviews(previews: FixPreview[], options: { color: boolean; cwd: string }): string {
  const paint = painter(options.color);
  const out: string[] = [];
  for (const preview of previews) {
    if (preview.hunks.length === 0) continue;
    const name = escapeText(relative(options.cwd, preview.filePath) || preview.filePath);
    out.push(paint('bold', `--- ${name}`), paint('bold', `+++ ${name} (fixed)`));
    for (const hunk of preview.hunks) {
      out.push(paint('cyan', `@@ -${range(hunk.oldStart, hunk.oldLines.length)} +${range(hunk.newStart, hunk.newLines.length)} @@`));
      // The lines stay lines; what is inside one is text from the post.
      for (const line of hunk.oldLines) out.push(paint('red', `-${escapeText(line)}`));
      for (const line of hunk.newLines) out.push(paint('green', `+${escapeText(line)}`));
    }
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}
