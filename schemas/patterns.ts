import { RE2JS, RE2JSException, RE2JSSyntaxException } from 're2js';

/**
 * Title patterns, the presets' and those of `.postlintrc.json`, run on RE2: its
 * matching time grows linearly with the title, so a pattern written by a pull
 * request's author (`^(a+)+$`) cannot hang a check the way a backtracking
 * RegExp would. The price is RE2's syntax: no look-around, no back-references.
 */
export const PATTERN_SYNTAX = 'RE2 syntax: no look-around or back-references';

/** A title pattern, compiled: case-insensitive, over Unicode code points (as RegExp's `iu` flags were). */
export function compileTitlePattern(pattern: string): RE2JS {
  return RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
}

/** Why a pattern cannot be used, in one line; undefined when RE2 compiles it. */
export function titlePatternProblem(pattern: string): string | undefined {
  try {
    compileTitlePattern(pattern);
    return undefined;
  } catch (error) {
    if (!(error instanceof RE2JSException)) throw error;
    return error instanceof RE2JSSyntaxException ? syntaxProblem(error, pattern) : error.message;
  }
}

// RE2 calls a look-behind a bad named group and a back-reference a bad escape: name them for what they are.
const LOOK_AROUND = /^\(\?<?[=!]/;
const BACK_REFERENCE = /^\\(?:[1-9]|k)/;
const UNICODE_ESCAPE = /^\\u/;

function syntaxProblem(error: RE2JSSyntaxException, pattern: string): string {
  const at = partOf(pattern, error.input ?? '');
  // The part is escaped as JSON: it may hold a line break, and the message must stay on one line.
  const where = `at \u201c${JSON.stringify(at).slice(1, -1)}\u201d`;
  if (LOOK_AROUND.test(at)) return `look-around ${where}`;
  if (BACK_REFERENCE.test(at)) return `back-reference ${where}`;
  if (UNICODE_ESCAPE.test(at)) return `${error.error} ${where} (RE2 writes \\u00e9 as \\x{e9})`;
  return at ? `${error.error} ${where}` : error.error;
}

/** The part of the pattern RE2 points at, without the `(?i)` it put before the whole pattern for the flag. */
function partOf(pattern: string, input: string): string {
  return input.startsWith('(?i)') && !pattern.includes(input) ? input.slice('(?i)'.length) : input;
}

/**
 * The configuration error for a pattern RE2 cannot compile, or undefined: what is wrong,
 * as it follows the pattern that the config error quotes, then why and the syntax.
 */
export function titlePatternError(pattern: string): string | undefined {
  const problem = titlePatternProblem(pattern);
  return problem && `is not a pattern Postlint accepts. ${problem[0].toUpperCase()}${problem.slice(1)} (${PATTERN_SYNTAX})`;
}
