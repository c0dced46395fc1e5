/**
 * A quoted value that goes on over lines indented no deeper than its key:
 *
 *     summary: "We talked to Vito Botta, Lead Platform Architect for the event
 *     Brella, about how CloudNativePG fits in their stack."
 *
 * YAML 1.2 wants the second line indented under the key, and the `yaml` package reads
 * the quote as never closed. Hugo's YAML reader does not: goccy/go-yaml (Hugo 0.152 and
 * later) folds the lines into the value whatever their indentation (its scanner looks
 * for the closing quote and checks only tabs), as readers built on libyaml do (PyYAML
 * does; go-yaml v3, Hugo's reader before, is a port of libyaml). carvel.dev and
 * cloudnative-pg.io build with such values. So the front matter is read as Hugo reads
 * it: each such line indented just enough for the `yaml` package, then every position
 * mapped back to the text as written.
 */

/** A source with lines indented, and the way back to offsets of the source as written. */
export interface IndentedSource {
  source: string;
  /** The offset in the source as written of an offset in `source`. */
  original(offset: number): number;
}

/** Where spaces were put in, in the source as written, and how many. */
interface Insertion {
  at: number;
  count: number;
}

/**
 * The source with the quoted value that opens at `quoteAt` read as Hugo reads it:
 * undefined when the quote never closes (a real mistake), or when no line of it needed
 * indenting (the parser's complaint is another).
 */
export function indentQuotedContinuation(source: string, quoteAt: number): IndentedSource | undefined {
  const quote = source[quoteAt];
  if (quote !== '"' && quote !== "'") return undefined;
  const close = closingQuote(source, quoteAt, quote);
  if (close === undefined) return undefined;
  const lineStart = source.lastIndexOf('\n', quoteAt - 1) + 1;
  const keyIndent = leadingSpaces(source, lineStart);
  const insertions: Insertion[] = [];
  for (let lineBreak = source.indexOf('\n', quoteAt); lineBreak !== -1 && lineBreak < close; lineBreak = source.indexOf('\n', lineBreak + 1)) {
    const at = lineBreak + 1;
    const indent = leadingSpaces(source, at);
    const next = source[at + indent];
    // A blank line is a line break of the value, at any indentation; a tab is Hugo's error as well.
    if (next === '\n' || next === '\r' || next === '\t') continue;
    if (indent <= keyIndent) insertions.push({ at, count: keyIndent + 1 - indent });
  }
  return insertions.length === 0 ? undefined : withInsertions(source, insertions);
}

/** The offset of the quote that closes the value opened at `quoteAt`, escapes skipped. */
function closingQuote(source: string, quoteAt: number, quote: string): number | undefined {
  for (let at = quoteAt + 1; at < source.length; at++) {
    const char = source[at];
    if (quote === '"' && char === '\\') at++;
    else if (char === quote && quote === "'" && source[at + 1] === "'") at++;
    else if (char === quote) return at;
  }
  return undefined;
}

function leadingSpaces(source: string, from: number): number {
  let at = from;
  while (source[at] === ' ') at++;
  return at - from;
}

function withInsertions(source: string, insertions: Insertion[]): IndentedSource {
  let out = '';
  let from = 0;
  for (const { at, count } of insertions) {
    out += source.slice(from, at) + ' '.repeat(count);
    from = at;
  }
  out += source.slice(from);
  return {
    source: out,
    original(offset) {
      let shift = 0;
      for (const { at, count } of insertions) {
        // The inserted spaces stand where the line starts in the source as written.
        if (offset < at + shift) break;
        if (offset < at + shift + count) return at;
        shift += count;
      }
      return offset - shift;
    },
  };
}
