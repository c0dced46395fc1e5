import { resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { globBases, globMatcher } from '../../schemas/globs';
import type { LanguageService } from '../engine/language-service';
import { toPosix } from './paths';

/** Folders no walk goes into: packages and version control are never posts. */
export const SKIPPED_FOLDERS = ['**/node_modules/**', '**/.git/**'];

/**
 * The posts of the Hugo site at `root`, as its config and preset select them, sorted.
 * `found` is told how many files the post globs matched, before the posts among them are picked.
 */
export async function postsOfSite(service: LanguageService, root: string, found: (files: number) => void = () => undefined): Promise<string[]> {
  const site = await service.siteOfFolder(root);
  const config = await service.configOfFolder(root, site);
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
