import { z } from './zod';
import { POST_KINDS } from './posts';
import { PATTERN_SYNTAX, titlePatternError } from './patterns';
import { PRESET_NAMES } from './presets';
import { GLOB_SYNTAX } from './globs';
import { checkedString, globString, sitePath, siteGlob } from './site-paths';
import { checkExternalSetting } from './check-external';

/**
 * The schema of `.postlintrc.json`. Its JSON Schema, for editors, is generated from it.
 * Each rule declares its own options beside its check (server/engine/rules/); the
 * engine passes them in, so the shared shape here needs nothing from the engine.
 */

export const SEVERITY_NAMES = ['off', 'warn', 'error'] as const;

const severity = z
  .union([z.enum(SEVERITY_NAMES), z.literal(0), z.literal(1), z.literal(2)])
  .describe('off (or 0), warn (or 1), error (or 2), as in ESLint.');

function ruleSetting(options: z.ZodObject) {
  return z.union([severity, z.tuple([severity]), z.tuple([severity, options])]);
}

/** A rule's options schema, by rule id. */
export type RuleOptionSchemas = Readonly<Record<string, z.ZodObject>>;

function rulesOf(ruleOptions: RuleOptionSchemas) {
  return z
    .object(Object.fromEntries(Object.entries(ruleOptions).map(([id, options]) => [id, ruleSetting(options).optional()])))
    .strict()
    .describe('Severity and options of each rule: "error", "warn", "off", or ["warn", { options }].');
}

// Checked when the config loads, so that a pattern RE2 cannot run is a config error, not a matcher that never fits.
const titlePattern = checkedString('A regular expression in RE2 syntax, searched for in the title.', titlePatternError);

const kindMatcher = z
  .object({
    titles: z
      .array(titlePattern)
      .optional()
      .describe(`Regular expressions (case-insensitive, ${PATTERN_SYNTAX}) searched for in the title. RE2 runs in linear time, so no pattern can hang a check.`),
    files: z
      .array(globString('A glob on the path from the site root.'))
      .optional()
      .describe(`Globs on the path from the site root (${GLOB_SYNTAX}). They run in linear time, so no glob can hang a check.`),
  })
  .strict();

const templates = z
  .object({
    'member-welcome': sitePath('A Markdown file, from the site root, to use as the member-welcome template.').optional(),
    'event-recap': sitePath('A Markdown file, from the site root, to use as the event-recap template.').optional(),
    folder: sitePath('Where `postlint new` writes posts, from the site root. Default: the blog folder of the preset.').optional(),
    datePrefix: z.boolean().optional().describe('Start new posts\u2019 file names with their date (YYYY-MM-DD-). Default: false.'),
    author: z.string().optional().describe('The author new posts get when none is given. Default: the preset\u2019s.'),
    siteName: z.string().optional().describe('How templates name the site in running text. Default: the preset\u2019s, else the Hugo title.'),
    about: sitePath('A file, from the site root, with the site\u2019s standard "About" text for member welcomes. Default: data/postlint/about.md.').optional(),
  })
  .strict()
  .describe('Templates for new posts and what `postlint new` fills in.');

export function configSchemaFor(ruleOptions: RuleOptionSchemas) {
  return z
    .object({
      $schema: z.string().optional().describe('The JSON Schema of this file, for editors.'),
      extends: z.enum(PRESET_NAMES).optional().describe('The preset to start from. Default: todogroup on todogroup.org, hugo elsewhere.'),
      rules: rulesOf(ruleOptions).optional(),
      posts: z
        .array(siteGlob('A glob, from the site root, inside the site.'))
        .optional()
        .describe(`Globs, from the site root, of the files that are posts (${GLOB_SYNTAX}). Default: the preset\u2019s.`),
      ignore: z.array(globString('A glob, from the site root.')).optional().describe(`Globs, from the site root, of files never to check (${GLOB_SYNTAX}).`),
      authors: z.array(z.string()).optional().describe('Authors accepted beyond the keys of data/authors.yaml.'),
      kinds: z
        .object(Object.fromEntries(POST_KINDS.filter((kind) => kind !== 'post').map((kind) => [kind, kindMatcher.optional()])))
        .strict()
        .optional()
        .describe('How to recognise each kind of post that does not name its kind, replacing the preset\u2019s matchers.'),
      templates: templates.optional(),
      checkExternal: checkExternalSetting.optional(),
    })
    .strict();
}

export type PostlintConfig = z.output<ReturnType<typeof configSchemaFor>>;
