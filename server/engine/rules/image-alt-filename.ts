import { altSentence, filenameKind, filenameReason, readAlt, type FilenameKind } from '../text/alt-text';
import { defineRule } from '../rule';

function advice(kind: FilenameKind): string {
  if (kind === 'screenshot') return 'describe what the screenshot shows';
  if (kind === 'placeholder') return 'replace it with a description of what the image shows';
  return 'describe what the image shows';
}

/** What the alt is, then how that was told (for slugs) and what to write instead. */
function message(alt: string, kind: FilenameKind): string {
  const { what, how } = filenameReason(kind);
  const todo = advice(kind);
  const rest = how ? `${how}: ${todo}.` : `${todo[0].toUpperCase()}${todo.slice(1)}.`;
  return `${altSentence(alt, what)} ${rest}`;
}

/**
 * Tools fill alt text with the file's name, and authors leave placeholders: a
 * screen reader then reads `IMG_4821` aloud. The heuristics are in ../alt-text.
 */
export default defineRule({
  meta: {
    id: 'image-alt-filename',
    description: 'Alt text must describe the image, not repeat a file name, a tool\u2019s default name or a placeholder.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  check({ post, report }) {
    for (const image of post.body.images) {
      // Decorative images are skipped by screen readers: their alt is never heard.
      if (image.decorative) continue;
      const alt = readAlt(image);
      // Stryker disable next-line LogicalOperator: the parser sets altSpan exactly when alt is set, and an empty alt is no file name, so `&&` skips the same images
      if (!alt || !image.altSpan) continue;
      const kind = filenameKind(alt);
      if (!kind) continue;
      report({ span: image.altSpan, message: message(alt, kind) });
    }
  },
});
