import { lstatSync, readdirSync, type Stats } from 'node:fs';

/**
 * Folders of a site no check reads: packages and version control anywhere, and at the
 * site's root Hugo's output and its resource cache (`publishDir` and `resourceDir`, by
 * default) and hidden folders (`.github`, `.vscode`, the cache's own `.postlint-cache`).
 * Hidden files are kept (`.postlintrc.json`).
 *
 * Below the root these are the site's own: a section such as `content/docs/resources/`,
 * content in a hidden folder, `static/.well-known/`. Hugo publishes them, the engine's
 * page index reads them and the posts' walk finds them, so their changes must be seen.
 */
const UNREAD_ANYWHERE = new Set(['node_modules', '.git']);
const UNREAD_AT_ROOT = new Set(['public', 'resources']);

function unread(name: string, atRoot: boolean): boolean {
  return UNREAD_ANYWHERE.has(name) || (atRoot && (name.startsWith('.') || UNREAD_AT_ROOT.has(name)));
}

/**
 * Visits every file under `root` that a check may read, but those `leftOut` (the files
 * `--cache` writes, which may lie in the site), with its `lstat`, in the order of the
 * folders' listings (the same order each time while no folder changes), until `visit`
 * returns false. Kept apart from the cache's hashing (site-files.ts) because the
 * replay of a last run (last-run.ts) walks a site the same way before Postlint's bundle
 * is even loaded, and stops at the first file that differs.
 *
 * Asked one file at a time, synchronously: with the metadata in the OS's cache, as it
 * is after a checkout, 6,921 lstat calls took 35 ms so and 94 ms as promises 256 at a
 * time, whose callbacks cost this thread more than the calls save it.
 */
export function walkSite(root: string, leftOut: readonly string[], visit: (path: string, stats: Stats) => boolean | void): void {
  const folders = [root];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    const files: string[] = [];
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = `${folder}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!unread(entry.name, folder === root)) folders.push(path);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && !leftOut.includes(path)) files.push(path);
    }
    for (const path of files) {
      const stats = lstatSync(path, { throwIfNoEntry: false });
      // Gone since the folder was listed: as if it had not been there.
      if (stats && visit(path, stats) === false) return;
    }
  }
}
