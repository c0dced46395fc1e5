import { defineRule } from '../rule';

/** A post with no front matter has no title or date: Hugo publishes it untitled and undated. */
export default defineRule({
  meta: {
    id: 'frontmatter-missing',
    description: 'A post must start with a YAML front matter block.',
    defaultSeverity: 'error',
    fixable: 'editor',
  },
  check(context) {
    const { post, preset, report } = context;
    if (post.frontMatter) return;
    const firstLineEnd = post.lines.lineEnd(0);
    // Read only here: a check that reads the clock is not reproducible (CheckResult.reproducible).
    const date = context.now.toISOString().slice(0, 10);
    const author = preset.defaultAuthor ? `author: ${preset.defaultAuthor}\n` : '';
    report({
      span: { start: 0, end: firstLineEnd },
      message: 'This post has no front matter. Start it with a “---” block holding at least its “title” and “date”.',
      fixes: [
        {
          title: 'Add a front matter block',
          edits: [{ span: { start: 0, end: 0 }, newText: `---\ntitle: ""\ndate: ${date}\n${author}---\n\n` }],
          // The title must still be written by the author, so --fix never adds it.
          safe: false,
        },
      ],
    });
  },
});
