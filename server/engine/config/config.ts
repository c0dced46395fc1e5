import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import { configSchemaFor, type PostlintConfig } from '../../../schemas/config';
import { PRESETS, type KindMatcher, type Preset, type PresetName } from '../../../schemas/presets';
import { RULE_IDS, RULE_OPTIONS, RULES_BY_ID, type RuleId } from '../rules';
import { LineIndex } from '../text/line-index';
import { MAX_CONFIG_DEPTH, tooDeepAt } from './json-depth';
import type { Severity } from '../types';

export const CONFIG_FILE_NAME = '.postlintrc.json';

/** The schema of `.postlintrc.json`, with each rule's own options schema under `rules`. */
export const configSchema = configSchemaFor(RULE_OPTIONS);

export type RuleSeverity = Severity | 'off';

export interface RuleSetting {
  severity: RuleSeverity;
  /** The rule's options, parsed with its schema: every default filled in. */
  options: Record<string, unknown>;
}

/** Everything that decides how a post is checked, after presets and the config file are merged. */
export interface ResolvedConfig {
  /** The config file that applied, if any. */
  file?: string;
  preset: Preset;
  rules: Map<RuleId, RuleSetting>;
  posts: string[];
  /** True when `posts` is the preset's, not the config file's. */
  postsFromPreset: boolean;
  ignore: string[];
  authors: string[];
  kinds: KindMatcher[];
  /** Template settings (`postlint new`, snippets, template rules). */
  templates: NonNullable<PostlintConfig['templates']>;
}

/** A config file that cannot be used: the CLI exits 2 with this, the server shows it. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
  }

  /** How the CLI says it: one line naming the file. */
  oneLine(): string {
    return `${this.file}: invalid configuration: ${this.detail}`;
  }
}

const SEVERITY_BY_SETTING: Record<string, RuleSeverity> = { off: 'off', warn: 'warning', error: 'error', 0: 'off', 1: 'warning', 2: 'error' };

/** Reads a config file's text: JSON with comments, checked against the zod schema. */
export function parseConfigText(file: string, text: string): PostlintConfig {
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    const position = new LineIndex(text).position(deep);
    throw new ConfigError(file, `it nests more than ${MAX_CONFIG_DEPTH} levels deep at line ${position.line + 1}, column ${position.character + 1}; no setting needs that`);
  }
  const errors: ParseError[] = [];
  const value = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const position = new LineIndex(text).position(errors[0].offset);
    throw new ConfigError(file, `${printParseErrorCode(errors[0].error)} at line ${position.line + 1}, column ${position.character + 1}`);
  }
  const result = configSchema.safeParse(value);
  if (!result.success) throw new ConfigError(file, formatZodIssues(result.error.issues));
  return result.data;
}

function formatZodIssues(issues: z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

function defaultRules(defaults: Map<RuleId, Severity>): Map<RuleId, RuleSetting> {
  const rules = new Map<RuleId, RuleSetting>();
  for (const id of RULE_IDS) rules.set(id, { severity: defaults.get(id) ?? 'warning', options: optionsOf(id, undefined) });
  return rules;
}

/** A rule's options with its defaults, from what the config file gave (already checked against the same schema). */
function optionsOf(id: RuleId, given: unknown): Record<string, unknown> {
  return RULES_BY_ID.get(id)!.options.parse(given ?? {});
}

/**
 * Merges the rules' default severities, the preset's own (`Preset.rules`) and a config file (if any), in that order.
 * `impliedPreset` is the site's, used when the file does not say `extends`.
 */
export function resolveConfig(
  config: PostlintConfig | undefined,
  file: string | undefined,
  impliedPreset: PresetName,
  defaults: Map<RuleId, Severity>,
): ResolvedConfig {
  const preset = PRESETS[config?.extends ?? impliedPreset];
  const rules = defaultRules(defaults);
  for (const [id, severity] of Object.entries(preset.rules ?? {})) {
    const rule = rules.get(id as RuleId);
    if (rule) rule.severity = severity;
  }
  for (const [id, setting] of Object.entries(config?.rules ?? {}) as [RuleId, unknown][]) {
    if (setting === undefined) continue;
    const [severity, options] = Array.isArray(setting) ? setting : [setting, undefined];
    rules.set(id, {
      severity: SEVERITY_BY_SETTING[String(severity)],
      options: optionsOf(id, options),
    });
  }
  const kinds: KindMatcher[] = config?.kinds
    ? Object.entries(config.kinds).flatMap(([kind, matcher]) => (matcher ? [{ kind: kind as KindMatcher['kind'], ...matcher }] : []))
    : preset.kinds;
  return {
    file,
    preset,
    rules,
    posts: config?.posts ?? preset.posts,
    postsFromPreset: config?.posts === undefined,
    ignore: config?.ignore ?? [],
    authors: config?.authors ?? [],
    kinds,
    templates: config?.templates ?? {},
  };
}
