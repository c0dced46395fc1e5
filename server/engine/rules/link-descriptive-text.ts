import { defineRule } from '../rule';

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

/** Link text such as "click here" makes a link meaningless out of its sentence. */
export default defineRule({
  meta: {
    id: 'link-descriptive-text',
    description: 'Link text must say where the link leads, not "here" or "read more".',
    defaultSeverity: 'warning',
    fixable: false,
  },
  check({ post, options, report }) {
    const phrases = new Set((options.phrases ?? DEFAULT_PHRASES).map(normalize));
    for (const link of post.body.links) {
      if (link.text === undefined || link.textSpan === undefined || link.textSpan.start === link.textSpan.end) continue;
      const said = normalize(link.text);
      if (said === '' || !phrases.has(said)) continue;
      report({
        span: link.textSpan,
        message: `Link text \`${link.text.trim()}\` does not say where the link leads, and screen readers often list links out of their sentence. Use words that name the target instead, such as the title of the page.`,
      });
    }
  },
});
