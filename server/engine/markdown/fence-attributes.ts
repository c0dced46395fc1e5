// Goldmark's attribute block, `{#id .class key=value, …}`, read as its parser reads it
// (parser/attribute.go, ParseAttributes): Hugo reads one after a code fence's language,
// where it holds the highlighting options (`linenos=true, lineanchors=setup`).

/** A value as Goldmark types it: text, a number, true/false, null, a list, or a nested block. */
export type AttributeValue = string | number | boolean | null | AttributeValue[] | Attribute[];

export interface Attribute {
  /** The name as written (`#x` and `.x` give `id` and `class`). */
  name: string;
  value: AttributeValue;
}

/** Goldmark's util.IsSpace. */
function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f';
}

/** Goldmark's util.IsPunct: ASCII punctuation. */
function isPunct(c: string): boolean {
  return /^[!-/:-@[-`{-~]$/.test(c);
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isNameStart(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c === ':');
}

function isNameChar(c: string | undefined): boolean {
  return isNameStart(c) || isDigit(c) || c === '.' || c === '-';
}

class AttributeReader {
  constructor(
    private readonly text: string,
    public pos: number,
  ) {}

  peek(): string | undefined {
    return this.text[this.pos];
  }

  skipSpaces(): void {
    while (isSpace(this.peek())) this.pos++;
  }

  /** The longest run from here whose characters pass `test`, consumed. */
  run(test: (c: string) => boolean): string {
    const start = this.pos;
    while (this.pos < this.text.length && test(this.text[this.pos])) this.pos++;
    return this.text.slice(start, this.pos);
  }

  /** `{ … }`: undefined, and the position left as it was, when the block does not parse. */
  attributes(): Attribute[] | undefined {
    const saved = this.pos;
    this.skipSpaces();
    if (this.peek() !== '{') return this.fail(saved);
    this.pos++;
    const found: Attribute[] = [];
    for (;;) {
      if (this.peek() === '}') {
        this.pos++;
        return found;
      }
      const attribute = this.attribute();
      if (attribute === undefined) return this.fail(saved);
      // Classes add up, one space between them (a class is always text: attribute() sees to it).
      const classes = attribute.name === 'class' ? found.find((a) => a.name === 'class') : undefined;
      if (classes && typeof classes.value === 'string' && typeof attribute.value === 'string') classes.value = `${classes.value} ${attribute.value}`;
      else found.push(attribute);
      this.skipSpaces();
      if (this.peek() === ',') {
        this.pos++;
        this.skipSpaces();
      }
    }
  }

  private fail(saved: number): undefined {
    this.pos = saved;
    return undefined;
  }

  private attribute(): Attribute | undefined {
    this.skipSpaces();
    const c = this.peek();
    if (c === '#' || c === '.') {
      this.pos++;
      const value = this.run((d) => !isSpace(d) && (!isPunct(d) || d === '_' || d === '-' || d === ':' || d === '.'));
      return { name: c === '#' ? 'id' : 'class', value };
    }
    if (!isNameStart(c)) return undefined;
    const name = this.run(isNameChar);
    this.skipSpaces();
    if (this.peek() !== '=') return undefined;
    this.pos++;
    this.skipSpaces();
    const value = this.value();
    if (value === undefined || (name === 'class' && typeof value !== 'string')) return undefined;
    return { name, value };
  }

  private value(): AttributeValue | undefined {
    this.skipSpaces();
    const c = this.peek();
    if (c === undefined) return undefined;
    if (c === '{') return this.attributes();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || c === '+' || isDigit(c)) return this.number();
    if (!isNameStart(c)) return undefined;
    const word = this.run(isNameChar);
    return word === 'true' ? true : word === 'false' ? false : word === 'null' ? null : word;
  }

  private array(): AttributeValue[] | undefined {
    this.pos++;
    const values: AttributeValue[] = [];
    for (let i = 0; ; i++) {
      const c = this.peek();
      let comma = false;
      if (i !== 0 && c === ',') {
        this.pos++;
        comma = true;
      }
      if (c === ']') {
        if (comma) return undefined;
        this.pos++;
        return values;
      }
      this.skipSpaces();
      const value = this.value();
      if (value === undefined) return undefined;
      values.push(value);
      this.skipSpaces();
    }
  }

  private string(): string | undefined {
    this.pos++;
    const escapes: Record<string, string> = { '"': '"', '/': '/', '\\': '\\', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
    let out = '';
    while (this.pos < this.text.length && this.peek() !== '\n') {
      const c = this.text[this.pos];
      if (c === '\\' && this.pos + 1 < this.text.length && this.text[this.pos + 1] !== '\n') {
        const escaped = escapes[this.text[this.pos + 1]];
        out += escaped ?? '\\';
        this.pos += escaped === undefined ? 1 : 2;
        continue;
      }
      this.pos++;
      if (c === '"') return out;
      out += c;
    }
    return undefined;
  }

  private number(): number | undefined {
    let sign = 1;
    if (this.peek() === '-' || this.peek() === '+') sign = this.text[this.pos++] === '-' ? -1 : 1;
    let digits = this.run((d) => isDigit(d));
    if (digits === '') return undefined;
    if (this.peek() === '.') {
      this.pos++;
      digits += `.${this.run((d) => isDigit(d))}`;
    }
    if (this.peek() === 'e' || this.peek() === 'E') {
      this.pos++;
      let exponent = 'e';
      if (this.peek() === '-' || this.peek() === '+') exponent += this.text[this.pos++];
      digits += exponent + this.run((d) => isDigit(d));
    }
    const value = Number(digits);
    return Number.isNaN(value) ? undefined : sign * value;
  }
}

/** The attribute block that starts at `from` (spaces before its `{` allowed), or undefined when Goldmark would read none there. */
export function parseAttributes(text: string, from: number): Attribute[] | undefined {
  return new AttributeReader(text, from).attributes();
}
