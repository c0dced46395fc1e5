// The delimiters of Hugo's passthrough extension, as the site's config sets them
// (hugo markup/goldmark/goldmark_config/config.go, markup/goldmark/convert.go):
//
//   [markup.goldmark.extensions.passthrough]
//   enable = true
//   [markup.goldmark.extensions.passthrough.delimiters]
//   block = [['\[', '\]'], ['$$', '$$']]
//   inline = [['\(', '\)']]
//
// Off by default, with no delimiters: `$` means nothing unless a site lists it.

import type { PassthroughDelimiter } from '../markdown/types';
import { weakBool } from './config-values';
import { setting, textSetting } from './hugo-urls';
import type { Site } from './site';

const NONE: readonly PassthroughDelimiter[] = [];

const bySite = new WeakMap<Site, readonly PassthroughDelimiter[]>();

/** The site's passthrough delimiters, block ones first as the extension tries them; none when it is off. Read once per `Site`. */
export function sitePassthrough(site: Site): readonly PassthroughDelimiter[] {
  let delimiters = bySite.get(site);
  if (delimiters === undefined) bySite.set(site, (delimiters = passthroughDelimiters(site.config)));
  return delimiters;
}

/** The delimiters a Hugo config gives the passthrough extension, block ones first; none when the extension is off. */
export function passthroughDelimiters(config: unknown): readonly PassthroughDelimiter[] {
  const markup = setting(config, 'markup');
  // The extension is Goldmark's: another default handler renders Markdown without it.
  if (textSetting(markup, 'defaultMarkdownHandler', 'goldmark').toLowerCase() !== 'goldmark') return NONE;
  const extension = setting(setting(setting(markup, 'goldmark'), 'extensions'), 'passthrough');
  if (!weakBool(setting(extension, 'enable'), false)) return NONE;
  const delimiters = setting(extension, 'delimiters');
  // hugo-goldmark-extensions/passthrough New(): block delimiters, then inline ones.
  return [...pairs(setting(delimiters, 'block')), ...pairs(setting(delimiters, 'inline'))];
}

/**
 * `[[open, close], …]`. A pair that is not two strings or has an empty opener is left out:
 * Hugo fails on it (the extension reads `d[0]`, `d[1]` and `Open[0]`). An empty closer
 * never closes anything (the extension declines an empty passthrough), so it is left out too.
 */
function pairs(value: unknown): PassthroughDelimiter[] {
  if (!Array.isArray(value)) return [];
  const found: PassthroughDelimiter[] = [];
  for (const pair of value) {
    if (!Array.isArray(pair) || pair.length < 2) continue;
    const [open, close] = pair as unknown[];
    if (typeof open === 'string' && typeof close === 'string' && open !== '' && close !== '') found.push({ open, close });
  }
  return found;
}
