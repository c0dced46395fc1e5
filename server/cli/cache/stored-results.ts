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
 * A post's result as the cache file holds it: each finding a short array, its docs
 * URL left out (it follows from the rule id), its message an index into the file's
 * table of messages (`MessageTable`). A site's cache is read on every run, and this
 * halves the text to parse next to the objects the engine returns.
 */
export interface StoredPost {
  hash: string;
  /** `[ruleId, severity, message (its index in the table), ...range, fixes]` */
  diagnostics: StoredDiagnostic[];
  /** `[ruleId, reason, ...range]` */
  unverified: StoredUnverified[];
  dependencies: string[];
}

type StoredRange = [number, number, number, number];
type StoredDiagnostic = [string, Diagnostic['severity'], number, ...StoredRange, StoredFix[]];
type StoredUnverified = [string, string, ...StoredRange];
/** `[title, safe, preferred, edits]`, each edit `[...range, newText]` */
type StoredFix = [string, boolean, boolean, [...StoredRange, string][]];

/**
 * The messages of a cache file, each once: a rule words most of its findings alike,
 * and a message is most of a finding's text.
 */
export class MessageTable {
  readonly messages: string[] = [];
  private readonly indices = new Map<string, number>();

  indexOf(message: string): number {
    let index = this.indices.get(message);
    if (index === undefined) {
      index = this.messages.push(message) - 1;
      this.indices.set(message, index);
    }
    return index;
  }
}

export function encodePost(post: CachedPost, table: MessageTable): StoredPost {
  return {
    hash: post.hash,
    diagnostics: post.diagnostics.map((d) => [d.ruleId, d.severity, table.indexOf(d.message), ...rangeOut(d.range), d.fixes.map(fixOut)]),
    unverified: post.unverified.map((u) => [u.ruleId, u.reason, ...rangeOut(u.range)]),
    dependencies: post.dependencies,
  };
}

/** The post a stored one holds, or undefined when anything in it is out of shape. */
export function decodePost(stored: unknown, messages: string[]): CachedPost | undefined {
  if (typeof stored !== 'object' || stored === null) return undefined;
  const { hash, diagnostics, unverified, dependencies } = stored as Partial<Record<keyof StoredPost, unknown>>;
  if (typeof hash !== 'string' || !Array.isArray(diagnostics) || !Array.isArray(unverified) || !isStrings(dependencies)) return undefined;
  const post: CachedPost = { hash, diagnostics: [], unverified: [], dependencies };
  for (const item of diagnostics) {
    const diagnostic = diagnosticIn(item, messages);
    if (!diagnostic) return undefined;
    post.diagnostics.push(diagnostic);
  }
  for (const item of unverified) {
    if (!Array.isArray(item) || item.length !== 6 || typeof item[0] !== 'string' || typeof item[1] !== 'string') return undefined;
    const range = rangeIn(item, 2);
    if (!range) return undefined;
    post.unverified.push({ ruleId: item[0], reason: item[1], range });
  }
  return post;
}

function diagnosticIn(item: unknown, messages: string[]): Diagnostic | undefined {
  if (!Array.isArray(item) || item.length !== 8) return undefined;
  const [ruleId, severity, index] = item as unknown[];
  const message = typeof index === 'number' ? messages[index] : undefined;
  const range = rangeIn(item, 3);
  if (typeof ruleId !== 'string' || (severity !== 'error' && severity !== 'warning') || message === undefined || !range || !Array.isArray(item[7])) return undefined;
  const fixes: Fix[] = [];
  for (const stored of item[7] as unknown[]) {
    const fix = fixIn(stored);
    if (!fix) return undefined;
    fixes.push(fix);
  }
  return { ruleId, severity, message, range, docsUrl: docsUrl(ruleId), fixes };
}

function fixIn(item: unknown): Fix | undefined {
  if (!Array.isArray(item) || item.length !== 4) return undefined;
  const [title, safe, preferred, edits] = item as unknown[];
  if (typeof title !== 'string' || typeof safe !== 'boolean' || typeof preferred !== 'boolean' || !Array.isArray(edits)) return undefined;
  const textEdits: TextEdit[] = [];
  for (const edit of edits as unknown[]) {
    if (!Array.isArray(edit) || edit.length !== 5 || typeof edit[4] !== 'string') return undefined;
    const range = rangeIn(edit, 0);
    if (!range) return undefined;
    textEdits.push({ range, newText: edit[4] });
  }
  return preferred ? { title, edits: textEdits, safe, preferred } : { title, edits: textEdits, safe };
}

function fixOut(fix: Fix): StoredFix {
  return [fix.title, fix.safe, fix.preferred === true, fix.edits.map((edit) => [...rangeOut(edit.range), edit.newText])];
}

function rangeOut({ start, end }: Range): StoredRange {
  return [start.line, start.character, end.line, end.character];
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
