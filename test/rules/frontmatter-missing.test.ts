import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPost, hugoSite, only, rangeText } from '../helpers/memory-workspace';

test('frontmatter-missing: a post without front matter is reported on its first line', async () => {
  const text = '# Garden notes\n\nNo metadata here.\n';
  const site = hugoSite({ 'content/blog/notes.md': text });
  const [diagnostic, ...rest] = only(await checkPost(site, 'content/blog/notes.md'), 'frontmatter-missing');
  assert.equal(rest.length, 0);
  assert.equal(diagnostic.severity, 'error');
  assert.equal(rangeText(text, diagnostic), '# Garden notes');
  assert.match(diagnostic.message, /no front matter/);
  assert.equal(diagnostic.fixes[0].safe, false, 'the title still has to be written, so --fix must not add it');
  assert.match(diagnostic.fixes[0].edits[0].newText, /^---\ntitle: ""\ndate: 2026-03-04\n---\n/);
});

test('frontmatter-missing: blank lines and a BOM before the front matter are accepted, as Hugo does', async () => {
  for (const text of ['\n\n---\ntitle: A\ndate: 2025-01-02\n---\nBody\n', '\ufeff---\r\ntitle: A\r\ndate: 2025-01-02\r\n---\r\nBody\r\n']) {
    const site = hugoSite({ 'content/blog/a.md': text });
    assert.deepEqual(await checkPost(site, 'content/blog/a.md'), []);
  }
});

test('frontmatter-missing: pages that are not posts are not checked', async () => {
  const site = hugoSite({ 'content/about.md': 'Just a page.\n', 'content/blog/_index.md': 'The blog.\n' });
  assert.deepEqual(await checkPost(site, 'content/about.md'), []);
  assert.deepEqual(await checkPost(site, 'content/blog/_index.md'), []);
});
