import { defineRule } from '../rule';

/** Broken front matter stops Hugo's build, or silently loses every key after the error. */
export default defineRule({
  meta: {
    id: 'frontmatter-syntax',
    description: 'Front matter must be a block Hugo can read: opened and closed as Hugo expects, valid YAML (or TOML or JSON), with `key: value` pairs and each key once.',
    defaultSeverity: 'error',
    fixable: 'editor',
  },
  check({ post, report }) {
    for (const problem of post.frontMatter?.problems ?? []) report(problem);
  },
});
