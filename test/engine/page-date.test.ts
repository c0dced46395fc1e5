import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitPost } from '../../server/engine/frontmatter/frontmatter';
import { contentBaseName, fileNameDay, pageDate } from '../../server/engine/frontmatter/page-date';
import { frontMatterDates } from '../../server/engine/site/front-matter-dates';
import { MemoryWorkspace } from '../helpers/memory-workspace';
import { readSite } from '../../server/engine/site/site';

test('frontMatterDates: Hugo\'s defaults, each key followed by its aliases', () => {
  assert.deepEqual(frontMatterDates({}), {
    date: ['date', 'publishdate', 'pubdate', 'published', 'lastmod', 'modified'],
    publishDate: ['publishdate', 'pubdate', 'published', 'date'],
    lastmod: [':git', 'lastmod', 'modified', 'date', 'publishdate', 'pubdate', 'published'],
    expiryDate: ['expirydate', 'unpublishdate'],
    gitInfo: false,
  });
});

test('frontMatterDates: the site\'s lists, in any case, with `:default` spelt out and a string read as words', () => {
  const dates = frontMatterDates({ enableGitInfo: true, FrontMatter: { Date: [':fileName', ':default'], lastMod: 'lastmod :fileModTime', expirydate: [] } });
  assert.deepEqual(dates.date, [':filename', 'date', 'publishdate', 'pubdate', 'published', 'lastmod', 'modified']);
  assert.deepEqual(dates.lastmod, ['lastmod', 'modified', ':filemodtime']);
  assert.deepEqual(dates.publishDate, ['publishdate', 'pubdate', 'published', 'date']);
  assert.deepEqual(dates.expiryDate, []);
  assert.equal(dates.gitInfo, true);
});

test('readSite: the `frontmatter` setting is read from config/_default/ as any other', async () => {
  const workspace = new MemoryWorkspace({ '/s/config/_default/hugo.toml': 'title = "x"\n', '/s/config/_default/frontmatter.toml': 'date = [":filename", ":default"]\n' });
  assert.deepEqual((await readSite(workspace, '/s')).dates.date.slice(0, 2), [':filename', 'date']);
});

test('contentBaseName and fileNameDay: the name Hugo reads a date from, and the date it reads', () => {
  assert.equal(contentBaseName('/s/content/blog/2024-05-01-post.md'), '2024-05-01-post');
  assert.equal(contentBaseName('/s/content/blog/2024-05-01-post.fr.md'), '2024-05-01-post.fr');
  assert.equal(contentBaseName('/s/content/blog/2024-05-01-trip/index.md'), '2024-05-01-trip');
  assert.equal(contentBaseName('/s/content/blog/2024-05-01-trip/index.fr.md'), '2024-05-01-trip');
  assert.equal(contentBaseName('/s/content/2024-05-01-news/_index.md'), '2024-05-01-news');
  assert.equal(fileNameDay('2024-05-01-post'), '2024-05-01');
  assert.equal(fileNameDay('2024-05-01-10-30-00-post'), '2024-05-01');
  assert.equal(fileNameDay('2024-05-01'), '2024-05-01');
  for (const name of ['2024-02-30-post', '2024-5-01-post', 'post-2024-05-01', '2024-05-0']) assert.equal(fileNameDay(name), undefined, name);
});

test('pageDate: the first source that gives a date wins; empty values and values that are not dates are passed over, as Hugo does', () => {
  const at = (text: string, config: Record<string, unknown> = {}, path = '/s/content/blog/2024-05-01-post.md') => {
    const found = pageDate(splitPost(text).frontMatter, path, frontMatterDates(config));
    return found?.from === 'front matter' ? found.key.key : found && ('day' in found ? found.day : found.from);
  };
  assert.equal(at('---\ndate: 2025-01-01\npublishdate: 2025-01-02\n---\n'), 'date');
  assert.equal(at('---\nDate: ""\nPubDate: 2025-01-02\n---\n'), 'PubDate');
  assert.equal(at('---\ndate: soon\nlastmod: 2025-01-02\n---\n'), 'lastmod');
  assert.equal(at('---\ndate: 1714521600\n---\n'), 'date', 'a number is a Unix time to Hugo');
  assert.equal(at('+++\ndate = 2025-01-01T08:00:00Z\n+++\n'), 'date', 'a TOML date');
  assert.equal(at('---\nexpirydate: 2025-01-01\n---\n'), undefined);
  assert.equal(at('---\ndate: 2025-01-01\n---\n', { frontmatter: { date: [':filename', 'date'] } }), '2024-05-01');
  assert.equal(at('---\ndate: 2025-01-01\n---\n', { frontmatter: { date: [':filename', 'date'] } }, '/s/content/blog/post.md'), 'date');
  assert.equal(at('---\n---\n', { frontmatter: { date: [':fileModTime'] } }), 'file');
  assert.equal(at('---\n---\n', { enableGitInfo: true, frontmatter: { date: [':git'] } }), 'git');
  assert.equal(at('---\n---\n', { frontmatter: { date: [':git'] } }), undefined);
  assert.equal(pageDate(undefined, '/s/content/blog/post.md', frontMatterDates({})), undefined);
});
