import { altSentence, readAlt, REDUNDANT_PREFIX, redundantPrefix } from '../text/alt-text';
import { quoted } from '../text/quote';
import type { FixSpec } from '../rule';
import { defineRule } from '../rule';
import type { Span } from '../types';

/**
 * The edit that drops the opening words as they are written, capitalising the
 * next letter when the opening was capitalised. None when the written text does
 * not begin with them plainly (markup or character references in the way).
 */
function dropPrefix(written: string, at: number): { span: Span; fix?: FixSpec } | undefined {
  const lead = written.length - written.trimStart().length;
  const match = REDUNDANT_PREFIX.exec(written.slice(lead));
  if (!match) return undefined;
  const start = at + lead;
  const words = match[0].trimEnd();
  const span = { start, end: start + words.length };
  const rest = written.slice(lead + match[0].length);
  const next = String.fromCodePoint(rest.codePointAt(0) ?? 0x20);
  // Unreachable today: the opening's final \s+ takes every space after it, so `rest` is empty only when the alt
  // is nothing but the opening, which redundantPrefix rejects. Kept so that a fix can never empty the alt.
  // Stryker disable next-line ConditionalExpression,MethodExpression,StringLiteral,ObjectLiteral: unreachable, see above
  if (rest.trim() === '') return { span };
  const capitalised = /^\p{Lu}/u.test(words);
  // Stryker disable next-line Regex: `next` is a single code point, so the anchors change nothing
  const capitalise = capitalised && /^\p{Ll}$/u.test(next);
  const end = start + match[0].length + (capitalise ? next.length : 0);
  return {
    span,
    fix: {
      title: `Remove ${quoted(words)}`,
      edits: [{ span: { start, end }, newText: capitalise ? next.toUpperCase() : '' }],
      safe: true,
      preferred: true,
    },
  };
}

/** Screen readers announce an image before its alt: "image, image of a cat" says it twice. */
export default defineRule({
  meta: {
    id: 'image-alt-redundant',
    description: 'Alt text should not begin with "image of", "photo of" and the like: screen readers already say it is an image.',
    defaultSeverity: 'warning',
    fixable: 'safe',
    // A file name or placeholder must be rewritten whole: removing "image of" from it would not help.
    yieldsTo: ['image-alt-filename'],
  },
  check({ post, report }) {
    for (const image of post.body.images) {
      if (image.decorative) continue;
      const alt = readAlt(image);
      // Stryker disable next-line ConditionalExpression,LogicalOperator: the parser sets altSpan exactly when alt is set, and a missing or empty alt has no redundant opening, so the next line skips it anyway
      if (!alt || !image.altSpan) continue;
      const words = redundantPrefix(alt);
      if (!words) continue;
      const written = post.text.slice(image.altSpan.start, image.altSpan.end);
      const found = dropPrefix(written, image.altSpan.start);
      report({
        span: found?.span ?? image.altSpan,
        message: `${altSentence(alt, `begins with ${quoted(words.trim())}`)} Screen readers already announce an image, so start with what it shows.`,
        fixes: found?.fix ? [found.fix] : [],
      });
    }
  },
});
