import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { readRegularFile } from '../../node/node-workspace';
import { decodePost, encodePost, isStrings, MessageTable, type CachedPost, type StoredPost } from './stored-results';

export type { CachedPost };

/**
 * The file `--cache` keeps between runs: what each file of the checked sites looked
 * like, and each post's result. Paths are relative to the folder the run started in,
 * so a CI cache restored into another checkout path still matches.
 */
export interface CacheData {
  /** Which Postlint and which options wrote it (`runKey`): any other run starts afresh. */
  run: string;
  files: Record<string, FileState>;
  posts: Record<string, CachedPost>;
  /** The posts the command line's inputs (`inputs`, as JSON) named last time: while no file of the sites came or went, and none that touches every post changed, they still do. */
  targets?: { inputs: string; paths: string[] };
}

/** A file of a site as the last run saw it. */
export interface FileState {
  size: number;
  mtime: number;
  /** Its content's hash; absent where only its existence matters (an image). */
  hash?: string;
  /** What looks it up in the site's page index (`LanguageService.indexKeysOf`), or `site`: a change may touch every post. */
  keys?: string[] | 'site';
}

/** Bumped when the file's shape changes: an older file is then ignored. */
const FORMAT = 4;

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

/** Writes the cache whole or not at all: a temporary file renamed over it, so a run that reads it meanwhile sees the old one. */
export function writeCache(file: string, data: CacheData): string | undefined {
  const temp = `${file}.postlint-${process.pid}.tmp`;
  const posts: Record<string, StoredPost> = {};
  const table = new MessageTable();
  for (const [path, post] of Object.entries(data.posts)) posts[path] = encodePost(post, table);
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temp, JSON.stringify({ format: FORMAT, run: data.run, files: data.files, messages: table.messages, posts, targets: data.targets }));
    renameSync(temp, file);
    return undefined;
  } catch (error) {
    rmSync(temp, { force: true });
    return (error as Error).message.split('\n')[0];
  }
}

/**
 * The cache's data, checked as it is read (it is a file on disk, which anyone may
 * have edited): anything out of shape makes the whole cache unusable, never part of it.
 */
function decodeCache(json: Record<string, unknown>): CacheData | undefined {
  const { messages } = json;
  if (typeof json.run !== 'string' || !isRecord(json.files) || !isRecord(json.posts) || !isStrings(messages)) return undefined;
  const files: Record<string, FileState> = {};
  for (const [path, state] of Object.entries(json.files)) {
    if (!isFileState(state)) return undefined;
    files[path] = state;
  }
  const posts: Record<string, CachedPost> = {};
  for (const [path, stored] of Object.entries(json.posts)) {
    const post = decodePost(stored, messages);
    if (!post) return undefined;
    posts[path] = post;
  }
  const { targets } = json;
  if (targets === undefined) return { run: json.run, files, posts };
  if (!isRecord(targets) || typeof targets.inputs !== 'string' || !isStrings(targets.paths)) return undefined;
  return { run: json.run, files, posts, targets: { inputs: targets.inputs, paths: targets.paths } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFileState(value: unknown): value is FileState {
  if (!isRecord(value) || typeof value.size !== 'number' || typeof value.mtime !== 'number') return false;
  if (value.hash !== undefined && typeof value.hash !== 'string') return false;
  const { keys } = value;
  return keys === undefined || keys === 'site' || isStrings(keys);
}
