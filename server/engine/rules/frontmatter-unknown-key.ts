import { topLevelPairs } from '../frontmatter';
import { defineRule } from '../rule';
import { closest } from '../suggest';

/** Hugo passes an unknown key to the theme, which ignores it: a misspelt key is a lost value. */
export default defineRule({
  meta: {
    id: 'frontmatter-unknown-key',
    description: 'Front matter keys must be ones the post kind knows; misspelt keys are lost.',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check({ post, schema, preset, options, report }) {
    const frontMatter = post.frontMatter;
    if (!frontMatter?.data) return;
    const known = Object.keys(schema.shape);
    const allowed = new Set([...known, ...(options.allow ?? [])]);
    const mode = options.mode ?? preset.unknownKeys;
    const present = new Set(topLevelPairs(frontMatter).map((pair) => pair.key));
    for (const { key, keySpan } of topLevelPairs(frontMatter)) {
      if (allowed.has(key)) continue;
      const suggestion = closest(key, known);
      if (mode === 'typos' && suggestion === undefined) continue;
      const renameIsSafe = suggestion !== undefined && suggestion.toLowerCase() === key.toLowerCase() && !present.has(suggestion);
      report({
        span: keySpan,
        message: suggestion
          ? `Unknown front matter key \`${key}\`: did you mean \`${suggestion}\`? Rename it so the site reads it.`
          : `Unknown front matter key \`${key}\`: the ${preset.name} preset does not read it. Remove it, or allow it in .postlintrc.json (rules.frontmatter-unknown-key.allow).`,
        fixes: suggestion
          ? [{ title: `Rename \`${key}\` to \`${suggestion}\``, edits: [{ span: keySpan, newText: suggestion }], safe: renameIsSafe, preferred: true }]
          : [],
      });
    }
  },
});
