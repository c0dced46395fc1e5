import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from '../helpers/fast-check';
import { safeJson } from '../../server/cli/formatters/escape';
import { formatJson, reportJson } from '../../server/cli/formatters/json';
import { errorsOnly, tooLargeReport, toFileReport, type FileReport } from '../../server/cli/report';
import { docsUrl } from '../../server/engine/rule';
import type { Diagnostic, Range, Unverified } from '../../server/engine/types';

// Text as posts and paths may hold it: quotes, backslashes, controls, C1, the line
// separators, bidi overrides, `##[` (which the escapes rewrite), astral characters.
const unit = fc.oneof(fc.constantFrom('"', '\\', '\n', '\u0000', '\u001b', '\u007f', '\u0085', '\u2028', '\u202e', '\u2066', '#', '[', '“', '😀', '\ud800'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
const text = fc.string({ unit, maxLength: 30 });
const whole = fc.nat({ max: 3000 });
const range: fc.Arbitrary<Range> = fc.record({ start: fc.record({ line: whole, character: whole }), end: fc.record({ line: whole, character: whole }) });
const ruleId = fc.constantFrom('link-insecure', 'image-alt-missing', '');
const diagnostic: fc.Arbitrary<Diagnostic> = fc
  .record({
    ruleId,
    severity: fc.constantFrom('error' as const, 'warning' as const),
    message: text,
    range,
    fixes: fc.array(fc.record({ title: text, edits: fc.array(fc.record({ range, newText: text }), { maxLength: 2 }), safe: fc.boolean() }), { maxLength: 2 }),
  })
  .map((found) => ({ ...found, docsUrl: docsUrl(found.ruleId) }));
const unverified: fc.Arbitrary<Unverified> = fc.record({ ruleId: fc.constantFrom('link-broken-local', 'link-broken-fragment'), reason: text, range });

/** Reports as the CLI makes them: checked (with SARIF's details or without), too large, `--quiet`, `--fix`. */
const report: fc.Arbitrary<FileReport> = fc.oneof(
  fc
    .record({ path: text, diagnostics: fc.array(diagnostic, { maxLength: 5 }), unverified: fc.array(unverified, { maxLength: 2 }), post: fc.option(text), quiet: fc.boolean(), output: fc.option(text) })
    .map(({ path, diagnostics, unverified, post, quiet, output }) => {
      const made = toFileReport(path, diagnostics, unverified, post ?? undefined);
      const shown = quiet ? errorsOnly(made) : made;
      return output === null ? shown : { ...shown, output };
    }),
  fc.record({ path: text, size: fc.nat(), limit: fc.integer({ min: 1 }) }).map(({ path, size, limit }) => tooLargeReport(path, size, limit)),
);

/** What the json formatter wrote before it was written by hand: JSON.stringify with the CLI's escapes, less SARIF's `detail`. */
function stringified(made: FileReport): string {
  return safeJson({ ...made, messages: made.messages.map(({ detail: _detail, ...message }) => message) });
}

test('json formatter: each report is written byte for byte as JSON.stringify would write it, with the escapes and without SARIF details', () => {
  fc.assert(
    fc.property(report, (made) => {
      assert.equal(reportJson(made), stringified(made));
    }),
    { numRuns: 500 },
  );
});

test('json formatter: the whole report parses back to the reports, less SARIF details', () => {
  fc.assert(
    fc.property(fc.array(report, { maxLength: 4 }), (reports) => {
      const parsed = JSON.parse(formatJson(reports));
      assert.deepEqual(parsed, reports.map((made) => JSON.parse(stringified(made))));
    }),
  );
});
