import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { globBases, globMatcher } from '../../schemas/globs';
import type { LanguageService } from '../engine/service';
import { findSiteRoot } from '../engine/site';
import type { Workspace } from '../engine/types';

/** A file to check: a post of a folder or glob, or a file named explicitly (a post whatever its name). */
export interface Target {
  path: string;
}

export interface TargetProblem {
  input: string;
  message: string;
}

const SKIPPED_FOLDERS = ['**/node_modules/**', '**/.git/**'];

function toPosix(path: string): string {
  return path.split('\\').join('/');
}

/**
 * The posts of the Hugo site at `root`, as its config and preset select them, sorted.
 * `found` is told how many files the post globs matched, before the posts among them are picked.
 */
export async function postsOfSite(service: LanguageService, root: string, found: (files: number) => void = () => undefined): Promise<string[]> {
  const anchor = `${root}/postlint-probe`;
  const site = await service.siteFor(anchor);
  const config = await service.configFor(anchor, site);
  const postGlobs = service.postGlobs(site, config);
  // The post globs come with the site's config, which a pull request writes: they are never
  // handed to tinyglobby, whose matcher backtracks. It walks the folders the globs start from
  // with a fixed pattern, and the globs pick among the files on RE2 (schemas/globs.ts), in
  // time linear in the path. Globs cannot lead out of the site (the config schema refuses
  // `..` and absolute paths), and symlinked folders are not walked: Hugo does not follow
  // them in content either.
  const isPostPath = globMatcher(postGlobs);
  const walks = walkedFolders(postGlobs, root).map((folder) =>
    glob('**/*', { cwd: folder, absolute: true, dot: true, ignore: SKIPPED_FOLDERS, followSymbolicLinks: false }),
  );
  const paths = (await Promise.all(walks))
    .flat()
    .map(toPosix)
    .filter((path) => path.startsWith(`${root}/`) && isPostPath(path.slice(root.length + 1)));
  found(paths.length);
  return service.postsAmong(paths.sort());
}

/** The folders (absolute) that hold every file the globs can match, none inside another, so that no file is walked twice. */
function walkedFolders(globs: string[], root: string): string[] {
  const folders = [...new Set(globs.flatMap(globBases))]
    .map((base) => toPosix(resolve(root, base)))
    .filter((folder) => folder === root || folder.startsWith(`${root}/`))
    .sort();
  return folders.filter((folder) => !folders.some((other) => other !== folder && (other === root || folder.startsWith(`${other}/`))));
}

/**
 * Turns the command line's files, folders and globs into the files to check. A
 * folder or glob selects the posts in it; with nothing named, the posts of the
 * site around the working folder.
 */
export async function resolveTargets(
  service: LanguageService,
  workspace: Workspace,
  inputs: string[],
  cwd: string,
  /** Told how many files the folders and globs hold so far, before the posts among them are picked. */
  found: (files: number) => void = () => undefined,
): Promise<{ targets: Target[]; problems: TargetProblem[] }> {
  const chosen = new Set<string>();
  const problems: TargetProblem[] = [];
  let files = 0;
  const add = (path: string) => void chosen.add(path);

  if (inputs.length === 0) {
    const root = await findSiteRoot(workspace, toPosix(resolve(cwd, 'postlint-probe')));
    if (root === undefined) {
      problems.push({ input: cwd, message: 'no Hugo site found here or above: name the posts to check' });
    } else {
      for (const path of await postsOfSite(service, root, (count) => found((files += count)))) add(path);
    }
  }

  for (const input of inputs) {
    const absolute = toPosix(resolve(cwd, input));
    const stats = await fs.stat(absolute).catch(() => undefined);
    // A FIFO or a device named explicitly is a target too: reading it is refused, saying why.
    if (stats && !stats.isDirectory()) {
      add(absolute);
      continue;
    }
    let paths: string[];
    if (stats?.isDirectory()) {
      paths = await glob(['**/*.md', '**/*.markdown'], { cwd: absolute, absolute: true, ignore: SKIPPED_FOLDERS, followSymbolicLinks: false });
    } else if (isDynamicPattern(input)) {
      // A glob on the command line is written by the person running Postlint, not by a pull
      // request: tinyglobby may match it. (The site's own globs never reach it: postsOfSite.)
      paths = await glob(input, { cwd, absolute: true, ignore: SKIPPED_FOLDERS, followSymbolicLinks: false });
    } else {
      problems.push({ input, message: 'no such file or folder' });
      continue;
    }
    found((files += paths.length));
    const posts = await service.postsAmong(paths.map(toPosix).sort());
    if (posts.length === 0) problems.push({ input, message: 'no post matched' });
    for (const path of posts) add(path);
  }
  return { targets: [...chosen].sort().map((path) => ({ path })), problems };
}
