import { applySafeFixes } from '../../server/engine/fixes';
import type { LanguageServiceOptions } from '../../server/engine/language-service';
import type { Diagnostic } from '../../server/engine/types';
import { type MemoryWorkspace, SITE, checkPost, hugoSite, only, rangeText } from './memory-workspace';

/** A post with sound front matter around the given body, as the link rule tests write them. */
export function postWith(body: string): string {
  return `---\ntitle: A post\ndate: 2025-01-01\nauthor: alice\n---\n${body}`;
}

/**
 * Applies the safe fixes of the given rules as `--fix` does (passes until
 * nothing changes), and returns the final text and what the first rule still
 * reports on it.
 */
export async function fixUntilStable(site: MemoryWorkspace, path: string, ...ruleIds: string[]): Promise<{ text: string; left: number }> {
  return fixUntilStableWith({}, site, path, ...ruleIds);
}

/** `fixUntilStable` with options for the service (verdicts of the dead-link check). */
export async function fixUntilStableWith(
  options: Omit<LanguageServiceOptions, 'workspace'>,
  site: MemoryWorkspace,
  path: string,
  ...ruleIds: string[]
): Promise<{ text: string; left: number }> {
  const full = `${SITE}/${path}`;
  const [ruleId] = ruleIds;
  for (let pass = 0; pass < 10; pass++) {
    const diagnostics = (await checkPost(site, path, options)).filter((d) => ruleIds.includes(d.ruleId));
    const { text, applied } = applySafeFixes(site.files.get(full)!, diagnostics);
    if (applied === 0) break;
    site.files.set(full, text);
  }
  return { text: site.files.get(full)!, left: only(await checkPost(site, path, options), ruleId).length };
}

/**
 * What one rule reports on a post with the given body (in a site with the given
 * config file and baseURL, if any), with the text each finding covers.
 */
export async function bodyFindings(
  ruleId: string,
  body: string,
  options: { config?: string; baseURL?: string; files?: Record<string, string> } = {},
): Promise<{ text: string; diagnostics: Diagnostic[]; ranges: string[] }> {
  const text = postWith(body);
  const files: Record<string, string> = { ...options.files, 'content/blog/p.md': text };
  if (options.config !== undefined) files['.postlintrc.json'] = options.config;
  const diagnostics = only(await checkPost(hugoSite(files, { baseURL: options.baseURL }), 'content/blog/p.md'), ruleId);
  return { text, diagnostics, ranges: diagnostics.map((d) => rangeText(text, d)) };
}
