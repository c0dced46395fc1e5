import { basename, dirname } from '../site/paths';
import { fileNameDate, isDateValue, isEmptyValue } from '../site/file-name-date';
import type { FrontMatterDates } from '../site/front-matter-dates';
import type { FrontMatter, FrontMatterKey } from './frontmatter';

/**
 * The page date as Hugo finds it: the first source of the site's `frontmatter.date`
 * list that gives one (by default `date`, `publishdate`, `pubdate`, `published`,
 * `lastmod`, `modified`). A date from the file's modification time or from git is
 * known to exist, not its value.
 */
export type PageDate =
  | { from: 'front matter'; key: FrontMatterKey }
  | { from: 'file name'; day: string }
  | { from: 'file' | 'git' };

/**
 * The name Hugo reads a date from (`ContentBaseName`): the file's name without its
 * extension, or the folder's name for a page bundle's `index.md` or `_index.md`
 * (`index.fr.md` too). A language code before the extension (`2024-05-01-post.en.md`)
 * is kept: only the start of the name is ever read.
 */
export function contentBaseName(path: string): string {
  const name = basename(path);
  const stem = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : name;
  const first = stem.split('.')[0];
  return first === 'index' || first === '_index' ? basename(dirname(path)) : stem;
}

/**
 * The day a content base name starts with, as Hugo's `:filename` reads it: a real
 * date `YYYY-MM-DD` (optionally followed by a time, `-HH-MM-SS`), else undefined.
 */
export function fileNameDay(baseName: string): string | undefined {
  return fileNameDate(baseName)?.day;
}

/** The front matter key written for a source of the list (a lower-case key), with its value; undefined when not written. */
function written(frontMatter: FrontMatter | undefined, source: string): { key: FrontMatterKey; value: unknown } | undefined {
  const key = frontMatter?.keys.find((candidate) => candidate.key.toLowerCase() === source);
  return key && { key, value: frontMatter?.data?.[key.name] };
}

/** The page date Hugo finds for a post at `path`, trying the sources in order; undefined when none gives one. */
export function pageDate(frontMatter: FrontMatter | undefined, path: string, dates: FrontMatterDates): PageDate | undefined {
  for (const source of dates.date) {
    if (source === ':filename') {
      const day = fileNameDay(contentBaseName(path));
      if (day) return { from: 'file name', day };
    } else if (source === ':filemodtime') {
      // Every file has one.
      return { from: 'file' };
    } else if (source === ':git') {
      // A committed file has an author date, when the site asks Hugo for git info.
      if (dates.gitInfo) return { from: 'git' };
    } else {
      const found = written(frontMatter, source);
      // Hugo skips a key with no value, and goes on past one that is not a date (after logging an error).
      if (found && !isEmptyValue(found.value) && isDateValue(found.value)) return { from: 'front matter', key: found.key };
    }
  }
  return undefined;
}

/**
 * Whether the post writes a front matter key the page date is taken from, with a date
 * or not: a value that is not a date is reported on itself (frontmatter-schema), not
 * as a missing date as well.
 */
export function writesDateKey(frontMatter: FrontMatter | undefined, dates: FrontMatterDates): boolean {
  return dates.date.some((source) => !source.startsWith(':') && written(frontMatter, source) !== undefined);
}
