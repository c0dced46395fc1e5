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

/** The one frontmatter-missing diagnostic of a post, as text covered, message and fixes. */
async function missing(text: string, baseURL?: string) {
  const site = hugoSite({ 'content/blog/p.md': text }, { baseURL });
  return only(await checkPost(site, 'content/blog/p.md'), 'frontmatter-missing').map((d) => ({
    text: rangeText(text, d),
    message: d.message,
    fixes: d.fixes.map((fix) => ({ title: fix.title, edits: fix.edits.map((edit) => [edit.range, edit.newText]), safe: fix.safe })),
  }));
}

const MESSAGE = 'This post has no front matter. Start it with a “---” block holding at least its “title” and “date”.';
const AT_START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

test('frontmatter-missing: the fix inserts a block dated today at the very start, with the preset\u2019s author when it has one', async () => {
  assert.deepEqual(await missing('Plain text first.\nMore.\n'), [
    { text: 'Plain text first.', message: MESSAGE, fixes: [{ title: 'Add a front matter block', edits: [[AT_START, '---\ntitle: ""\ndate: 2026-03-04\n---\n\n']], safe: false }] },
  ]);
  assert.deepEqual(await missing('Plain text first.\n', 'https://todogroup.org/'), [
    { text: 'Plain text first.', message: MESSAGE, fixes: [{ title: 'Add a front matter block', edits: [[AT_START, '---\ntitle: ""\ndate: 2026-03-04\nauthor: todogroup\n---\n\n']], safe: false }] },
  ]);
});

test('frontmatter-missing: broken front matter is still front matter (frontmatter-syntax says what is wrong)', async () => {
  assert.deepEqual(await missing('---\ntitle: "A\n---\n'), []);
  assert.deepEqual(await missing('---\ntitle: A\n'), []);
});

test('frontmatter-missing: the first line ends at a lone \\r too, as an editor shows it (found by test/fuzz)', async () => {
  // The range was 0:0-0:1, ending on the second of the two empty lines an editor shows.
  const [diagnostic] = only(await checkPost(hugoSite({ 'content/blog/p.md': '\r' }), 'content/blog/p.md'), 'frontmatter-missing');
  assert.deepEqual(diagnostic.range, AT_START);
  assert.deepEqual((await missing('Old Mac text.\rMore.\r')).map((found) => found.text), ['Old Mac text.']);
});
