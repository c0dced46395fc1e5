import { isReportedVerdict, type ExternalVerdict } from '../links/external';
import { externalTargets } from '../links/external-targets';
import { writtenUrlSpan } from '../links/url-parts';
import type { LinkTarget } from '../links/link-targets';
import { defineRule, type FixSpec, type Problem } from '../rule';
import { FIRST_SENTENCE_MAX, quoted } from '../text/quote';
import type { Span } from '../types';

/** The reason phrases of the statuses a dead, redirected or login-only link answers most. */
const STATUS_NAMES: Readonly<Record<number, string>> = {
  301: 'Moved Permanently',
  308: 'Permanent Redirect',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  410: 'Gone',
  451: 'Unavailable For Legal Reasons',
};

const statusText = (status: number) => (STATUS_NAMES[status] ? `${status} ${STATUS_NAMES[status]}` : String(status));

/** The checker's words as the end of a sentence of ours: without their own full stop. */
const clause = (text: string) => text.trim().replace(/[.\s]+$/, '');

/** A failure as the checker words it, as a clause: "answers 503" reads "it answers 503". */
const failure = (detail: string) => {
  const text = clause(detail);
  return /^(?:answers|redirects)\b/.test(text) ? `it ${text}` : text;
};

/**
 * A first sentence naming the URL, shortened in its middle as far as it must be for the
 * sentence to fit (`FIRST_SENTENCE_MAX`, the quotes counted), never below 24 characters.
 */
function sentence(before: string, url: string, after: string): string {
  const room = Math.max(24, FIRST_SENTENCE_MAX - before.length - after.length - 2);
  return `${before}${quoted(url, room)}${after}`;
}

function dead(what: string, url: string, status: number): string {
  const why = status === 0 ? 'its host name no longer resolves' : `the server answers ${statusText(status)}`;
  const advice = what === 'image' ? 'Use a copy of the image kept with the site, or remove it' : 'Link to where the page moved, or to an archived copy, or remove the link';
  return `${sentence(`Dead ${what} `, url, `: ${why}.`)} ${advice}.`;
}

function failing(what: string, url: string, verdict: { detail: string; since: string }): string {
  // `since` is an ISO date, perhaps with a time: the day is what a reader needs.
  const first = sentence(`Failing ${what} `, url, `: it has kept failing since ${verdict.since.slice(0, 10)}.`);
  return `${first} Last failure: ${failure(verdict.detail)}. Open it to see whether the site is gone for good; if so, link to an archived copy or remove the ${what}.`;
}

function redirected(what: string, url: string, status: number, newUrl: string): string {
  return `${sentence(`Redirected ${what} `, url, `: it moved for good (${statusText(status)}).`)} Change it to ${quoted(newUrl, 200)}, where the page now is.`;
}

function loginRequired(what: string, url: string, status: number): string {
  const first = sentence(`The ${what} `, url, ` needs a login: the server answers ${statusText(status)}.`);
  return `${first} Readers without an account cannot open it; link to a public page if there is one.`;
}

/**
 * What the URL becomes: the redirect's target in place of the part before the fragment,
 * so that the fragment the author wrote stays, byte for byte (it wins over one of the target's).
 */
function movedUrl(written: string, key: string, finalUrl: string): { replacement: string; fragment: string } {
  const fragment = written.slice(key.length);
  return { replacement: fragment === '' ? finalUrl : finalUrl.replace(/#.*$/s, ''), fragment };
}

/** None when the new URL holds what could end it where it is written: a blank, a quote, a bracket, an unmatched parenthesis. */
function redirectFix(urlSpan: Span, key: string, moved: { replacement: string; fragment: string }, safe: boolean): FixSpec | undefined {
  const { replacement, fragment } = moved;
  if (/[\s<>"'`\\]/.test(replacement) || !balanced(replacement) || replacement === key) return undefined;
  return {
    title: `Change to ${quoted(replacement + fragment)}`,
    edits: [{ span: { start: urlSpan.start, end: urlSpan.start + key.length }, newText: replacement }],
    safe,
    preferred: true,
  };
}

/** Whether every `(` has its `)`: a Markdown link's destination ends at an unmatched one. */
function balanced(url: string): boolean {
  let depth = 0;
  for (const char of url) {
    if (char === '(') depth++;
    else if (char === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

interface Found {
  target: LinkTarget;
  key: string;
  verdict: ExternalVerdict;
  span: Span;
}

/** The problem a verdict makes, or a reason the link is unverified, or nothing. */
function problemOf({ target, key, verdict, span }: Found, reportLoginRequired: boolean): Problem | { unverified: string } | undefined {
  const what = target.image ? 'image' : 'link';
  const written = target.url.trim();
  switch (verdict.kind) {
    case 'alive':
      return undefined;
    case 'dead':
      return { span, message: dead(what, written, verdict.status) };
    case 'failing':
      return { span, message: failing(what, written, verdict) };
    case 'redirected': {
      const moved = movedUrl(written, key, verdict.finalUrl);
      const fix = redirectFix(span, key, moved, verdict.safe);
      const message = redirected(what, written, verdict.status, moved.replacement + moved.fragment);
      // A redirect still leads readers to the page: worth a warning, never an error.
      return { span, message, atMost: 'warning', ...(fix ? { fixes: [fix] } : {}) };
    }
    case 'login-required': {
      if (!isReportedVerdict(verdict, reportLoginRequired)) return undefined;
      // The page exists: a warning, as for redirects.
      return { span, message: loginRequired(what, written, verdict.status), atMost: 'warning' };
    }
    case 'not-checked':
      return { unverified: `not requested by the dead-link check: ${clause(verdict.reason)}` };
    case 'unknown':
      return { unverified: `one failed run is not proof that it is dead: ${failure(verdict.detail)}` };
  }
}

/**
 * Links to other sites that no longer work, as the dead-link check (Node layer, opt-in)
 * found them: the rule only reads its verdicts, and without them reports nothing.
 */
export default defineRule({
  meta: {
    id: 'link-dead',
    description: 'Links and images to other sites should still work: not gone, not failing for days, not moved for good (checked with `--check-external`).',
    defaultSeverity: 'error',
    fixable: 'safe or editor',
  },
  check({ post, site, config, externalVerdict, report, unverified }) {
    if (!externalVerdict) return;
    const reportLoginRequired = config.checkExternal?.reportLoginRequired ?? false;
    for (const { target, key } of externalTargets(post.body, site.baseURL)) {
      const verdict = externalVerdict(key);
      if (!verdict) continue;
      const span = writtenUrlSpan(target);
      const found = problemOf({ target, key, verdict, span }, reportLoginRequired);
      if (found && 'unverified' in found) unverified(span, found.unverified);
      else if (found) report(found);
    }
  },
});
