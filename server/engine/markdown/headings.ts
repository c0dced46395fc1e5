// Heading ids the way Hugo's Goldmark renderer makes them with its default
// `autoHeadingIDType: github`, plus the `{#id}` attribute block Goldmark
// accepts at the end of a heading's last line.
//
// Facts this follows (Hugo markup/goldmark/autoid.go, Goldmark parser):
// - the auto id is computed from the RAW source of the heading's last line
//   (after the attribute block and an ATX closing sequence are removed), not
//   from the rendered text: `## [Go](https://go.dev)` gets `gohttpsgodev`;
// - per code point: '-', ' ' and '\t' become '-'; letters, decimal digits and
//   '_' are kept, lowercased; everything else is dropped; nothing is trimmed
//   or collapsed;
// - an empty result becomes "heading"; a taken id gets "-1", "-2", ... (the
//   first free one); ids given explicitly with `{#id}` count as taken from the
//   point where their heading appears.

const LETTER_OR_DIGIT = /^[\p{L}\p{Nd}]$/u;

/**
 * Github-style slug of `text` as Hugo's Goldmark computes it (what Hugo's
 * `anchorize` returns). Does not apply the "heading" fallback or de-duplication;
 * see {@link HeadingIds} for that.
 */
export function headingId(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c === 0x2d || c === 0x20 || c === 0x09) out += '-';
      else if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f) out += text[i];
      else if (c >= 0x41 && c <= 0x5a) out += String.fromCharCode(c + 32);
      continue;
    }
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if (cp > 0xffff) i++;
    if (LETTER_OR_DIGIT.test(ch)) {
      // Go lowercases one rune into one rune; JS does the same except for
      // U+0130 (dotted capital I), which Go maps to a plain 'i'.
      out += cp === 0x130 ? 'i' : ch.toLowerCase();
    }
  }
  return out;
}

/** Goldmark's id registry: de-duplicates generated ids across one document. */
export class HeadingIds {
  private readonly used = new Set<string>();
  /**
   * Per base id, the suffix to try first. Ids are only ever added, so the
   * smallest free suffix of a base never decreases: resuming from the last one
   * gives Goldmark's result without rescanning from 1 (which is quadratic).
   */
  private readonly nextSuffix = new Map<string, number>();

  /** Records an explicit id (Goldmark `Put`). */
  put(id: string): void {
    this.used.add(id);
  }

  /** Generates the id for a heading whose raw last line is `raw`. */
  generate(raw: string): string {
    let base = headingId(raw);
    if (base === '') base = 'heading';
    let id = base;
    if (this.used.has(id)) {
      let n = this.nextSuffix.get(base) ?? 1;
      while (this.used.has(`${base}-${n}`)) n++;
      id = `${base}-${n}`;
      this.nextSuffix.set(base, n + 1);
    }
    this.used.add(id);
    return id;
  }
}

export interface TrailingAttributes {
  /** Offset of the opening `{`. */
  start: number;
  /** The id set by `#id` or `id=...`, if any. */
  id?: string;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a || c === 0x0b || c === 0x0c;
}

function isAsciiPunct(c: number): boolean {
  return (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
}

function isNameStart(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x3a;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d;
}

/**
 * Finds a Goldmark attribute block (`{#id .class key="v"}`) that ends the line
 * `text[from, to)`: scanning left to right, the first `{` where a complete block
 * parses and only whitespace follows it. Backslash-escaped punctuation is skipped.
 */
export function findTrailingAttributes(text: string, from: number, to: number): TrailingAttributes | undefined {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) {
      if (i + 1 < to && isAsciiPunct(text.charCodeAt(i + 1))) i++;
      continue;
    }
    if (c !== 0x7b) continue;
    const parsed = parseAttributeBlock(text, i, to);
    if (parsed === undefined) continue;
    let j = parsed.end;
    while (j < to && isSpace(text.charCodeAt(j))) j++;
    if (j === to) return { start: i, id: parsed.id };
  }
  return undefined;
}

function parseAttributeBlock(text: string, open: number, to: number): { end: number; id?: string } | undefined {
  let i = open + 1;
  let id: string | undefined;
  for (;;) {
    if (i >= to) return undefined;
    if (text.charCodeAt(i) === 0x7d) return { end: i + 1, id };
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    if (i >= to) return undefined;
    const c = text.charCodeAt(i);
    if (c === 0x23 || c === 0x2e) {
      // #id or .class
      let j = i + 1;
      while (j < to) {
        const d = text.charCodeAt(j);
        if (isSpace(d)) break;
        if (isAsciiPunct(d) && d !== 0x5f && d !== 0x2d && d !== 0x3a && d !== 0x2e) break;
        j++;
      }
      if (c === 0x23) id = text.slice(i + 1, j);
      i = j;
    } else if (isNameStart(c)) {
      let j = i + 1;
      while (j < to && isNameChar(text.charCodeAt(j))) j++;
      const name = text.slice(i, j);
      while (j < to && isSpace(text.charCodeAt(j))) j++;
      if (j >= to || text.charCodeAt(j) !== 0x3d) return undefined;
      j++;
      while (j < to && isSpace(text.charCodeAt(j))) j++;
      if (j >= to) return undefined;
      const q = text.charCodeAt(j);
      let value: string;
      if (q === 0x22 || q === 0x27) {
        let k = j + 1;
        let buf = '';
        while (k < to && text.charCodeAt(k) !== q) {
          if (text.charCodeAt(k) === 0x5c && k + 1 < to) k++;
          buf += text[k];
          k++;
        }
        if (k >= to) return undefined;
        value = buf;
        j = k + 1;
      } else {
        const startValue = j;
        while (j < to) {
          const d = text.charCodeAt(j);
          if (isSpace(d) || d === 0x7d || d === 0x2c) break;
          j++;
        }
        if (j === startValue) return undefined;
        value = text.slice(startValue, j);
      }
      if (name === 'id') id = value;
      i = j;
    } else {
      return undefined;
    }
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    if (i < to && text.charCodeAt(i) === 0x2c) {
      i++;
      while (i < to && isSpace(text.charCodeAt(i))) i++;
    }
  }
}
