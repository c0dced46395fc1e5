import { applySafeFixes } from '../../server/engine/fixes';
import { type MemoryWorkspace, SITE, checkPost, only } from './memory-workspace';

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
  const full = `${SITE}/${path}`;
  const [ruleId] = ruleIds;
  for (let pass = 0; pass < 10; pass++) {
    const diagnostics = (await checkPost(site, path)).filter((d) => ruleIds.includes(d.ruleId));
    const { text, applied } = applySafeFixes(site.files.get(full)!, diagnostics);
    if (applied === 0) break;
    site.files.set(full, text);
  }
  return { text: site.files.get(full)!, left: only(await checkPost(site, path), ruleId).length };
}
