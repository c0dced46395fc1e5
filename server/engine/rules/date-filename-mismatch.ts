import { contentBaseName, fileNameDay, pageDate } from '../frontmatter/page-date';
import type { FrontMatterKey } from '../frontmatter/frontmatter';
import { defineRule } from '../rule';
import { urlSettings } from '../site/hugo-urls';
import { servedUrl } from '../site/page-url-data';
import { quoted } from '../text/quote';

/**
 * A file named for one day and dated another, where the name is in the post's address:
 * readers see one day in the address bar and another on the page. Where a permalink, a
 * `slug` or a `url` leaves the name out, no reader sees the name's day, so it is not a problem.
 */
export default defineRule({
  meta: {
    id: 'date-filename-mismatch',
    description: 'A file name that starts with a date (`YYYY-MM-DD-\u2026`) must name the same day as the post\u2019s date where the name is in the post\u2019s address.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  check({ post, site, report }) {
    // The name Hugo's `:filename` reads: a page bundle's folder name for its index.md.
    const baseName = contentBaseName(post.path);
    // A date that runs on into more digits (`2025-03-011`) is no whole date a reader sees.
    const fileDay = /^.{10}\d/.test(baseName) ? undefined : fileNameDay(baseName);
    const frontMatter = post.frontMatter;
    if (!fileDay || !frontMatter?.data) return;
    // The page date as Hugo finds it: `date`, else `publishDate`, `lastmod`… in the site's order.
    // A date Hugo takes from the file name itself, its modification time or git has nothing to disagree with here.
    const found = pageDate(frontMatter, post.path, site.dates);
    if (found?.from !== 'front matter') return;
    const span = frontMatter.valueAt([found.key.name])?.span;
    if (!span) return;
    // The day as written: a date with an offset must not move to another day in UTC.
    const day = /\d{4}-\d{2}-\d{2}/.exec(post.text.slice(span.start, span.end))?.[0];
    if (!day || day === fileDay) return;
    // The URL needs the site's settings only, not its index of pages.
    const url = servedUrl(post.path, frontMatter.data, urlSettings(site));
    if (!url?.includes(fileDay)) return;
    const source = addressSource(frontMatter.keys, frontMatter.data, fileDay);
    report({
      span,
      // A key the site's own `frontmatter` setting names may be long: the first sentence stays within 100 characters.
      message: `${source}, and so the post's address, says ${fileDay} but ${quoted(found.key.key, 16)} is ${day}. Change one of them so they agree.`,
    });
  },
});

/** What put the day in the address: a `url` or `slug` that writes it out (named as written), else the file name. */
function addressSource(keys: readonly FrontMatterKey[], data: Record<string, unknown>, fileDay: string): string {
  for (const name of ['url', 'slug']) {
    const pair = keys.find((key) => key.name === name);
    const value = pair === undefined ? undefined : (data[pair.name] ?? data[pair.key]);
    if (pair !== undefined && typeof value === 'string' && value.includes(fileDay)) return `The ${quoted(pair.key, 8)}`;
  }
  return 'The file name';
}
