// Helpers shared by the corpus test and the parse-speed measurement.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The blog folder of the todogroup.org corpus (env POSTLINT_CORPUS = the corpus folder). */
export function corpusBlogDir(): string {
  const corpus = process.env.POSTLINT_CORPUS ?? join(repoRoot, '..', 'shared', 'corpus');
  return join(corpus, 'todogroup.org', 'content', 'en', 'blog');
}

export interface CorpusPost {
  name: string;
  text: string;
  bodyStart: number;
}

/**
 * Offset just past a YAML front matter block (`---` line ... `---` line), or 0.
 * Leading blank lines before the opening `---` are allowed, as Hugo allows them.
 */
export function frontMatterEnd(text: string): number {
  const m = /^(?:[ \t]*\r?\n)*---[ \t]*\r?\n/.exec(text);
  if (m === null) return 0;
  const close = /^---[ \t]*(?:\r?\n|$)/gm;
  close.lastIndex = m[0].length;
  const c = close.exec(text);
  return c === null ? 0 : c.index + c[0].length;
}

/** Every `*.md` post of the corpus blog folder, or undefined when the folder is absent. */
export function loadCorpus(): CorpusPost[] | undefined {
  const dir = corpusBlogDir();
  if (!existsSync(dir)) return undefined;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      return { name, text, bodyStart: frontMatterEnd(text) };
    });
}
