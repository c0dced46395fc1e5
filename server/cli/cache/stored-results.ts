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
 * the post's): one flat array of whole numbers, every string an index into the file's
 * table (`StringTable`), each docs URL left out (it follows from the rule id). A site's
 * cache is read on every run, and the parser makes one object of an array of numbers
 * where nested arrays and strings were a dozen per post to allocate and collect.
 *
 * In order: the number of dependencies and their keys (first, so that they are read
 * without the rest); the number of findings, each `ruleId, severity (2 error, 1
 * warning, as ESLint numbers them), message, ...range, number of fixes`, each fix
 * `title, flags (1 safe, 2 preferred), number of edits`, each edit `...range,
 * newText`; then the number of unverified links, each `ruleId, reason, ...range`. A
 * range is `line, character, endLine, endCharacter`.
 */
export type StoredPost = number[];

const SAFE = 1;
const PREFERRED = 2;

/**
 * The strings of a cache file, each once: a rule words most of its findings and
 * fixes alike, and a message is most of a finding's text.
 */
export class StringTable {
  private readonly indices = new Map<string, number>();

  /** `strings`: a table to go on from (a cache file's), whose posts then keep their numbers; a string is found at its first place. */
  constructor(readonly strings: string[] = []) {
    strings.forEach((text, index) => {
      if (!this.indices.has(text)) this.indices.set(text, index);
    });
  }

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
  const out: number[] = [];
  const text = (value: string) => out.push(table.indexOf(value));
  const range = ({ start, end }: Range) => out.push(start.line, start.character, end.line, end.character);
  const { diagnostics, unverified } = post.findings();
  out.push(post.dependencies.length);
  for (const key of post.dependencies) text(key);
  out.push(diagnostics.length);
  for (const diagnostic of diagnostics) {
    text(diagnostic.ruleId);
    out.push(diagnostic.severity === 'error' ? 2 : 1);
    text(diagnostic.message);
    range(diagnostic.range);
    out.push(diagnostic.fixes.length);
    for (const fix of diagnostic.fixes) {
      text(fix.title);
      out.push((fix.safe ? SAFE : 0) | (fix.preferred === true ? PREFERRED : 0), fix.edits.length);
      for (const edit of fix.edits) {
        range(edit.range);
        text(edit.newText);
      }
    }
  }
  out.push(unverified.length);
  for (const item of unverified) {
    text(item.ruleId);
    text(item.reason);
    range(item.range);
  }
  return out;
}

/**
 * Takes a stored post's values in order, checking each: a count or a number is a
 * whole number, not negative, a count no more than the values left, a string an
 * index into the table. The file is on disk, where anyone may have edited it: any
 * value out of shape makes the post (and so the whole cache) unusable.
 */
class PostCursor {
  private at = 0;
  ok = true;

  constructor(
    private readonly values: readonly unknown[],
    private readonly strings: readonly string[],
    /** Whether ranges and strings are built, or only checked. */
    private readonly build: boolean,
  ) {}

  whole(): number {
    const value = this.values[this.at++];
    if (Number.isInteger(value) && (value as number) >= 0) return value as number;
    this.ok = false;
    return 0;
  }

  count(): number {
    const count = this.whole();
    if (count <= this.values.length - this.at) return count;
    this.ok = false;
    return 0;
  }

  string(): string {
    const index = this.whole();
    if (index < this.strings.length) return this.build ? this.strings[index] : '';
    this.ok = false;
    return '';
  }

  range(): Range {
    const [line, character, endLine, endCharacter] = [this.whole(), this.whole(), this.whole(), this.whole()];
    return this.build ? { start: { line, character }, end: { line: endLine, character: endCharacter } } : NO_RANGE;
  }

  /** Whether every value was in shape and taken. */
  get done(): boolean {
    return this.ok && this.at === this.values.length;
  }
}

const NO_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Walks a stored post (`StoredPost`), checking every value; builds its findings into
 * `into` when given (its dependencies are read on their own: `StoredResult.dependencies`).
 * Whether the post was in shape.
 */
function walkPost(values: readonly unknown[], strings: readonly string[], into?: Findings): boolean {
  const read = new PostCursor(values, strings, into !== undefined);
  for (let left = read.count(); left > 0 && read.ok; left--) read.string();
  for (let left = read.count(); left > 0 && read.ok; left--) {
    const ruleId = read.string();
    const severity = read.whole();
    const message = read.string();
    const range = read.range();
    const fixes: Fix[] = [];
    for (let fixesLeft = read.count(); fixesLeft > 0 && read.ok; fixesLeft--) {
      const title = read.string();
      const flags = read.whole();
      const edits: TextEdit[] = [];
      for (let editsLeft = read.count(); editsLeft > 0 && read.ok; editsLeft--) {
        const editRange = read.range();
        const newText = read.string();
        if (into) edits.push({ range: editRange, newText });
      }
      if (flags > (SAFE | PREFERRED)) return false;
      const safe = (flags & SAFE) !== 0;
      if (into) fixes.push((flags & PREFERRED) !== 0 ? { title, edits, safe, preferred: true } : { title, edits, safe });
    }
    if (severity !== 1 && severity !== 2) return false;
    into?.diagnostics.push({ ruleId, severity: severity === 2 ? 'error' : 'warning', message, range, docsUrl: docsUrl(ruleId), fixes });
  }
  for (let left = read.count(); left > 0 && read.ok; left--) {
    const found = { ruleId: read.string(), reason: read.string(), range: read.range() };
    into?.unverified.push(found);
  }
  return read.done;
}

/**
 * Whether a stored post is in shape. Checked as the cache file is read, and built
 * only when reported (`StoredResult`): a whole site's findings built at once outlived
 * the young generation, and collecting them was a fifth of a cached run.
 */
export function isStoredPost(value: unknown, strings: readonly string[]): value is StoredPost {
  return Array.isArray(value) && walkPost(value, strings);
}

/** A post read from the cache file (`isStoredPost` held), its findings built when asked for. */
export class StoredResult implements CachedPost {
  constructor(
    readonly hash: string,
    private readonly stored: StoredPost,
    private readonly strings: readonly string[],
  ) {}

  /** Its stored form, when `strings` is the table it is stored in. */
  storedIn(strings: readonly string[]): StoredPost | undefined {
    return strings === this.strings ? this.stored : undefined;
  }

  /** Read on their own, at the start of the post: a run in which some file changed asks every post for them. */
  get dependencies(): string[] {
    const count = this.stored[0];
    return this.stored.slice(1, count + 1).map((index) => this.strings[index]);
  }

  findings(): Findings {
    const findings: Findings = { diagnostics: [], unverified: [] };
    walkPost(this.stored, this.strings, findings);
    return findings;
  }
}

export function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
