import { linkTargets, type LinkTarget } from './link-targets';
import type { BodyModel, LinkRef } from '../markdown';
import type { Span } from '../types';

/**
 * Helpers the link rules share: the parts of one URL by offset (so fixes edit
 * the URL as written, byte for byte, instead of re-serialising it), and the
 * spans worth pointing at when a URL or a link text is empty.
 */

export interface UrlParts {
  /** The scheme without `:`, lowercased (`http`), when there is one. */
  scheme?: string;
  /** The host, lowercased, without user info or port, when the URL has `//host`. */
  host?: string;
  /** Offsets into the URL of the `?` and of the end of the query (the `#` or the end). */
  query?: { start: number; end: number };
  /** Offset of the `#`, when there is a fragment. */
  hash?: number;
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** Splits a URL as written, without decoding or normalising anything. */
export function urlParts(url: string): UrlParts {
  const parts: UrlParts = {};
  const hash = url.indexOf('#');
  const beforeHash = hash === -1 ? url.length : hash;
  if (hash !== -1) parts.hash = hash;
  const question = url.indexOf('?');
  // Stryker disable next-line EqualityOperator: the ? can sit neither where the # is nor past the end, so < and <= agree
  if (question !== -1 && question < beforeHash) parts.query = { start: question, end: beforeHash };
  const scheme = SCHEME.exec(url);
  if (scheme) parts.scheme = scheme[1].toLowerCase();
  const authorityStart = scheme ? scheme[0].length : 0;
  if (url.startsWith('//', authorityStart)) {
    const rest = url.slice(authorityStart + 2);
    const authority = rest.slice(0, rest.search(/[/?#\\]|$/));
    parts.host = hostOf(authority);
  }
  return parts;
}

/** An IPv6 host without the brackets a URL writes it in (`[::1]` → `::1`); any other host as it is. */
export function withoutBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** `user@host:port` → `host`, lowercased; IPv6 keeps its brackets. */
function hostOf(authority: string): string {
  const withoutUser = authority.slice(authority.lastIndexOf('@') + 1);
  const port = withoutUser.startsWith('[') ? withoutUser.indexOf(']') + 1 : withoutUser.indexOf(':');
  return (port >= 0 ? withoutUser.slice(0, port) : withoutUser).toLowerCase();
}

/**
 * Where a problem of a target's URL points: the URL, without the blanks an attribute's
 * value may pad it with (browsers drop them), so that an edit of it keeps them.
 */
export function writtenUrlSpan(target: LinkTarget): Span {
  const start = target.urlSpan.start + target.url.length - target.url.trimStart().length;
  return { start, end: start + target.url.trim().length };
}

/** Whether a host name matches a configured entry: exactly, or under `*.example.org`. */
export function hostMatches(host: string, entry: string): boolean {
  const pattern = entry.trim().toLowerCase();
  if (pattern.startsWith('*.')) return host === pattern.slice(2) || host.endsWith(pattern.slice(1));
  return host === pattern;
}

/** An address such as `team@example.org`, with or without `mailto:`. */
export function isEmailAddress(url: string): boolean {
  return /^mailto:/i.test(url) || /^[^\s/:@]+@[^\s/:@]+\.[^\s/:@]+$/.test(url);
}

/** Built by Hugo (a template or shortcode inside the URL): only Hugo knows what it becomes. */
export function isTemplated(url: string): boolean {
  return url.includes('{{');
}

/**
 * Every link target of the body, each URL once: links that share a reference
 * definition share its URL span, and a problem of that URL is reported (and
 * fixed) once, on the definition.
 */
export function uniqueTargets(body: BodyModel): readonly LinkTarget[] {
  // Most link rules ask for them: worked out once per post.
  let targets = uniqueTargetsOf.get(body);
  if (targets) return targets;
  const seen = new Set<string>();
  targets = linkTargets(body).filter((target) => {
    const key = `${target.urlSpan.start}:${target.urlSpan.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  uniqueTargetsOf.set(body, targets);
  return targets;
}

const uniqueTargetsOf = new WeakMap<BodyModel, readonly LinkTarget[]>();

/** The span of `name="value"` of an HTML attribute or shortcode parameter holding `valueSpan`. */
export function attributeSpan(text: string, body: BodyModel, owner: Span, valueSpan: Span, name: string): Span {
  for (const shortcode of body.shortcodes) {
    const param = shortcode.params.find((p) => p.valueSpan.start === valueSpan.start && p.valueSpan.end === valueSpan.end);
    if (param) return param.span;
  }
  // An HTML attribute: its name is the last occurrence of `name` before the value,
  // and a quote right after the value closes it.
  const nameStart = text.slice(owner.start, valueSpan.start).toLowerCase().lastIndexOf(name.toLowerCase());
  if (nameStart === -1) return owner;
  const quote = text[valueSpan.start - 1];
  const closes = (quote === '"' || quote === "'") && text[valueSpan.end] === quote;
  return { start: owner.start + nameStart, end: valueSpan.end + (closes ? 1 : 0) };
}

/** The `[` … `]` around a Markdown link's text, when they are there. */
export function bracketSpan(text: string, link: LinkRef): Span | undefined {
  const inner = link.textSpan;
  if (!inner || text[inner.start - 1] !== '[' || text[inner.end] !== ']') return undefined;
  return { start: inner.start - 1, end: inner.end + 1 };
}
