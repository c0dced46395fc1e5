import { altLength, quoteAlt, readAlt, reportedBefore } from '../alt-text';
import { defineRule } from '../rule';

const DEFAULT_MAX = 150;

/** Screen readers read an alt in one breath, with no way to skim or go back a sentence. */
export default defineRule({
  meta: {
    id: 'image-alt-length',
    description: 'Alt text should be short: at most `max` characters (150 by default).',
    defaultSeverity: 'warning',
    fixable: false,
  },
  check({ post, config, options, report }) {
    const max = options.max ?? DEFAULT_MAX;
    for (const image of post.body.images) {
      const alt = readAlt(image);
      // A text has no more characters than UTF-16 units: short ones need no counting.
      if (!alt || alt.length <= max || !image.altSpan || image.decorative) continue;
      const length = altLength(alt);
      if (length <= max || reportedBefore('image-alt-length', alt, config)) continue;
      report({
        span: image.altSpan,
        message: `Alt text \`${quoteAlt(alt, 40)}\` is ${length} characters long, more than ${max}: say what the image shows in a sentence, and move the details to a caption or the text around it.`,
      });
    }
  },
});
