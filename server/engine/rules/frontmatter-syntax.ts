import { defineRule } from '../rule';

const ORG_NOT_READ = 'its front matter is Org-mode\u2019s \u201c#+key:\u201d lines, which Hugo reads and Postlint does not: its keys and values are not checked';

/** Broken front matter stops Hugo's build, or silently loses every key after the error. */
export default defineRule({
  meta: {
    id: 'frontmatter-syntax',
    description: 'Front matter must be a block Hugo can read: opened and closed as Hugo expects, valid YAML (or TOML or JSON), with `key: value` pairs and each key once.',
    defaultSeverity: 'error',
    fixable: 'editor',
  },
  check({ post, report, unverified }) {
    for (const problem of post.frontMatter?.problems ?? []) report(problem);
    // Hugo builds a page whose front matter is Org-mode's `#+key:` lines: nothing wrong, only unread here.
    if (post.frontMatter?.language === 'org') unverified(post.frontMatter.openSpan, ORG_NOT_READ);
  },
});
