/**
 * Text a pull request wrote (post text, front matter keys, URLs, file names, config
 * values) reaches terminals and CI logs through the CLI. Printed raw, a newline in it
 * starts a line of its own, which GitHub Actions reads as a workflow command
 * (`::error …::`); an ESC drives the terminal; a bidirectional override makes a line
 * display something other than what it says. Each such character is printed as a
 * visible escape instead, so that one field stays on one line and reads as written.
 *
 * A backslash is kept as it is: escaping it would double every backslash of Windows
 * paths and Markdown escapes in messages, and a literal `\n` in a post can only look
 * like an escape, never start a line.
 */

/**
 * C0 controls (newline, carriage return, tab, ESC…), DEL and the C1 controls (NEL
 * U+0085, the 8-bit CSI U+009B…), the line and paragraph separators, the bidi
 * embeddings, overrides and isolates (Trojan Source); and the second `#` of `##[`,
 * which the GitHub runner still reads as a legacy command anywhere in a line.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|(?<=#)#(?=\[)/g;

/**
 * The same less C0: JSON.stringify escapes C0 in strings, so a raw one in its output
 * is the indentation's own line break, outside any string.
 */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|(?<=#)#(?=\[)/g;
/** What `UNSAFE_IN_JSON` can match, found without its look-around. */
const MAYBE_UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|##\[/;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const hex = (code: number, digits: number) => code.toString(16).padStart(digits, '0');

function visible(char: string): string {
  const code = char.charCodeAt(0);
  // Stryker disable next-line EqualityOperator: U+00FF itself is never escaped, so < and <= agree
  return NAMED[char] ?? (code <= 0xff ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`);
}

/** Text from the checked folder, made safe to print as part of one line. */
export function escapeText(text: string): string {
  return text.replace(UNSAFE, visible);
}

/**
 * A file name printed at the start of a line (stylish's file header). The runner
 * trims leading blanks and then reads `::` as a command, so a name such as
 * `::error::x.md` is printed as `./::error::x.md`: the same file, and no command.
 */
export function escapeLeadingPath(path: string): string {
  const escaped = escapeText(path);
  return /^\s*::/.test(escaped) ? `./${escaped}` : escaped;
}

/**
 * JSON for CI tools: the same value once parsed, but the characters `escapeText`
 * escapes are written as `\uXXXX`. JSON.stringify already escapes C0; DEL, C1, the
 * separators, bidi controls and `##[` it would print raw. They only ever occur
 * inside strings, where a `\u` escape parses back to the same character.
 */
export function safeJson(value: unknown, indent?: number): string {
  return escapedJson(JSON.stringify(value, null, indent));
}

/**
 * JSON text as JSON.stringify writes it, with `safeJson`'s escapes: a whole document at
 * once, since the characters escaped only ever occur inside its strings (`##[` too: no
 * `#` stands outside a string, and a string's closing quote parts any two).
 */
export function escapedJson(json: string): string {
  // The look-behind makes the replacing expression slow; most reports have nothing to replace.
  return MAYBE_UNSAFE_IN_JSON.test(json) ? json.replace(UNSAFE_IN_JSON, (char) => `\\u${hex(char.charCodeAt(0), 4)}`) : json;
}

/**
 * JSON text with every character past ASCII written as a `\u` escape (JSON's own syntax
 * is ASCII, so they only occur in its strings, where an escape parses back to the same
 * character): a file a reader decodes as fast as a copy.
 */
export function asciiJson(json: string): string {
  return json.replace(BEYOND_ASCII, (char) => `\\u${hex(char.charCodeAt(0), 4)}`);
}

const BEYOND_ASCII = /[\u0080-\uffff]/g;
