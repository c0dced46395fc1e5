import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shortRunFlags } from '../../server/node/short-run-flags';

test('short-run flags: the CLI on V8 11 (Node 20) optimises later and inlines less', () => {
  const flags = shortRunFlags(true, '11.3.244.8-node.33');
  assert.ok(flags.some((flag) => /^--interrupt-budget=\d+$/.test(flag)), flags.join(' '));
  assert.ok(flags.some((flag) => /^--max-inlined-bytecode-size-cumulative=\d+$/.test(flag)), flags.join(' '));
});

test('short-run flags: none for the VS Code extension\u2019s language server (dist/server.js), which runs for hours', () => {
  assert.deepEqual(shortRunFlags(false, '11.3.244.8-node.33'), []);
});

test('short-run flags: none on a V8 they were not measured on (its tiers differ, and it may not know them)', () => {
  for (const version of ['12.4.254.21-node.33', '13.6.233.10-node.18', '10.2.154.26-node.36', '110.0.0']) assert.deepEqual(shortRunFlags(true, version), [], version);
});
