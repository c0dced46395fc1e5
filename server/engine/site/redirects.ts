/**
 * Netlify-style redirects (`static/_redirects`, `netlify.toml`), which Cloudflare
 * Pages and GitLab Pages read too: `from to [status]`, with a `*` splat at the end
 * of `from` (`:splat` in `to`) and `:placeholder` segments.
 */
import { parse as parseToml } from 'smol-toml';
import { isRecord, pathKey } from './hugo-urls';

export interface Redirect {
  from: string;
  to: string;
  status: number;
  /** Where the rule is written, for messages (`static/_redirects`). */
  source: string;
  pattern: RegExp;
  names: string[];
}

export interface RedirectMatch {
  redirect: Redirect;
  /** The target with the splat and placeholders filled in. */
  target: string;
}

/** Text that a regular expression (without the `u` flag) matches as it is. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A rule's `from` as a regular expression over path keys (lower case, no trailing slash).
 * The rules are the pull request author's to write, so the pattern must match in linear
 * time whatever they say: literal segments are escaped whole; a placeholder is one
 * `/([^/]+)`, which cannot cross the `/` that starts the next segment; the splat is one
 * `(.*)` at the very end. No two quantifiers can share a character, so nothing backtracks.
 */
function compile(from: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const segments = pathKey(from).split('/').slice(1);
  let source = '';
  segments.forEach((segment, index) => {
    if (segment === '*' && index === segments.length - 1) {
      names.push('splat');
      source += '(?:/(.*))?';
    } else if (segment.startsWith(':')) {
      names.push(segment.slice(1));
      source += '/([^/]+)';
    } else if (segment !== '') source += `/${escapeRegex(segment)}`;
  });
  return { pattern: new RegExp(`^${source || '/'}$`), names };
}

function makeRedirect(from: string, to: string, status: number, source: string): Redirect | undefined {
  // Rules for another host (`https://old.example.org/*`) say nothing of this site's paths.
  if (!from.startsWith('/')) return undefined;
  return { from, to, status, source, ...compile(from) };
}

/**
 * A line up to its `#`. Not `/#.*$/`: a line of `#`s with a `\r` (which `.` does not
 * match) makes that pattern retry from every `#`, quadratic in the line's length.
 */
function withoutComment(line: string): string {
  const hash = line.indexOf('#');
  return hash === -1 ? line : line.slice(0, hash);
}

/** A URL or path cut at its first `?` or `#`: its query and fragment (not by `/[?#].*$/`, for the same reason). */
export function withoutQueryOrFragment(url: string): string {
  const cut = url.search(/[?#]/);
  return cut === -1 ? url : url.slice(0, cut);
}

/** Reads a `_redirects` file; comments, blank lines and malformed rules are skipped. */
export function parseRedirectsFile(text: string, source: string): Redirect[] {
  const rules: Redirect[] = [];
  for (const line of text.split('\n')) {
    const tokens = withoutComment(line).trim().split(/\s+/).filter(Boolean);
    if (tokens.length < 2) continue;
    const [from, ...rest] = tokens;
    // Query conditions (`id=:id`) come between `from` and `to`.
    while (rest.length > 1 && rest[0].includes('=') && !rest[0].startsWith('/') && !/^https?:/i.test(rest[0])) rest.shift();
    const [to, status] = rest;
    const code = status && /^\d{3}!?$/.test(status) ? Number.parseInt(status, 10) : 301;
    const rule = makeRedirect(from, to, code, source);
    if (rule) rules.push(rule);
  }
  return rules;
}

/** Reads the `[[redirects]]` tables of a `netlify.toml`. */
export function parseNetlifyToml(text: string, source: string): Redirect[] {
  let data: unknown;
  try {
    data = parseToml(text);
  } catch {
    return [];
  }
  const list = isRecord(data) && Array.isArray(data.redirects) ? data.redirects : [];
  const rules: Redirect[] = [];
  for (const entry of list) {
    if (!isRecord(entry) || typeof entry.from !== 'string' || typeof entry.to !== 'string') continue;
    const rule = makeRedirect(entry.from, entry.to, typeof entry.status === 'number' ? entry.status : 301, source);
    if (rule) rules.push(rule);
  }
  return rules;
}

/**
 * The first rule whose `from` matches the path, as Netlify applies them: top to
 * bottom. `key` is the path's lookup form; a splat keeps the path's trailing slash.
 */
export function matchRedirect(rules: readonly Redirect[], key: string, trailingSlash = false): RedirectMatch | undefined {
  const index = indexOf(rules);
  const bucket = index.byFirstSegment.get(key.split('/')[1] ?? '') ?? NONE;
  const anywhere = index.anywhere;
  // The rules that may match, still top to bottom: those for the path's first segment, and those that may match any.
  for (let i = 0, j = 0; i < bucket.length || j < anywhere.length; ) {
    const next = j >= anywhere.length || (i < bucket.length && bucket[i] < anywhere[j]) ? bucket[i++] : anywhere[j++];
    const found = applyRule(rules[next], key, trailingSlash);
    if (found) return found;
  }
  return undefined;
}

function applyRule(redirect: Redirect, key: string, trailingSlash: boolean): RedirectMatch | undefined {
  const match = redirect.pattern.exec(key);
  if (!match) return undefined;
  const values = new Map(redirect.names.map((name, index) => [name, match[index + 1] ?? '']));
  const splat = values.get('splat');
  if (splat && trailingSlash) values.set('splat', `${splat}/`);
  const target = redirect.to.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (whole, name: string) => values.get(name.toLowerCase()) ?? whole);
  return { redirect, target };
}

/**
 * The rules' positions by the literal first segment of their `from` (`/blog/*` under
 * `blog`), and those whose first segment is a placeholder or a splat: a path is tried
 * only against the rules that can match it, as Netlify's own matcher does, so fifty
 * thousand rules cost a look-up, not fifty thousand tries, per link.
 */
interface RedirectIndex {
  length: number;
  byFirstSegment: Map<string, number[]>;
  anywhere: number[];
}

const NONE: readonly number[] = [];
const indexes = new WeakMap<readonly Redirect[], RedirectIndex>();

function indexOf(rules: readonly Redirect[]): RedirectIndex {
  const known = indexes.get(rules);
  // The list only grows while the site is read; a longer list is indexed again.
  if (known && known.length === rules.length) return known;
  const index: RedirectIndex = { length: rules.length, byFirstSegment: new Map(), anywhere: [] };
  rules.forEach((rule, position) => {
    const first = pathKey(rule.from).split('/')[1] ?? '';
    if (first.startsWith(':') || first === '*') index.anywhere.push(position);
    else {
      const list = index.byFirstSegment.get(first);
      if (list) list.push(position);
      else index.byFirstSegment.set(first, [position]);
    }
  });
  indexes.set(rules, index);
  return index;
}
