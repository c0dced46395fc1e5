import { createHash } from 'node:crypto';
import { INTERNAL_ERROR } from '../engine/run-rules';
import { LineIndex } from '../engine/text/line-index';
import type { Diagnostic } from '../engine/types';
import { toPosix } from '../node/paths';
import { relative } from 'node:path';

/**
 * A site with history adopts Postlint with a baseline: the findings it has today are
 * recorded (`--write-baseline`), and later runs report only the others (`--baseline`).
 * A finding is known by its file, its rule and the text it is on, never by its line:
 * a paragraph added above an old finding must not bring it back.
 */
export interface BaselineEntry {
  /** The post, relative to the baseline file's folder, with `/`. */
  file: string;
  rule: string;
  /** What the finding is on (`findingText`). */
  text: string;
  /** How many findings of this rule are on this text in this file. */
  count: number;
}

export interface Baseline {
  /** The folder of the baseline file: its paths are relative to it. */
  folder: string;
  entries: BaselineEntry[];
}

/** Text longer than this is kept as its start and a hash of the whole, so that the file stays readable. */
const MAX_TEXT = 120;

/**
 * The text a finding is on: what its range covers or, for an empty range, its line;
 * white space collapsed, so that re-wrapping or re-indenting keeps it the same.
 */
export function findingText(lines: LineIndex, diagnostic: Diagnostic): string {
  const start = lines.offset(diagnostic.range.start);
  const end = lines.offset(diagnostic.range.end);
  let text = collapse(lines.text.slice(start, end));
  if (text === '') text = collapse(lines.text.slice(lines.lineStart(diagnostic.range.start.line), lines.lineEnd(diagnostic.range.start.line)));
  if (text.length <= MAX_TEXT) return text;
  return `${text.slice(0, MAX_TEXT - 14)}… ${createHash('sha256').update(text).digest('hex').slice(0, 12)}`;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Whether a finding may go into a baseline. Not one saying the post was not checked
 * (`internal-error`) nor one no rule made (a file too large): a baseline must never
 * hide that Postlint did not do its job on a post.
 */
function baselined(diagnostic: Diagnostic): boolean {
  return diagnostic.ruleId !== '' && diagnostic.ruleId !== INTERNAL_ERROR;
}

const keyOf = (file: string, rule: string, text: string) => `${file}\u0000${rule}\u0000${text}`;

/** The post's path as the baseline writes it. */
export function baselinePath(folder: string, path: string): string {
  return toPosix(relative(folder, path));
}

/** The findings of one post as baseline entries, one per rule and text, with their counts. */
export function entriesOf(folder: string, path: string, text: string, diagnostics: Diagnostic[]): BaselineEntry[] {
  const file = baselinePath(folder, path);
  const lines = new LineIndex(text);
  const entries = new Map<string, BaselineEntry>();
  for (const diagnostic of diagnostics) {
    if (!baselined(diagnostic)) continue;
    const found = findingText(lines, diagnostic);
    const key = keyOf(file, diagnostic.ruleId, found);
    const entry = entries.get(key);
    if (entry) entry.count++;
    else entries.set(key, { file, rule: diagnostic.ruleId, text: found, count: 1 });
  }
  return [...entries.values()];
}

/**
 * The findings of one post that the baseline does not hold, and how many it held.
 * Each entry hides at most `count` findings: a second finding of the same kind on
 * the same text is new.
 */
export function withoutBaselined(baseline: Baseline, path: string, text: string, diagnostics: Diagnostic[]): { diagnostics: Diagnostic[]; hidden: number } {
  const file = baselinePath(baseline.folder, path);
  const left = new Map<string, number>();
  for (const entry of baseline.entries) if (entry.file === file) left.set(keyOf(file, entry.rule, entry.text), entry.count);
  if (left.size === 0) return { diagnostics, hidden: 0 };
  const lines = new LineIndex(text);
  const kept: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const key = baselined(diagnostic) ? keyOf(file, diagnostic.ruleId, findingText(lines, diagnostic)) : undefined;
    const count = key === undefined ? 0 : (left.get(key) ?? 0);
    if (count > 0) left.set(key!, count - 1);
    else kept.push(diagnostic);
  }
  return { diagnostics: kept, hidden: diagnostics.length - kept.length };
}

/** The baseline file's text: stable, sorted JSON, one entry a line group, reviewable in a diff. */
export function baselineText(entries: BaselineEntry[]): string {
  const sorted = [...entries].sort((a, b) => compare(a.file, b.file) || compare(a.rule, b.rule) || compare(a.text, b.text));
  const findings = sorted.map(({ file, rule, text, count }) => ({ file, rule, text, count }));
  return `${JSON.stringify({ postlintBaseline: 1, findings }, null, 2)}\n`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A baseline file's entries, or why it cannot be used (one line). */
export function parseBaseline(text: string): BaselineEntry[] | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return `not JSON (${(error as Error).message})`;
  }
  const findings = (data as { postlintBaseline?: unknown; findings?: unknown } | null)?.findings;
  if ((data as { postlintBaseline?: unknown } | null)?.postlintBaseline !== 1 || !Array.isArray(findings)) {
    return 'not a Postlint baseline: write one with --write-baseline';
  }
  const entries: BaselineEntry[] = [];
  for (const [index, finding] of findings.entries()) {
    const { file, rule, text: on, count } = (finding ?? {}) as Record<string, unknown>;
    if (typeof file !== 'string' || typeof rule !== 'string' || typeof on !== 'string' || !Number.isInteger(count) || (count as number) < 1) {
      return `finding ${index + 1} is not a file, rule, text and count of at least 1`;
    }
    entries.push({ file, rule, text: on, count: count as number });
  }
  return entries;
}
