import { docsUrl } from '../../engine/rule';
import type { Diagnostic, Fix, Range, TextEdit, Unverified } from '../../engine/types';

/** A post's check, as the engine gave it (`CheckResult`), for the text whose hash it names. */
export interface CachedPost {
  hash: string;
  /** The page-index keys its check reached or looked for. */
  readonly dependencies: string[];
  /** Its findings: a post read from the cache file builds them only when they are reported. */
  findings(): Findings;
}

export interface Findings {
  diagnostics: Diagnostic[];
  unverified: Unverified[];
}

/** A result just checked, to be kept. */
export function checkedPost(hash: string, findings: Findings, dependencies: string[]): CachedPost {
  return { hash, dependencies, findings: () => findings };
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
  const { diagnostics, unverified } = post.findings();
  return [
    diagnostics.map((d) => [text(d.ruleId), d.severity === 'error' ? 2 : 1, text(d.message), ...rangeOut(d.range), d.fixes.map((fix) => fixOut(fix, table))]),
    unverified.map((u) => [text(u.ruleId), text(u.reason), ...rangeOut(u.range)]),
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
 * Whether a stored post is in shape, every index within the table of `strings`
 * strings. The file is on disk, where anyone may have edited it: anything out of shape
 * makes the whole cache unusable, never part of it. Checked as the file is read, and
 * built only when reported (`StoredResult`): a whole site's findings built at once
 * outlived the young generation, and collecting them was a fifth of a cached run.
 */
export function isStoredPost(value: unknown, strings: number): value is StoredPost {
  if (!Array.isArray(value) || value.length !== 3) return false;
  const [diagnostics, unverified, dependencies] = value as unknown[];
  const isIndex = (item: unknown) => Number.isInteger(item) && (item as number) >= 0 && (item as number) < strings;
  const isEdit = (edit: unknown) => Array.isArray(edit) && edit.length === 5 && isRange(edit, 0) && isIndex(edit[4]);
  const isFix = (fix: unknown) =>
    Array.isArray(fix) && fix.length === 4 && isIndex(fix[0]) && typeof fix[1] === 'boolean' && typeof fix[2] === 'boolean' && Array.isArray(fix[3]) && fix[3].every(isEdit);
  const isDiagnostic = (item: unknown) =>
    Array.isArray(item) && item.length === 8 && isIndex(item[0]) && (item[1] === 1 || item[1] === 2) && isIndex(item[2]) && isRange(item, 3) && Array.isArray(item[7]) && item[7].every(isFix);
  const isUnverified = (item: unknown) => Array.isArray(item) && item.length === 6 && isIndex(item[0]) && isIndex(item[1]) && isRange(item, 2);
  return Array.isArray(diagnostics) && diagnostics.every(isDiagnostic) && Array.isArray(unverified) && unverified.every(isUnverified) && Array.isArray(dependencies) && dependencies.every(isIndex);
}

/** Four whole numbers at `at` in `item`, none negative: a range. */
function isRange(item: unknown[], at: number): boolean {
  for (let i = at; i < at + 4; i++) if (!Number.isInteger(item[i]) || (item[i] as number) < 0) return false;
  return true;
}

/** A post read from the cache file (`isStoredPost` held), its findings built when asked for. */
export class StoredResult implements CachedPost {
  constructor(
    readonly hash: string,
    private readonly stored: StoredPost,
    private readonly strings: string[],
    /** Each rule's docs URL, made once per cache: the findings of a site share a few rules. */
    private readonly urls: Map<string, string>,
  ) {}

  get dependencies(): string[] {
    return this.stored[2].map((index) => this.strings[index]);
  }

  findings(): Findings {
    const [diagnostics, unverified] = this.stored;
    return {
      diagnostics: diagnostics.map((item) => {
        const ruleId = this.strings[item[0]];
        const severity = item[1] === 2 ? 'error' : 'warning';
        return { ruleId, severity, message: this.strings[item[2]], range: rangeAt(item, 3), docsUrl: this.docsUrl(ruleId), fixes: item[7].map((fix) => this.fix(fix)) };
      }),
      unverified: unverified.map((item) => ({ ruleId: this.strings[item[0]], reason: this.strings[item[1]], range: rangeAt(item, 2) })),
    };
  }

  private fix([title, safe, preferred, edits]: StoredFix): Fix {
    const textEdits: TextEdit[] = edits.map((edit) => ({ range: rangeAt(edit, 0), newText: this.strings[edit[4]] }));
    return preferred ? { title: this.strings[title], edits: textEdits, safe, preferred } : { title: this.strings[title], edits: textEdits, safe };
  }

  private docsUrl(ruleId: string): string {
    let url = this.urls.get(ruleId);
    if (url === undefined) this.urls.set(ruleId, (url = docsUrl(ruleId)));
    return url;
  }
}

function rangeAt(item: readonly unknown[], at: number): Range {
  return { start: { line: item[at] as number, character: item[at + 1] as number }, end: { line: item[at + 2] as number, character: item[at + 3] as number } };
}

export function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
