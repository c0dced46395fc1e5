// Hand-written scanner for Hugo shortcode tags:
//   {{< name key="value" other=`raw` positional >}}   {{% name %}}
//   {{< /name >}}   {{< name />}}   {{</* a comment, not a shortcode */>}}
// It works like Hugo's page lexer: it knows nothing about Markdown, so the
// caller decides which tags count (e.g. not those inside code).

import { quoted } from '../text/quote.js';
import type { Shortcode, ShortcodeParam, ShortcodeProblem, Span } from './types.js';

/** Shortcode parameters that hold a link URL. */
export const LINK_SHORTCODE_PARAMS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  button: ['link'],
  iframe: ['src'],
  figure: ['link'],
});

/** Shortcode parameter that holds the visible text of the link it makes. */
export const LINK_SHORTCODE_TEXT_PARAMS: Readonly<Record<string, string>> = Object.freeze({
  button: 'text',
});

/** Shortcodes that render an image, and which parameters hold its source and alt text. */
export const IMAGE_SHORTCODE_PARAMS: Readonly<Record<string, { readonly src: string; readonly alt: string }>> = Object.freeze({
  img: { src: 'src', alt: 'alt' },
  figure: { src: 'src', alt: 'alt' },
});

/** Paired shortcodes whose inner text is code (never checked), like a fenced block. */
export const CODE_SHORTCODES: ReadonlySet<string> = new Set(['highlight']);

/** Own-property lookup in one of the tables above (no prototype surprises). */
export function lookupShortcodeTable<T>(table: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
}

export interface ShortcodeScan {
  shortcodes: Shortcode[];
  problems: ShortcodeProblem[];
  /**
   * Ranges Hugo replaces before Markdown sees the page: every well-formed
   * shortcode tag and every shortcode comment, in document order.
   */
  replaced: Span[];
}

const enum Ch {
  Tab = 0x09,
  LF = 0x0a,
  CR = 0x0d,
  Space = 0x20,
  Quote = 0x22,
  Percent = 0x25,
  Star = 0x2a,
  Slash = 0x2f,
  Lt = 0x3c,
  Eq = 0x3d,
  Gt = 0x3e,
  Backslash = 0x5c,
  Backtick = 0x60,
  LBrace = 0x7b,
  RBrace = 0x7d,
}

function isWs(c: number): boolean {
  return c === Ch.Space || c === Ch.Tab || c === Ch.LF || c === Ch.CR;
}

function isNameChar(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x5f ||
    c === 0x2d ||
    c === Ch.Slash ||
    c === 0x2e ||
    c > 0x7f
  );
}

/** Error raised inside one tag; the scan reports it and moves on. */
class TagError {
  constructor(
    readonly message: string,
    readonly span: Span,
  ) {}
}

