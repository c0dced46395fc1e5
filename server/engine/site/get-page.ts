import { contentExtension, pageShape } from './hugo-urls';
import { dirname, join, normalize } from './paths';

/** The path without the content suffix Hugo's `GetPage` drops (any content format's, as in the page index). */
function withoutContentExtension(path: string): string {
  return path.slice(0, path.length - (contentExtension(path)?.length ?? 0));
}

/**
 * The content paths (lower case, no extension, from the content folder) that Hugo's
 * `GetPage` tries, in order, for `path` written on the page at `rel`: from the content
 * folder when it starts with `/`; else first from the folder that holds the page (a
 * leaf bundle's parent, a section's own folder, or the bundle itself for `../x.md`),
 * then, unless it starts with `.`, from the content folder.
 */
export function getPageCandidates(rel: string, path: string): string[] {
  const bare = path.replace(/\/+$/, '').toLowerCase();
  const strip = (candidate: string) => {
    const stripped = normalize(candidate).replace(/^\/+/, '');
    return stripped === '.' ? '' : withoutContentExtension(stripped);
  };
  if (bare.startsWith('/')) return [strip(bare)];
  const shape = pageShape(rel);
  const ownFolder = dirname(rel);
  const leafBundle = shape.bundle && shape.kind === 'page';
  const base = leafBundle && !(contentExtension(bare) !== undefined && bare.startsWith('../')) ? dirname(ownFolder) : ownFolder;
  const fromPage = strip(join(base === '.' ? '' : base, bare));
  return bare.startsWith('.') ? [fromPage] : [fromPage, strip(bare)];
}
