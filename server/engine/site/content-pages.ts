/**
 * Which files named on the command line are posts: the content pages among them, as
 * Hugo publishes pages. A list page (`_index.md`) lists others; a Markdown file inside
 * a leaf bundle other than its `index.md` is a resource Hugo never publishes; a file
 * outside the content mounts is no page at all.
 */
import type { Workspace } from '../types';
import { isLeafIndexFile, isLeafIndexName, placeOf, type UrlSettings } from './hugo-urls';
import { basename, dirname } from './paths';

/** Why a Markdown file is not a post: the words the CLI says when nothing matched. */
export type NotAPage = 'list page' | 'bundle resource' | 'outside the content folders' | 'ignored' | 'not in posts';

export type PageVerdict = 'page' | NotAPage;

/**
 * Judges the files of one command line: each folder is listed once, however many
 * files it holds (a blog folder holds thousands).
 */
export class ContentPages {
  /**
   * Folder → whether it holds a leaf bundle's index, in any language: the answer once it
   * is known, read without awaiting, the listing's promise until then. A blog's thousands
   * of posts share a few folders, and an await for each folder above each post was a large
   * part of the time a command line's posts took to pick (the verdicts 108 ms of 173 in a
   * CPU profile of 6,800 posts; 70 ms without those awaits).
   */
  private readonly leafIndexes = new Map<string, boolean | Promise<boolean>>();

  constructor(private readonly workspace: Workspace) {}

  /** Whether `path` is a content page that may be a post, and if not, why. */
  async verdict(path: string, settings: UrlSettings): Promise<PageVerdict> {
    const place = placeOf(path, settings);
    if (!place) return 'outside the content folders';
    // Named as Hugo reads it, without a language suffix: `_index.de.md` is a list page too.
    if (/^_index\./i.test(basename(place.rel))) return 'list page';
    return (await this.inLeafBundle(path, place.rel, settings)) ? 'bundle resource' : 'page';
  }

  /**
   * Whether a folder above the file, within its place in the content tree, holds a leaf
   * bundle's `index`, the file not being that index: in any of the site's languages,
   * `index.de.md` beside `index.md` is the bundle's German page, not a resource.
   */
  private async inLeafBundle(path: string, rel: string, settings: UrlSettings): Promise<boolean> {
    const ownFolder = dirname(path);
    const isIndex = isLeafIndexName(basename(rel));
    let folder = ownFolder;
    for (let depth = rel.split('/').length - 1; depth > 0; depth--) {
      const known = this.holdsLeafIndex(folder, settings);
      // Awaiting a known answer would still wait a turn: only a listing under way is awaited.
      const holdsIndex = typeof known === 'boolean' ? known : await known;
      if (holdsIndex && !(isIndex && folder === ownFolder)) return true;
      folder = dirname(folder);
    }
    return false;
  }

  private holdsLeafIndex(folder: string, settings: UrlSettings): boolean | Promise<boolean> {
    let holds = this.leafIndexes.get(folder);
    if (holds === undefined) {
      holds = this.workspace.readDirectory(folder).then((entries) => {
        const found = entries.some((entry) => entry.kind === 'file' && isLeafIndexFile(folder, entry.name, (path) => placeOf(path, settings)));
        this.leafIndexes.set(folder, found);
        return found;
      });
      this.leafIndexes.set(folder, holds);
    }
    return holds;
  }
}

const NAMES: Record<NotAPage, [string, string]> = {
  'list page': ['list page (`_index.md`)', 'list pages (`_index.md`)'],
  'bundle resource': ['page bundle resource', 'page bundle resources'],
  'outside the content folders': ['file outside the content folders', 'files outside the content folders'],
  ignored: ['file the config ignores', 'files the config ignores'],
  'not in posts': ['file that is not one of the site\u2019s posts', 'files that are not among the site\u2019s posts'],
};

/** How many of each kind of file that is not a post: `1 list page (\`_index.md\`), 2 page bundle resources`. */
function heldFiles(skipped: ReadonlyMap<NotAPage, number>): string {
  return [...skipped].map(([why, count]) => `${count} ${NAMES[why][count === 1 ? 0 : 1]}`).join(', ');
}

/** The most content adapters a message names; a folder of many adapters says how many more. */
const NAMED_ADAPTERS = 3;

/**
 * The message for a folder whose pages a content adapter makes. Hugo makes them when the
 * site is built, so no Markdown post there is no mistake of the folder's name or of the
 * config, and `posts` would not help: the usual advice would mislead.
 */
function adapterMessage(skipped: ReadonlyMap<NotAPage, number>, adapters: readonly string[]): string {
  const named = adapters.slice(0, NAMED_ADAPTERS).map((adapter) => `\`${adapter}\``).join(', ');
  const more = adapters.length > NAMED_ADAPTERS ? ` and ${adapters.length - NAMED_ADAPTERS} more` : '';
  const held = skipped.size === 0 ? '' : `${heldFiles(skipped)} and `;
  const which = adapters.length === 1 ? 'the content adapter' : 'the content adapters';
  return `no post matched: it holds ${held}${which} ${named}${more}, from which Hugo makes its pages when the site is built, so there is no Markdown post here to check. Name a folder of Markdown posts instead`;
}

/**
 * The message for a folder or glob that holds no post: what was found, and what to do.
 * `adapters` are the content adapters in a named folder, as the message should show them.
 */
export function noPostMessage(skipped: ReadonlyMap<NotAPage, number>, adapters: readonly string[] = []): string {
  if (adapters.length > 0) return adapterMessage(skipped, adapters);
  if (skipped.size === 0) return 'no post matched: it holds no Markdown files';
  return `no post matched: it holds ${heldFiles(skipped)}. Name a folder of content pages, or say which files are posts with \`posts\` in .postlintrc.json`;
}
