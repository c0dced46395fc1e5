import matter from 'gray-matter';
import { Document, isMap, isScalar, Lexer, parseDocument, visit, type Node, type YAMLMap } from 'yaml';
import { parseToml } from './frontmatter-toml';
import type { Span } from './types';

/** A problem found while reading the front matter block itself. */
export interface FrontMatterProblem {
  message: string;
  span: Span;
}

export interface FrontMatter {
  /** The opening delimiter line (`---`), where whole-block problems are reported. */
  openSpan: Span;
  /** Where the YAML text starts and ends in the post. */
  contentSpan: Span;
  /** The language named after the opening `---`, `yaml` when none is. */
  language: string;
  /** Parsed YAML; undefined when the language is not YAML or JSON. */
  document?: Document.Parsed;
  /** Plain data, read with YAML's alias limit (or from TOML). Undefined when it could not be read. */
  data?: Record<string, unknown>;
  /** The top-level keys as written, with their spans. */
  keys: { key: string; keySpan: Span }[];
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

// Front matter in other languages would be evaluated as code by gray-matter's
// defaults; a linter must never run what it is checking.
const refuse = (language: string) => ({
  parse(): never {
    throw new RefusedLanguage(language);
  },
});

class RefusedLanguage extends Error {
  constructor(readonly language: string) {
    super(`front matter in ${language} is code; Postlint never runs it`);
  }
}

// YAML (and JSON, a subset of YAML 1.2) is parsed by the `yaml` package below, for
// its source ranges; gray-matter's own js-yaml pass would be wasted work.
const skipParse = { parse: () => ({}) };

const TOML_OPTIONS = { delimiters: '+++', language: 'toml', engines: { toml: skipParse } };

const MATTER_OPTIONS = {
  engines: {
    yaml: skipParse,
    yml: skipParse,
    json: skipParse,
    javascript: refuse('JavaScript'),
    js: refuse('JavaScript'),
    coffee: refuse('CoffeeScript'),
    coffeescript: refuse('CoffeeScript'),
    cson: refuse('CoffeeScript'),
  },
};

/** Skips a UTF-8 byte order mark and blank lines, which Hugo accepts before front matter. */
function leadingBlankEnd(text: string): number {
  let offset = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    let i = offset;
    while (text[i] === ' ' || text[i] === '\t' || text[i] === '\r') i++;
    if (text[i] !== '\n') return offset;
    offset = i + 1;
  }
}

function lineEndAt(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline === -1 ? text.length : newline;
}

/**
 * Finds and parses the front matter of a post. gray-matter decides where the block
 * is and what language it claims; the `yaml` package parses it with source ranges.
 * Every offset returned is an offset into `text`.
 */
export function splitPost(text: string): SplitPost {
  const start = leadingBlankEnd(text);
  const rest = start === 0 ? text : text.slice(start);
  // Hugo reads YAML between `---` lines and TOML between `+++` lines.
  const delimiter = rest.startsWith('---') ? '---' : rest.startsWith('+++') ? '+++' : undefined;
  if (!delimiter || rest[3] === delimiter[0]) return { bodyStart: start };

  // gray-matter fills the file object it is given before it calls an engine, so the
  // block's extent and language are known even when the engine refuses.
  // gray-matter copies what it is given into a Buffer; give it the block and the
  // line after it, not the whole post. (Its own search decides where the block ends.)
  const close = rest.indexOf(`\n${delimiter}`, 3);
  const closeLineEnd = close === -1 ? -1 : rest.indexOf('\n', close + 4);
  const file = { content: close === -1 || closeLineEnd === -1 ? rest : rest.slice(0, closeLineEnd + 1), matter: '', language: '' };
  let refusal: string | undefined;
  try {
    matter(file, delimiter === '+++' ? TOML_OPTIONS : MATTER_OPTIONS);
  } catch (error) {
    refusal =
      error instanceof RefusedLanguage
        ? `Front matter in ${error.language} is not checked and never run: write it in YAML (\`---\`) instead.`
        : `Front matter in \`${file.language}\` is not supported: write it in YAML (\`---\`) instead.`;
  }

  const openEnd = lineEndAt(text, start);
  const openSpan = { start, end: text[openEnd - 1] === '\r' ? openEnd - 1 : openEnd };
  // gray-matter's `matter` starts after the opening `---` (and after the language
  // name, when there is one) and runs up to the line break before the closing `---`.
  const named = text.slice(start + 3, openSpan.end).trim() !== '';
  const contentStart = named ? openSpan.end : start + 3;
  const matterEnd = contentStart + file.matter.length;
  // A CRLF file leaves the `\r` of the last line in gray-matter's block; YAML would
  // read it as part of the last value.
  const contentEnd = text[matterEnd - 1] === '\r' && matterEnd < text.length ? matterEnd - 1 : matterEnd;
  const closed = matterEnd < text.length;
  const bodyStart = closed ? Math.min(text.length, lineEndAt(text, matterEnd + 1) + 1) : text.length;
  const language = file.language || 'yaml';
  const frontMatter: FrontMatter = {
    openSpan,
    contentSpan: { start: contentStart, end: contentEnd },
    language,
    comments: [],
    problems: [],
    keys: [],
    valueAt: () => undefined,
  };
  if (!closed) {
    frontMatter.problems.push({
      message: `The front matter opened here is never closed: add a line with \`${delimiter}\` after its last key.`,
      span: openSpan,
    });
  }
  if (refusal) {
    frontMatter.problems.push({ message: refusal, span: openSpan });
    return { bodyStart, frontMatter };
  }
  // An unclosed block runs to the end of the post: its errors would be about the body.
  if (closed && language === 'toml') parseToml(text, frontMatter);
  else if (closed) parseYaml(text, frontMatter);
  return { bodyStart, frontMatter };
}

