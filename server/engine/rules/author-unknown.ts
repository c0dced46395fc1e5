import { isScalar, isSeq, type Node } from 'yaml';
import { nodeSpan } from '../frontmatter';
import { defineRule } from '../rule';
import { closest } from '../suggest';

function authorNodes(node: Node | undefined): Node[] {
  if (isSeq(node)) return node.items as Node[];
  return node ? [node] : [];
}

/** The theme looks the author up in data/authors: an unknown key shows no author on the post. */
export default defineRule({
  meta: {
    id: 'author-unknown',
    description: "`author` must be a key of the site's data/authors file.",
    defaultSeverity: 'error',
    fixable: true,
  },
  check({ post, site, config, report }) {
    const frontMatter = post.frontMatter;
    if (!frontMatter?.document || !frontMatter.data || !site.authors) return;
    const known = new Set([...site.authors.keys(), ...config.authors]);
    for (const node of authorNodes(frontMatter.document.get('author', true) as Node | undefined)) {
      // The schema reports values of the wrong type; membership is this rule's alone.
      if (!isScalar(node) || typeof node.value !== 'string' || known.has(node.value)) continue;
      const span = nodeSpan(node, frontMatter.contentSpan.start);
      if (!span) continue;
      const author = node.value;
      const byName = [...site.authors].find(([, entry]) => entry.name?.toLowerCase() === author.toLowerCase())?.[0];
      const suggestion = byName ?? closest(author, known);
      report({
        span,
        message: suggestion
          ? `\`${author}\` is not an author of this site: did you mean \`${suggestion}\`? Use a key of data/authors.yaml.`
          : `\`${author}\` is not an author of this site: use a key of data/authors.yaml, or add the author there.`,
        fixes: suggestion
          ? [{ title: `Change the author to \`${suggestion}\``, edits: [{ span, newText: suggestion }], safe: false, preferred: true }]
          : [],
      });
    }
  },
});
