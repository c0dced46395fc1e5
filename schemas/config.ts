import { z } from 'zod';
import { POST_KINDS } from './posts';
import { PRESET_NAMES } from './presets';
import { RULE_IDS, RULE_OPTIONS } from './rules';

/** The schema of `.postlintrc.json`. Its JSON Schema, for editors, is generated from it. */

export const SEVERITY_NAMES = ['off', 'warn', 'error'] as const;

const severity = z
  .union([z.enum(SEVERITY_NAMES), z.literal(0), z.literal(1), z.literal(2)])
  .describe('off (or 0), warn (or 1), error (or 2), as in ESLint.');

function ruleSetting(options: z.ZodObject) {
  return z.union([severity, z.tuple([severity]), z.tuple([severity, options])]);
}

const rules = z
  .object(Object.fromEntries(RULE_IDS.map((id) => [id, ruleSetting(RULE_OPTIONS[id]).optional()])))
  .strict()
  .describe('Severity and options of each rule: "error", "warn", "off", or ["warn", { options }].');

const kindMatcher = z
  .object({
    titles: z.array(z.string()).optional().describe('Regular expressions (case-insensitive) matched against the title.'),
    files: z.array(z.string()).optional().describe('Globs on the path from the site root.'),
  })
  .strict();

const templates = z
  .object({
    'member-welcome': z.string().optional().describe('A Markdown file, from the site root, to use as the member-welcome template.'),
    'event-recap': z.string().optional().describe('A Markdown file, from the site root, to use as the event-recap template.'),
    folder: z.string().optional().describe('Where `postlint new` writes posts, from the site root. Default: the blog folder of the preset.'),
    datePrefix: z.boolean().optional().describe('Start new posts\u2019 file names with their date (YYYY-MM-DD-). Default: false.'),
    author: z.string().optional().describe('The author new posts get when none is given. Default: the preset\u2019s.'),
    siteName: z.string().optional().describe('How templates name the site in running text. Default: the preset\u2019s, else the Hugo title.'),
    about: z
      .string()
      .optional()
      .describe('A file, from the site root, with the site\u2019s standard "About" text for member welcomes. Default: data/postlint/about.md.'),
  })
  .strict()
  .describe('Templates for new posts and what `postlint new` fills in.');

export const configSchema = z
  .object({
    $schema: z.string().optional().describe('The JSON Schema of this file, for editors.'),
    extends: z.enum(PRESET_NAMES).optional().describe('The preset to start from. Default: todogroup on todogroup.org, hugo elsewhere.'),
    rules: rules.optional(),
    posts: z.array(z.string()).optional().describe('Globs, from the site root, of the files that are posts. Default: the preset\u2019s.'),
    ignore: z.array(z.string()).optional().describe('Globs, from the site root, of files never to check.'),
    authors: z.array(z.string()).optional().describe('Authors accepted beyond the keys of data/authors.yaml.'),
    kinds: z
      .object(Object.fromEntries(POST_KINDS.filter((kind) => kind !== 'post').map((kind) => [kind, kindMatcher.optional()])))
      .strict()
      .optional()
      .describe('How to recognise each kind of post that does not name its kind, replacing the preset\u2019s matchers.'),
    templates: templates.optional(),
  })
  .strict();

export type PostlintConfig = z.infer<typeof configSchema>;
