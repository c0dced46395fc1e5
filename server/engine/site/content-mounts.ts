/**
 * Where a Hugo site's content comes from: its content mounts. Hugo builds one content
 * tree from mounts (`module.mounts` entries whose target is `content` or under it);
 * without such a mount, from `contentDir` and each language's own `contentDir`. A
 * mount may be a folder or one file, may be for some languages only (`sites.matrix`,
 * or the older `lang`), and may keep only some files (`files`, or the older
 * `includeFiles`/`excludeFiles`).
 */
import { globMatcher } from '../../../schemas/globs';
import { isInside, join } from './paths';

export interface MountLanguage {
  key: string;
  prefix: string;
}

export interface ContentMount {
  /** The mounted folder or file, absolute, without a trailing slash. */
  source: string;
  /** Where it sits in the content tree, `/`-separated: `''` for the root, `docs/specs/otel`. */
  target: string;
  /** The languages its pages belong to; empty when a file's name (`post.fr.md`) or the default language decides. */
  languages: MountLanguage[];
  /** Whether a file (its path from the source) is mounted. */
  includes: (rel: string) => boolean;
  /**
   * From `contentDir` settings rather than `module.mounts`: another language's content
   * folder inside this one is that language's, not this one's.
   */
  legacy: boolean;
}

const ALL_FILES = () => true;

function strings(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => item.trim());
}

/**
 * Hugo's glob slices: a pattern starting with `! ` excludes; a file is kept when it
 * matches no exclusion and, if there are inclusions, at least one of them.
 */
export function filesFilter(patterns: string[]): (rel: string) => boolean {
  const exclude = patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1).trim());
  const include = patterns.filter((pattern) => !pattern.startsWith('!'));
  const excluded = exclude.length > 0 ? globMatcher(exclude) : () => false;
  const included = include.length > 0 ? globMatcher(include) : ALL_FILES;
  return (rel) => included(rel) && !excluded(rel);
}

function mountFilter(mount: Record<string, unknown>): (rel: string) => boolean {
  const files = strings(mount.files);
  const include = strings(mount.includeFiles ?? mount.includefiles);
  const exclude = strings(mount.excludeFiles ?? mount.excludefiles).map((pattern) => `!${pattern}`);
  const patterns = [...files, ...include, ...exclude];
  return patterns.length > 0 ? filesFilter(patterns) : ALL_FILES;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The languages a mount names: `sites: { matrix: { languages: [...] } }`, or `lang`. */
function mountLanguages(mount: Record<string, unknown>, languages: MountLanguage[]): MountLanguage[] {
  const named = [...strings(record(record(mount.sites).matrix).languages), ...strings(mount.lang)].map((key) => key.toLowerCase());
  return languages.filter((language) => named.includes(language.key));
}

/** The content part of a mount's target (`content/docs` → `docs`), or undefined for other components. */
function contentTarget(target: unknown): string | undefined {
  if (typeof target !== 'string') return undefined;
  const parts = target.split('/').filter((part) => part !== '' && part !== '.');
  return parts[0] === 'content' ? parts.slice(1).join('/') : undefined;
}

/** The content mounts of `module.mounts`, in the order Hugo reads them (the first that holds a file gives its place). */
export function configuredMounts(root: string, mounts: unknown, languages: MountLanguage[]): ContentMount[] {
  if (!Array.isArray(mounts)) return [];
  return mounts.flatMap((entry) => {
    const mount = record(entry);
    const target = contentTarget(mount.target);
    if (target === undefined || typeof mount.source !== 'string') return [];
    const source = join(root, mount.source).replace(/\/+$/, '');
    return [{ source, target, languages: mountLanguages(mount, languages), includes: mountFilter(mount), legacy: false }];
  });
}

/** Whether a mount's source lies inside the site, where Postlint may read it. */
export function mountReadable(root: string, mount: ContentMount): boolean {
  return mount.source === root || isInside(root, mount.source);
}
