import assert from 'node:assert/strict';
import { chmodSync, cpSync, existsSync, lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test, type TestOptions } from 'node:test';
import { NodeWorkspace } from '../../server/node/node-workspace';
import { createLanguageService } from '../../server/engine/language-service';
import type { Diagnostic } from '../../server/engine/types';

/**
 * The shared corpus: POSTLINT_CORPUS, else ../shared/corpus beside the repository.
 * Its real path: the CLI prints real paths, so expected paths built from a
 * symlinked ../shared would never match them.
 */
export const CORPUS = realPathIfThere(resolve(process.env.POSTLINT_CORPUS ?? join(__dirname, '..', '..', '..', 'shared', 'corpus')));
export const TODO_SITE = join(CORPUS, 'todogroup.org');
export const TODO_BLOG = join(TODO_SITE, 'content', 'en', 'blog');
export const BRIEF_POSTS = join(CORPUS, 'brief-posts');

function realPathIfThere(path: string): string {
  return existsSync(path) ? realpathSync(path) : path;
}

/** Any non-empty CI, as CI services set it. */
const IN_CI = Boolean(process.env.CI);

/** Why a test cannot read `folder`, or false when it can. */
function corpusMissing(folder: string): string | false {
  return existsSync(folder) ? false : `corpus not found at ${folder} (set POSTLINT_CORPUS to the folder holding todogroup.org/ and brief-posts/)`;
}

/**
 * `test()` for a test that reads the corpus (`options.corpus`, the TODO Group blog
 * by default). Without the corpus it is skipped on a developer's machine; in CI
 * (CI set) it fails saying where it looked, so that a CI without the corpus can
 * never pass with a smaller suite.
 */
export function corpusTest(name: string, options: TestOptions & { corpus?: string }, fn: test.TestFn): void {
  const { corpus = TODO_BLOG, ...testOptions } = options;
  const missing = corpusMissing(corpus);
  if (!missing) test(name, testOptions, fn);
  else if (IN_CI) test(name, testOptions, () => assert.fail(`${missing}; CI is set, so a missing corpus fails the test instead of skipping it`));
  else test(name, { ...testOptions, skip: missing }, fn);
}

/**
 * Copies a corpus folder to `to` with write bits added: the corpus may be
 * read-only (CI's copy is), and a copy without them could be neither written by
 * the test nor removed after it by a user other than root.
 */
export function copyCorpus(from: string, to: string, options: { preserveTimestamps?: boolean } = {}): void {
  cpSync(from, to, { recursive: true, preserveTimestamps: options.preserveTimestamps ?? false });
  addWriteBits(to);
}

/** A symlink is left alone: its target may be outside the copy. */
function addWriteBits(path: string): void {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return;
  chmodSync(path, stat.mode | 0o200);
  if (stat.isDirectory()) for (const name of readdirSync(path)) addWriteBits(join(path, name));
}

export function blogPosts(): string[] {
  return readdirSync(TODO_BLOG)
    .filter((name) => name.endsWith('.md') && name !== '_index.md')
    .sort();
}

/** Checks every blog post of the corpus with the engine, as the CLI would read them. */
export async function checkCorpusBlog(): Promise<Map<string, Diagnostic[]>> {
  const service = createLanguageService({ workspace: new NodeWorkspace() });
  const results = new Map<string, Diagnostic[]>();
  for (const name of blogPosts()) {
    const path = join(TODO_BLOG, name);
    const result = await service.check(path, readFileSync(path, 'utf8'));
    results.set(name, result.diagnostics);
  }
  return results;
}
