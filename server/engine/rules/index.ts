import type { z } from 'zod';
import type { Rule, RuleMeta } from '../rule';
import headingIncrement from './heading-increment';
import headingTitleDuplicate from './heading-title-duplicate';
import templatePlaceholder from './template-placeholder';
import templateStructure from './template-structure';
import authorUnknown from './author-unknown';
import dateFilenameMismatch from './date-filename-mismatch';
import frontmatterKeyCase from './frontmatter-key-case';
import frontmatterMissing from './frontmatter-missing';
import frontmatterSchema from './frontmatter-schema';
import frontmatterSyntax from './frontmatter-syntax';
import frontmatterUnknownKey from './frontmatter-unknown-key';
import imageAltEmpty from './image-alt-empty';
import imageAltFilename from './image-alt-filename';
import imageAltLength from './image-alt-length';
import imageAltMissing from './image-alt-missing';
import imageAltRedundant from './image-alt-redundant';
import linkBareUrl from './link-bare-url';
import linkBrokenFragment from './link-broken-fragment';
import linkBrokenLocal from './link-broken-local';
import linkDead from './link-dead';
import linkDescriptiveText from './link-descriptive-text';
import linkEmptyText from './link-empty-text';
import linkEmptyUrl from './link-empty-url';
import linkInsecure from './link-insecure';
import linkMalformed from './link-malformed';
import linkNoScheme from './link-no-scheme';
import linkTrackingParams from './link-tracking-params';
import shortcodeSyntax from './shortcode-syntax';
import shortcodeUnknown from './shortcode-unknown';
import textMojibake from './text-mojibake';

// The list with each rule's own types, from which the rule ids' type is made.
const RULE_LIST = [
  frontmatterMissing,
  frontmatterSyntax,
  frontmatterSchema,
  frontmatterUnknownKey,
  frontmatterKeyCase,
  authorUnknown,
  dateFilenameMismatch,
  linkEmptyText,
  linkDescriptiveText,
  linkEmptyUrl,
  linkBareUrl,
  linkInsecure,
  linkTrackingParams,
  linkNoScheme,
  linkMalformed,
  linkBrokenLocal,
  linkBrokenFragment,
  linkDead,
  imageAltMissing,
  imageAltEmpty,
  imageAltFilename,
  imageAltRedundant,
  imageAltLength,
  shortcodeSyntax,
  shortcodeUnknown,
  textMojibake,
  templateStructure,
  templatePlaceholder,
  headingIncrement,
  headingTitleDuplicate,
] as const satisfies readonly { meta: RuleMeta; options: z.ZodObject }[];

export type RuleId = (typeof RULE_LIST)[number]['meta']['id'];

/**
 * Every rule, in the order their problems are listed for one position. Each `check`
 * takes its own options' type; the engine gives each rule the options its own schema
 * parsed (see `resolveConfig`), which is what makes this one widening sound.
 */
export const RULES: readonly Rule<RuleId>[] = RULE_LIST as readonly unknown[] as readonly Rule<RuleId>[];

export const RULE_IDS: readonly RuleId[] = RULE_LIST.map((rule) => rule.meta.id);

/** Each rule's options schema by id: the config file's `rules` are made from them. */
export const RULE_OPTIONS: Readonly<Record<RuleId, z.ZodObject>> = Object.fromEntries(RULE_LIST.map((rule) => [rule.meta.id, rule.options])) as Record<RuleId, z.ZodObject>;

export const RULES_BY_ID = new Map<RuleId, Rule<RuleId>>(RULES.map((rule) => [rule.meta.id, rule]));
