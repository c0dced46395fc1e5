import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import { configSchemaFor, type PostlintConfig } from '../../../schemas/config';
import { PRESETS, type KindMatcher, type Preset, type PresetName } from '../../../schemas/presets';
import { resolveCheckExternal, type CheckExternalOptions } from '../../../schemas/check-external';
import { RULE_IDS, RULE_OPTIONS, RULES_BY_ID, type RuleId } from '../rules';
import { LineIndex } from '../text/line-index';
import { MAX_CONFIG_DEPTH, tooDeepAt } from './json-depth';
import { bound, listed, typeInWords } from '../text/issue-words';
import { quoted } from '../text/quote';
import { closest } from '../text/suggest';
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
  /** The dead-link check's options, or undefined when the config leaves it off (`--check-external` can still turn it on). */
  checkExternal?: CheckExternalOptions;
  /** Set on a config used in place of a broken one (`LanguageServiceOptions.brokenConfig`): what is broken. */
  broken?: ConfigError;
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
  if (!result.success) throw new ConfigError(file, formatZodIssues(result.error.issues, value));
  return result.data;
}

/** The CLI's one line: each problem after the path of its key, the problems joined by semicolons. */
function formatZodIssues(issues: z.core.$ZodIssue[], value: unknown): string {
  return configIssues(issues, value)
    .map((issue) => {
      const path = issue.unknownKey === undefined ? issue.path : [...issue.path, issue.unknownKey];
      return `${path.length > 0 ? path.map(String).join('.') : '(top level)'}: ${issue.message.replace(/\.$/, '')}`;
    })
    .join('; ');
}

/** A problem of a config file: where (a path in the JSON, and the key it is about when the key is unknown), and what to write. */
export interface ConfigIssue {
  path: PropertyKey[];
  unknownKey?: string;
  message: string;
}

/**
 * zod's issues as Postlint says them, for the CLI's one line and the editor's
 * diagnostics alike: plain text, what is wrong in a first sentence that names the key or
 * the value, then what to write. An unknown rule by its name, with the rule it most likely
 * means; a rule's setting that fits none of its forms by what is wrong in the form it was
 * written in (zod says only "Invalid input" of a union).
 */
export function configIssues(issues: readonly z.core.$ZodIssue[], value: unknown): ConfigIssue[] {
  return issues.flatMap((issue) => issueWords(issue, value));
}

function issueWords(issue: z.core.$ZodIssue, value: unknown): ConfigIssue[] {
  const inRules = issue.path.length === 1 && issue.path[0] === 'rules';
  if (issue.code === 'unrecognized_keys' && inRules) return issue.keys.map((key) => ({ path: issue.path, unknownKey: key, message: unknownRule(key) }));
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: issue.path, unknownKey: key, message: unknownSetting(key, issue.path) }));
  if (issue.code === 'invalid_union' && issue.path.length === 2 && issue.path[0] === 'rules') return ruleSettingIssues(issue, value);
  return [{ path: issue.path, message: valueWords(issue, valueAt(value, issue.path)) }];
}

/** A value as written in the file, on one line: a string's text, JSON escapes and all; anything else as JSON. */
function shown(written: unknown, max = 40): string {
  const json = JSON.stringify(written) ?? String(written);
  return quoted(typeof written === 'string' ? json.slice(1, -1) : json, max);
}

/** What a value written in the config is, as typeInWords says types. */
function kindOf(written: unknown): string {
  if (Array.isArray(written)) return 'a list';
  if (written === null) return 'null';
  if (typeof written === 'object') return 'a set of key-value pairs';
  if (typeof written === 'string') return 'text';
  if (typeof written === 'number' || typeof written === 'boolean') return String(written);
  return 'nothing';
}

/** A key by its name and the list places after it (`posts[1]`, `allowHosts[0]`): where it is, the message's position and the CLI's path say. */
function keyName(path: readonly PropertyKey[]): string {
  let at = path.length - 1;
  while (at > 0 && typeof path[at] === 'number') at--;
  return path
    .slice(at)
    .map((part) => (typeof part === 'number' ? `[${part}]` : String(part)))
    .join('');
}

