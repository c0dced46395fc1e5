import { proseSpans } from '../text/prose';
import { quoted } from '../text/quote';
import { defineRule, type Post } from '../rule';
import type { Span } from '../types';
import { findPlaceholders, templateHints } from '../templates/placeholders';

/** Filler text that ships now and then; "TODO" is not one of them: it is an organisation's name. */
const FILLER = /\blorem ipsum\b/gi;

/** `[[resources]]` on a line of its own in TOML front matter is an array of tables, not a placeholder. */
function isTomlTableHeader(post: Post, span: Span): boolean {
  const frontMatter = post.frontMatter;
  if (frontMatter?.language !== 'toml' || span.start < frontMatter.contentSpan.start || span.end > frontMatter.contentSpan.end) return false;
  const lineStart = post.text.lastIndexOf('\n', span.start - 1) + 1;
  const lineEnd = post.text.indexOf('\n', span.end);
  return post.text.slice(lineStart, span.start).trim() === '' && post.text.slice(span.end, lineEnd === -1 ? undefined : lineEnd).replace(/#.*$/, '').trim() === '';
}

/** A published placeholder is a visible hole in the post. */
export default defineRule({
  meta: {
    id: 'template-placeholder',
    description: 'No template placeholder (`[[name]]`), template guidance or filler text is left in a post.',
    defaultSeverity: 'error',
    fixable: false,
  },
  check({ post, template, report }) {
    const hints = template ? templateHints(template) : [];
    // One scan of the whole text, then each prose part takes its own: scanning from each
    // part to the next `[[` cost time quadratic in the number of parts.
    const placeholders = post.text.includes('[[') ? findPlaceholders(post.text).filter((found) => !isTomlTableHeader(post, found.span)) : [];
    // Both in document order: one walk pairs each placeholder with the part that holds it.
    let next = 0;
    for (const part of proseSpans(post)) {
      while (next < placeholders.length && placeholders[next].span.start < part.start) next++;
      const inPart: typeof placeholders = [];
      for (let i = next; i < placeholders.length && placeholders[i].span.start < part.end; i++) if (placeholders[i].span.end <= part.end) inPart.push(placeholders[i]);
      for (const placeholder of inPart) {
        // The hint says what to write: it follows the advice, the first sentence staying short.
        const what = placeholder.hint ? `: ${placeholder.hint.replace(/[.\s]+$/, '').replaceAll('`', '\u02cb')}` : '';
        report({
          span: placeholder.span,
          message: `The placeholder ${quoted(`[[${placeholder.name}]]`, 60)} is still here. Replace it with your own text${what}.`,
        });
      }
      const text = post.text.slice(part.start, part.end);
      for (const hint of hints) {
        for (let at = text.indexOf(hint); at !== -1; at = text.indexOf(hint, at + hint.length)) {
          // Inside a placeholder, the placeholder itself is reported.
          if (text.slice(Math.max(0, at - 80), at).lastIndexOf('[[') > text.slice(Math.max(0, at - 80), at).lastIndexOf(']]')) continue;
          report({
            span: { start: part.start + at, end: part.start + at + hint.length },
            message: `${quoted(hint)} is the template\u2019s guidance, not the post\u2019s text. Replace it with your own words.`,
          });
        }
      }
      for (const match of text.matchAll(FILLER)) {
        report({
          span: { start: part.start + match.index, end: part.start + match.index + match[0].length },
          message: 'Filler text (\u201clorem ipsum\u201d) is still here. Replace it with the post\u2019s own words.',
        });
      }
    }
  },
});
