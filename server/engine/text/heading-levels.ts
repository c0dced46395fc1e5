import type { Heading } from '../markdown';
import type { RuleContext } from '../rule';
import { placeOf, urlSettings } from '../site/hugo-urls';
import type { Site } from '../site/site';
import { titleHeadingLevel } from '../site/title-level';
import { quoted } from './quote';
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
  return [{ title: `Make it a level ${level} heading (${quoted('#'.repeat(level))})`, edits: [{ span: marker, newText: '#'.repeat(level) }], safe, preferred: true }];
}

/** Title levels already read, by site and section: most posts then need no promise at all. */
const knownLevels = new WeakMap<Site, Map<string, number | undefined>>();

/**
 * The heading level of the post's title as its theme prints it: from the layouts of the
 * post's section when the site has them, else the preset's word, else undefined (no claim).
 * A value once the section's layouts were read; a promise the first time.
 */
export function titleLevelOf(
  context: Pick<RuleContext<unknown>, 'post' | 'site' | 'preset' | 'workspace' | 'siteCache'>,
): number | undefined | Promise<number | undefined> {
  const { post, site, preset, workspace } = context;
  if (site.loose) return preset.titleLevel;
  let bySection = knownLevels.get(site);
  if (!bySection) knownLevels.set(site, (bySection = new Map()));
  const section = sectionOf(post.path, site);
  if (bySection.has(section)) return bySection.get(section) ?? preset.titleLevel;
  return context.siteCache(`title-level:${section}`, () => titleHeadingLevel(workspace, site, section)).then((level) => {
    bySection.set(section, level);
    return level ?? preset.titleLevel;
  });
}

/** The top-level section of the content tree a post is in (`''` at the root). */
function sectionOf(path: string, site: Site): string {
  const rel = placeOf(path, urlSettings(site))?.rel ?? '';
  return rel.includes('/') ? rel.slice(0, rel.indexOf('/')).toLowerCase() : '';
}
