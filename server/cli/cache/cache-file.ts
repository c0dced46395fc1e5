import { writeFileAtomically } from '../../node/atomic-write';
import { asciiJson } from '../formatters/escape';
import { readRegularFile } from '../../node/node-workspace';
import { encodePost, isStoredPost, isStrings, StoredResult, StringTable, type CachedPost, type StoredPost } from './stored-results';

export type { CachedPost };

/**
 * The file `--cache` keeps between runs: what each file of the checked sites looked
 * like, and each post's result. Paths are relative to the folder the run started in,
 * so a CI cache restored into another checkout path still matches.
 */
export interface CacheData {
  /** Which Postlint and which options wrote it (`runKey`): any other run starts afresh. */
  run: string;
  files: Map<string, FileState>;
  /** By path; each post's hash is its file's. */
  posts: Map<string, CachedPost>;
  /** The posts the command line's inputs (`inputs`, as JSON) named last time: while no file of the sites came or went, and none that touches every post changed, they still do. */
  targets?: { inputs: string; paths: string[] };
  /** The key lists the files' `inputs` name by position (`InputKeys`). */
  inputKeys: string[];
  /** The table the stored posts' strings index (`StringTable`): a run with few changes goes on with it. */
  strings: string[];
  /** How many posts' results were added to that table since it was last made anew: each may have left strings no post uses. */
  postsSinceFresh: number;
}

/** A file of a site as the last run saw it. */
export interface FileState {
  size: number;
  mtime: number;
  /** Its content's hash; absent where only its existence matters (an image). */
  hash?: string;
  /** What looks it up in the site's page index (`LanguageService.indexKeysOf`), or `site`: a change may touch every post. */
  keys?: string[] | 'site';
  /** A content file's: what its front matter says of its URL, for the site's index (`ResultCache.recall`), as JSON text. */
  inputs?: string;
}

/**
 * How the file holds it: one entry per file, its post's result beside it, so that
 * no path or hash is written twice; the targets as positions in `files`.
 */
interface StoredCache {
  format: typeof FORMAT;
  run: string;
  /** Every string of the posts' results, each once (`StringTable`). */
  strings: string[];
  files: StoredFile[];
  targets?: { inputs: string; files: number[] };
  inputKeys: string[];
  postsSinceFresh: number;
}

/** `[path, size, mtime, hash, keys, post, inputs]`, null for what a file lacks. */
type StoredFile = [string, number, number, string | null, string[] | 'site' | null, StoredPost | null, string | null];

/** Bumped when the file's shape changes: an older file is then ignored. */
const FORMAT = 7;

/** A JavaScript string holds at most about 512 MB: a cache larger than this is not read. */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;

/** The cache at `file`, or why it is not used: none yet is no reason to say anything. */
export function readCache(file: string): CacheData | { unusable?: string } {
  const read = readRegularFile(file, MAX_CACHE_BYTES);
  if ('refused' in read) return read.refused === 'not-found' ? {} : { unusable: `it could not be read (${read.refused})` };
  let json: unknown;
  try {
    json = JSON.parse(read.bytes.toString('utf8'));
  } catch {
    return { unusable: 'it is not JSON' };
  }
  // Written by another version of Postlint: not an error, a fresh start.
  if ((json as { format?: unknown } | null)?.format !== FORMAT) return {};
  return decodeCache(json as Record<string, unknown>) ?? { unusable: 'it is not a Postlint cache' };
}

/**
 * Writes the cache whole or not at all: a temporary file renamed over it, so a run that
 * reads it meanwhile sees the old one. In ASCII (`asciiJson`): one curly quote in a
 * message made the benchmark's whole 2.7 MB cache a string of two bytes a character,
 * decoded in 19 ms; as one byte each, half the memory and a third of the time.
 */
export function writeCache(file: string, data: Omit<CacheData, 'strings'>, table: StringTable): string | undefined {
  return writeFileAtomically(file, cacheJson(encodeCache(data, table)));
}

