import { statSync } from 'node:fs';
import type { ParseArgsConfig } from 'node:util';
import { resolvePosix } from '../node/paths';

/** A command line Postlint cannot run: said in one line, exit 2. */
export class UsageError extends Error {}

/**
 * The options of `postlint check`, as `parseArgs` takes them: the CLI parses its command
 * line with them, and so does the replay of a last run (cache/last-run.ts), which must
 * find the same cache file before any of the CLI is loaded.
 */
export const CHECK_OPTIONS = {
  format: { type: 'string', multiple: true, default: [] as string[] },
  'output-file': { type: 'string', short: 'o' },
  config: { type: 'string' },
  'max-warnings': { type: 'string' },
  'max-file-size': { type: 'string' },
  quiet: { type: 'boolean', default: false },
  fix: { type: 'boolean', default: false },
  'fix-dry-run': { type: 'boolean', default: false },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  'changed-since': { type: 'string' },
  cache: { type: 'boolean', default: false },
  'cache-location': { type: 'string' },
  'check-external': { type: 'boolean', default: false },
  'no-cache': { type: 'boolean', default: false },
} satisfies ParseArgsConfig['options'];

/** `--cache` keeps its results here, in the folder the run starts in (the dead-link check keeps its own beside them). */
const CACHE_FOLDER = '.postlint-cache';
const CACHE_FILE = 'results.json';

/** Where `--cache` keeps its results: `--cache-location`, a file or a folder, or `.postlint-cache/` where the run starts. */
export function cacheFileOf(options: { cache: boolean; 'cache-location'?: string }, cwd: string): string | undefined {
  const location = options['cache-location'];
  if (!options.cache) {
    if (location !== undefined) throw new UsageError('--cache-location needs --cache');
    return undefined;
  }
  const path = resolvePosix(cwd, location ?? CACHE_FOLDER);
  const folder = location === undefined || location.endsWith('/') || statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
  return folder ? `${path}/${CACHE_FILE}` : path;
}
