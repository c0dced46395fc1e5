/**
 * A site's taxonomies, language by language, as Hugo reads them: their plural names
 * (`tags`, `categories`) are the front matter keys a page lists its terms under, and
 * the folders of the taxonomy and term pages Hugo generates from those terms.
 */
import { isRecord, setting } from './config-values';

/** Hugo's taxonomies when the site sets none. */
const DEFAULT_TAXONOMIES = ['tags', 'categories'];

/** The key of a config map that tells Hugo how to merge it (`_merge: deep`), not an entry. */
const MERGE_KEY = '_merge';

/**
 * The plural names of a `taxonomies` mapping (`{ tag: tags }`), lower-cased as Hugo
 * builds their paths; undefined when the value is no mapping (Hugo then keeps what it had).
 */
function pluralsOf(value: unknown): string[] | undefined {
  if (!isRecord(value)) return undefined;
  return Object.entries(value)
    .filter((entry): entry is [string, string] => entry[0] !== MERGE_KEY && typeof entry[1] === 'string' && entry[1] !== '')
    .map(([, plural]) => plural.toLowerCase());
}

/**
 * The taxonomies of one language. Its own `taxonomies` replace the site's: Hugo merges a
 * language's config maps into the site's with the strategy `none`, unless the map says
 * `_merge: deep`, which adds the site's entries it lacks. Without its own, the site's.
 */
function languageTaxonomies(own: unknown, site: unknown): string[] {
  const sitePlurals = pluralsOf(site) ?? DEFAULT_TAXONOMIES;
  if (!isRecord(own)) return sitePlurals;
  const plurals = pluralsOf(own)!;
  if (setting(own, MERGE_KEY) !== 'deep' || !isRecord(site)) return plurals;
  const singulars = new Set(Object.keys(own).map((singular) => singular.toLowerCase()));
  const lacking = Object.fromEntries(Object.entries(site).filter(([singular]) => !singulars.has(singular.toLowerCase())));
  return [...plurals, ...pluralsOf(lacking)!];
}

/**
 * The plural names of the taxonomies of each language (by its lower-case key), from the
 * site's `taxonomies` and each `languages.<key>.taxonomies`.
 */
export function taxonomiesByLanguage(config: Record<string, unknown>, languageKeys: readonly string[]): Map<string, string[]> {
  const site = setting(config, 'taxonomies');
  const languages = setting(config, 'languages');
  return new Map(languageKeys.map((key) => [key, languageTaxonomies(setting(setting(languages, key), 'taxonomies'), site)]));
}
