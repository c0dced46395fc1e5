/**
 * The top-level sections of a site that hold dated pages: its blogs, whatever their
 * names (`news/`, `articles/`, `updates/`). A preset that finds posts this way (`hugo`)
 * does not have to guess the folder's name.
 *
 * How it decides: in each top-level folder of a content mount at the root of the
 * content tree, up to SAMPLE pages (not list pages), nearest first, are read; the
 * section holds posts when at least MIN_PAGES were found and at least DATED_SHARE of
 * them carry a date (`date`, `publishDate`, `pubdate`, `published`, in any case, a value
 * that starts with YYYY-MM-DD) or a file or folder name that starts with one, or sit in
 * a folder named for a year. Docs
 * and landing pages seldom carry dates; posts nearly always do.
 *
 * Some docs carry dates all the same (a theme's archetype writes one; a build step stamps
 * every page), so dates alone are not enough. A page whose front matter sets `type: docs`
 * is laid out as docs, whatever its folder or date (kubernetes.dev keeps each summit's
 * FAQ, venue and schedule pages in `events/2024/…`). A section is not a blog when:
 * - it is named `docs`, `doc` or `documentation`: Hugo gives its pages that type, and the
 *   themes made for docs (Docsy, Hextra, Book, Doks) lay them out as docs;
 * - most of its pages set `weight`: they are ordered by hand, as Hugo lists pages by
 *   weight first, the way docs are ordered; a blog lists by date (pages named by their
 *   dates are a blog's all the same; pages in a year's folder are not: a folder per
 *   year holds an event's pages as well as a year's posts);
 * - every dated page carries the same date from its front matter: a date stamped by a
 *   build step, not written by authors (a blog's posts are written on different days).
 */
import { isMarkdownPath } from '../../../schemas/markdown-files';
import { splitPost } from '../frontmatter/frontmatter';
import { valueOfKey } from '../frontmatter/key-case';
import type { Workspace } from '../types';
import { mountReadable } from './content-mounts';
import type { UrlSettings } from './hugo-urls';
import { join, relative } from './paths';
import type { Site } from './site';

const SAMPLE = 12;
const MIN_PAGES = 3;
const DATED_SHARE = 0.8;
/** Folders looked into per section, so that a deep tree of assets costs little. */
const MAX_FOLDERS = 50;
const DATE_KEYS = new Set(['date', 'publishdate', 'pubdate', 'published']);
/** Section names whose pages Hugo types as docs, and the docs themes lay out as such; a page's `type` too. */
const DOCS_SECTIONS = new Set(['docs', 'doc', 'documentation']);
/** The share of pages that set `weight` above which a section is ordered by hand. */
const WEIGHTED_SHARE = 0.5;
const STARTS_WITH_DATE = /^\d{4}-\d{2}-\d{2}/;
/** A folder of a year's posts (`2024/`), as many blogs keep them. */
const YEAR = /^(19|20)\d{2}$/;

/** The site-relative folders of the sections that hold dated pages, sorted; those `known` already holds posts are not read. */
export async function datedSections(workspace: Workspace, site: Site, settings: UrlSettings, known: (folder: string) => boolean): Promise<string[]> {
  const sections: string[] = [];
  for (const mount of settings.mounts) {
    if (mount.target !== '' || !mountReadable(site.root, mount)) continue;
    for (const entry of await workspace.readDirectory(mount.source)) {
      if (entry.kind !== 'directory' || /^[._]/.test(entry.name)) continue;
      const folder = join(mount.source, entry.name);
      const section = relative(site.root, folder);
      if (!known(section) && !DOCS_SECTIONS.has(entry.name.toLowerCase()) && (await holdsDatedPages(workspace, folder))) sections.push(section);
    }
  }
  return [...new Set(sections)].sort();
}

async function holdsDatedPages(workspace: Workspace, section: string): Promise<boolean> {
  const pages = await samplePages(workspace, section);
  if (pages.length < MIN_PAGES) return false;
  const signs = await Promise.all(pages.map((page) => pageSigns(workspace, section, page)));
  const share = (test: (sign: PageSigns) => boolean) => signs.filter(test).length / pages.length;
  if (share((sign) => sign.dated) < DATED_SHARE) return false;
  // Posts named by their dates (`2024-05-01-trip.md`) are a blog's however they are ordered.
  if (share((sign) => sign.namedByDate === true) >= DATED_SHARE) return true;
  return share((sign) => sign.weighted) <= WEIGHTED_SHARE && !stamped(signs);
}

/** What a sampled page says of its section: dated (by name or front matter), the date it writes, ordered by `weight`. */
interface PageSigns {
  dated: boolean;
  /** Whether its file's name or a folder's starts with a date (`2024-05-01-trip.md`). */
  namedByDate?: boolean;
  /** The date its front matter gives, as written; undefined when its name dates it or it has none. */
  frontMatterDate?: string;
  weighted: boolean;
}

/** Every dated page dated by its front matter, all with one and the same date: stamped, not written. */
function stamped(signs: PageSigns[]): boolean {
  const dates = signs.filter((sign) => sign.dated).map((sign) => sign.frontMatterDate);
  return dates.length >= MIN_PAGES && dates.every((date) => date !== undefined && date === dates[0]);
}

/** Up to SAMPLE Markdown pages under `section`, folder by folder, nearest first. */
async function samplePages(workspace: Workspace, section: string): Promise<string[]> {
  const pages: string[] = [];
  const folders = [section];
  for (let visited = 0; visited < folders.length && visited < MAX_FOLDERS && pages.length < SAMPLE; visited++) {
    const entries = (await workspace.readDirectory(folders[visited])).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const path = join(folders[visited], entry.name);
      if (entry.kind === 'directory') folders.push(path);
      else if (isMarkdownPath(entry.name) && !/^_index\./i.test(entry.name) && pages.length < SAMPLE) pages.push(path);
    }
  }
  return pages;
}

async function pageSigns(workspace: Workspace, section: string, page: string): Promise<PageSigns> {
  const text = await workspace.readFile(page);
  const data = text === undefined ? undefined : splitPost(text).frontMatter?.data;
  const weighted = data !== undefined && Object.keys(data).some((key) => key.toLowerCase() === 'weight');
  const type = valueOfKey(data, 'type');
  if (typeof type === 'string' && DOCS_SECTIONS.has(type.toLowerCase())) return { dated: false, weighted };
  const parts = relative(section, page).split('/');
  if (parts.some((part) => STARTS_WITH_DATE.test(part))) return { dated: true, namedByDate: true, weighted };
  const date = Object.entries(data ?? {}).find(([key, value]) => DATE_KEYS.has(key.toLowerCase()) && (value instanceof Date || STARTS_WITH_DATE.test(String(value).trim())));
  if (!date) return { dated: parts.slice(0, -1).some((part) => YEAR.test(part)), weighted };
  return { dated: true, frontMatterDate: date[1] instanceof Date ? date[1].toISOString() : String(date[1]).trim(), weighted };
}
