import { relevel, titleLevelOf } from '../text/heading-levels';
import { defineRule } from '../rule';

/** Hugo themes print the front matter title as the page's H1; a body H1 makes a second one. */
export default defineRule({
  meta: {
    id: 'heading-title-duplicate',
    description: 'A post\u2019s body has no `# H1`: the theme already shows the front matter title as the page\u2019s heading.',
    defaultSeverity: 'warning',
    fixable: 'editor',
  },
  async check(context) {
    const { post, report } = context;
    if (!post.body.headings.some((heading) => heading.level === 1)) return;
    // Only where the theme is known to print the title as the page's <h1>.
    if ((await titleLevelOf(context)) !== 1) return;
    for (const heading of post.body.headings) {
      if (heading.level !== 1) continue;
      const title = typeof post.frontMatter?.data?.title === 'string' ? post.frontMatter.data.title.trim() : undefined;
      const same = title !== undefined && title.toLowerCase() === heading.text.trim().toLowerCase();
      report({
        span: heading.span,
        message: same
          ? 'This heading repeats the title, which the theme already shows as the page\u2019s heading. Remove it.'
          : 'The theme already shows the title as the page\u2019s level 1 heading. Make this one \u201c##\u201d, a section of the post.',
        // Changing one heading's level can leave the ones below it out of step: the editor offers it, --fix does not.
        fixes: relevel(post.text, heading, 2, false),
      });
    }
  },
});
