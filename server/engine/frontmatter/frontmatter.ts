import { append } from '../append';
import { Document, isMap, isScalar, Lexer, parseDocument, visit, type Node, type YAMLMap } from 'yaml';
import { afterLineBreak, errorSpan, splitFrontMatter, type FrontMatterBlock, type FrontMatterFormat } from './split';
import { caseDuplicateProblems } from './key-case';
import { parserProblem } from './parser-problem';
import { parseToml } from './toml';
import { indentQuotedContinuation } from './quoted-continuations';
import { quoted } from '../text/quote';
import type { Span } from '../types';
import type { FixSpec } from '../rule';

/** A problem found while reading the front matter block itself. */
export interface FrontMatterProblem {
  message: string;
  span: Span;
  /** What the editor can offer, where the mistake is plain (`frontmatter-syntax` reports them). */
  fixes?: FixSpec[];
}

/** A top-level key as written, where it is, and the name Hugo and the rules read it by. */
export interface FrontMatterKey {
  key: string;
  keySpan: Span;
  /**
   * The key as Hugo reads it (key-case.ts): the schema's spelling when the key matches
   * a schema key ignoring case (`Title` is `title`), else the key as written.
   */
  name: string;
}

export interface FrontMatter {
  /** The opening delimiter line (`---`), where whole-block problems are reported. */
  openSpan: Span;
  /** Where the text handed to the parser starts and ends in the post. */
  contentSpan: Span;
  /** The format, from the opening delimiter as Hugo reads it (never from a name after it). */
  language: FrontMatterFormat;
  /** Parsed YAML; undefined when the language is not YAML or JSON. */
  document?: Document.Parsed;
  /** Plain data, read with YAML's alias limit (or from TOML). Undefined when it could not be read. */
  data?: Record<string, unknown>;
  /** The top-level keys as written, with their spans, in their order. */
  keys: FrontMatterKey[];
  /**
   * Where the value at `path` is written: the deepest part of the path that exists,
   * with how many steps of the path that is. YAML values come with their node.
   */
  valueAt(path: readonly PropertyKey[]): { span: Span; depth: number; node?: Node } | undefined;
  /** YAML comments with their offsets, for `# postlint-disable-next-line`. */
  comments: { text: string; span: Span }[];
  problems: FrontMatterProblem[];
}

export type ValueLocation = NonNullable<ReturnType<FrontMatter['valueAt']>>;

export interface SplitPost {
  /** Offset where the body begins (after the closing delimiter line, or 0). */
  bodyStart: number;
  frontMatter?: FrontMatter;
}

/**
 * Finds and parses the front matter of a post, as Hugo does (see frontmatter-split.ts).
 * Each format is read by a parser that only reads data: `yaml`, smol-toml, JSON.parse.
 * Every offset returned is an offset into `text`.
 */
export function splitPost(text: string): SplitPost {
  const { bodyStart, block, invalidOpener } = splitFrontMatter(text);
  if (invalidOpener) return { bodyStart, frontMatter: invalidOpenerProblem(text, invalidOpener.span, invalidOpener.format) };
  if (!block) return { bodyStart };
  const frontMatter: FrontMatter = {
    openSpan: block.openSpan,
    contentSpan: block.contentSpan,
    language: block.format,
    comments: [],
    problems: [],
    keys: [],
    valueAt: () => undefined,
  };
  if (!block.closed) {
    frontMatter.problems.push({ message: unclosedMessage(block.format), span: block.openSpan });
    // An unclosed block runs to the end of the post: its errors would be about the body.
    return { bodyStart, frontMatter };
  }
  // Hugo reads Org-mode front matter (`#+key:` lines) in any content file; Postlint does not
  // read its values: frontmatter-syntax says so, as not verified, never as a problem.
  if (block.format === 'org') return { bodyStart, frontMatter };
  if (block.format === 'json') {
    parseJson(text, frontMatter);
    append(frontMatter.problems, caseDuplicateProblems(frontMatter.keys));
    return { bodyStart, frontMatter };
  }
  const tag = openerTag(text, block);
  if (tag) {
    frontMatter.problems.push({ message: tagMessage(text, block, tag), span: tag });
    // Reported once, at the tag: the keys below are still read, from the next line on.
    frontMatter.contentSpan = { start: afterLineBreak(text, block.openSpan.end), end: block.contentSpan.end };
  }
  if (block.format === 'toml') parseToml(text, frontMatter);
  else parseYaml(text, frontMatter);
  append(frontMatter.problems, caseDuplicateProblems(frontMatter.keys));
  const leftover = closerLeftover(text, block);
  if (leftover) frontMatter.problems.push(leftover);
  return { bodyStart, frontMatter };
}

