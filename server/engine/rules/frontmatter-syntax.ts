import { defineRule } from '../rule';

/** Broken front matter stops Hugo's build, or silently loses every key after the error. */
export default defineRule({
  meta: {
    id: 'frontmatter-syntax',
    description: 'Front matter must be a closed block of valid YAML key-value pairs with unique keys.',
    defaultSeverity: 'error',
    fixable: false,
  },
  check({ post, report }) {
    for (const problem of post.frontMatter?.problems ?? []) report(problem);
  },
});
