import { z } from './zod';
import { globString } from './site-paths';

/**
 * The options each rule takes in `.postlintrc.json`. The rule modules read their
 * options through these schemas, and the config file's JSON Schema is made from
 * them, so the editor completes exactly what the rules accept.
 */
export const RULE_OPTIONS = {
  'frontmatter-missing': z.object({}).strict(),
  'frontmatter-syntax': z.object({}).strict(),
  'frontmatter-schema': z.object({}).strict(),
  'frontmatter-unknown-key': z
    .object({
      allow: z.array(z.string()).optional().describe('Keys to accept although the schema does not know them (a theme\u2019s own keys).'),
      mode: z
        .enum(['all', 'typos'])
        .optional()
        .describe('`all` reports every unknown key; `typos` only keys that look like a known key misspelt. Default: the preset\u2019s.'),
    })
    .strict(),
  'author-unknown': z.object({}).strict(),
  'date-filename-mismatch': z.object({}).strict(),

  'link-empty-text': z.object({}).strict(),
  'link-descriptive-text': z
    .object({
      phrases: z
        .array(z.string())
        .optional()
        .describe('Link texts that say nothing about the target, compared case-insensitively after trimming punctuation. Replaces the default list.'),
    })
    .strict(),
  'link-empty-url': z.object({}).strict(),
  'link-bare-url': z.object({}).strict(),
  'link-insecure': z
    .object({
      allowHosts: z.array(z.string()).optional().describe('Hosts that serve no https: their http:// links are not reported.'),
      httpsHosts: z
        .array(z.string())
        .optional()
        .describe('Hosts known to serve the same pages over https: their links are upgraded by --fix. The site\u2019s own host always counts when its baseURL is https.'),
    })
    .strict(),
  'link-tracking-params': z
    .object({
      params: z.array(z.string()).optional().describe('More query parameters to report (a trailing * matches a prefix, as in utm_*).'),
      allow: z.array(z.string()).optional().describe('Parameters never to report, even if the default list has them.'),
    })
    .strict(),
  'link-no-scheme': z.object({}).strict(),
  'link-malformed': z.object({}).strict(),
  'link-broken-local': z
    .object({
      ignore: z
        .array(globString('A link target: a path from the site root, or a glob.'))
        .optional()
        .describe('Link targets (paths from the site root, globs allowed) never to report, such as pages other tools generate.'),
    })
    .strict(),
  'link-broken-fragment': z.object({}).strict(),

  'image-alt-missing': z.object({}).strict(),
  'image-alt-empty': z.object({}).strict(),
  'image-alt-filename': z.object({}).strict(),
  'image-alt-redundant': z.object({}).strict(),
  'image-alt-length': z
    .object({ max: z.number().int().positive().optional().describe('The longest alt text accepted, in characters. Default 150.') })
    .strict(),

  'shortcode-syntax': z.object({}).strict(),
  'shortcode-unknown': z
    .object({ known: z.array(z.string()).optional().describe('Shortcodes the site has beyond those found in its layouts, its theme and Hugo\u2019s built-ins.') })
    .strict(),

  'text-mojibake': z.object({}).strict(),

  'template-structure': z.object({}).strict(),
  'template-placeholder': z.object({}).strict(),
  'heading-increment': z.object({}).strict(),
  'heading-title-duplicate': z.object({}).strict(),
} satisfies Record<string, z.ZodObject>;

export type RuleId = keyof typeof RULE_OPTIONS;
export const RULE_IDS = Object.keys(RULE_OPTIONS) as RuleId[];