function parseYaml(text: string, frontMatter: FrontMatter): void {
  const { start, end } = frontMatter.contentSpan;
  const source = text.slice(start, end);
  const document = parseDocument(source, { uniqueKeys: true, prettyErrors: false });
  frontMatter.document = document;
  // Most front matter has no comments: skip the second pass of YAML's lexer then.
  frontMatter.comments = source.includes('#') ? yamlComments(source, start) : [];

  for (const error of document.errors) {
    const unclosed = error.code === 'MISSING_CHAR' ? unclosedQuote(document, source, error.pos[0]) : undefined;
    if (unclosed) {
      frontMatter.problems.push({ message: unclosed.message, span: { start: start + unclosed.start, end: start + unclosed.end } });
      continue;
    }
    // YAML marks a duplicate key by its first character; the whole key reads better.
    const end = error.code === 'DUPLICATE_KEY' ? (scalarStartingAt(document, error.pos[0]) ?? error.pos[1]) : error.pos[1];
    frontMatter.problems.push({
      message: yamlMessage(error.code, error.message, source.slice(error.pos[0], end)),
      span: { start: start + error.pos[0], end: start + Math.max(end, error.pos[0] + 1) },
    });
  }
  if (document.errors.length > 0) return;

  const root = document.contents;
  if (root === null || (isScalar(root) && root.value === null)) {
    frontMatter.data = {};
    return;
  }
  if (!isMap(root)) {
    frontMatter.problems.push({
      message: 'The front matter is not a list of `key: value` lines: start each line with a key such as `title:`.',
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
      message: `The front matter could not be read: ${(error as Error).message}. Remove the YAML aliases (\`*name\`).`,
      span: frontMatter.openSpan,
    });
  }
}

/**
 * YAML reports a missing closing quote where the text ends, often lines below the
 * mistake; the author needs to see the value whose quote is open.
 */
function unclosedQuote(document: Document.Parsed, source: string, errorAt: number): { start: number; end: number; message: string } | undefined {
  let found: { start: number; end: number; message: string } | undefined;
  visit(document, {
    Scalar(_, node) {
      const range = node.range;
      const quote = node.type === 'QUOTE_DOUBLE' ? '"' : node.type === 'QUOTE_SINGLE' ? "'" : undefined;
      if (!quote || !range || range[0] >= errorAt || range[1] < errorAt) return;
      const lineEnd = source.indexOf('\n', range[0]);
      const end = lineEnd === -1 ? source.length : source[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
      found = { start: range[0], end, message: `This value opens a quote (${quote}) that is never closed: add the closing ${quote} at the end of the value.` };
      return visit.BREAK;
    },
  });
  return found;
}

function scalarStartingAt(document: Document.Parsed, offset: number): number | undefined {
  let end: number | undefined;
  visit(document, {
    Scalar(_, node) {
      if (node.range?.[0] !== offset) return;
      end = node.range[1];
      return visit.BREAK;
    },
  });
  return end;
}

function yamlMessage(code: string, message: string, found: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  if (code === 'DUPLICATE_KEY') return `The key \`${found}\` appears more than once: keep one of them.`;
  return `The front matter is not valid YAML: ${first}.`;
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

function topLevelPairs(root: YAMLMap, base: number): { key: string; keySpan: Span }[] {
  const pairs: { key: string; keySpan: Span }[] = [];
  for (const pair of root.items) {
    if (!isScalar(pair.key)) continue;
    const span = nodeSpan(pair.key, base);
    if (span) pairs.push({ key: String(pair.key.value), keySpan: span });
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
