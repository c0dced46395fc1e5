import { keyRename, repeatedKeys } from '../frontmatter/key-case';
import { defineRule } from '../rule';
import { quoted } from '../text/quote';

/**
 * Hugo reads `Title:` as `title:`, so nothing breaks; but templates' `.Params`, other
 * tools and the next author meet two spellings. A site that wants one asks for it.
 */
export default defineRule({
  meta: {
    id: 'frontmatter-key-case',
    description: 'Front matter keys are written as the schema spells them (`title`, `publishDate`), though Hugo reads them in any case.',
    defaultSeverity: 'warning',
    fixable: 'safe',
  },
  check({ post, report }) {
    const frontMatter = post.frontMatter;
    if (!frontMatter) return;
    // A key repeated in another case is frontmatter-syntax's: renaming it would make an exact duplicate.
    const repeated = repeatedKeys(frontMatter.keys);
    for (const entry of frontMatter.keys) {
      const { key, keySpan, name } = entry;
      // `name` differs from the key only when a schema key matches it ignoring case (readKeysAsHugo).
      if (name === key || repeated.has(entry)) continue;
      report({
        span: keySpan,
        message: `${quoted(key, 35)} is spelt ${quoted(name, 35)} in the schema. Hugo reads both, but write ${quoted(name)} so that every post, and every tool that reads the file, spells the key one way.`,
        // Safe: Hugo reads both spellings as the same key, so the page does not change.
        fixes: [{ title: `Rename ${quoted(key)} to ${quoted(name)}`, edits: [keyRename(post.text, keySpan, name)], safe: true, preferred: true }],
      });
    }
  },
});
