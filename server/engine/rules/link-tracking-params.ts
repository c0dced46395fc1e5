import type { FixSpec } from '../rule';
import { z } from '../../../schemas/zod';
import { defineRule } from '../rule';
import type { Span } from '../types';
import { hostMatches, isTemplated, uniqueTargets, urlParts } from '../links/url-parts';
import { FIRST_SENTENCE_MAX, quoted } from '../text/quote';
import { listed } from '../text/issue-words';

/** Campaign and click identifiers: they record who shared or clicked, never which page to show. */
export const DEFAULT_PARAMS = [
  'utm_*',
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  'igshid',
  'igsh',
  'ref_src',
  'ref_url',
  '_hsenc',
  '_hsmi',
  '__hstc',
  '__hssc',
  '__hsfp',
  'hsctatracking',
  'mkt_tok',
  'yclid',
  'ysclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  's_kwcid',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'wickedid',
  'rb_clickid',
  '_gl',
];

/**
 * Names that mean tracking only on some hosts: `si` is YouTube's and Spotify's
 * share identifier but an ordinary parameter elsewhere; `s` and `t` mark a shared
 * tweet; `trk` is LinkedIn's click source.
 */
const HOST_PARAMS: { hosts: string[]; params: string[] }[] = [
  { hosts: ['youtube.com', '*.youtube.com', 'youtu.be', 'open.spotify.com'], params: ['si'] },
  { hosts: ['twitter.com', '*.twitter.com', 'x.com'], params: ['s', 't'] },
  { hosts: ['linkedin.com', '*.linkedin.com'], params: ['trk', 'trackingid'] },
];

/**
 * Sites that ask for campaign tags on the links that credit them: Unsplash's guidelines
 * want `?utm_source=…&utm_medium=referral` on every link to a photographer or photo, and
 * its "copy credit" text carries them. Removing them would go against the licence's
 * request, for a link that follows no reader elsewhere.
 */
const ASKED_FOR: { hosts: string[]; params: string[] }[] = [{ hosts: ['unsplash.com', '*.unsplash.com'], params: ['utm_*'] }];

/** `utm_*` matches a prefix; other patterns match the whole name, ignoring case. */
function matches(name: string, pattern: string): boolean {
  const p = pattern.trim().toLowerCase();
  return p.endsWith('*') ? name.startsWith(p.slice(0, -1)) : name === p;
}

interface Segment {
  /** The separator written before it (`&`, `&amp;`, or '' for the first). */
  separator: string;
  text: string;
  /** Lowercased, backslash escapes of Markdown removed. */
  name: string;
}

/** The query's parameters as written; `&amp;` (HTML's spelling of `&`) counts as a separator. */
function segments(query: string): Segment[] {
  const result: Segment[] = [];
  const pattern = /&amp;|&/gi;
  let cursor = 0;
  let separator = '';
  for (const match of query.matchAll(pattern)) {
    result.push(segment(separator, query.slice(cursor, match.index)));
    separator = match[0];
    cursor = match.index + match[0].length;
  }
  result.push(segment(separator, query.slice(cursor)));
  return result;
}

function segment(separator: string, text: string): Segment {
  const equals = text.indexOf('=');
  const name = (equals === -1 ? text : text.slice(0, equals)).replace(/\\(.)/g, '$1').toLowerCase();
  return { separator, text, name };
}

/** The query without the dropped parameters, every other byte as written. */
function rebuild(kept: Segment[]): string {
  if (kept.length === 0) return '';
  return `?${kept.map((s, index) => (index === 0 ? '' : s.separator) + s.text).join('')}`;
}

function fixFor(querySpan: Span, kept: Segment[], dropped: string[]): FixSpec {
  return {
    title: `Remove ${dropped.map((name) => quoted(name, 40)).join(', ')}`,
    edits: [{ span: querySpan, newText: rebuild(kept) }],
    safe: true,
    preferred: true,
  };
}

/** Names in quotes, as a sentence lists them: “a”, “b” and “c”. */
function quotedNames(names: string[], max: number): string {
  const all = names.map((name) => quoted(name, max));
  return listed(all, { conjunction: 'and' });
}

/**
 * The names in the first sentence when they fit it; else their number there, and the
 * names in the next.
 */
