import { isRecord, setting } from './hugo-urls';

/**
 * Where Hugo takes a page's dates from: its `frontmatter` setting, read as Hugo reads
 * it (resources/page/pagemeta). Each list holds front matter keys in lower case and
 * the special sources `:filename`, `:filemodtime` and `:git`, in the order tried:
 * the first that gives a date wins.
 */
export interface FrontMatterDates {
  date: string[];
  publishDate: string[];
  lastmod: string[];
  expiryDate: string[];
  /** `enableGitInfo`: without it, `:git` gives no date. */
  gitInfo: boolean;
}

type DateName = Exclude<keyof FrontMatterDates, 'gitInfo'>;

/** Hugo's lists when the site says nothing, and what `:default` stands for in each. */
const DEFAULTS: Record<DateName, readonly string[]> = {
  date: ['date', 'publishdate', 'lastmod'],
  publishDate: ['publishdate', 'date'],
  lastmod: [':git', 'lastmod', 'date', 'publishdate'],
  expiryDate: ['expirydate'],
};

/** Keys Hugo reads after each key of a list, wherever the list names it. */
const ALIASES: Record<string, readonly string[]> = {
  publishdate: ['pubdate', 'published'],
  lastmod: ['modified'],
  expirydate: ['unpublishdate'],
};

const DATE_NAMES = Object.keys(DEFAULTS) as DateName[];

/** The site's `frontmatter` setting (key and values in any case), with Hugo's defaults for what it leaves out. */
export function frontMatterDates(config: Record<string, unknown>): FrontMatterDates {
  const frontmatter = setting(config, 'frontmatter');
  const configured = isRecord(frontmatter) ? frontmatter : {};
  const dates = { gitInfo: setting(config, 'enableGitInfo') === true } as FrontMatterDates;
  for (const name of DATE_NAMES) {
    const given = setting(configured, name);
    const list = given === undefined ? [...DEFAULTS[name]] : stringList(given).map((value) => value.toLowerCase());
    dates[name] = withAliases(list.flatMap((value) => (value === ':default' ? DEFAULTS[name] : [value])));
  }
  return dates;
}

/** As Go's cast.ToStringSlice: a list's items as text, or a string's words. */
function stringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.split(/\s+/).filter((word) => word !== '');
  return [];
}

/** Each key followed by its aliases, every value once, in the first place it comes. */
function withAliases(list: readonly string[]): string[] {
  return [...new Set(list.flatMap((value) => [value, ...(ALIASES[value] ?? [])]))];
}
