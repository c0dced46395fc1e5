import type { RuleId } from '../../../schemas/rules';
import type { Rule } from '../rule';
import authorUnknown from './author-unknown';
import dateFilenameMismatch from './date-filename-mismatch';
import frontmatterMissing from './frontmatter-missing';
import frontmatterSchema from './frontmatter-schema';
import frontmatterSyntax from './frontmatter-syntax';
import frontmatterUnknownKey from './frontmatter-unknown-key';

/** Every rule, in the order their problems are listed for one position. */
export const RULES: Rule[] = [
  frontmatterMissing,
  frontmatterSyntax,
  frontmatterSchema,
  frontmatterUnknownKey,
  authorUnknown,
  dateFilenameMismatch,
] as Rule[];

export const RULES_BY_ID = new Map<RuleId, Rule>(RULES.map((rule) => [rule.meta.id, rule]));
