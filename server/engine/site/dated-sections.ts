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
 */
import { isMarkdownPath } from '../../../schemas/markdown-files';
import { splitPost } from '../frontmatter/frontmatter';
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
      if (!known(section) && (await holdsDatedPages(workspace, folder))) sections.push(section);
    }
  }
  return [...new Set(sections)].sort();
}

async function holdsDatedPages(workspace: Workspace, section: string): Promise<boolean> {
  const pages = await samplePages(workspace, section);
  if (pages.length < MIN_PAGES) return false;
  let dated = 0;
  for (const page of pages) if (await isDated(workspace, section, page)) dated++;
  return dated / pages.length >= DATED_SHARE;
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

async function isDated(workspace: Workspace, section: string, page: string): Promise<boolean> {
  const parts = relative(section, page).split('/');
  if (parts.some((part, index) => STARTS_WITH_DATE.test(part) || (index < parts.length - 1 && YEAR.test(part)))) return true;
  const text = await workspace.readFile(page);
  const data = text === undefined ? undefined : splitPost(text).frontMatter?.data;
  if (!data) return false;
  return Object.entries(data).some(([key, value]) => DATE_KEYS.has(key.toLowerCase()) && (value instanceof Date || STARTS_WITH_DATE.test(String(value).trim())));
}
