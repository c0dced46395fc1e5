import { z } from '../../../schemas/zod';
import type { Shortcode } from '../markdown';
import { defineRule, type FixSpec } from '../rule';
import { HUGO_SHORTCODES, isInlineShortcode, shortcodeCatalog } from '../site/shortcode-catalog';
import { quoted } from '../text/quote';
import { closest } from '../text/suggest';

/** Each opening tag's closing tag, paired by name as Hugo nests them. */
function closingTags(shortcodes: readonly Shortcode[]): Map<Shortcode, Shortcode> {
  const pairs = new Map<Shortcode, Shortcode>();
  const open = new Map<string, Shortcode[]>();
  for (const tag of shortcodes) {
    if (tag.selfClosing) continue;
    // Stryker disable next-line ArrayDeclaration: an entry at the bottom is popped only by a closing tag with nothing open, and pairs no tag
    const stack = open.get(tag.name) ?? [];
    open.set(tag.name, stack);
    if (!tag.closing) {
      stack.push(tag);
      continue;
    }
    // Stryker disable next-line ConditionalExpression,EqualityOperator: popping an empty stack pairs `undefined`, which no tag looks up
    if (stack.length > 0) pairs.set(stack.pop()!, tag);
  }
  return pairs;
}

function renameFix(tag: Shortcode, closing: Shortcode | undefined, name: string): FixSpec {
  const edits = [{ span: tag.nameSpan, newText: name }];
  if (closing) edits.push({ span: closing.nameSpan, newText: name });
  // A near name is a guess: the author may have meant a shortcode yet to be written.
  return { title: `Change the shortcode to ${quoted(name)}`, edits, safe: false, preferred: true };
}

/** Hugo stops the build on a shortcode it has no template for. */
export default defineRule({
  meta: {
    id: 'shortcode-unknown',
    description: 'Shortcodes must be ones the site, its theme or Hugo provides.',
    defaultSeverity: 'error',
    fixable: 'editor',
  },
  options: z
    .object({
      known: z.array(z.string()).default([]).describe('Shortcodes the site has beyond those found in its layouts, its theme and Hugo\u2019s built-ins.'),
    })
    .strict(),
  async check({ post, site, preset, options, workspace, siteCache, report, unverified }) {
    const tags = post.body.shortcodes.filter((tag) => !tag.closing && !isInlineShortcode(tag.name));
    // Stryker disable next-line ConditionalExpression: with no tags the loop below reports nothing; this only saves reading the catalog
    if (tags.length === 0) return;
    const listed = [...options.known, ...(preset.shortcodes ?? [])];
    const catalog = await shortcodeCatalog(siteCache, workspace, site);
    const names = [...new Set([...catalog.templates.keys(), ...listed, ...HUGO_SHORTCODES])];
    const known = new Set(names.map((name) => name.toLowerCase()));
    // Without the theme's layouts (or a list to stand for them), any other name may be real:
    // said to be unchecked, never reported.
    const undecidable = !catalog.complete && listed.length === 0;
    const pairs = closingTags(post.body.shortcodes);
    for (const tag of tags) {
      if (known.has(tag.name.toLowerCase())) continue;
      if (undecidable) {
        unverified(tag.nameSpan, 'the theme\u2019s layouts are not in this folder (a Hugo module, or a submodule not checked out), and the shortcode may be one of its own; list the site\u2019s shortcodes in rules.shortcode-unknown.known to check them');
        continue;
      }
      const suggestion = closest(tag.name, names);
      report({
        span: tag.nameSpan,
        message: suggestion
          ? `Unknown shortcode ${quoted(tag.name, 60)}. Did you mean ${quoted(suggestion, 60)}? Hugo stops the build on a shortcode it has no template for.`
          : `Unknown shortcode ${quoted(tag.name, 60)}. Neither the site, its theme nor Hugo provides it, so Hugo stops the build. Check the name, add ${quoted(`layouts/shortcodes/${tag.name}.html`)}, or list it in rules.shortcode-unknown.known.`,
        fixes: suggestion ? [renameFix(tag, pairs.get(tag), suggestion)] : [],
      });
    }
  },
});
