import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from '../../../schemas/zod';
import { readRegularFile } from '../../node/node-workspace';

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

/** A post's check, as the engine gave it (`CheckResult`), for the text whose hash it names. */
export interface CachedPost {
  hash: string;
  diagnostics: z.infer<typeof diagnosticSchema>[];
  unverified: z.infer<typeof unverifiedSchema>[];
  dependencies: string[];
}

/** Bumped when the file's shape changes: an older file is then ignored. */
const FORMAT = 1;

/** A cache larger than this is not read: a JavaScript string holds at most about 512 MB. */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;

const position = z.object({ line: z.number().int().min(0), character: z.number().int().min(0) });
const range = z.object({ start: position, end: position });
const diagnosticSchema = z.object({
  ruleId: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  range,
  docsUrl: z.string(),
  fixes: z.array(
    z.object({
      title: z.string(),
      edits: z.array(z.object({ range, newText: z.string() })),
      safe: z.boolean(),
      preferred: z.boolean().optional(),
    }),
  ),
});
const unverifiedSchema = z.object({ ruleId: z.string(), range, reason: z.string() });

const cacheSchema = z.object({
  format: z.literal(FORMAT),
  run: z.string(),
  files: z.record(
    z.string(),
    z.object({
      size: z.number(),
      mtime: z.number(),
      hash: z.string().optional(),
      keys: z.union([z.array(z.string()), z.literal('site')]).optional(),
    }),
  ),
  posts: z.record(
    z.string(),
    z.object({ hash: z.string(), diagnostics: z.array(diagnosticSchema), unverified: z.array(unverifiedSchema), dependencies: z.array(z.string()) }),
  ),
});

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
  const parsed = cacheSchema.safeParse(json);
  return parsed.success ? parsed.data : { unusable: 'it is not a Postlint cache' };
}

/** Writes the cache whole or not at all: a temporary file renamed over it, so a run that reads it meanwhile sees the old one. */
export function writeCache(file: string, data: CacheData): string | undefined {
  const temp = `${file}.postlint-${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temp, JSON.stringify({ format: FORMAT, ...data }));
    renameSync(temp, file);
    return undefined;
  } catch (error) {
    rmSync(temp, { force: true });
    return (error as Error).message.split('\n')[0];
  }
}
