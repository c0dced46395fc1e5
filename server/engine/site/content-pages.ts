/**
 * Which files named on the command line are posts: the content pages among them, as
 * Hugo publishes pages. A list page (`_index.md`) lists others; a Markdown file inside
 * a leaf bundle other than its `index.md` is a resource Hugo never publishes; a file
 * outside the content mounts is no page at all.
 */
import type { Workspace } from '../types';
import { contentExtension, placeOf, type UrlSettings } from './hugo-urls';
import { basename, dirname, join } from './paths';

/** Why a Markdown file is not a post: the words the CLI says when nothing matched. */
export type NotAPage = 'list page' | 'bundle resource' | 'outside the content folders' | 'ignored' | 'not in posts';

export type PageVerdict = 'page' | NotAPage;

/**
 * Judges the files of one command line: each folder is listed once, however many
 * files it holds (a blog folder holds thousands).
 */
export class ContentPages {
  /** Folder → the leaf bundle index it holds, if any. */
  private readonly leafIndexes = new Map<string, Promise<string | undefined>>();

  constructor(private readonly workspace: Workspace) {}

  /** Whether `path` is a content page that may be a post, and if not, why. */
  async verdict(path: string, settings: UrlSettings): Promise<PageVerdict> {
    const place = placeOf(path, settings);
    if (!place) return 'outside the content folders';
    if (/^_index\./i.test(basename(path))) return 'list page';
    return (await this.inLeafBundle(path, place.rel)) ? 'bundle resource' : 'page';
  }

  /** Whether a folder above the file, within its place in the content tree, holds a leaf bundle's `index` (and the file is not that index). */
  private async inLeafBundle(path: string, rel: string): Promise<boolean> {
    let folder = dirname(path);
    for (let depth = rel.split('/').length - 1; depth > 0; depth--) {
      const index = await this.leafIndexOf(folder);
      if (index !== undefined && index !== path) return true;
      folder = dirname(folder);
    }
    return false;
  }

  private leafIndexOf(folder: string): Promise<string | undefined> {
    let index = this.leafIndexes.get(folder);
    if (!index) {
      index = this.workspace.readDirectory(folder).then((entries) => {
        const found = entries.find((entry) => entry.kind === 'file' && isLeafIndex(entry.name));
        return found && join(folder, found.name);
      });
      this.leafIndexes.set(folder, index);
    }
    return index;
  }
}

/** `index` with any content suffix Hugo reads (`index.md`, `index.mdown`, `index.html`): a leaf bundle's page. */
function isLeafIndex(name: string): boolean {
  const extension = contentExtension(name);
  return extension !== undefined && name.slice(0, -extension.length).toLowerCase() === 'index';
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
