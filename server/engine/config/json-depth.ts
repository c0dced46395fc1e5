import { createScanner } from 'jsonc-parser';

// jsonc-parser's SyntaxKind is a `const enum` its build inlines and isolated modules cannot
// read: its values, from its declarations.
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const EOF = 17;

/** Deeper than any config needs, and far from what the recursive JSON parser's stack can take. */
export const MAX_CONFIG_DEPTH = 64;

/**
 * The offset where a JSON text nests deeper than `max` arrays and objects, or undefined.
 * Read with jsonc-parser's own scanner, in one linear pass, before its recursive parser
 * meets a text that would exhaust the stack.
 */
export function tooDeepAt(text: string, max = MAX_CONFIG_DEPTH): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token: number = scanner.scan(); token !== EOF; token = scanner.scan()) {
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      depth++;
      if (depth > max) return scanner.getTokenOffset();
    } else if (token === CLOSE_BRACE || token === CLOSE_BRACKET) depth = Math.max(0, depth - 1);
  }
  return undefined;
}
