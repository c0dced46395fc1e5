import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from '../helpers/fast-check';
import { assertRangesInside, FUZZ_POST, fuzzService, runsOf } from './common';
import { post } from '../helpers/post-arbitraries';
import { INTERNAL_ERROR } from '../../server/engine/run-rules';
import { RULE_IDS } from '../../server/engine/rules';
import { docsUrl } from '../../server/engine/rule';
import type { Diagnostic } from '../../server/engine/types';

const service = fuzzService();
const KNOWN_IDS = new Set<string>(RULE_IDS);

/** Each finding names its rule and links its page; `internal-error` has no rule, and its own page (run-rules.ts). */
function assertWellFormed(diagnostic: Diagnostic): void {
  assert.ok(diagnostic.message.trim().length > 0, `${diagnostic.ruleId}: an empty message`);
  if (diagnostic.ruleId === INTERNAL_ERROR) {
    assert.match(diagnostic.docsUrl, /\/docs\/internal-error\.md$/);
    return;
  }
  assert.ok(KNOWN_IDS.has(diagnostic.ruleId), `unknown rule id ${JSON.stringify(diagnostic.ruleId)}`);
  assert.equal(diagnostic.docsUrl, docsUrl(diagnostic.ruleId));
}

test('engine: any post resolves, with every range inside the text and every finding named and documented', async () => {
  await fc.assert(
    fc.asyncProperty(post, async (text) => {
      const { diagnostics } = await service.check(FUZZ_POST, text);
      assertRangesInside(text, diagnostics);
      for (const diagnostic of diagnostics) assertWellFormed(diagnostic);
    }),
    { numRuns: runsOf('engine') },
  );
});