const DELIMITERS: Record<FrontMatterFormat, string> = { yaml: '---', toml: '+++', json: '}', org: '#+' };

function unclosedMessage(format: FrontMatterFormat): string {
  if (format === 'json') return 'The JSON front matter opened here never ends. Close its \u201c{\u201d with a \u201c}\u201d.';
  return `The front matter opened here is never closed. Add a line with ${quoted(DELIMITERS[format])} after its last key.`;
}

function invalidOpenerProblem(text: string, span: Span, format: FrontMatterFormat): FrontMatter {
  const char = text[span.start];
  const opener = char.repeat(3);
  const message =
    `Hugo stops the build here: it reads a page that starts with ${quoted(char)} as front matter, opened by ${quoted(opener)}. ` +
    `Front matter opens with exactly ${quoted(opener)}: open it with a ${quoted(opener)} line, or start the page with other text.`;
  const empty = { start: span.start, end: span.start };
  return { openSpan: span, contentSpan: empty, language: format, comments: [], problems: [{ message, span }], keys: [], valueAt: () => undefined };
}

/**
 * The text after `---` (or `+++`) on the opening line, when it is more than Hugo's
 * parser takes in its stride there: white space, a comment, and (YAML) a `---`
 * document marker, which is why Hugo reads a `------` opener.
 */
