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
  assert.match(problem.message, /file name says 2025-03-01 but `date` is 2025-03-02/);
});

test('date-filename-mismatch: matching dates, times, and undated file names are fine', async () => {
  assert.deepEqual(await mismatches('2025-03-01-spring.md', '2025-03-01'), []);
  assert.deepEqual(await mismatches('2025-03-01-spring.md', '2025-03-01T18:00:00-05:00'), []);
  assert.deepEqual(await mismatches('spring-2025.md', '2025-03-09'), []);
  assert.deepEqual(await mismatches('20250301-spring.md', '2025-03-09'), []);
});

test('date-filename-mismatch: the whole message, on a quoted date as written', async () => {
  assert.deepEqual(await mismatches('2025-03-01.md', '"2025-03-02"'), [
    { text: '"2025-03-02"', message: 'The file name says 2025-03-01 but `date` is 2025-03-02: change one of them so they agree.' },
  ]);
});

test('date-filename-mismatch: the day is read as written, never moved to another day by its offset', async () => {
  // 22:00 at -05:00 is the next day in UTC; the author wrote 1 March.
  assert.deepEqual(await mismatches('2025-03-01-spring.md', '2025-03-01T22:00:00-05:00'), []);
  assert.deepEqual(await mismatches('2025-03-02-spring.md', '2025-03-01T22:00:00-05:00'), [
    { text: '2025-03-01T22:00:00-05:00', message: 'The file name says 2025-03-02 but `date` is 2025-03-01: change one of them so they agree.' },
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
    ['2025-03-02', 'The file name says 2025-03-01 but `date` is 2025-03-02: change one of them so they agree.'],
  ]);
});
