import type { Position, Range, Span } from '../types';

const LF = 0x0a;
const CR = 0x0d;

/**
 * Turns string offsets into LSP positions. Offsets are UTF-16 code units, which is
 * what LSP columns count by default, so a position is a line number plus the
 * distance from that line's start. A line ends at `\r\n`, `\n` or a lone `\r`, as
 * LSP 3.17 says and as every client's document counts them: the engine must name
 * the line an editor shows, or every position after a lone `\r` is on the wrong one.
 *
 * This is about positions only. What a line is to Markdown (Goldmark ends one at
 * `\n` alone) or to Hugo's front matter lexer (`\r` or `\n`) is their parsers' affair.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    // Line ends found with indexOf, which scans natively: a loop over every character
    // took about 2% of a worker's time over 6,800 posts. Most texts have no `\r` at all.
    let cr = text.indexOf('\r');
    let lf = text.indexOf('\n');
    while (cr !== -1 || lf !== -1) {
      if (cr !== -1 && (lf === -1 || cr < lf)) {
        const next = text.charCodeAt(cr + 1) === LF ? cr + 2 : cr + 1;
        this.starts.push(next);
        if (next === cr + 2) lf = text.indexOf('\n', next);
        cr = text.indexOf('\r', next);
      } else {
        this.starts.push(lf + 1);
        lf = text.indexOf('\n', lf + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /**
   * The position of an offset. An offset between the `\r` and the `\n` of a CRLF is
   * left one past its line's end, not moved: such a span is a mistake of the code
   * that made it, and the fuzz properties can only find it if it shows.
   */
  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.starts[low] };
  }

  range(span: Span): Range {
    return { start: this.position(span.start), end: this.position(span.end) };
  }

  /** The offset of a position; a column past its line's end means the line's end, as in an editor. */
  offset(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[Math.max(0, position.line)];
    return Math.min(start + position.character, this.lineEnd(position.line));
  }

  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(line, 0), this.starts.length - 1)];
  }

  /** Offset of the line's end, before its `\r\n`, `\n` or `\r`. */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    const next = this.starts[line + 1];
    return this.text.charCodeAt(next - 1) === LF && this.text.charCodeAt(next - 2) === CR ? next - 2 : next - 1;
  }
}
