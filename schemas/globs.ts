import { RE2JS } from 're2js';

/**
 * Globs, the presets' and those of `.postlintrc.json` (`posts`, `ignore`, kinds' `files`,
 * `link-broken-local`'s `ignore`), run on RE2. A backtracking glob matcher takes
 * exponential time on `*a*a*a*a*a*a*b` against a name of `a`s, and a pull request writes
 * both the config and the file names; RE2's time grows linearly with the path.
 *
 * The syntax is the common ground of gitignore and ESLint globs, with `dot: true`
 * semantics (`*` and `**` match names that start with a dot). Anything else is refused
 * when the config loads, rather than silently matched some other way.
 *
 * Paths are matched as the engine makes them: relative to the site root, `/`-separated,
 * normalised (no `.` or `..` segment, no empty segment, no trailing `/`).
 */
export const GLOB_SYNTAX = '*, ? and [...] within a name, ** as a whole segment, {a,b}, \\ to escape';

/**
 * The most characters a glob may expand to, the `{a,b}` alternatives that span folders
 * (`{a,b/c}`, `{**,x}`) spelt out: RE2's time also grows with the glob, and each such
 * pair of braces would double it. Braces within a name are not spelt out. Real globs
 * are a few dozen characters.
 */
export const MAX_GLOB_EXPANSION = 1000;

/** Paths longer than this (Linux's PATH_MAX) name no file: they are not matched at all. */
export const MAX_MATCHED_PATH = 4096;

/** A glob Postlint does not accept; the message says why and what to write instead. */
export class GlobSyntaxError extends Error {}

type Token =
  | { kind: 'char'; value: string }
  | { kind: 'star' }
  /** `**` as written: two stars that braces put side by side (`*{a,}*`) stay two stars. */
  | { kind: 'globstar' }
  | { kind: 'any' }
  | { kind: 'class'; source: string }
  /** `{a,b}` within one name: RE2's `(?:a|b)`, not spelt out. */
  | { kind: 'group'; alternatives: Token[][] }
  | { kind: 'slash' }
  | { kind: 'open' }
  | { kind: 'comma' }
  | { kind: 'close' };

/** A glob with its braces read: no `open`, `comma` or `close` left. */
type Alternative = Token[];

export interface GlobOptions {
  /** Letters match either case (link targets: URLs are case-insensitive on many hosts). */
  caseInsensitive?: boolean;
}

/** Compiles globs into one RE2 matcher; throws GlobSyntaxError for a glob it does not accept. */
export function compileGlobs(globs: readonly string[], options: GlobOptions = {}): (path: string) => boolean {
  if (globs.length === 0) return () => false;
  const source = globs.flatMap(globSources).join('|');
  const pattern = RE2JS.compile(`(?:${source})`, RE2JS.DOTALL | (options.caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0));
  return (path) => path.length <= MAX_MATCHED_PATH && pattern.testExact(path);
}

/**
 * The matcher of the globs that compile, for the engine: the config schema refuses
 * the others on load, and the content folders put in for `{contentDir}` are escaped,
 * so none should be left; one that is selects nothing.
 */
export function globMatcher(globs: readonly string[], options: GlobOptions = {}): (path: string) => boolean {
  return compileGlobs(globs.filter((glob) => globProblem(glob) === undefined), options);
}

/** Why a glob is not accepted, in one line; undefined when it is. */
export function globProblem(glob: string): string | undefined {
  try {
    globSources(glob);
    return undefined;
  } catch (error) {
    if (error instanceof GlobSyntaxError) return error.message;
    throw error;
  }
}

/**
 * The configuration error for a glob Postlint does not accept, or undefined: what is
 * wrong, as it follows the glob that the config error quotes, then why and the syntax.
 */
export function globError(glob: string): string | undefined {
  const problem = globProblem(glob);
  return problem && `is not a glob Postlint accepts. ${problem[0].toUpperCase()}${problem.slice(1)}. Globs take ${GLOB_SYNTAX}`;
}

/**
 * The folders, from the site root, that hold every file the glob can match: for each
 * of its alternatives, the segments before the first one with a wildcard, its file
 * name left out. `''` is the site root. Nothing for a glob that is not accepted.
 */