/**
 * The file's text. Nearly every character past ASCII is in the table of strings (the
 * messages' quotation marks): escaped string by string, they leave the rest of the file
 * (paths, hashes, numbers) a one-byte string, where escaping the whole file made a
 * two-byte copy of its 2.7 MB and took a third of writing the benchmark's cache.
 */
function cacheJson(stored: StoredCache): string {
  const { strings, ...rest } = stored;
  const table = strings.map((text) => asciiJson(JSON.stringify(text))).join(',');
  const json = asciiJson(JSON.stringify(rest));
  return `${json.slice(0, -1)},"strings":[${table}]}`;
}

/** `table` may hold strings already: those of posts stored in it (`StoredResult.storedIn`), which are written as they are. */
function encodeCache(data: Omit<CacheData, 'strings'>, table: StringTable): StoredCache {
  const files: StoredFile[] = [];
  const positions = new Map<string, number>();
  for (const [path, state] of data.files) {
    const post = data.posts.get(path);
    // A result is of the text whose hash the file's state holds, or it is not kept.
    const stored = post !== undefined && post.hash === state.hash ? storedIn(post, table) : null;
    positions.set(path, files.push([path, state.size, state.mtime, state.hash ?? null, state.keys ?? null, stored, state.inputs ?? null]) - 1);
  }
  const targets = data.targets && data.targets.paths.map((path) => positions.get(path));
  const stored: StoredCache = { format: FORMAT, run: data.run, strings: table.strings, files, inputKeys: data.inputKeys, postsSinceFresh: data.postsSinceFresh };
  if (targets?.every((position) => position !== undefined)) stored.targets = { inputs: data.targets!.inputs, files: targets as number[] };
  return stored;
}

/** A post as `table` holds it: as it is when it is stored in that table already, else encoded anew. */
function storedIn(post: CachedPost, table: StringTable): StoredPost {
  return (post instanceof StoredResult && post.storedIn(table.strings)) || encodePost(post, table);
}

/**
 * The cache's data, checked as it is read (it is a file on disk, which anyone may
 * have edited): anything out of shape makes the whole cache unusable, never part of it.
 */
function decodeCache(json: Record<string, unknown>): CacheData | undefined {
  const { strings, files: stored, inputKeys, postsSinceFresh } = json;
  if (typeof json.run !== 'string' || !Array.isArray(stored) || !isStrings(strings) || !isStrings(inputKeys)) return undefined;
  if (!Number.isInteger(postsSinceFresh) || (postsSinceFresh as number) < 0) return undefined;
  const tables = { inputKeys, strings, postsSinceFresh: postsSinceFresh as number };
  const files = new Map<string, FileState>();
  const posts = new Map<string, CachedPost>();
  const paths: string[] = [];
  for (const entry of stored as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 7) return undefined;
    const [path, size, mtime, hash, keys, post, inputs] = entry as unknown[];
    if (typeof path !== 'string' || typeof size !== 'number' || typeof mtime !== 'number') return undefined;
    if (hash !== null && typeof hash !== 'string') return undefined;
    if (keys !== null && keys !== 'site' && !isStrings(keys)) return undefined;
    if (inputs !== null && (typeof inputs !== 'string' || hash === null)) return undefined;
    const state: FileState = { size, mtime };
    if (hash !== null) state.hash = hash;
    if (keys !== null) state.keys = keys;
    if (inputs !== null) state.inputs = inputs;
    files.set(path, state);
    paths.push(path);
    if (post === null) continue;
    if (hash === null || !isStoredPost(post, strings)) return undefined;
    posts.set(path, new StoredResult(hash, post, strings));
  }
  const { targets } = json;
  if (targets === undefined) return { run: json.run, files, posts, ...tables };
  if (!isRecord(targets) || typeof targets.inputs !== 'string' || !Array.isArray(targets.files)) return undefined;
  const named = (targets.files as unknown[]).map((position) => (typeof position === 'number' ? paths[position] : undefined));
  if (!named.every((path) => path !== undefined)) return undefined;
  return { run: json.run, files, posts, targets: { inputs: targets.inputs, paths: named as string[] }, ...tables };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
