import { z } from '../../../schemas/zod';
import { defineRule } from '../rule';
import { quoted } from '../text/quote';

/**
 * Texts that name no target. Screen reader users often jump from link to link,
 * hearing each text out of its sentence: "here" then tells them nothing. Words
 * that can name a target on their own (`Go`, the language; `blog`) are left out.
 */
export const DEFAULT_PHRASES = [
  'here',
  'click here',
  'click',
  'click this',
  'right here',
  'go here',
  'link',
  'this link',
  'link here',
  'this',
  'this page',
  'read more',
  'more',
  'learn more',
  'see more',
  'more info',
  'more information',
  'website',
  'this website',
];

/** Lower case, punctuation and blanks trimmed at both ends, inner blanks collapsed. */
function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/^[\s\p{Z}\p{P}]+|[\s\p{Z}\p{P}]+$/gu, '')
    .replace(/[\s\p{Z}]+/gu, ' ');
}

interface Phrases {
  normalized: Set<string>;
  /** The length of the longest, normalised. */
  longest: number;
}

// The phrases normalised once per list (the options of a config), not once per post.
const normalizedPhrases = new WeakMap<readonly string[], Phrases>();

function phraseSet(phrases: readonly string[]): Phrases {
  let set = normalizedPhrases.get(phrases);
  // Stryker disable next-line ConditionalExpression: a cache; computing again gives the same set
  if (!set) {
    const normalized = new Set(phrases.map(normalize));
    // Stryker disable next-line ArrowFunction: a longest length of NaN only turns the shortcut off
    normalizedPhrases.set(phrases, (set = { normalized, longest: Math.max(0, ...[...normalized].map((phrase) => phrase.length)) }));
  }
  return set;
}

// The shortcut below can only make the rule skip the exact comparison, never report:
// a mutant that weakens it (counts fewer letters, gives up earlier) changes no
// finding, only the time taken; the phrase tests prove it never hides a phrase.
// Stryker disable ConditionalExpression,LogicalOperator,EqualityOperator,UpdateOperator,BooleanLiteral,BlockStatement: a shortcut that only saves time
function isAsciiLetterOrDigit(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

/**
 * Whether `text` has more ASCII letters and digits than the longest phrase has
 * characters: normalising keeps each of them, so it cannot be one of the phrases.
 * Most link texts are told apart here, without normalising them.
 */
function longerThan(text: string, longest: number): boolean {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (isAsciiLetterOrDigit(text.charCodeAt(i)) && ++count > longest) return true;
  return false;
}
// Stryker restore all

/** Link text such as "click here" makes a link meaningless out of its sentence. */
export default defineRule({
  meta: {
    id: 'link-descriptive-text',
    description: 'Link text must say where the link leads, not "here" or "read more".',
    defaultSeverity: 'warning',
    fixable: false,
  },
  options: z
    .object({
      phrases: z
        .array(z.string())
        .default(DEFAULT_PHRASES)
        .describe('Link texts that say nothing about the target, compared case-insensitively after trimming punctuation. Replaces the default list.'),
    })
    .strict(),
  check({ post, options, report }) {
    const phrases = phraseSet(options.phrases);
    for (const link of post.body.links) {
      // The parser sets text and textSpan together; an empty text normalises to '' below.
      // Stryker disable next-line ConditionalExpression,LogicalOperator: text and textSpan are set together, so either test is enough
      if (link.text === undefined || link.textSpan === undefined) continue;
      // Stryker disable next-line ConditionalExpression: the shortcut only saves time (see longerThan)
      if (longerThan(link.text, phrases.longest)) continue;
      const said = normalize(link.text);
      if (said === '' || !phrases.normalized.has(said)) continue;
      report({
        span: link.textSpan,
        message: `Link text ${quoted(link.text.trim(), 50)} does not say where the link leads. Screen readers often list links out of their sentence: use words that name the target, such as the page\u2019s title.`,
      });
    }
  },
});
