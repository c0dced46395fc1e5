import { relevel } from '../text/heading-levels';
import { defineRule } from '../rule';

/** Screen reader users move by heading level; a skipped level reads as a missing section. */
export default defineRule({
  meta: {
    id: 'heading-increment',
    description: 'Heading levels go down one at a time: after the title (level 1) comes `##`, then `###`.',
    defaultSeverity: 'warning',
    fixable: 'editor',
  },
  check({ post, report }) {
    // The title, printed by the theme, is the level 1 heading every post starts under.
    let previous = 1;
    for (const heading of post.body.headings) {
      if (heading.level > previous + 1) {
        const expected = previous + 1;
        const after = previous === 1 ? 'the title (level 1)' : `a level ${previous} heading`;
        report({
          span: heading.span,
          message: `This level ${heading.level} heading comes right after ${after}, skipping a level: make it \`${'#'.repeat(expected)}\`.`,
          fixes: relevel(post.text, heading, expected, false),
        });
      }
      previous = heading.level;
    }
  },
});
