import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPost, hugoSite, only, rangeText } from '../helpers/memory-workspace';

async function mismatches(name: string, date: string) {
  const text = `---\ntitle: A\ndate: ${date}\n---\n`;
  const site = hugoSite({ [`content/blog/${name}`]: text });
  return only(await checkPost(site, `content/blog/${name}`), 'date-filename-mismatch').map((d) => ({ text: rangeText(text, d), message: d.message }));
}

test('date-filename-mismatch: a dated file name that disagrees with `date`, on the date', async () => {
  const [problem, ...rest] = await mismatches('2025-03-01-spring.md', '2025-03-02');
  assert.equal(rest.length, 0);
  assert.equal(problem.text, '2025-03-02');
  assert.match(problem.message, /file name, and so the post's address, says 2025-03-01 but “date” is 2025-03-02\./);
});

test('date-filename-mismatch: matching dates, times, and undated file names are fine', async () => {
  assert.deepEqual(await mismatches('2025-03-01-spring.md', '2025-03-01'), []);
  assert.deepEqual(await mismatches('2025-03-01-spring.md', '2025-03-01T18:00:00-05:00'), []);
  assert.deepEqual(await mismatches('spring-2025.md', '2025-03-09'), []);
  assert.deepEqual(await mismatches('20250301-spring.md', '2025-03-09'), []);
});

test('date-filename-mismatch: the whole message, on a quoted date as written', async () => {
  assert.deepEqual(await mismatches('2025-03-01.md', '"2025-03-02"'), [
    { text: '"2025-03-02"', message: 'The file name, and so the post\'s address, says 2025-03-01 but “date” is 2025-03-02. Change one of them so they agree.' },
  ]);
});

test('date-filename-mismatch: the day is read as written, never moved to another day by its offset', async () => {
  // 22:00 at -05:00 is the next day in UTC; the author wrote 1 March.
  assert.deepEqual(await mismatches('2025-03-01-spring.md', '2025-03-01T22:00:00-05:00'), []);
  assert.deepEqual(await mismatches('2025-03-02-spring.md', '2025-03-01T22:00:00-05:00'), [
    { text: '2025-03-01T22:00:00-05:00', message: 'The file name, and so the post\'s address, says 2025-03-02 but “date” is 2025-03-01. Change one of them so they agree.' },
  ]);
});

test('date-filename-mismatch: only a name that starts with a whole date counts', async () => {
  assert.deepEqual(await mismatches('x2025-03-01-spring.md', '2025-03-09'), []);
  assert.deepEqual(await mismatches('2025-03-011-spring.md', '2025-03-09'), []);
  assert.deepEqual(await mismatches('2025-3-01-spring.md', '2025-03-09'), []);
});

test('date-filename-mismatch: no front matter, no date, or a date with no day in it: nothing to compare', async () => {
  const site = hugoSite({
    'content/blog/2025-03-01-a.md': '# No front matter\n',
    'content/blog/2025-03-01-b.md': '---\ntitle: B\n---\n',
    'content/blog/2025-03-01-c.md': '---\ntitle: C\ndate: soon\n---\n',
    'content/blog/2025-03-01-d.md': '---\ntitle: "D\ndate: 2025-03-02\n---\n',
    // YAML that parses but cannot be read: too many aliases (frontmatter-syntax reports it).
    'content/blog/2025-03-01-e.md': `---\ntitle: E\ndate: 2025-03-02\nx: &x [1]\ny: [${Array(101).fill('*x').join(', ')}]\n---\n`,
  });
  for (const name of ['a', 'b', 'c', 'd', 'e']) {
    assert.deepEqual(only(await checkPost(site, `content/blog/2025-03-01-${name}.md`), 'date-filename-mismatch'), [], name);
  }
});

test('date-filename-mismatch: the day is read from `date` alone, not from a date elsewhere in the front matter', async () => {
  const text = '---\ntitle: Looking back from 2025-03-01\ndate: 2025-03-02\n---\n';
  const site = hugoSite({ 'content/blog/2025-03-01-back.md': text });
  assert.deepEqual(only(await checkPost(site, 'content/blog/2025-03-01-back.md'), 'date-filename-mismatch').map((d) => [rangeText(text, d), d.message]), [
    ['2025-03-02', 'The file name, and so the post\'s address, says 2025-03-01 but “date” is 2025-03-02. Change one of them so they agree.'],
  ]);
});

/** The findings on one post of a site with the given Hugo config. */
async function mismatchesIn(path: string, text: string, hugoConfig = '') {
  const site = hugoSite({ [path]: text });
  site.files.set('/site/hugo.yaml', `baseURL: https://example.org/\n${hugoConfig}`);
  return only(await checkPost(site, path), 'date-filename-mismatch').map((d) => [rangeText(text, d), d.message]);
}

test('date-filename-mismatch: the page date as Hugo finds it, `publishDate` (or its aliases) when there is no `date`', async () => {
  const text = '---\ntitle: A\npublishdate: 2025-03-02\nlastmod: 2025-03-01\n---\n';
  assert.deepEqual(await mismatchesIn('content/blog/2025-03-01-a.md', text), [
    ['2025-03-02', 'The file name, and so the post\'s address, says 2025-03-01 but “publishdate” is 2025-03-02. Change one of them so they agree.'],
  ]);
  // `date` comes first: `publishDate` may be later (the post is held back until then) without a mismatch.
  assert.deepEqual(await mismatchesIn('content/blog/2025-03-01-a.md', '---\ntitle: A\ndate: 2025-03-01\npublishDate: 2025-03-05\n---\n'), []);
  // A `date` that is not a date is skipped by Hugo: the next source dates the page.
  assert.deepEqual(await mismatchesIn('content/blog/2025-03-01-a.md', '---\ntitle: A\ndate: soon\npubdate: 2025-03-04\n---\n'), [
    ['2025-03-04', 'The file name, and so the post\'s address, says 2025-03-01 but “pubdate” is 2025-03-04. Change one of them so they agree.'],
  ]);
});

test('date-filename-mismatch: the site\'s `frontmatter.date` order decides; a date Hugo takes from the file name agrees with it', async () => {
  const text = '---\ntitle: A\ndate: 2025-03-02\nlastmod: 2025-03-09\n---\n';
  assert.deepEqual(await mismatchesIn('content/blog/2025-03-01-a.md', text, 'frontmatter:\n  date: [":filename", ":default"]\n'), []);
  assert.deepEqual(await mismatchesIn('content/blog/2025-03-01-a.md', text, 'frontmatter:\n  date: [lastmod, date]\n'), [
    ['2025-03-09', 'The file name, and so the post\'s address, says 2025-03-01 but “lastmod” is 2025-03-09. Change one of them so they agree.'],
  ]);
  // The file's modification time: a date Postlint cannot read, so nothing to compare.
  assert.deepEqual(await mismatchesIn('content/blog/2025-03-01-a.md', text, 'frontmatter:\n  date: [":fileModTime"]\n'), []);
});

test('date-filename-mismatch: a page bundle is named by its folder, as Hugo reads it', async () => {
  assert.deepEqual(await mismatchesIn('content/blog/2025-03-01-trip/index.md', '---\ntitle: A\ndate: 2025-03-02\n---\n'), [
    ['2025-03-02', 'The file name, and so the post\'s address, says 2025-03-01 but “date” is 2025-03-02. Change one of them so they agree.'],
  ]);
  assert.deepEqual(await mismatchesIn('content/blog/2025-03-01-trip/index.md', '---\ntitle: A\ndate: 2025-03-01\n---\n'), []);
});

test("date-filename-mismatch: where a permalink, a slug or a url leaves the file name out of the address, no reader sees its day: not reported", async () => {
  const dated = (extra = '') => `---\ntitle: Spring notes\ndate: 2025-03-02\n${extra}---\n`;
  const path = 'content/blog/2025-03-01-spring.md';
  assert.deepEqual(await mismatchesIn(path, dated(), 'permalinks:\n  blog: /:year/:month/:slug/\n'), [], 'the slug falls back to the title');
  assert.deepEqual(await mismatchesIn(path, dated('slug: spring-notes\n')), []);
  assert.deepEqual(await mismatchesIn(path, dated('url: /notes/spring/\n')), []);
  assert.deepEqual(await mismatchesIn(path, dated(), 'permalinks:\n  blog: /:year/:month/:filename/\n'), [
    ['2025-03-02', "The file name, and so the post's address, says 2025-03-01 but “date” is 2025-03-02. Change one of them so they agree."],
  ]);
});

test('date-filename-mismatch: where the day is in the address because a slug or url writes it out, the message names that key, as written', async () => {
  const dated = (extra: string) => `---\ntitle: Spring notes\ndate: 2025-03-02\n${extra}---\n`;
  const path = 'content/blog/2025-03-01-spring.md';
  const says = (source: string) => `The ${source}, and so the post's address, says 2025-03-01 but “date” is 2025-03-02. Change one of them so they agree.`;
  assert.deepEqual(await mismatchesIn(path, dated('Slug: 2025-03-01-spring\n')), [['2025-03-02', says('“Slug”')]]);
  assert.deepEqual(await mismatchesIn(path, dated('url: /notes/2025-03-01/spring/\n')), [['2025-03-02', says('“url”')]]);
});
