import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, test } from 'node:test';
import { NodeWorkspace } from '../../server/cli/node-workspace';
import { createLanguageService } from '../../server/engine/service';
import { LineIndex } from '../../server/engine/text';
import type { Diagnostic } from '../../server/engine/types';
import { runCli } from '../helpers/cli';
import { TODO_SITE, corpusMissing } from '../helpers/corpus';

const skip = corpusMissing();
const temp = mkdtempSync(join(tmpdir(), 'postlint-fix-corpus-'));
after(() => rmSync(temp, { recursive: true, force: true }));

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

interface Fingerprint {
  bytes: Buffer;
  mtimeMs: number;
}

function fingerprints(root: string): Map<string, Fingerprint> {
  return new Map(filesUnder(root).map((path) => [relative(root, path), { bytes: readFileSync(path), mtimeMs: statSync(path).mtimeMs }]));
}

type Span = { start: number; end: number };

/** The offsets of every edit of every safe fix, merged: where `--fix` may change a file. */
function safeEditSpans(text: string, diagnostics: Diagnostic[]): Span[] {
  const lines = new LineIndex(text);
  const spans = diagnostics
    .flatMap((d) => d.fixes.filter((fix) => fix.safe).flatMap((fix) => fix.edits))
    .map((edit) => ({ start: lines.offset(edit.range.start), end: lines.offset(edit.range.end) }))
    .sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/**
 * Whether `after` is `before` with only the given spans replaced: the text
 * between the spans must appear in `after` unchanged and in order.
 */
function changesLieWithin(before: string, after: string, spans: Span[]): boolean {
  const gaps: string[] = [];
  let cursor = 0;
  for (const span of spans) {
    gaps.push(before.slice(cursor, span.start));
    cursor = span.end;
  }
  gaps.push(before.slice(cursor));
  if (gaps.length === 1) return before === after;
  if (!after.startsWith(gaps[0])) return false;
  let position = gaps[0].length;
  for (const gap of gaps.slice(1, -1)) {
    const at = after.indexOf(gap, position);
    if (at < 0) return false;
    position = at + gap.length;
  }
  const last = gaps[gaps.length - 1];
  return after.length - last.length >= position && after.endsWith(last);
}

const key = (d: Diagnostic) => `${d.ruleId}\u0000${d.message}`;

function countBy(diagnostics: Diagnostic[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of diagnostics) counts.set(key(d), (counts.get(key(d)) ?? 0) + 1);
  return counts;
}

test('check --fix on a copy of the TODO Group site: only fix ranges change, every fixed finding is gone, a second run changes nothing', { skip, timeout: 240_000 }, async () => {
  const root = join(temp, 'todogroup.org');
  cpSync(TODO_SITE, root, { recursive: true, preserveTimestamps: true });
  const blog = join(root, 'content', 'en', 'blog');

  // What the engine says before: the safe fixes and where they edit.
  const service = createLanguageService({ workspace: new NodeWorkspace() });
  const before = new Map<string, { text: string; diagnostics: Diagnostic[] }>();
  for (const path of filesUnder(blog)) {
    const text = readFileSync(path, 'utf8');
    const result = await service.check(path, text);
    if (result.isPost) before.set(path, { text, diagnostics: result.diagnostics });
  }
  assert.ok(before.size > 100, 'the blog posts were found');
  const fixable = [...before].filter(([, { diagnostics }]) => diagnostics.some((d) => d.fixes.some((fix) => fix.safe)));
  const untouchedBefore = fingerprints(root);

  const first = await runCli(['check', '--fix', '--format', 'json'], root);
  assert.ok(first.code === 0 || first.code === 1, `exit ${first.code}: ${first.stderr}`);
  assert.equal(first.stderr, '');

  const afterFirst = fingerprints(root);
  let changed = 0;
  const fresh = createLanguageService({ workspace: new NodeWorkspace() });
  for (const [name, old] of untouchedBefore) {
    const now = afterFirst.get(name);
    assert.ok(now, `${name} still exists`);
    const path = join(root, name);
    const post = before.get(path);
    const spans = post ? safeEditSpans(post.text, post.diagnostics) : [];
    if (now.bytes.equals(old.bytes)) {
      assert.equal(now.mtimeMs, old.mtimeMs, `${name}: not changed, so not written`);
      continue;
    }
    changed++;
    assert.ok(post && spans.length > 0, `${name} changed without a safe fix`);
    const text = now.bytes.toString('utf8');
    assert.ok(changesLieWithin(post.text, text, spans), `${name}: a change lies outside the safe fixes' edits`);

    // Every finding that had a safe fix is gone (the same finding may remain where it also had no fix).
    const left = countBy((await fresh.check(path, text)).diagnostics);
    const unfixable = countBy(post.diagnostics.filter((d) => !d.fixes.some((fix) => fix.safe)));
    for (const d of post.diagnostics.filter((d) => d.fixes.some((fix) => fix.safe))) {
      assert.ok((left.get(key(d)) ?? 0) <= (unfixable.get(key(d)) ?? 0), `${name}: still reported after --fix: ${d.ruleId}: ${d.message}`);
    }
  }
  if (fixable.length > 0) assert.ok(changed > 0, 'some file had a safe fix, so some file changed');
  assert.ok(changed <= fixable.length);
  for (const report of JSON.parse(first.stdout) as { filePath: string; fixableErrorCount: number; fixableWarningCount: number }[]) {
    assert.equal(report.fixableErrorCount + report.fixableWarningCount, 0, `${report.filePath}: a safe fix is left after --fix`);
  }

  const second = await runCli(['check', '--fix', '--format', 'json'], root);
  assert.equal(second.code, first.code);
  const afterSecond = fingerprints(root);
  assert.deepEqual([...afterSecond.keys()], [...afterFirst.keys()], 'no file appeared or vanished (no temporary file left)');
  for (const [name, now] of afterSecond) {
    const then = afterFirst.get(name)!;
    assert.ok(now.bytes.equals(then.bytes) && now.mtimeMs === then.mtimeMs, `${name}: changed by the second --fix`);
  }
});
