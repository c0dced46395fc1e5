import type { Heading } from '../markdown';
import type { RuleContext } from '../rule';
import { placeOf, urlSettings } from '../site/hugo-urls';
import { titleHeadingLevel } from '../site/title-level';
import type { Span } from '../types';

/** The `#` run of an ATX heading (`## Title` → `##`); undefined for a setext heading. */
export function atxMarker(text: string, heading: Heading): Span | undefined {
  let start = heading.span.start;
  while (text[start] === ' ') start++;
  let end = start;
  while (text[end] === '#') end++;
  return end > start ? { start, end } : undefined;
}

/** A fix that gives an ATX heading another level; none for setext headings. */
export function relevel(text: string, heading: Heading, level: number, safe: boolean) {
  const marker = atxMarker(text, heading);
  if (!marker) return [];
  return [{ title: `Make it a level ${level} heading (\`${'#'.repeat(level)}\`)`, edits: [{ span: marker, newText: '#'.repeat(level) }], safe, preferred: true }];
}

/**
 * The heading level of the post's title as its theme prints it: from the layouts of the
 * post's section when the site has them, else the preset's word, else undefined (no claim).
 */
export async function titleLevelOf(context: Pick<RuleContext<unknown>, 'post' | 'site' | 'preset' | 'workspace' | 'siteCache'>): Promise<number | undefined> {
  const { post, site, preset, workspace, siteCache } = context;
  if (site.loose) return preset.titleLevel;
  const settings = await siteCache('url-settings', async () => urlSettings(site));
  const rel = placeOf(post.path, settings)?.rel ?? '';
  const section = rel.includes('/') ? rel.slice(0, rel.indexOf('/')).toLowerCase() : '';
  const fromLayouts = await siteCache(`title-level:${section}`, () => titleHeadingLevel(workspace, site, section));
  return fromLayouts ?? preset.titleLevel;
}