/** Scans `text[from, to)` for shortcode tags. Never throws. */
export function scanShortcodes(text: string, from: number, to: number): ShortcodeScan {
  const result: ShortcodeScan = { shortcodes: [], problems: [], replaced: [] };
  // Once a comment end is known to be missing after some offset, it is missing
  // after any later offset too: remember that instead of searching again.
  let noCommentEndAfter = { '<': to, '%': to };
  let pos = from;
  while (pos < to) {
    const open = text.indexOf('{{', pos);
    if (open < 0 || open + 2 >= to) break;
    const d = text.charCodeAt(open + 2);
    if (d !== Ch.Lt && d !== Ch.Percent) {
      pos = open + 1;
      continue;
    }
    const delimiter: '<' | '%' = d === Ch.Lt ? '<' : '%';
    const close = delimiter === '<' ? '>}}' : '%}}';
    const body = open + 3;
    if (text.startsWith('/*', body)) {
      const end = body >= noCommentEndAfter[delimiter] ? -1 : text.indexOf('*/' + close, body + 2);
      if (end < 0 || end + 5 > to) {
        noCommentEndAfter = { ...noCommentEndAfter, [delimiter]: Math.min(noCommentEndAfter[delimiter], body) };
        result.problems.push({
          message: `Shortcode comment ${quoted(`{{${delimiter}/*`)} is never closed with ${quoted(`*/${close}`)}`,
          span: { start: open, end: body + 2 },
        });
        pos = body;
      } else {
        result.replaced.push({ start: open, end: end + 5 });
        pos = end + 5;
      }
      continue;
    }
    const tag = new TagScanner(text, open, to, delimiter, close);
    try {
      const sc = tag.scan();
      result.shortcodes.push(sc);
      if (tag.problem !== undefined) result.problems.push(tag.problem);
      result.replaced.push(sc.span);
      pos = sc.span.end;
    } catch (e) {
      if (!(e instanceof TagError)) throw e;
      result.problems.push({ message: e.message, span: e.span });
      pos = open + 2;
    }
  }
  return result;
}

class TagScanner {
  private pos: number;
  /** A problem with a tag that is still well delimited (reported, tag kept). */
  problem: ShortcodeProblem | undefined;

  constructor(
    private readonly text: string,
    private readonly open: number,
    private readonly to: number,
    private readonly delimiter: '<' | '%',
    private readonly close: string,
  ) {
    this.pos = open + 3;
  }

  private code(at: number): number {
    return at < this.to ? this.text.charCodeAt(at) : -1;
  }

  private atClose(at: number): boolean {
    return at + 3 <= this.to && this.text.startsWith(this.close, at);
  }

  private skipWs(): void {
    while (this.pos < this.to && isWs(this.text.charCodeAt(this.pos))) this.pos++;
  }

  /** The tag is not closed; `detail`, a sentence of its own, says what came in the way. */
  private unclosed(nameEnd: number, detail: string): TagError {
    const opener = this.text.slice(this.open, nameEnd);
    return new TagError(`Shortcode ${quoted(opener.trim(), 40)} is not closed with ${quoted(this.close)}. ${detail}`, {
      start: this.open,
      end: nameEnd,
    });
  }

  scan(): Shortcode {
    this.skipWs();
    let closing = false;
    if (this.code(this.pos) === Ch.Slash) {
      closing = true;
      this.pos++;
      this.skipWs();
    }
    const nameStart = this.pos;
    while (this.pos < this.to && isNameChar(this.text.charCodeAt(this.pos)) && !this.atClose(this.pos)) {
      // A '/' right before the closing delimiter marks a self-closing tag.
      if (this.text.charCodeAt(this.pos) === Ch.Slash && this.atClose(this.pos + 1)) break;
      this.pos++;
    }
    const nameEnd = this.pos;
    if (nameEnd === nameStart) {
      const what = this.pos >= this.to ? 'the text ends' : `unexpected ${describe(this.text, this.pos)}`;
      throw new TagError(`Shortcode ${quoted(`{{${this.delimiter}`)} has no name (${what})`, {
        start: this.open,
        end: Math.min(this.open + 3, this.to),
      });
    }
    const name = this.text.slice(nameStart, nameEnd);
    const params: ShortcodeParam[] = [];
    let selfClosing = false;
    let named = 0;
    let positional = 0;
    let mixed: Span | undefined;
    for (;;) {
      this.skipWs();
      if (this.pos >= this.to) throw this.unclosed(nameEnd, 'The text ends first');
      if (this.atClose(this.pos)) {
        this.pos += 3;
        break;
      }
      const c = this.text.charCodeAt(this.pos);
      if (c === Ch.Slash) {
        const slash = this.pos;
        this.pos++;
        this.skipWs();
        if (this.atClose(this.pos) && !closing) {
          selfClosing = true;
          this.pos += 3;
          break;
        }
        this.pos = slash;
        throw this.unclosed(nameEnd, `Unexpected ${describe(this.text, slash)}`);
      }
      if (closing) throw this.unclosed(nameEnd, `Unexpected ${describe(this.text, this.pos)} in a closing tag`);
      const param = this.param(nameEnd);
      if (param.name === undefined) positional++;
      else named++;
      if (named > 0 && positional > 0 && mixed === undefined) mixed = param.span;
      params.push(param);
    }
    if (mixed !== undefined) {
      // Checked once the tag is known to be closed: an unclosed tag or a stray
      // quote usually causes the mix, and is the better message.
      this.problem = { message: `Shortcode ${quoted(name, 40)} mixes named and positional parameters`, span: mixed };
    }
    return {
      name,
      delimiter: this.delimiter,
      closing,
      selfClosing,
      params,
      span: { start: this.open, end: this.pos },
      nameSpan: { start: nameStart, end: nameEnd },
    };
  }

  /** One parameter: `"quoted"`, `` `raw` ``, `token`, or `name=<one of those>`. */
  private param(nameEnd: number): ShortcodeParam {
    const start = this.pos;
    const c = this.text.charCodeAt(start);
    if (c === Ch.Quote || c === Ch.Backtick) {
      const v = this.value(nameEnd);
      return { value: v.value, span: { start, end: this.pos }, valueSpan: v.span };
    }
    const token = this.token();
    if (token === '') throw this.unclosed(nameEnd, `Unexpected ${describe(this.text, this.pos)}`);
    const afterToken = this.pos;
    this.skipWs();
    if (this.code(this.pos) === Ch.Eq) {
      this.pos++;
      this.skipWs();
      if (this.pos >= this.to || this.atClose(this.pos)) {
        throw this.unclosed(nameEnd, `Parameter ${quoted(token)} has no value`);
      }
      const v = this.value(nameEnd);
      return { name: token, value: v.value, span: { start, end: this.pos }, valueSpan: v.span };
    }
    this.pos = afterToken;
    return { value: token, span: { start, end: afterToken }, valueSpan: { start, end: afterToken } };
  }

  /** A bare run of characters up to whitespace, '=', a quote, a brace or the closing delimiter. */
  private token(): string {
    const start = this.pos;
    while (this.pos < this.to) {
      const c = this.text.charCodeAt(this.pos);
      if (isWs(c) || c === Ch.Eq || c === Ch.Quote || c === Ch.Backtick || c === Ch.LBrace || c === Ch.RBrace) break;
      if (this.atClose(this.pos)) break;
      if (c === Ch.Slash && this.atClose(this.pos + 1)) break;
      this.pos++;
    }
    return this.text.slice(start, this.pos);
  }

  private value(nameEnd: number): { value: string; span: Span } {
    const q = this.text.charCodeAt(this.pos);
    if (q === Ch.Quote) {
      // "..." : one line, \" escapes a quote (Hugo rejects newlines in it).
      const startQuote = this.pos;
      let i = this.pos + 1;
      let escaped = false;
      for (;;) {
        if (i >= this.to || this.text.charCodeAt(i) === Ch.LF) {
          let lineEnd = i;
          if (lineEnd > startQuote && this.text.charCodeAt(lineEnd - 1) === Ch.CR) lineEnd--;
          throw new TagError('Unbalanced quote: this shortcode parameter value is never closed on its line', {
            start: startQuote,
            end: Math.max(lineEnd, startQuote + 1),
          });
        }
        const c = this.text.charCodeAt(i);
        if (c === Ch.Backslash && this.code(i + 1) === Ch.Quote) {
          escaped = true;
          i += 2;
          continue;
        }
        if (c === Ch.Quote) break;
        i++;
      }
      const raw = this.text.slice(startQuote + 1, i);
      this.pos = i + 1;
      return { value: escaped ? raw.replace(/\\"/g, '"') : raw, span: { start: startQuote + 1, end: i } };
    }
    if (q === Ch.Backtick) {
      // `...` : raw string, may span lines, no escapes.
      const end = this.text.indexOf('`', this.pos + 1);
      if (end < 0 || end >= this.to) {
        let lineEnd = this.text.indexOf('\n', this.pos);
        if (lineEnd < 0 || lineEnd > this.to) lineEnd = this.to;
        // The \r of a CRLF line break is not part of the line, as for a "..." value above.
        if (lineEnd > this.pos && this.text.charCodeAt(lineEnd - 1) === Ch.CR) lineEnd--;
        throw new TagError('Unbalanced quote: this shortcode parameter, a raw string between backticks, is never closed', {
          start: this.pos,
          end: Math.max(lineEnd, this.pos + 1),
        });
      }
      const span = { start: this.pos + 1, end };
      this.pos = end + 1;
      return { value: this.text.slice(span.start, span.end), span };
    }
    const start = this.pos;
    const value = this.token();
    if (value === '') throw this.unclosed(nameEnd, `Unexpected ${describe(this.text, this.pos)}`);
    return { value, span: { start, end: this.pos } };
  }
}

function describe(text: string, at: number): string {
  if (at >= text.length) return 'end of text';
  const c = text.charCodeAt(at);
  if (c === Ch.LF || c === Ch.CR) return 'line break';
  // Named in words: a backtick in a message would read as Markdown, which editors show as it is.
  if (c === Ch.Backtick) return 'backtick';
  return `character ${quoted(String.fromCodePoint(text.codePointAt(at)!))}`;
}