export function globBases(glob: string): string[] {
  if (globProblem(glob) !== undefined) return [];
  const bases = expand(tokenize(glob)).map((alternative) => {
    const segments = splitSegments(alternative).slice(0, -1);
    const wild = segments.findIndex((segment) => segment.some((token) => token.kind !== 'char'));
    return (wild === -1 ? segments : segments.slice(0, wild)).map((segment) => segment.map((token) => (token.kind === 'char' ? token.value : '')).join('')).join('/');
  });
  return [...new Set(bases)];
}

/** The RE2 source of each alternative of a glob. */
function globSources(glob: string): string[] {
  const shortcut = PICOMATCH_SHORTCUTS.get(withoutDotSlash(glob));
  return shortcut ? [shortcut] : expand(tokenize(glob)).map(alternativeSource);
}

// picomatch reads these two globs through a shortcut that wants a character after the last
// dot (`*.*` does not match `a.`): kept so that configs match exactly as they did.
const PICOMATCH_SHORTCUTS = new Map([
  ['*.*', '[^/]*\\.[^/]+'],
  ['**/*.*', '(?:.*/)?[^/]*\\.[^/]+'],
]);

/** `./content/…` is `content/…`, as picomatch read it. */
function withoutDotSlash(glob: string): string {
  return glob.replace(/^(?:\.\/)+/, '');
}

// --- Reading a glob into tokens -------------------------------------------------------

const EXTGLOB_MARKS = new Set(['+', '@', '!', '*', '?']);
const POSIX_CLASSES = new Set(['alnum', 'alpha', 'ascii', 'blank', 'cntrl', 'digit', 'graph', 'lower', 'print', 'punct', 'space', 'upper', 'word', 'xdigit']);

function tokenize(glob: string): Token[] {
  if (glob === '') throw new GlobSyntaxError('it is empty');
  const chars = [...withoutDotSlash(glob)];
  if (chars[0] === '!' && chars[1] !== '(') throw new GlobSyntaxError('a leading ! (negation) is not supported: write \\! for a name that starts with !');
  const tokens: Token[] = [];
  for (let at = 0; at < chars.length; at++) {
    const char = chars[at];
    if (EXTGLOB_MARKS.has(char) && chars[at + 1] === '(') throw new GlobSyntaxError(`extglobs such as \u201c${char}(\u201d are not supported: use {a,b} for alternatives`);
    if (char === '(' || char === ')' || char === '|') throw new GlobSyntaxError(`\u201c${char}\u201d is not supported: write \\${char} for the character itself, {a,b} for alternatives`);
    if (char === '\\') {
      if (at + 1 === chars.length) throw new GlobSyntaxError('it ends with a lone \\: write \\\\ for a backslash');
      tokens.push({ kind: 'char', value: chars[++at] });
    } else if (char === '*' && chars[at + 1] === '*') {
      if (chars[at + 2] === '*') throw new GlobSyntaxError(GLOBSTAR_ALONE);
      tokens.push({ kind: 'globstar' });
      at++;
    } else if (char === '[') {
      const end = readClass(chars, at);
      tokens.push({ kind: 'class', source: end.source });
      at = end.last;
    } else {
      tokens.push(SYMBOLS[char] ?? { kind: 'char', value: char });
    }
  }
  return tokens;
}

const GLOBSTAR_ALONE = '** must be a whole segment, as in a/**/b: within a name, * already matches any characters';

const SYMBOLS: Record<string, Token> = { '*': { kind: 'star' }, '?': { kind: 'any' }, '/': { kind: 'slash' }, '{': { kind: 'open' }, ',': { kind: 'comma' }, '}': { kind: 'close' } };

type ClassItem = { kind: 'char'; value: string } | { kind: 'range'; from: string; to: string } | { kind: 'posix'; name: string };

/** A `[...]` class starting at `start`: its RE2 source, which never matches `/`, and where it ends. */
function readClass(chars: string[], start: number): { source: string; last: number } {
  let at = start + 1;
  const negated = chars[at] === '!' || chars[at] === '^';
  if (negated) at++;
  const items: ClassItem[] = [];
  // A `]` first in the class is the character itself, as in gitignore and the shell.
  for (let first = true; at < chars.length && (first || chars[at] !== ']'); first = false) {
    const posix = chars[at] === '[' && chars[at + 1] === ':' ? readPosixClass(chars, at) : undefined;
    if (posix) {
      items.push({ kind: 'posix', name: posix.name });
      at = posix.next;
      continue;
    }
    const from = readClassChar(chars, at);
    at = from.next;
    if (chars[at] === '-' && at + 1 < chars.length && chars[at + 1] !== ']') {
      const to = readClassChar(chars, at + 1);
      items.push({ kind: 'range', from: from.value, to: to.value });
      at = to.next;
    } else {
      items.push({ kind: 'char', value: from.value });
    }
  }
  if (at >= chars.length) throw new GlobSyntaxError('a [ is never closed: write \\[ for the character itself');
  return { source: classSource(items, negated), last: at };
}

