import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';

/**
 * Whether a test that needs a tool installed by a .ci/install-* script can go on.
 * `missing` says what is missing and how to get it, or is false. Without the tool the
 * test is skipped on a developer's machine, saying so; with CI set, it fails instead,
 * so that a CI run whose install failed can never pass with fewer tests.
 */
export function hasTool(t: TestContext, missing: string | false): boolean {
  if (!missing) return true;
  if (process.env.CI) assert.fail(`${missing}; CI is set, so the test fails instead of skipping`);
  t.skip(missing);
  return false;
}
