/**
 * The front matter values that move a page's URL, read from thousands of pages
 * when the site index is built: most pages set none of them and are never parsed.
 */
import { splitPost } from '../frontmatter/frontmatter';
import { dateKeys, isRecord, pageShape, pageUrl, placeOf, setting, type UrlFrontMatter, type UrlSettings } from './hugo-urls';
import { escapeRegex } from './redirects';
import { yamlData } from './yaml-data';

export interface UrlData extends UrlFrontMatter {
  aliases?: unknown;
}

// One prefilter per set of keys: most pages set none of them, and are never parsed.
const keyTests = new Map<string, RegExp>();

function keyTest(keys: string[]): RegExp {
  // Found by the keys as they are (asked for each page of the site), escaped only to build it.
  const id = JSON.stringify(keys);
  let test = keyTests.get(id);
  if (!test) {
    // The keys are Postlint's own names and the date keys of the site's `frontmatter` setting (keysNeeded): escaped, so no text of the site is read as a pattern.
    test = new RegExp(`^["']?(?:${keys.map(escapeRegex).join('|')})["']?[ \\t]*[:=]`, 'im');
    keyTests.set(id, test);
  }
  return test;
}

/** The raw front matter block, found cheaply, and whether it is closed: a prefilter before the real parsers. */
function frontMatterBlock(text: string): { block: string; closed: boolean } | undefined {
  const start = text.search(/\S/);
  if (start === -1) return undefined;
  const delimiter = text.slice(start, start + 3);
  if (delimiter !== '---' && delimiter !== '+++') return undefined;
  const end = text.indexOf(`\n${delimiter}`, start + 3);
  return end === -1 ? { block: text.slice(start), closed: false } : { block: text.slice(start, end), closed: true };
}

/** The front matter values a page's URL depends on; `{}` when it sets none of them, or cannot be read. */
export function urlData(text: string, keys: string[]): UrlData {
  const found = frontMatterBlock(text);
  // No `---` or `+++` block: none at all, or JSON (a page that starts with `{`), which is rare. splitPost knows which, as for posts.
  if (!found) return frontMatterUrlData(splitPost(text).frontMatter?.data, keys);
  if (!keyTest(keys).test(found.block)) return {};
  // Only values are wanted here, no positions: plain YAML between `---` lines is read the
  // fast way (yaml-data.ts); anything else (TOML, a named language, no closing line) as posts are.
  const { block, closed } = found;
  const lineEnd = block.indexOf('\n');
  if (closed && lineEnd !== -1 && block.slice(0, lineEnd).trimEnd() === '---') {
    try {
      const data = yamlData(block.slice(lineEnd + 1));
      return isRecord(data) ? frontMatterUrlData(data, keys) : {};
    } catch {
      return {};
    }
  }
  return frontMatterUrlData(splitPost(text).frontMatter?.data, keys);
}

/** The URL-related values of parsed front matter (Hugo reads keys case-insensitively); `keys` names the date keys to read. */
export function frontMatterUrlData(data: Record<string, unknown> | undefined, keys: readonly string[]): UrlData {
  if (!data) return {};
  return {
    url: setting(data, 'url'),
    slug: setting(data, 'slug'),
    title: setting(data, 'title'),
    dates: Object.fromEntries(keys.map((key) => [key, setting(data, key)])),
    aliases: setting(data, 'aliases'),
  };
}

/** Where a content file is served given its (possibly edited) front matter; undefined outside the content folders, or where the URL cannot be worked out here. */
export function servedUrl(file: string, data: Record<string, unknown> | undefined, settings: UrlSettings): string | undefined {
  const place = placeOf(file, settings);
  if (!place) return undefined;
  const result = pageUrl(place, pageShape(place.rel), frontMatterUrlData(data, dateKeys(settings)), settings);
  return 'url' in result ? result.url : undefined;
}
