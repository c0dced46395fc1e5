import { append } from '../append';
import { pathKey, type UrlSettings } from './hugo-urls';
import type { SitePagesData } from './site-pages-data';

/**
 * The one place a broken path was most likely meant to reach: the only file of
 * that name (`/images/x.png` → `/img/x.png`), or the only page made from a file
 * of that name (`/guides/strategy/` → the page of `guides/strategy.md`).
 */
export function likelyTarget(index: SitePagesData, settings: UrlSettings, key: string): string | undefined {
  const last = key.split('/').pop() ?? '';
  if (last === '') return undefined;
  const files = index.filesByName.get(last) ?? filesNamedLike(index, last);
  if (files.length === 1 && pathKey(files[0]) !== key) return files[0];
  // Translations share a file name: only the page in the link's language is meant.
  const language = settings.languages.find((candidate) => candidate.prefix !== '' && key.startsWith(`${candidate.prefix}/`));
  const pages = [...new Set(index.pagesByName.get(last) ?? [])].filter((page) => page.prefix === (language?.prefix ?? ''));
  if (files.length === 0 && pages.length === 1 && pathKey(pages[0].url) !== key) return pages[0].url;
  return undefined;
}

/** Files whose name extends the one wanted (`photo.jpg.jpg`, `photo.jpg.webp` for `photo.jpg`). */
function filesNamedLike(index: SitePagesData, name: string): string[] {
  if (!name.includes('.')) return [];
  const found: string[] = [];
  for (const [candidate, paths] of index.filesByName) if (candidate.startsWith(`${name}.`)) append(found, paths);
  return found;
}
