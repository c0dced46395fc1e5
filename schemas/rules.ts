import { z } from 'zod';

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
} satisfies Record<string, z.ZodObject>;

export type RuleId = keyof typeof RULE_OPTIONS;
export const RULE_IDS = Object.keys(RULE_OPTIONS) as RuleId[];
export type RuleOptions<Id extends RuleId> = z.infer<(typeof RULE_OPTIONS)[Id]>;
