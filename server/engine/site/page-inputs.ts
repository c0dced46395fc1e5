import type { UrlData } from './page-url-data';

/**
 * What each content file's front matter says of its URL (`UrlData`), remembered between
 * runs by an adapter that can tell a file has not changed since (the CLI's `--cache`, by
 * content hash). Building a site's index reads every content file for these few values;
 * with them remembered, a run in which one post changed reads one file, not thousands.
 *
 * The engine only asks and tells: an answer it does not get, it reads from the file, so
 * an adapter that remembers nothing (or forgets) changes nothing but the time taken.
 */
export interface PageInputs {
  /** What `file` said for `keys` (`keysNeeded`) when last read, if it has not changed since; else undefined. */
  recall(file: string, keys: readonly string[]): UrlData | undefined;
  /** What `file` says for `keys`, just read from it. */
  remember(file: string, keys: readonly string[], data: UrlData): void;
}
