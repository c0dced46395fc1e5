import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileNameDate } from '../../server/engine/site/file-name-date';

// Expected values written by hand from Hugo's dateAndSlugFromBaseFilename
// (resources/page/pagemeta/page_frontmatter.go), never computed by the code.

test('fileNameDate: a name that starts with a real day gives that day, and the rest as the slug, without the separators at its ends', () => {
  assert.deepEqual(fileNameDate('2023-11-20-harvest-moon'), { day: '2023-11-20', slug: 'harvest-moon' });
  assert.deepEqual(fileNameDate('2023-11-20_harvest-moon'), { day: '2023-11-20', slug: 'harvest-moon' });
  assert.deepEqual(fileNameDate('2023-11-20 harvest moon'), { day: '2023-11-20', slug: 'harvest moon' });
  assert.deepEqual(fileNameDate('2023-11-20harvest'), { day: '2023-11-20', slug: 'harvest' }, 'no separator is needed');
  assert.deepEqual(fileNameDate('2023-11-20--harvest-moon--'), { day: '2023-11-20', slug: 'harvest-moon' }, 'separators trimmed at both ends');
  assert.deepEqual(fileNameDate('2023-11-20'), { day: '2023-11-20', slug: '' });
  assert.deepEqual(fileNameDate('2023-11-20-'), { day: '2023-11-20', slug: '' });
});

test('fileNameDate: what follows the last dot is taken off first, as an extension would be', () => {
  assert.deepEqual(fileNameDate('2023-11-20-tide-tables-v2.1'), { day: '2023-11-20', slug: 'tide-tables-v2' });
  assert.deepEqual(fileNameDate('2023-11-20.notes'), { day: '2023-11-20', slug: '' });
});

test('fileNameDate: a date and a time, by any character between them; Hugo before 0.148 kept the time in the slug', () => {
  assert.deepEqual(fileNameDate('2023-11-20-06-45-00-dawn-patrol'), { day: '2023-11-20', slug: 'dawn-patrol', olderSlug: '06-45-00-dawn-patrol' });
  assert.deepEqual(fileNameDate('2023-11-20T06-45-00'), { day: '2023-11-20', slug: '', olderSlug: 'T06-45-00' });
  assert.deepEqual(fileNameDate('2023-11-20-25-45-00-late'), { day: '2023-11-20', slug: '25-45-00-late' }, 'no 25th hour: the date alone is read');
  assert.deepEqual(fileNameDate('2023-11-20-dawn-patrol-at-six'), { day: '2023-11-20', slug: 'dawn-patrol-at-six' }, 'words where a time would be');
});

test('fileNameDate: no real date at the start, no date', () => {
  for (const name of ['harvest-moon', '2023-11-2-moon', '2023-02-30-moon', '2023-13-01-moon', 'moon-2023-11-20', '2023-11', '20231120-moon']) {
    assert.equal(fileNameDate(name), undefined, name);
  }
});
