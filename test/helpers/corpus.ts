import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NodeWorkspace } from '../../server/cli/node-workspace';
import { createLanguageService } from '../../server/engine/service';
import type { Diagnostic } from '../../server/engine/types';

/** The shared corpus: POSTLINT_CORPUS, else ../shared/corpus beside the repository. */
export const CORPUS = resolve(process.env.POSTLINT_CORPUS ?? join(__dirname, '..', '..', '..', 'shared', 'corpus'));
export const TODO_SITE = join(CORPUS, 'todogroup.org');
export const TODO_BLOG = join(TODO_SITE, 'content', 'en', 'blog');
export const BRIEF_POSTS = join(CORPUS, 'brief-posts');

/** A reason to skip, or false when the corpus is there. Tests pass it to `{ skip }`. */
export function corpusMissing(folder: string = TODO_BLOG): string | false {
  return existsSync(folder) ? false : `corpus not found at ${folder} (set POSTLINT_CORPUS to the folder holding todogroup.org/)`;
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
