import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getPageCandidates } from '../../server/engine/site/get-page';

test('getPageCandidates: a leaf bundle looks beside itself, as Hugo\u2019s GetPage does; a regular page and a section in their own folder', () => {
  assert.deepEqual(getPageCandidates('blog/2019/tracing/index.md', '0518-benchmarks'), ['blog/2019/0518-benchmarks', '0518-benchmarks']);
  assert.deepEqual(getPageCandidates('blog/2019/post.md', 'other'), ['blog/2019/other', 'other']);
  assert.deepEqual(getPageCandidates('blog/_index.md', 'first-post'), ['blog/first-post', 'first-post']);
  assert.deepEqual(getPageCandidates('blog/2019/tracing/index.md', '../notes.md'), ['blog/2019/notes'], 'with an extension and ../, from the bundle itself');
  assert.deepEqual(getPageCandidates('blog/post.md', './sibling'), ['blog/sibling'], 'a path starting with . is page-relative only');
  assert.deepEqual(getPageCandidates('blog/post.md', '/docs/Setup.md'), ['docs/setup']);
  assert.deepEqual(getPageCandidates('about.md', 'contact/'), ['contact', 'contact']);
  assert.deepEqual(getPageCandidates('blog/trip/index.mdown', '../tides.MARKDOWN'), ['blog/tides'], 'every Markdown suffix is a content file\u2019s, in any case');
  assert.deepEqual(getPageCandidates('blog/post.md', '/docs/knots.adoc'), ['docs/knots'], 'and so are the other formats\u2019');
});
