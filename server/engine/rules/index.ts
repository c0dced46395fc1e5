import type { RuleId } from '../../../schemas/rules';
import type { Rule } from '../rule';
import headingIncrement from './heading-increment';
import headingTitleDuplicate from './heading-title-duplicate';
import templatePlaceholder from './template-placeholder';
import templateStructure from './template-structure';
import authorUnknown from './author-unknown';
import dateFilenameMismatch from './date-filename-mismatch';
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

/** Every rule, in the order their problems are listed for one position. */
export const RULES: Rule[] = [
  frontmatterMissing,
  frontmatterSyntax,
  frontmatterSchema,
  frontmatterUnknownKey,
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
] as Rule[];

export const RULES_BY_ID = new Map<RuleId, Rule>(RULES.map((rule) => [rule.meta.id, rule]));
