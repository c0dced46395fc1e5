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
