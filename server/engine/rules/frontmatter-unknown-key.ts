import { z } from '../../../schemas/zod';
import { defineRule } from '../rule';
import { keyRename, repeatedKeys } from '../frontmatter/key-case';
import { closest } from '../text/suggest';

/**
 * In `typos` mode a theme's own keys must pass: only a key one slip away from a
 * known key is reported, never a singular or plural of it (`image` for a theme's
 * featured image is not a misspelt `images`).
 */
function looksMisspelt(key: string, suggestion: string | undefined): suggestion is string {
  if (suggestion === undefined) return false;
  const a = key.toLowerCase();
  const b = suggestion.toLowerCase();
  // Stryker disable next-line ConditionalExpression: a key equal to its suggestion is no plural of it either, so the line below also returns true; this only says it first
  if (a === b) return true;
  return !(a === `${b}s` || b === `${a}s` || a === `${b}es` || b === `${a}es`);
}

/** Hugo passes an unknown key to the theme, which ignores it: a misspelt key is a lost value. */
export default defineRule({
  meta: {
    id: 'frontmatter-unknown-key',
    description: 'Front matter keys must be ones the post\u2019s kind knows: a misspelt key is a lost value.',
    defaultSeverity: 'warning',
    fixable: 'editor',
  },
  options: z
    .object({
      allow: z.array(z.string()).default([]).describe('Keys to accept although the schema does not know them (a theme\u2019s own keys).'),
      mode: z
        .enum(['all', 'typos'])
        .optional()
        .describe('`all` reports every unknown key; `typos` only keys that look like a known key misspelt. Default: the preset\u2019s.'),
    })
    .strict(),
  check({ post, schema, preset, options, report }) {
    const frontMatter = post.frontMatter;
    if (!frontMatter?.data) return;
    const known = Object.keys(schema.shape);
    const schemaKeys = new Set(known);
    const mode = options.mode ?? preset.unknownKeys;
    // Hugo reads keys in any case: so does `allow`. A key that repeats another in another case is frontmatter-syntax's.
    const allowed = new Set(options.allow.map((key) => key.toLowerCase()));
    const repeated = repeatedKeys(frontMatter.keys);
    for (const entry of frontMatter.keys) {
      const { key, keySpan, name } = entry;
      if (schemaKeys.has(name) || allowed.has(key.toLowerCase()) || repeated.has(entry)) continue;
      const suggestion = closest(key, known);
      if (mode === 'typos' && !looksMisspelt(key, suggestion)) continue;
      report({
        span: keySpan,
        message: suggestion
          ? `Unknown front matter key \`${key}\`: did you mean \`${suggestion}\`? Rename it so the site reads it.`
          : `Unknown front matter key \`${key}\`: the ${preset.name} preset does not read it. Remove it, or allow it in .postlintrc.json (rules.frontmatter-unknown-key.allow).`,
        fixes: suggestion ? [{ title: `Rename \`${key}\` to \`${suggestion}\``, edits: [keyRename(post.text, keySpan, suggestion)], safe: false, preferred: true }] : [],
      });
    }
  },
});
