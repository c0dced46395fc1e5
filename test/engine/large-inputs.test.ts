import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitPost } from '../../server/engine/frontmatter/frontmatter';
import { checkPost, hugoSite } from '../helpers/memory-workspace';

// Inputs the growth benchmark (bench/growth.mjs) found slow or fatal at scale. How long
// they take is the benchmark's to measure; these pin what they give.

const problemsOf = (yaml: string) => splitPost(`---\n${yaml}---\n`).frontMatter!.problems.map((problem) => problem.message);

test('duplicate keys are found in every map, at any depth, compared by value as YAML compares them', () => {
  assert.deepEqual(problemsOf('a: 1\nb:\n  c: 1\n  c: 2\n"a": 3\n1: x\n"1": y\n'), [
    'The key “c” appears more than once. Keep one of them.',
    'The key “"a"” appears more than once. Keep one of them.',
  ]);
  assert.deepEqual(problemsOf('list:\n  - k: 1\n    k: 2\n  - k: 3\n'), ['The key “k” appears more than once. Keep one of them.']);
});

test('keys that differ only in case each name the first spelling, however many there are', () => {
  const keys = Array.from({ length: 3000 }, (_, i) => `key${i}: 1\nKEY${i}: 2\n`).join('');
  const problems = problemsOf(keys);
  assert.equal(problems.length, 3000);
  assert.equal(problems[2999], '“KEY2999” repeats the key “key2999”, as Hugo reads keys in any case. It keeps only one of their values, not always the same one: keep one of them.');
});

test('a _redirects file of 150,000 rules is read whole: the links it serves are not broken, and no rule fails', async () => {
  const rules = Array.from({ length: 150_000 }, (_, i) => `/old-${i}/* https://elsewhere.example/:splat 301`).join('\n');
  const post = '---\ntitle: A\ndate: 2025-01-01\n---\n\nSee [the last one](/old-149999/page/) and [a lost one](/nowhere/).\n';
  const diagnostics = await checkPost(hugoSite({ 'static/_redirects': rules, 'content/blog/p.md': post }), 'content/blog/p.md');
  assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.ruleId), ['link-broken-local']);
  assert.equal(diagnostics[0].message, 'No page of this site is served at “/nowhere/”. Check the address against the page’s file name or its “url”, “slug” and “aliases”.');
});
