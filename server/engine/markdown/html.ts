// Tokenizes raw HTML (inline HTML tags, HTML blocks) with htmlparser2's
// Tokenizer and reports tags, attributes and comments with exact offsets.

import { Tokenizer } from 'htmlparser2';
import type { TokenizerCallbacks } from 'htmlparser2';

export interface HtmlAttribute {
  /** Lowercased name. */
  name: string;
  nameStart: number;
  /** Value range without quotes (an empty range for `alt=""` or a bare `alt`). */
  valueStart: number;
  valueEnd: number;
  /** false for a bare attribute such as `<img alt>`. */
  hasValue: boolean;
}

export interface HtmlSink {
  /** `<name ...>`; `end` is just past the '>'. */
  onOpenTag(name: string, start: number, end: number, attributes: readonly HtmlAttribute[], selfClosing: boolean): void;
  /** `</name>`; `end` is just past the '>'. */
  onCloseTag(name: string, start: number, end: number): void;
  /** `<!-- text -->`; `textStart`/`textEnd` delimit the inside. */
  onComment(start: number, end: number, textStart: number, textEnd: number): void;
  /** Character data between tags. */
  onText(start: number, end: number): void;
}

/**
 * Reusable scanner: one htmlparser2 Tokenizer, reset for every fragment.
 * Entities are not decoded, so every reported range is source text as written.
 */
export class HtmlScanner {
  private readonly tokenizer: Tokenizer;
  private chunk = '';
  private base = 0;
  private sink: HtmlSink | undefined;
  private tagName = '';
  private tagStart = 0;
  private attributes: HtmlAttribute[] = [];
  private attribute: HtmlAttribute | undefined;

  constructor() {
    const callbacks: TokenizerCallbacks = {
      onattribdata: (start, end) => {
        const a = this.attribute;
        if (!a) return;
        if (!a.hasValue) {
          a.hasValue = true;
          a.valueStart = this.base + start;
        }
        a.valueEnd = this.base + end;
      },
      onattribentity: () => {},
      onattribend: (quote, endIndex) => {
        const a = this.attribute;
        if (!a) return;
        if (!a.hasValue) {
          // `alt=""` produces no data: find the quotes; a bare `alt` has none.
          const abs = this.base + endIndex;
          const q = this.chunk.charCodeAt(endIndex - 1);
          if (quote >= 2 && (q === 0x22 || q === 0x27)) {
            a.hasValue = true;
            a.valueStart = a.valueEnd = abs - 1;
          } else {
            a.valueStart = a.valueEnd = abs;
          }
        }
        this.attributes.push(a);
        this.attribute = undefined;
      },
      onattribname: (start, end) => {
        const at = this.base + start;
        this.attribute = {
          name: this.chunk.slice(start, end).toLowerCase(),
          nameStart: at,
          valueStart: this.base + end,
          valueEnd: this.base + end,
          hasValue: false,
        };
      },
      oncdata: () => {},
      onclosetag: (start, end) => {
        const name = this.chunk.slice(start, end).toLowerCase();
        let close = this.chunk.indexOf('>', end);
        if (close < 0) close = this.chunk.length - 1;
        this.sink?.onCloseTag(name, this.base + Math.max(start - 2, 0), this.base + close + 1);
      },
      oncomment: (start, endIndex, endOffset) => {
        const open = start - 4;
        // Bogus comments (`<!x>`, `<?x>`) are not comments in Markdown's sense.
        if (open < 0 || !this.chunk.startsWith('<!--', open)) return;
        const length = this.chunk.length;
        const end = Math.min(endOffset > 0 ? endIndex + 1 : endIndex, length);
        const textEnd = Math.min(Math.max(start, endIndex - endOffset), length);
        const b = this.base;
        this.sink?.onComment(b + open, b + end, b + start, b + textEnd);
      },
      ondeclaration: () => {},
      onend: () => {},
      onopentagend: (endIndex) => this.finishTag(endIndex, false),
      onopentagname: (start, end) => {
        this.tagStart = this.base + start - 1;
        this.tagName = this.chunk.slice(start, end).toLowerCase();
        this.attributes = [];
        this.attribute = undefined;
      },
      onprocessinginstruction: () => {},
      onselfclosingtag: (endIndex) => this.finishTag(endIndex, true),
      ontext: (start, end) => {
        if (end > start) this.sink?.onText(this.base + start, this.base + end);
      },
      ontextentity: () => {},
    };
    this.tokenizer = new Tokenizer({ decodeEntities: false }, callbacks);
  }

  private finishTag(endIndex: number, selfClosing: boolean): void {
    const end = this.base + Math.min(endIndex + 1, this.chunk.length);
    const attributes = this.attributes;
    this.attributes = [];
    this.sink?.onOpenTag(this.tagName, this.tagStart, end, attributes, selfClosing);
  }

  /**
   * Tokenizes `chunk`, a piece of HTML that starts at offset `base` of the
   * document; every reported offset is `base` + index in `chunk`.
   */
  scan(chunk: string, base: number, sink: HtmlSink): void {
    this.chunk = chunk;
    this.base = base;
    this.sink = sink;
    this.attribute = undefined;
    this.attributes = [];
    try {
      this.tokenizer.reset();
      this.tokenizer.write(chunk);
      this.tokenizer.end();
    } finally {
      this.sink = undefined;
      this.chunk = '';
    }
  }
}

/** Looks up an attribute by lowercased name (first occurrence wins, as in browsers). */
export function findAttribute(attributes: readonly HtmlAttribute[], name: string): HtmlAttribute | undefined {
  for (const a of attributes) if (a.name === name) return a;
  return undefined;
}
