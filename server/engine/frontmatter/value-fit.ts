import type { z } from 'zod';
import { STYLE_ONLY } from '../../../schemas/fields';

/**
 * Whether a value is of the kind a key's schema expects: text for text, a date for a
 * date, a list for a list. Limits and style (a description's length, a title's stray
 * spaces) do not count: such a value is still the key's, with a problem of its own
 * that frontmatter-schema reports once the key is right. "Did you mean" proposes only
 * keys the value fits.
 */
export function fitsKey(schema: z.ZodType, value: unknown): boolean {
  // One item where a list of such items is expected (`alias: /old/` for `aliases`) is of the list's kind.
  return fits(schema, value) || (!Array.isArray(value) && fits(schema, [value]));
}

function fits(schema: z.ZodType, value: unknown): boolean {
  const result = schema.safeParse(value);
  return result.success || result.error.issues.every(keepsKind);
}

function keepsKind(issue: z.core.$ZodIssue): boolean {
  switch (issue.code) {
    case 'too_small':
    case 'too_big':
      return true;
    case 'custom':
      // Our refinements say whether they are about style (schemas/fields.ts) or about the kind, as a calendar date is.
      return issue.params?.[STYLE_ONLY] === true;
    case 'invalid_union':
      // zod reports a union's branches when none fits at all: the value fits if one branch only disliked its limits.
      return issue.errors.some((branch) => branch.every(keepsKind));
    default:
      return false;
  }
}
