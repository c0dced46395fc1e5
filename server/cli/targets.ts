import { promises as fs } from 'node:fs';
import { relative } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { MARKDOWN_NAME_GLOB, otherContentFormat } from '../../schemas/markdown-files';
import type { LanguageService } from '../engine/language-service';
import { noPostMessage } from '../engine/site/content-pages';
import { CONTENT_ADAPTER } from '../engine/site/hugo-urls';
import { resolvePosix, toPosix } from '../node/paths';
import { postsOfSite, SKIPPED_FOLDERS } from '../node/site-posts';

/** A file to check: a post of a folder or glob, or a file named explicitly (a post whatever its name). */
export interface Target {
  path: string;
}

export interface TargetProblem {
  input: string;
  message: string;
}

/** A file named on the command line that Postlint does not check: a page Hugo builds from another markup than Markdown. */
export interface NotChecked {
  input: string;
  /** The name of its content format: `Org-mode`, `AsciiDoc`. */
  format: string;
}

/** The folder a glob starts from: its segments before the first with a wildcard (`content/news/**\/*.md` → `content/news`). */
function globBase(glob: string): string {
  const segments = glob.split('/');
  const wild = segments.findIndex((segment) => isDynamicPattern(segment));
  return segments.slice(0, wild < 0 ? segments.length - 1 : wild).join('/') || '.';
}

/**
 * The content adapters in a folder named on the command line, from the working folder:
 * they are why a folder of pages holds no Markdown post.
 */
async function adaptersIn(service: LanguageService, folder: string, cwd: string): Promise<string[]> {
  const files = await glob([`**/${CONTENT_ADAPTER}`], { cwd: folder, absolute: true, ignore: SKIPPED_FOLDERS, followSymbolicLinks: false });
  const adapters = await service.contentAdaptersAmong(files.map(toPosix).sort());
  return adapters.map((path) => toPosix(relative(cwd, path)));
}

/**
 * Turns the command line's files, folders and globs into the files to check. A
 * folder or glob selects the content pages in it; with nothing named, the posts of
 * the site around the working folder, as its config and preset choose them.
 */
export async function resolveTargets(
  service: LanguageService,
  inputs: string[],
  cwd: string,
  /** Told how many files the folders and globs hold so far, before the posts among them are picked. */
  found: (files: number) => void = () => undefined,
): Promise<{ targets: Target[]; problems: TargetProblem[]; notChecked: NotChecked[] }> {
  const chosen = new Set<string>();
  const problems: TargetProblem[] = [];
  const notChecked: NotChecked[] = [];
  let files = 0;
  const add = (path: string) => void chosen.add(path);

  if (inputs.length === 0) {
    const root = await service.siteRootOf(toPosix(cwd));
    if (root === undefined) {
      problems.push({ input: cwd, message: 'no Hugo site found here or above: name the posts to check' });
    } else {
      for (const path of await postsOfSite(service, root, (count) => found((files += count)))) add(path);
    }
  }

  for (const input of inputs) {
    const absolute = resolvePosix(cwd, input);
    const stats = await fs.stat(absolute).catch(() => undefined);
    // A FIFO or a device named explicitly is a target too: reading it is refused, saying why.
    if (stats && !stats.isDirectory()) {
      // Hugo builds an Org-mode or AsciiDoc page as it is: Postlint reads Markdown only, and says so rather than advise a rewrite.
      const format = otherContentFormat(absolute);
      if (format !== undefined) notChecked.push({ input, format });
      else add(absolute);
      continue;
    }
    let paths: string[];
    if (stats?.isDirectory()) {
      paths = await glob([`**/${MARKDOWN_NAME_GLOB}`], { cwd: absolute, absolute: true, ignore: SKIPPED_FOLDERS, followSymbolicLinks: false });
    } else if (isDynamicPattern(input)) {
      // A glob on the command line is written by the person running Postlint, not by a pull
      // request: tinyglobby may match it. (The site's own globs never reach it: postsOfSite.)
      paths = await glob(input, { cwd, absolute: true, ignore: SKIPPED_FOLDERS, followSymbolicLinks: false });
    } else {
      problems.push({ input, message: 'no such file or folder' });
      continue;
    }
    found((files += paths.length));
    // What a person names is checked as they named it: every content page in it is a post.
    const named = stats?.isDirectory() ? absolute : resolvePosix(cwd, globBase(input));
    const { posts, skipped } = await service.namedPostsAmong(paths.map(toPosix).sort(), toPosix(named));
    if (posts.length === 0) {
      const adapters = stats?.isDirectory() ? await adaptersIn(service, absolute, cwd) : [];
      problems.push({ input, message: noPostMessage(skipped, adapters) });
    }
    for (const path of posts) add(path);
  }
  return { targets: [...chosen].sort().map((path) => ({ path })), problems, notChecked };
}