function readPosixClass(chars: string[], at: number): { name: string; next: number } | undefined {
  const close = chars.indexOf(':', at + 2);
  if (close === -1 || chars[close + 1] !== ']') return undefined;
  const name = chars.slice(at + 2, close).join('');
  if (!POSIX_CLASSES.has(name)) throw new GlobSyntaxError(`[:${name}:] is not a character class: use one of ${[...POSIX_CLASSES].map((known) => `[:${known}:]`).join(' ')}`);
  return { name, next: close + 2 };
}

function readClassChar(chars: string[], at: number): { value: string; next: number } {
  if (chars[at] !== '\\') return { value: chars[at], next: at + 1 };
  if (at + 1 >= chars.length) throw new GlobSyntaxError('a [ is never closed: write \\[ for the character itself');
  return { value: chars[at + 1], next: at + 2 };
}

function classSource(items: ClassItem[], negated: boolean): string {
  const parts = items.map((item) => {
    if (item.kind === 'posix') return `[:${item.name}:]`;
    if (item.kind === 'char') {
      if (!negated && item.value === '/') throw new GlobSyntaxError('a [...] class cannot match /: write the folders with /');
      return classChar(item.value);
    }
    if (item.from.codePointAt(0)! > item.to.codePointAt(0)!) throw new GlobSyntaxError(`the range ${item.from}-${item.to} is reversed: write ${item.to}-${item.from}`);
    if (!negated && item.from <= '/' && '/' <= item.to) throw new GlobSyntaxError(`the range ${item.from}-${item.to} holds /, which a [...] class cannot match: write the folders with /`);
    return `${classChar(item.from)}-${classChar(item.to)}`;
  });
  // A negated class still stays within one name.
  return negated ? `[^/${parts.join('')}]` : `[${parts.join('')}]`;
}

function classChar(char: string): string {
  return /[\\\][^-]/.test(char) ? `\\${char}` : char;
}

// --- Reading braces ------------------------------------------------------------------

/**
 * The glob's alternatives: braces within one name become `group` tokens; braces that
 * span folders or hold `**` are spelt out, within MAX_GLOB_EXPANSION characters, so
 * that each alternative's `**` and `/` are read as the glob's own.
 */
function expand(tokens: Token[]): Alternative[] {
  let alternatives: Alternative[] = [[]];
  for (let at = 0; at < tokens.length; at++) {
    const token = tokens[at];
    let item: Alternative[];
    if (token.kind === 'open') {
      const group = readGroup(tokens, at);
      item = group.alternatives;
      at = group.last;
    } else {
      // A `,` or `}` outside braces is the character itself.
      item = [[token.kind === 'comma' ? { kind: 'char', value: ',' } : token.kind === 'close' ? { kind: 'char', value: '}' } : token]];
    }
    alternatives = product(alternatives, item);
  }
  return alternatives;
}

/** The `{…}` opening at `start`: its alternatives, or itself in braces when it has no top-level comma (picomatch's reading). */
function readGroup(tokens: Token[], start: number): { alternatives: Alternative[]; last: number } {
  const commas: number[] = [];
  let depth = 0;
  for (let at = start; at < tokens.length; at++) {
    const kind = tokens[at].kind;
    if (kind === 'open') depth++;
    else if (kind === 'comma' && depth === 1) commas.push(at);
    else if (kind === 'close' && --depth === 0) {
      const inner = tokens.slice(start + 1, at);
      if (commas.length === 0) return { alternatives: literalGroup(inner), last: at };
      const bounds = [start, ...commas, at];
      const alternatives = bounds.slice(1).flatMap((end, index) => expand(tokens.slice(bounds[index] + 1, end)));
      checkSize(size(alternatives));
      const spansFolders = alternatives.some((alternative) => alternative.some((token) => token.kind === 'slash' || token.kind === 'globstar'));
      return { alternatives: spansFolders ? alternatives : [[{ kind: 'group', alternatives }]], last: at };
    }
  }
  throw new GlobSyntaxError('a { is never closed: write \\{ for the character itself');
}

