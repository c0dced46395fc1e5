import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from '../../server/engine/config/config';
import { configDiagnostics } from '../../server/engine/config/config-diagnostics';
import { tooDeepAt } from '../../server/engine/config/json-depth';
import { checkPost, hugoSite, serviceFor, SITE } from '../helpers/memory-workspace';

test('a config nested 100,000 levels deep is a config error naming where, not a stack overflow', async () => {
  const text = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
  assert.equal(tooDeepAt(text), 64);
  assert.equal(tooDeepAt('{ "rules": { "link-insecure": ["warn", { "allowHosts": ["a"] }] } } // [[[[ in a comment'), undefined, 'brackets in strings and comments do not count');
  const workspace = hugoSite({ '.postlintrc.json': text, 'content/blog/p.md': '---\ntitle: A\ndate: 2025-01-01\n---\n' });
  await assert.rejects(serviceFor(workspace).check(`${SITE}/content/blog/p.md`, '---\ntitle: A\ndate: 2025-01-01\n---\n'), (error: unknown) => {
    assert.ok(error instanceof ConfigError);
    assert.match(error.detail, /nests more than 64 levels deep at line 1, column 65/);
    return true;
  });
  assert.match(configDiagnostics(text)[0].message, /nests more than 64 levels deep here/);
});

test('a one-megabyte line of mojibake is reported, not a stack overflow', async () => {
  const text = `---\ntitle: A\ndate: 2025-01-01\n---\n\n${'\u00c3\u00a9'.repeat(500_000)}\n`;
  const found = (await checkPost(hugoSite({ 'content/blog/p.md': text }), 'content/blog/p.md')).filter((d) => d.ruleId === 'text-mojibake');
  assert.equal(found.length, 1);
  assert.doesNotMatch(found[0].message, /failed on this post/);
});

test('lists or block quotes nested deeper than 64 levels on one line: the body is not parsed, and the post says why at 1:1', async () => {
  const text = `---\ntitle: A\ndate: 2025-01-01\nauthor: nobody\n---\n\n${'- '.repeat(40_000)}x\n\n[a link](http://insecure.example/)\n`;
  const diagnostics = await checkPost(hugoSite({ 'content/blog/p.md': text }), 'content/blog/p.md');
  assert.deepEqual(diagnostics.map((d) => [d.ruleId, d.range.start.line]), [['internal-error', 0], ['author-unknown', 3]]);
  assert.match(diagnostics[0].message, /nest more than 64 levels deep on one line/);
  const fine = `---\ntitle: A\ndate: 2025-01-01\n---\n\n${'> '.repeat(10)}- - 1. quoted lists, a few deep\n`;
  assert.deepEqual((await checkPost(hugoSite({ 'content/blog/p.md': fine }), 'content/blog/p.md')).map((d) => d.ruleId), []);
});

test('a paragraph with thousands of brackets or emphasis marks: past the limits the body is not parsed; a long pasted URL is', async () => {
  const post = (body: string) => `---\ntitle: A\ndate: 2025-01-01\n---\n\n${body}\n`;
  const ids = async (body: string) => (await checkPost(hugoSite({ 'content/blog/p.md': post(body) }), 'content/blog/p.md')).map((d) => [d.ruleId, d.message.split(' No paragraph')[0]]);
  assert.deepEqual(await ids('[a]('.repeat(6000)), [['internal-error', 'The body of this post is not checked: one paragraph holds more than 5000 “[” marks.']]);
  assert.deepEqual(await ids('*a'.repeat(25_000)), [['internal-error', 'The body of this post is not checked: one paragraph holds more than 20000 “*” marks.']]);
  const pasted = `See <https://config.example/#c=${'a_b*N__c_'.repeat(800)}> for the whole config.`;
  assert.deepEqual(await ids(pasted), [], 'a URL with thousands of _ and * is read as it is');
  assert.deepEqual(await ids(`${'[a](/x) '.repeat(3000)}\n\n${'[b](/y) '.repeat(3000)}`).then((found) => found.filter(([id]) => id === 'internal-error')), [], 'the count starts again after a blank line');
  // At the limit exactly, the body is read; one more mark in the paragraph, and it is not.
  const internal = async (body: string) => (await ids(body)).filter(([id]) => id === 'internal-error').length;
  assert.equal(await internal('[a '.repeat(5000)), 0);
  assert.equal(await internal('[a '.repeat(5001)), 1);
  assert.equal(await internal(`${'[a '.repeat(2500)}\n\n${'[a '.repeat(2501)}\n\n${'*b '.repeat(100)}`), 0, 'more than the limit in all, none in one paragraph');
});
