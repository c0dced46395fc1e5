import { relevel, titleLevelOf } from '../text/heading-levels';
import { defineRule, type RuleContext } from '../rule';
import { quoted } from '../text/quote';

/** Screen reader users move by heading level; a skipped level reads as a missing section. */
export default defineRule({
  meta: {
    id: 'heading-increment',
    description: 'Heading levels go down one at a time: after the title (level 1 in most themes) comes `##`, then `###`.',
    defaultSeverity: 'warning',
    fixable: 'editor',
  },
  check(context) {
    if (context.post.body.headings.length === 0) return;
    // The title, printed by the theme, is the heading every post starts under, at the level
    // its layout prints it; where no one knows that level, the first heading is not judged.
    const titleLevel = titleLevelOf(context);
    return titleLevel instanceof Promise ? titleLevel.then((level) => checkLevels(context, level)) : checkLevels(context, titleLevel);
  },
});

function checkLevels({ post, report }: RuleContext<unknown>, titleLevel: number | undefined): void {
  let previous = titleLevel;
  for (const heading of post.body.headings) {
    if (previous !== undefined && heading.level > previous + 1) {
      const expected = previous + 1;
      const after = previous === titleLevel && heading === post.body.headings[0] ? `the title (level ${previous})` : `a level ${previous} heading`;
      report({
        span: heading.span,
        message: `This level ${heading.level} heading skips a level after ${after}. Make it ${quoted('#'.repeat(expected))}.`,
        fixes: relevel(post.text, heading, expected, false),
      });
    }
    previous = heading.level;
  }
}
