import { defineRule } from '../rule';
import { quoted } from '../text/quote';
import { closest } from '../text/suggest';

/** The theme looks the author up in data/authors: an unknown key shows no author on the post. */
export default defineRule({
  meta: {
    id: 'author-unknown',
    description: '`author` must be a key of the site\u2019s `data/authors.yaml` (or `.yml`, `.toml`, `.json`).',
    defaultSeverity: 'error',
    fixable: 'editor',
  },
  check({ post, site, config, report }) {
    const frontMatter = post.frontMatter;
    if (!frontMatter?.data || !site.authors) return;
    const known = new Set([...site.authors.keys(), ...config.authors]);
    const value = frontMatter.data.author;
    const authors = Array.isArray(value) ? value.map((author, index) => ({ author, path: ['author', index] })) : [{ author: value, path: ['author'] }];
    for (const { author, path } of authors) {
      // The schema reports values of the wrong type; membership is this rule's alone.
      if (typeof author !== 'string' || known.has(author)) continue;
      const location = frontMatter.valueAt(path);
      if (!location) continue;
      const span = location.span;
      // Where only the whole list can be pointed at (TOML), the fix would replace the list.
      const exact = location.depth === path.length;
      const byName = [...site.authors].find(([, entry]) => entry.name?.toLowerCase() === author.toLowerCase())?.[0];
      const suggestion = byName ?? closest(author, known);
      report({
        span,
        message: suggestion
          ? `${quoted(author, 60)} is not an author of this site. Did you mean ${quoted(suggestion, 60)}? Use a key of data/authors.yaml.`
          : `${quoted(author, 60)} is not an author of this site. Use a key of data/authors.yaml, or add the author there.`,
        fixes: suggestion && exact
          ? [{ title: `Change the author to ${quoted(suggestion, 60)}`, edits: [{ span, newText: suggestion }], safe: false, preferred: true }]
          : [],
      });
    }
  },
});