function literalGroup(inner: Token[]): Alternative[] {
  // picomatch reads `{1..3}` and `{a..c}` as ranges: refused rather than matched as written.
  const text = inner.map((token) => (token.kind === 'char' ? token.value : '\0')).join('');
  if (text.includes('..')) throw new GlobSyntaxError('ranges such as {1..3} are not supported: list the values, as in {1,2,3}');
  const open: Token = { kind: 'char', value: '{' };
  const close: Token = { kind: 'char', value: '}' };
  return product(product([[open]], expand(inner)), [[close]]);
}

/** Each head followed by each tail; its size is checked before it is built. */
function product(heads: Alternative[], tails: Alternative[]): Alternative[] {
  checkSize(heads.length * size(tails) + tails.length * size(heads));
  return heads.flatMap((head) => tails.map((tail) => [...head, ...tail]));
}

function size(alternatives: Alternative[]): number {
  return alternatives.reduce((total, alternative) => total + alternative.reduce((sum, token) => sum + tokenSize(token), 0), 0);
}

function tokenSize(token: Token): number {
  return token.kind === 'group' ? 1 + size(token.alternatives) : 1;
}

function checkSize(characters: number): void {
  if (characters > MAX_GLOB_EXPANSION) throw new GlobSyntaxError(`it is longer than ${MAX_GLOB_EXPANSION} characters, each of its {a,b} alternatives spelt out: write a shorter glob, or fewer alternatives`);
}

// --- Writing RE2 ----------------------------------------------------------------------

function splitSegments(alternative: Alternative): Token[][] {
  const segments: Token[][] = [[]];
  for (const token of alternative) {
    if (token.kind === 'slash') segments.push([]);
    else segments[segments.length - 1].push(token);
  }
  return segments;
}

function isGlobstar(segment: Token[]): boolean {
  return segment.length === 1 && segment[0].kind === 'globstar';
}

/**
 * The RE2 source of one alternative of a glob. `**` is any number of whole segments:
 * `**\/a` matches `a`, `a/**` matches `a`, `a/**\/b` matches `a/b`.
 */
function alternativeSource(alternative: Alternative): string {
  // `a/**/**/b` is `a/**/b`.
  const segments = splitSegments(alternative).filter((segment, index, all) => !(isGlobstar(segment) && index > 0 && isGlobstar(all[index - 1])));
  const last = segments.length - 1;
  let source = '';
  let separatorTaken = false;
  segments.forEach((segment, index) => {
    const separator = index > 0 && !separatorTaken ? '/' : '';
    separatorTaken = false;
    if (!isGlobstar(segment)) {
      source += separator + segmentSource(segment);
    } else if (last === 0) {
      source += '.*';
    } else if (index === 0) {
      source += '(?:.*/)?';
      separatorTaken = true;
    } else if (index === last) {
      // `a/**` also matches `a` itself, as picomatch has it, except after a name that ends
      // in `*` (`a*/**`), where picomatch wants the `/`: kept so that configs match as they did.
      source += segments[index - 1].at(-1)?.kind === 'star' ? '/.*' : '(?:/.*)?';
    } else {
      source += '/(?:.*/)?';
      separatorTaken = true;
    }
  });
  return source;
}

function segmentSource(segment: Token[]): string {
  // A lone `*` is a whole name: at least one character, as picomatch has it.
  if (segment.length === 1 && segment[0].kind === 'star') return '[^/]+';
  return segment.map(tokenSource).join('');
}

function tokenSource(token: Token): string {
  switch (token.kind) {
    case 'char':
      return /[\\.+*?()|[\]{}^$]/.test(token.value) ? `\\${token.value}` : token.value;
    case 'star':
      return '[^/]*';
    case 'any':
      return '[^/]';
    case 'class':
      return token.source;
    case 'group':
      return `(?:${token.alternatives.map((alternative) => alternative.map(tokenSource).join('')).join('|')})`;
    case 'globstar':
      throw new GlobSyntaxError(GLOBSTAR_ALONE);
    default:
      throw new Error(`no RE2 for a ${token.kind} token`);
  }
}

/** A path written as a glob that matches it alone: every character with a meaning in a glob escaped. */
export function escapeGlob(path: string): string {
  return path.replace(/[*?[\]{}\\!(),]/g, (char) => `\\${char}`);
}
