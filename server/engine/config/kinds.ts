import type { RE2JS } from 're2js';
import { globMatcher } from '../../../schemas/globs';
import { compileTitlePattern } from '../../../schemas/patterns';
import { KIND_KEY, POST_KINDS, type PostKind } from '../../../schemas/posts';
import type { KindMatcher } from '../../../schemas/presets';
import { valueOfKey } from '../frontmatter/key-case';

export type KindSource = 'front matter' | 'title' | 'file name' | 'default';

/**
 * The longest title the title patterns are tried on. RE2's time grows linearly with the
 * title, but also with the pattern's size: a config's large pattern against a title of a
 * megabyte, both written by a pull request, took minutes. No real title is near this long.
 */
export const MAX_MATCHED_TITLE = 1000;

/**
 * A post's kind: the one its front matter names, else the first matcher of the
 * preset (or config) that fits its title (up to MAX_MATCHED_TITLE characters) or path, else the base kind.
 */
export function resolveKind(
  data: Record<string, unknown> | undefined,
  relativePath: string,
  matchers: KindMatcher[],
): { kind: PostKind; source: KindSource } {
  // Read before the kind's schema is known, in any case, as Hugo reads keys.
  const named = valueOfKey(data, KIND_KEY);
  if (typeof named === 'string' && (POST_KINDS as readonly string[]).includes(named)) return { kind: named as PostKind, source: 'front matter' };
  const titleValue = valueOfKey(data, 'title');
  const title = typeof titleValue === 'string' ? titleValue.trim() : undefined;
  const matchable = title !== undefined && title.length <= MAX_MATCHED_TITLE;
  for (const matcher of matchers) {
    if (matchable && matcher.titles?.some((pattern) => titlePattern(pattern)?.test(title))) return { kind: matcher.kind, source: 'title' };
    if (matcher.files?.length && filesMatcher(matcher.files)(relativePath)) return { kind: matcher.kind, source: 'file name' };
  }
  return { kind: 'post', source: 'default' };
}

// Compiling globs costs far more than matching them: once per list (of a config), not per post.
// They run on RE2 (schemas/globs.ts), in time linear in the path.
const compiledFiles = new WeakMap<string[], (path: string) => boolean>();

function filesMatcher(files: string[]): (path: string) => boolean {
  let matcher = compiledFiles.get(files);
  if (!matcher) compiledFiles.set(files, (matcher = globMatcher(files)));
  return matcher;
}

// Title patterns come from the config, which a pull request may write: they run on RE2,
// in time linear in the title (schemas/patterns.ts). One compilation per pattern.
const compiled = new Map<string, RE2JS | undefined>();

function titlePattern(pattern: string): RE2JS | undefined {
  if (!compiled.has(pattern)) {
    let compiledPattern: RE2JS | undefined;
    try {
      compiledPattern = compileTitlePattern(pattern);
    } catch {
      // The config schema rejects such a pattern on load; here it only never matches.
      compiledPattern = undefined;
    }
    compiled.set(pattern, compiledPattern);
  }
  return compiled.get(pattern);
}
