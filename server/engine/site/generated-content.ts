/**
 * Content a build step writes before Hugo runs: pages copied from other repositories,
 * command references generated from a CLI. Such files are in no checkout, and sites say
 * so the way git needs it said, in a `.gitignore`. Links to the pages they would make
 * cannot be checked here, so they are "not verified" rather than "broken".
 */
import { contentExtension } from './hugo-urls';
import { join } from './paths';

/** A place in the content tree that a `.gitignore` says is filled at build time. */
export interface GeneratedPlace {
  /** Absolute: a content file, or the folder whose contents are generated. */
  target: string;
  /** True when `target` is a folder: everything under it may be generated. */
  folder: boolean;
  /** True when the pattern holds wildcards: which files it names cannot be known without the build. */
  glob: boolean;
  /** The pattern as written, for the message. */
  pattern: string;
}

/** Lines past this are not read: a pull request could hand in a `.gitignore` of any length. */
const MAX_LINES = 1_000;
const WILDCARD = /[*?[]/;

/**
 * The patterns of a `.gitignore` in `folder` (the site root or a content folder) that can
 * name content: a Markdown or HTML content file, a folder, or a name ending in a wildcard
 * (`flux*`). Negations and comments are skipped. A pattern with no slash is taken in
 * `folder` only (git would match it at any depth below: the pages it makes elsewhere are
 * then still reported, as before). Wildcards before the last segment, and `**`, cut the
 * pattern there: the folder above is the place.
 */
export function generatedPlaces(text: string, folder: string): GeneratedPlace[] {
  const places: GeneratedPlace[] = [];
  for (const line of text.split('\n').slice(0, MAX_LINES)) {
    const pattern = line.trim();
    if (pattern === '' || pattern.startsWith('#') || pattern.startsWith('!') || pattern.includes('\\')) continue;
    const place = generatedPlaceOf(pattern, folder);
    if (place) places.push(place);
  }
  return places;
}

function generatedPlaceOf(pattern: string, folder: string): GeneratedPlace | undefined {
  const isFolder = pattern.endsWith('/');
  const segments = pattern.split('/').filter((segment) => segment !== '');
  if (segments.length === 0 || segments.some((segment) => segment === '..' || segment === '.')) return undefined;
  const cut = segments.findIndex((segment, index) => segment === '**' || (WILDCARD.test(segment) && index < segments.length - 1));
  if (cut >= 0) {
    // `a/*/b.md` or `a/**`: the folder before the wildcard is as far as anything is known.
    if (cut === 0) return undefined;
    return { target: join(folder, ...segments.slice(0, cut)), folder: true, glob: true, pattern };
  }
  const last = segments[segments.length - 1];
  const glob = WILDCARD.test(last);
  const content = isFolder || contentExtension(last) !== undefined || (glob && last.endsWith('*'));
  if (!content) return undefined;
  // A wildcard name stands for files in its folder: that folder is the place.
  if (glob) return segments.length > 1 ? { target: join(folder, ...segments.slice(0, -1)), folder: true, glob, pattern } : { target: folder, folder: true, glob, pattern };
  return { target: join(folder, ...segments), folder: isFolder, glob: false, pattern };
}