/** A value's issue: the value or its key first, then what is wrong, then what to write. */
function valueWords(issue: z.core.$ZodIssue, written: unknown): string {
  const name = issue.path.length > 0 ? quoted(keyName(issue.path), 30) : 'The config';
  switch (issue.code) {
    case 'custom':
      // The checks of paths, globs and patterns say what is wrong as it follows the value (schemas/site-paths.ts).
      return typeof written === 'string' ? `${shown(written, 48)} ${issue.message}.` : `${issue.message}.`;
    case 'invalid_type':
      return `${name} should be ${typeInWords(issue.expected)}, not ${kindOf(written)}.`;
    case 'invalid_value': {
      const values = issue.values.map((one) => quoted(String(one)));
      return `${shown(written, 36)} is not a value ${name} takes. Write ${listed(values, { prefix: 'one of ' })}.`;
    }
    case 'too_small':
      return `${name} is too small. It should be ${issue.inclusive === false ? 'more than' : 'at least'} ${bound(issue.minimum, issue.origin)}.`;
    case 'too_big':
      return `${name} is too large. It should be ${issue.inclusive === false ? 'less than' : 'at most'} ${bound(issue.maximum, issue.origin)}.`;
    case 'invalid_union':
      return `${name} is not in a form it takes.`;
    default: {
      // zod's own words, after the key where the first sentence has room for them.
      const words = issue.message.replace(/`/g, '\u2018').replace(/[.\s]+$/, '');
      const joined = `${name} is not valid: ${words}.`;
      return joined.length <= 100 ? joined : `${name} is not valid. ${words}.`;
    }
  }
}

/** An unknown key: of the config's top level, or of a rule's options (`rules.<id>.1`), with the one most likely meant. */
function unknownSetting(key: string, path: readonly PropertyKey[]): string {
  const rule = path.length === 3 && path[0] === 'rules' && path[2] === 1 ? RULES_BY_ID.get(path[1] as RuleId) : undefined;
  if (rule) {
    const meant = closest(key, Object.keys(RULE_OPTIONS[rule.meta.id].shape));
    return `${quoted(key, 40)} is not an option of ${rule.meta.id}. ${meant ? `Did you mean ${quoted(meant)}?` : `See docs/rules/${rule.meta.id}.md for its options.`}`;
  }
  // At the top level the settings are known here; elsewhere, zod's schema alone knows them.
  const meant = path.length === 0 ? closest(key, Object.keys(configSchema.shape)) : undefined;
  return meant
    ? `${quoted(key, 40)} is not a setting. Did you mean ${quoted(meant)}?`
    : `${quoted(key, 40)} is not a setting here. Remove it, or see docs/configuration.md for the settings there are.`;
}

function unknownRule(id: string): string {
  const meant = closest(id, RULE_IDS);
  return `There is no rule ${quoted(id, 40)}. ${meant ? `Did you mean ${quoted(meant)}?` : 'The rules are listed in the README and in docs/rules/.'}`;
}

/**
 * A rule's setting that fits neither form: a severity alone, or `[severity, options]`.
 * Written as an array, what is wrong inside it; else, what a severity may be.
 */
function ruleSettingIssues(issue: z.core.$ZodIssueInvalidUnion, value: unknown): ConfigIssue[] {
  const written = valueAt(value, issue.path);
  const inside = issue.errors.map((branch) => branch.filter((found) => found.path.length > 0)).find((branch) => branch.length > 0);
  if (Array.isArray(written) && inside) return inside.flatMap((found) => issueWords({ ...found, path: [...issue.path, ...found.path] }, value));
  return [{ path: issue.path, message: `${shown(written)} is not a setting of the rule. Write "error", "warn" or "off" (or 2, 1, 0), or ["warn", { options }].` }];
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const key of path) at = typeof at === 'object' && at !== null ? (at as Record<PropertyKey, unknown>)[key] : undefined;
  return at;
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
    checkExternal: resolveCheckExternal(config?.checkExternal),
  };
}
