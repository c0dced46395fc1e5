import { z } from '../../../schemas/zod';
import { altLength, altSentence, readAlt } from '../text/alt-text';
import { defineRule } from '../rule';

/** Screen readers read an alt in one breath, with no way to skim or go back a sentence. */
export default defineRule({
  meta: {
    id: 'image-alt-length',
    description: 'Alt text should be short: at most `max` characters (150 by default).',
    defaultSeverity: 'warning',
    fixable: false,
    // A file name must be rewritten anyway, and a redundant opening has a safe fix, after which the length is checked again.
    yieldsTo: ['image-alt-filename', 'image-alt-redundant'],
  },
  options: z
    .object({ max: z.number().int().positive().default(150).describe('The longest alt text accepted, in characters.') })
    .strict(),
  check({ post, options, report }) {
    const { max } = options;
    for (const image of post.body.images) {
      if (image.decorative) continue;
      const alt = readAlt(image);
      // Stryker disable next-line LogicalOperator: the parser sets altSpan exactly when alt is set, and an empty alt is never too long, so `&&` skips the same images
      if (!alt || !image.altSpan) continue;
      // A text has no more characters than UTF-16 units: short ones need no counting.
      // Stryker disable next-line ConditionalExpression,EqualityOperator: altLength below never exceeds alt.length, so without this shortcut the same alts are reported
      if (alt.length <= max) continue;
      const length = altLength(alt);
      if (length <= max) continue;
      report({
        span: image.altSpan,
        message: `${altSentence(alt, `is ${length} characters long, more than ${max}`)} Say what the image shows in a sentence, and move the details to a caption or the text around it.`,
      });
    }
  },
});
