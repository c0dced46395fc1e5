import { parse, TomlError } from 'smol-toml';
import type { FrontMatter, ValueLocation } from './frontmatter';
import { parserProblem } from './parser-problem';
import { errorSpan } from './split';
import type { Span } from '../types';

/** A top-level `key = value` line, before the first `[table]`. */
interface TomlLine {
  key: string;
  keySpan: Span;
  valueSpan: Span;
}

/**
 * Reads `+++` TOML front matter, as Hugo allows. smol-toml gives the data and the
 * line and column of a syntax error. It gives no positions for values, so the
 * top-level keys are found line by line: the keys a post's front matter has are
 * plain `key = value` lines, and a value deeper than the top level is reported on
 * its top-level line.
 */
export function parseToml(text: string, frontMatter: FrontMatter): void {
  const { start, end } = frontMatter.contentSpan;
  const source = text.slice(start, end);
  try {
    frontMatter.data = parse(source) as Record<string, unknown>;
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const offset = start + tomlErrorOffset(source, error.line, error.column);
    frontMatter.problems.push({
      message: parserProblem('The front matter is not valid TOML', error.message.split('\n')[0].replace(/^Invalid TOML document: /, '')),
      span: errorSpan(text, offset, offset + 1, end),
    });
    return;
  }
  const lines = topLevelLines(source, start);
  frontMatter.keys = lines.map(({ key, keySpan }) => ({ key, keySpan, name: key }));
  frontMatter.valueAt = (path): ValueLocation | undefined => {
    const line = lines.find((candidate) => candidate.key === path[0]);
    return line ? { span: line.valueSpan, depth: 1 } : undefined;
  };
}

/**
 * The offset in `source` of smol-toml's 1-based line and column. smol-toml ends lines
 * at `\n` alone (a `\r` before one stays on its line), where the engine's LineIndex
 * also ends one at a lone `\r`, as editors do: the two count lines apart after one.
 */
export function tomlErrorOffset(source: string, line: number, column: number): number {
  let lineStart = 0;
  for (let passed = 1; passed < line; passed++) {
    const lineFeed = source.indexOf('\n', lineStart);
    if (lineFeed === -1) return source.length;
    lineStart = lineFeed + 1;
  }
  return Math.min(lineStart + column - 1, source.length);
}

function topLevelLines(source: string, base: number): TomlLine[] {
  const lines: TomlLine[] = [];
  let offset = 0;
  for (const raw of source.split('\n')) {
    const lineStart = offset;
    offset += raw.length + 1;
    const line = raw.replace(/\r$/, '');
    const indent = line.length - line.trimStart().length;
    const body = line.slice(indent);
    if (body.startsWith('[')) break;
    const key = /^("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)\s*=\s*/.exec(body);
    if (!key) continue;
    const name = key[1].startsWith('"') || key[1].startsWith("'") ? key[1].slice(1, -1) : key[1];
    const keyStart = base + lineStart + indent;
    const valueStart = keyStart + key[0].length;
    lines.push({
      key: name,
      keySpan: { start: keyStart, end: keyStart + key[1].length },
      valueSpan: { start: valueStart, end: base + lineStart + line.trimEnd().length },
    });
  }
  return lines;
}