function openerTag(text: string, block: FrontMatterBlock): Span | undefined {
  const rest = text.slice(block.openSpan.start + 3, block.openSpan.end);
  const trimmed = rest.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return undefined;
  if (block.format === 'yaml' && /^---(?:[ \t]+(?:#.*)?)?$/.test(trimmed)) return undefined;
  const start = block.openSpan.start + 3 + (rest.length - rest.trimStart().length);
  return { start, end: start + trimmed.length };
}

function tagMessage(text: string, block: FrontMatterBlock, tag: Span): string {
  const opener = DELIMITERS[block.format];
  const written = text.slice(tag.start, tag.end);
  const char = opener[0];
  if ([...written].every((c) => c === char)) {
    return `The opening line has ${3 + written.length} ${quoted(char)}, where Hugo opens front matter with exactly ${quoted(opener)}. It would read the rest as a broken first line: write ${quoted(opener)} alone.`;
  }
  const language = block.format === 'yaml' ? 'YAML' : 'TOML';
  return (
    `Hugo reads no language name after ${quoted(opener)}: ${quoted(written, 24)} would stop the build. ` +
    `It reads YAML between \u201c---\u201d lines and TOML between \u201c+++\u201d lines (Postlint never runs front matter as code). Remove ${quoted(written)} and write the front matter in ${language}.`
  );
}

/** Hugo ends the block after three delimiter characters; the rest of the closing line is published. */
function closerLeftover(text: string, block: FrontMatterBlock): FrontMatterProblem | undefined {
  if (!block.closeSpan) return undefined;
  const leftover = text.slice(block.closeSpan.start + 3, block.closeSpan.end);
  if (leftover.trim() === '') return undefined;
  const opener = DELIMITERS[block.format];
  return {
    message: `${quoted(leftover.trim(), 36)} after the closing ${quoted(opener)} is published at the top of the page. Hugo ends the front matter after ${quoted(opener)}: write ${quoted(opener)} alone on the line.`,
    span: { start: block.closeSpan.start, end: block.closeSpan.end },
  };
}

/**
 * JSON front matter, which Hugo accepts. JSON.parse decides whether it is valid,
 * strictly; the `yaml` package (JSON is YAML's flow style) gives the positions.
 */
function parseJson(text: string, frontMatter: FrontMatter): void {
  const { start, end } = frontMatter.contentSpan;
  const source = text.slice(start, end);
  try {
    JSON.parse(source);
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const offset = at ? Math.min(end - 1, start + Number(at[1])) : start;
    // A page that starts with a shortcode (`{{< … >}}`) is read by Hugo as JSON front matter too.
    const advice = source.startsWith('{{')
      ? 'Hugo reads a page that starts with \u201c{\u201d as JSON front matter: put the front matter, or a line of text, before the shortcode.'
      : 'Fix it, or write it as YAML between \u201c---\u201d lines.';
    frontMatter.problems.push({
      message: `${parserProblem('The front matter is not valid JSON', message.replace(/ in JSON at position \d+.*$/, ''))} ${advice}`,
      span: errorSpan(text, offset, offset + 1, end),
    });
    return;
  }
  parseYaml(text, frontMatter);
}

function parseYaml(text: string, frontMatter: FrontMatter): void {
  const { start, end } = frontMatter.contentSpan;
  const source = text.slice(start, end);
  const document = parseAsHugoReads(source);
  frontMatter.document = document;
  // Most front matter has no comments: skip the second pass of YAML's lexer then.
  frontMatter.comments = source.includes('#') ? yamlComments(source, start) : [];

  for (const error of document.errors) {
    const unclosed = error.code === 'MISSING_CHAR' ? unclosedQuote(document, source, error.pos[0]) : undefined;
    if (unclosed) {
      const at = start + unclosed.end;
      // In the editor only: a quoted value may also go on over lines, which only the author knows.
      const fixes = [{ title: `Add the closing ${quoted(unclosed.quote)}`, edits: [{ span: { start: at, end: at }, newText: unclosed.quote }], safe: false, preferred: true }];
      frontMatter.problems.push({ message: unclosed.message, span: { start: start + unclosed.start, end: at }, fixes });
      continue;
    }
    frontMatter.problems.push({
      message: yamlMessage(error.code, error.message, source.slice(error.pos[0], error.pos[1])),
      span: errorSpan(text, start + error.pos[0], start + error.pos[1], end),
    });
  }
  const duplicates = duplicateKeys(document);
  for (const [from, to] of duplicates) {
    frontMatter.problems.push({ message: yamlMessage('DUPLICATE_KEY', '', source.slice(from, to)), span: errorSpan(text, start + from, start + to, end) });
  }
  if (duplicates.length > 0 || document.errors.length > 0) return;

  const root = document.contents;
  if (root === null || (isScalar(root) && root.value === null)) {
    frontMatter.data = {};
    return;
  }
  if (!isMap(root)) {
    frontMatter.problems.push({
      message: 'The front matter is not a list of \u201ckey: value\u201d lines. Start each line with a key such as \u201ctitle:\u201d.',
      span: nodeSpan(root, start) ?? frontMatter.openSpan,
    });
    return;
  }
  frontMatter.keys = topLevelPairs(root, start);
  frontMatter.valueAt = (path) => yamlValueAt(document, path, start);
  try {
    // toJS enforces the alias limit, so a "billion laughs" block fails here fast.
    frontMatter.data = document.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
  } catch (error) {
    frontMatter.problems.push({
      message: `${parserProblem('The front matter could not be read', (error as Error).message)} Remove the YAML aliases (\u201c*name\u201d).`,
      span: frontMatter.openSpan,
    });
  }
}

/** At most this many quoted values continued under their key are read again as Hugo reads them (quoted-continuations.ts). */
const MAX_CONTINUED_QUOTES = 32;

function parseYamlSource(source: string): Document.Parsed {
  // Duplicate keys are found apart, in one pass: YAML's own check compares each key with every earlier one.
  return parseDocument(source, { uniqueKeys: false, prettyErrors: false });
}

/**
 * The front matter's YAML as Hugo reads it: a quoted value whose lines go on no deeper
 * than its key is one value there, where the `yaml` package finds its quote never
 * closed (quoted-continuations.ts). Each such value is indented and the block parsed
 * again; the document's ranges and errors are then those of the text as written.
 */
function parseAsHugoReads(source: string): Document.Parsed {
  let document = parseYamlSource(source);
  let current = source;
  let original = (offset: number) => offset;
  const tried = new Set<number>();
  for (let round = 0; round < MAX_CONTINUED_QUOTES; round++) {
    const missing = document.errors.find((error) => error.code === 'MISSING_CHAR');
    const quoteAt = missing && unclosedQuote(document, current, missing.pos[0])?.start;
    if (quoteAt === undefined || tried.has(original(quoteAt))) break;
    tried.add(original(quoteAt));
    const indented = indentQuotedContinuation(current, quoteAt);
    if (!indented) break;
    const outer = original;
    original = (offset) => outer(indented.original(offset));
    current = indented.source;
    document = parseYamlSource(current);
  }
  if (current !== source) toWrittenOffsets(document, original);
  return document;
}

/** Moves every range and error position of a document parsed from an indented source to the text as written. */
function toWrittenOffsets(document: Document.Parsed, original: (offset: number) => number): void {
  visit(document, {
    Node(_, node) {
      if (node.range) node.range = [original(node.range[0]), original(node.range[1]), original(node.range[2])];
    },
  });
  for (const error of [...document.errors, ...document.warnings]) error.pos = [original(error.pos[0]), original(error.pos[1])];
}

/**
 * YAML reports a missing closing quote where the text ends, often lines below the
 * mistake; the author needs to see the value whose quote is open.
 */
function unclosedQuote(document: Document.Parsed, source: string, errorAt: number): { start: number; end: number; quote: string; message: string } | undefined {
  let found: { start: number; end: number; quote: string; message: string } | undefined;
  visit(document, {
    Scalar(_, node) {
      const range = node.range;
      const quote = node.type === 'QUOTE_DOUBLE' ? '"' : node.type === 'QUOTE_SINGLE' ? "'" : undefined;
      if (!quote || !range || range[0] >= errorAt || range[1] < errorAt) return;
      const lineEnd = source.indexOf('\n', range[0]);
      let end = lineEnd === -1 ? source.length : lineEnd;
      // The value's line, without its line break and trailing blanks: where the quote most likely ends.
      while (end > range[0] + 1 && /[ \t\r]/.test(source[end - 1])) end--;
      found = { start: range[0], end, quote, message: `This value opens a quote, ${quoted(quote)}, that is never closed. Add the closing ${quoted(quote)} at the end of the value.` };
      return visit.BREAK;
    },
  });
  return found;
}

/**
 * The keys that repeat an earlier key of their map, at any depth, as offsets in the
 * block: what YAML's `uniqueKeys` reports, found with one set per map.
 */
function duplicateKeys(document: Document.Parsed): [number, number][] {
  const found: [number, number][] = [];
  visit(document, {
    Map(_, map) {
      // Keys compare by value, as YAML compares them: `1` and `"1"` differ, `a` and `"a"` do not.
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        if (!isScalar(key)) continue;
        if (!seen.has(key.value)) seen.add(key.value);
        else if (key.range) found.push([key.range[0], key.range[1]]);
      }
    },
  });
  // Maps are visited outer first; the author reads them in the order they are written.
  return found.sort((a, b) => a[0] - b[0]);
}

function yamlMessage(code: string, message: string, found: string): string {
  if (code === 'DUPLICATE_KEY') return `The key ${quoted(found, 60)} appears more than once. Keep one of them.`;
  return parserProblem('The front matter is not valid YAML', message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''));
}

/** Comments, found by YAML's own lexer so that a `#` inside a quoted value is not one. */
function yamlComments(source: string, base: number): { text: string; span: Span }[] {
  const comments: { text: string; span: Span }[] = [];
  let offset = 0;
  for (const token of new Lexer().lex(source)) {
    if (token.startsWith('#')) comments.push({ text: token.slice(1).trim(), span: { start: base + offset, end: base + offset + token.length } });
    // Control characters the lexer emits for document structure have no width in the source.
    if (token.length !== 1 || token.charCodeAt(0) >= 0x20 || token === '\t' || token === '\n' || token === '\r') offset += token.length;
  }
  return comments;
}

export function nodeSpan(node: Node | null | undefined, base: number): Span | undefined {
  const range = node?.range;
  if (!range) return undefined;
  return { start: base + range[0], end: base + Math.max(range[1], range[0]) };
}

function topLevelPairs(root: YAMLMap, base: number): FrontMatterKey[] {
  const pairs: FrontMatterKey[] = [];
  for (const pair of root.items) {
    if (!isScalar(pair.key)) continue;
    const span = nodeSpan(pair.key, base);
    const key = String(pair.key.value);
    if (span) pairs.push({ key, keySpan: span, name: key });
  }
  return pairs;
}

function yamlValueAt(document: Document.Parsed, path: readonly PropertyKey[], base: number): ValueLocation | undefined {
  for (let depth = path.length; depth > 0; depth--) {
    const node = document.getIn(path.slice(0, depth) as (string | number)[], true) as Node | undefined;
    const span = node && typeof node === 'object' ? nodeSpan(node, base) : undefined;
    if (span) return { span, depth, node };
  }
  return undefined;
}
