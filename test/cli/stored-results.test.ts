import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from '../helpers/fast-check';
import { checkedPost, encodePost, isStoredPost, StoredResult, StringTable } from '../../server/cli/cache/stored-results';
import { docsUrl } from '../../server/engine/rule';
import type { Diagnostic, Fix, Range, Unverified } from '../../server/engine/types';

const whole = fc.nat({ max: 5000 });
const range: fc.Arbitrary<Range> = fc.record({ start: fc.record({ line: whole, character: whole }), end: fc.record({ line: whole, character: whole }) });
const words = fc.string({ maxLength: 40 });
const ruleId = fc.constantFrom('link-insecure', 'image-alt-missing', 'frontmatter-schema', '');
const fix: fc.Arbitrary<Fix> = fc
  .record({ title: words, edits: fc.array(fc.record({ range, newText: words }), { maxLength: 3 }), safe: fc.boolean(), preferred: fc.boolean() })
  // The engine leaves `preferred` out rather than writing false.
  .map(({ preferred, ...rest }) => (preferred ? { ...rest, preferred: true } : rest));
const diagnostic: fc.Arbitrary<Diagnostic> = fc
  .record({ ruleId, severity: fc.constantFrom('error' as const, 'warning' as const), message: words, range, fixes: fc.array(fix, { maxLength: 3 }) })
  .map((found) => ({ ...found, docsUrl: docsUrl(found.ruleId) }));
const unverified: fc.Arbitrary<Unverified> = fc.record({ ruleId, reason: words, range });
const post = fc.record({ diagnostics: fc.array(diagnostic, { maxLength: 6 }), unverified: fc.array(unverified, { maxLength: 3 }), dependencies: fc.array(words, { maxLength: 5 }) });

function stored(content: { diagnostics: Diagnostic[]; unverified: Unverified[]; dependencies: string[] }) {
  const table = new StringTable();
  const values = encodePost(checkedPost('hash', content, content.dependencies), table);
  // Through JSON, as the cache file holds it.
  return { values: JSON.parse(JSON.stringify(values)) as number[], strings: table.strings };
}

test('a stored post reads back as it was written: findings, fixes, unverified links and dependencies', () => {
  fc.assert(
    fc.property(post, (content) => {
      const { values, strings } = stored(content);
      assert.ok(isStoredPost(values, strings));
      const read = new StoredResult('hash', values, strings);
      const { diagnostics, unverified } = read.findings();
      // Through JSON: fast-check may make objects with no prototype, which deepEqual tells apart.
      assert.deepEqual({ diagnostics, unverified, dependencies: read.dependencies }, JSON.parse(JSON.stringify(content)));
    }),
  );
});

test('a stored post cut short, with a value out of shape, or a string not in the table, is refused', () => {
  fc.assert(
    fc.property(post, fc.nat(), fc.constantFrom(-1, 0.5, 'x', null, true), (content, at, bad) => {
      const { values, strings } = stored(content);
      const position = at % values.length;
      assert.ok(!isStoredPost(values.slice(0, position), strings), `cut at ${position}`);
      assert.ok(!isStoredPost([...values, 0], strings), 'a value too many');
      const spoilt: unknown[] = [...values];
      spoilt[position] = bad;
      assert.ok(!isStoredPost(spoilt, strings), `${String(bad)} at ${position}`);
      // Every string of the table is some value's: without the last, that value points past the end.
      if (strings.length > 0) assert.ok(!isStoredPost(values, strings.slice(0, -1)), 'the table one string short');
    }),
  );
});