function messageFor(names: string[], what: string): string {
  if (names.length === 1) {
    return `This ${what} carries the tracking parameter ${quoted(names[0], 48)}. It records who shared or clicked it and adds nothing for readers. Remove it; the address leads to the same page.`;
  }
  const why = 'record who shared or clicked it and add nothing for readers. Remove them; the address leads to the same page.';
  const first = `This ${what} carries the tracking parameters ${quotedNames(names, 48)}.`;
  if (first.length <= FIRST_SENTENCE_MAX) return `${first} They ${why}`;
  return `This ${what} carries ${names.length} tracking parameters. They (${quotedNames(names, 48)}) ${why}`;
}

/** The names a site goes by in its own campaign tags: its host and the host's main label (`opentelemetry` for opentelemetry.io). */
function ownNames(baseURL: string | undefined): Set<string> {
  if (!baseURL) return new Set();
  let host: string;
  try {
    host = new URL(baseURL).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return new Set();
  }
  const labels = host.split('.');
  return new Set([host, ...(labels.length >= 2 ? [labels[labels.length - 2]] : [])]);
}

/**
 * Whether the link's campaign tags name this site as their source (`utm_source=opentelemetry`
 * on opentelemetry.io): the site tells the page it links to where readers come from, on
 * purpose, and nothing follows a reader. Tags copied from someone else's campaign do not.
 */
function selfAttributed(all: Segment[], names: Set<string>): boolean {
  const source = all.find((s) => s.name === 'utm_source');
  if (!source) return false;
  const value = source.text.slice(source.text.indexOf('=') + 1).trim().toLowerCase();
  return names.has(value);
}

/** Tracking parameters follow readers from page to page and make links long and unshareable. */
export default defineRule({
  meta: {
    id: 'link-tracking-params',
    description: 'Links should carry no tracking parameters such as `utm_source`, `fbclid` or YouTube\u2019s `si`.',
    defaultSeverity: 'warning',
    fixable: 'safe',
  },
  options: z
    .object({
      params: z.array(z.string()).default([]).describe('More query parameters to report; a trailing * matches a prefix (campaign_*).'),
      allow: z.array(z.string()).default([]).describe('Parameters never to report, even from the default list (a trailing * matches a prefix).'),
    })
    .strict(),
  check({ post, site, options, report }) {
    const allow = options.allow;
    const siteNames = ownNames(site.baseURL);
    const global = [...DEFAULT_PARAMS, ...options.params];
    for (const target of uniqueTargets(post.body)) {
      // The URL as it stands in the file, so that the edit keeps every other byte.
      const written = post.text.slice(target.urlSpan.start, target.urlSpan.end);
      // No `?`, no query: most URLs are done here.
      if (!written.includes('?') || isTemplated(written)) continue;
      const parts = urlParts(written);
      if (parts.query === undefined || (parts.scheme !== undefined && !/^https?$/.test(parts.scheme))) continue;
      const host = parts.host ?? '';
      const patterns = global.concat(HOST_PARAMS.filter((entry) => entry.hosts.some((h) => hostMatches(host, h))).flatMap((entry) => entry.params));
      const allowed = allow.concat(ASKED_FOR.filter((entry) => entry.hosts.some((h) => hostMatches(host, h))).flatMap((entry) => entry.params));
      const isTracking = (s: Segment) => s.name !== '' && patterns.some((p) => matches(s.name, p)) && !allowed.some((p) => matches(s.name, p));
      const all = segments(written.slice(parts.query.start + 1, parts.query.end));
      const ownCampaign = selfAttributed(all, siteNames);
      const reported = (s: Segment) => isTracking(s) && !(ownCampaign && s.name.startsWith('utm_'));
      const dropped = all.filter(reported);
      if (dropped.length === 0) continue;
      const names = [...new Set(dropped.map((s) => s.text.split('=')[0]))];
      const querySpan = { start: target.urlSpan.start + parts.query.start, end: target.urlSpan.start + parts.query.end };
      report({
        span: target.urlSpan,
        message: messageFor(names, target.image ? 'image source' : 'link'),
        fixes: [fixFor(querySpan, all.filter((s) => !reported(s)), names)],
      });
    }
  },
});
