import type { Position, Range, Span } from '../types';

/**
 * Turns string offsets into LSP positions. Offsets are UTF-16 code units, which is
 * what LSP columns count by default, so a position is a line number plus the
 * distance from that line's start. A line ends after `\n`; a `\r` before it stays
 * in the previous line, so CRLF files get the same line numbers as LF files.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get lineCount(): number {
    return this.starts.length;
  }

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

  offset(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[Math.max(0, position.line)];
    return Math.min(start + position.character, this.lineEnd(position.line));
  }

  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(line, 0), this.starts.length - 1)];
  }

  /** Offset of the line's end, before its `\r\n` or `\n`. */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
    return next > 0 && this.text[next - 1] === '\r' && next <= this.text.length && this.text[next] === '\n' ? next - 1 : next;
  }
}
