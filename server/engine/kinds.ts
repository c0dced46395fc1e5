import picomatch from 'picomatch';
import { KIND_KEY, POST_KINDS, type PostKind } from '../../schemas/posts';
import type { KindMatcher } from '../../schemas/presets';

export type KindSource = 'front matter' | 'title' | 'file name' | 'default';

/**
 * A post's kind: the one its front matter names, else the first matcher of the
 * preset (or config) that fits its title or path, else the base kind.
 */
export function resolveKind(
  data: Record<string, unknown> | undefined,
  relativePath: string,
  matchers: KindMatcher[],
): { kind: PostKind; source: KindSource } {
  const named = data?.[KIND_KEY];
  if (typeof named === 'string' && (POST_KINDS as readonly string[]).includes(named)) return { kind: named as PostKind, source: 'front matter' };
  const title = typeof data?.title === 'string' ? data.title.trim() : undefined;
  for (const matcher of matchers) {
    if (title !== undefined && matcher.titles?.some((pattern) => safeRegExp(pattern)?.test(title))) return { kind: matcher.kind, source: 'title' };
    if (matcher.files?.length && filesMatcher(matcher.files)(relativePath)) return { kind: matcher.kind, source: 'file name' };
  }
  return { kind: 'post', source: 'default' };
}

// Compiling globs costs far more than matching them: once per list (of a config), not per post.
const compiledFiles = new WeakMap<string[], (path: string) => boolean>();

function filesMatcher(files: string[]): (path: string) => boolean {
  let matcher = compiledFiles.get(files);
  if (!matcher) compiledFiles.set(files, (matcher = picomatch(files, { dot: true })));
  return matcher;
}

const compiled = new Map<string, RegExp | undefined>();

function safeRegExp(pattern: string): RegExp | undefined {
  if (!compiled.has(pattern)) {
    let regExp: RegExp | undefined;
    try {
      regExp = new RegExp(pattern, 'iu');
    } catch {
      regExp = undefined;
    }
    compiled.set(pattern, regExp);
  }
  return compiled.get(pattern);
}
