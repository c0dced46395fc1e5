import { docsUrl } from '../../engine/rule';
import type { Diagnostic, Fix, Range, TextEdit, Unverified } from '../../engine/types';

/** A post's check, as the engine gave it (`CheckResult`), for the text whose hash it names. */
export interface CachedPost {
  hash: string;
  diagnostics: Diagnostic[];
  unverified: Unverified[];
  dependencies: string[];
}

/**
 * A post's result as the cache file holds it, beside its file's state (whose hash is
 * the post's): each finding a short array, its docs URL left out (it follows from the
 * rule id), and every string an index into the file's table (`StringTable`). A site's
 * cache is read on every run: a number costs the parser nothing to keep, a string is
 * one more object to allocate, check and collect.
 */
export type StoredPost = [diagnostics: StoredDiagnostic[], unverified: StoredUnverified[], dependencies: number[]];

type StoredRange = [number, number, number, number];
/** `[ruleId, severity (2 error, 1 warning, as ESLint numbers them), message, ...range, fixes]` */
type StoredDiagnostic = [number, 1 | 2, number, ...StoredRange, StoredFix[]];
/** `[ruleId, reason, ...range]` */
type StoredUnverified = [number, number, ...StoredRange];
/** `[title, safe, preferred, edits]`, each edit `[...range, newText]` */
type StoredFix = [number, boolean, boolean, [...StoredRange, number][]];

/**
 * The strings of a cache file, each once: a rule words most of its findings and
 * fixes alike, and a message is most of a finding's text.
 */
export class StringTable {
  readonly strings: string[] = [];
  private readonly indices = new Map<string, number>();

  indexOf(text: string): number {
    let index = this.indices.get(text);
    if (index === undefined) {
      index = this.strings.push(text) - 1;
      this.indices.set(text, index);
    }
    return index;
  }
}

export function encodePost(post: CachedPost, table: StringTable): StoredPost {
  const text = (value: string) => table.indexOf(value);
  return [
    post.diagnostics.map((d) => [text(d.ruleId), d.severity === 'error' ? 2 : 1, text(d.message), ...rangeOut(d.range), d.fixes.map((fix) => fixOut(fix, table))]),
    post.unverified.map((u) => [text(u.ruleId), text(u.reason), ...rangeOut(u.range)]),
    post.dependencies.map(text),
  ];
}

function fixOut(fix: Fix, table: StringTable): StoredFix {
  return [table.indexOf(fix.title), fix.safe, fix.preferred === true, fix.edits.map((edit) => [...rangeOut(edit.range), table.indexOf(edit.newText)])];
}

function rangeOut({ start, end }: Range): StoredRange {
  return [start.line, start.character, end.line, end.character];
}

/**
 * Reads the stored posts of one cache file, checking each as it goes: the file is on
 * disk, where anyone may have edited it, so anything out of shape makes a post (and
 * so the whole cache) unusable, never part of it.
 */
export class PostReader {
  /** Rule ids come back as the same few strings; their docs URLs too. */
  private readonly urls = new Map<string, string>();

  constructor(private readonly strings: string[]) {}

  /** The post a stored one holds, or undefined when anything in it is out of shape. */
  read(stored: unknown, hash: string): CachedPost | undefined {
    if (!Array.isArray(stored) || stored.length !== 3) return undefined;
    const [diagnostics, unverified, dependencies] = stored as unknown[];
    if (!Array.isArray(diagnostics) || !Array.isArray(unverified) || !Array.isArray(dependencies)) return undefined;
    const post: CachedPost = { hash, diagnostics: [], unverified: [], dependencies: [] };
    for (const item of diagnostics) {
      const diagnostic = this.diagnostic(item);
      if (!diagnostic) return undefined;
      post.diagnostics.push(diagnostic);
    }
    for (const item of unverified) {
      const found = this.unverified(item);
      if (!found) return undefined;
      post.unverified.push(found);
    }
    for (const index of dependencies) {
      const key = this.string(index);
      if (key === undefined) return undefined;
      post.dependencies.push(key);
    }
    return post;
  }

  /** The string at `index` in the table, if `index` is one. */
  string(index: unknown): string | undefined {
    return typeof index === 'number' ? this.strings[index] : undefined;
  }

  private diagnostic(item: unknown): Diagnostic | undefined {
    if (!Array.isArray(item) || item.length !== 8) return undefined;
    const ruleId = this.string(item[0]);
    const severity = item[1] === 2 ? 'error' : item[1] === 1 ? 'warning' : undefined;
    const message = this.string(item[2]);
    const range = rangeIn(item, 3);
    if (ruleId === undefined || severity === undefined || message === undefined || !range || !Array.isArray(item[7])) return undefined;
    const fixes: Fix[] = [];
    for (const stored of item[7] as unknown[]) {
      const fix = this.fix(stored);
      if (!fix) return undefined;
      fixes.push(fix);
    }
    return { ruleId, severity, message, range, docsUrl: this.docsUrl(ruleId), fixes };
  }

  private docsUrl(ruleId: string): string {
    let url = this.urls.get(ruleId);
    if (url === undefined) this.urls.set(ruleId, (url = docsUrl(ruleId)));
    return url;
  }

  private fix(item: unknown): Fix | undefined {
    if (!Array.isArray(item) || item.length !== 4) return undefined;
    const [, safe, preferred, edits] = item as unknown[];
    const title = this.string(item[0]);
    if (title === undefined || typeof safe !== 'boolean' || typeof preferred !== 'boolean' || !Array.isArray(edits)) return undefined;
    const textEdits: TextEdit[] = [];
    for (const edit of edits as unknown[]) {
      const newText = Array.isArray(edit) && edit.length === 5 ? this.string(edit[4]) : undefined;
      const range = newText === undefined ? undefined : rangeIn(edit as unknown[], 0);
      if (!range) return undefined;
      textEdits.push({ range, newText: newText! });
    }
    return preferred ? { title, edits: textEdits, safe, preferred } : { title, edits: textEdits, safe };
  }

  private unverified(item: unknown): Unverified | undefined {
    if (!Array.isArray(item) || item.length !== 6) return undefined;
    const ruleId = this.string(item[0]);
    const reason = this.string(item[1]);
    const range = rangeIn(item, 2);
    return ruleId === undefined || reason === undefined || !range ? undefined : { ruleId, reason, range };
  }
}

/** The range stored at `at` in `item`: four whole numbers, none negative. (Read in place: a cache holds tens of thousands.) */
function rangeIn(item: unknown[], at: number): Range | undefined {
  if (item.length < at + 4) return undefined;
  for (let i = at; i < at + 4; i++) if (!Number.isInteger(item[i]) || (item[i] as number) < 0) return undefined;
  const [line, character, endLine, endCharacter] = [item[at], item[at + 1], item[at + 2], item[at + 3]] as number[];
  return { start: { line, character }, end: { line: endLine, character: endCharacter } };
}

export function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
