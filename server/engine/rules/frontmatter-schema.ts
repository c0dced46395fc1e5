import type { z } from 'zod';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { defineRule } from '../rule';
import type { Span } from '../types';

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of key-value pairs',
  // zod names the type of z.record (params, build, sitemap) `record`.
  record: 'a set of key-value pairs',
  date: 'a date',
};

function describeFound(node: Node | undefined, source: string): string {
  if (isSeq(node)) return 'a list';
  if (isMap(node)) return 'a set of key-value pairs';
  // Long values keep both ends: a stray space at the end is often the point.
  const raw = source.length > 50 ? `${source.slice(0, 24)}…${source.slice(-24)}` : source;
  if (isScalar(node)) {
    if (node.value === null) return 'an empty value';
    if (typeof node.value === 'number') return `the number ${raw}`;
  }
  // Text, and `true` or `false`, as written.
  return `\`${raw}\``;
}

function expected(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return TYPE_NAMES[issue.expected] ?? issue.expected;
    case 'invalid_value':
      return `one of ${issue.values.map((value) => `\`${String(value)}\``).join(', ')}`;
    case 'invalid_union':
      return 'a value of another form';
    case 'too_small':
      return `at least ${bound(issue.minimum, issue.origin)}`;
    case 'too_big':
      return `at most ${bound(issue.maximum, issue.origin)}`;
    default:
      // Our own refinements phrase the expectation in their message.
      return issue.message;
  }
}

/** A length limit with its unit, singular for 1 (`at least 1 character`); a plain number otherwise. */
function bound(limit: number | bigint, origin: string): string {
  const unit = origin === 'string' ? 'character' : origin === 'array' ? 'item' : undefined;
  if (unit === undefined) return String(limit);
  return `${limit} ${unit}${Number(limit) === 1 ? '' : 's'}`;
}

function keyPath(path: PropertyKey[]): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`)).join('');
}

/** A value the post kind's schema rejects, or a required key that is missing. */
export default defineRule({
  meta: {
    id: 'frontmatter-schema',
    description: 'Front matter values must have the type and form the post\u2019s kind expects, and the keys the preset requires must be present.',
    defaultSeverity: 'error',
    fixable: false,
  },
  check({ post, schema, preset, report }) {
    const frontMatter = post.frontMatter;
    if (!frontMatter?.data) return;
    const result = schema.safeParse(frontMatter.data);
    if (result.success) return;
    for (const issue of result.error.issues) {
      const key = keyPath(issue.path);
      // Keys are read in any case (frontmatter/key-case.ts): `Title:` is `title` here already.
      // Stryker disable next-line ConditionalExpression: the presets' schemas are plain objects with no whole-block checks, so every issue names a key, and a nested issue's first key is always there
      const missing = issue.path.length === 1 && !(String(issue.path[0]) in frontMatter.data);
      if (missing) {
        report({ span: frontMatter.openSpan, message: `The ${preset.name} preset requires \`${key}\`, which is missing: add \`${key}:\` to the front matter.` });
        continue;
      }
      const location = frontMatter.valueAt(issue.path);
      const span: Span = location?.span ?? frontMatter.openSpan;
      const found = location?.depth === issue.path.length ? describeFound(location.node, post.text.slice(span.start, span.end)) : 'nothing';
      report({ span, message: `\`${key}\` should be ${expected(issue)}; found ${found}.` });
    }
  },
});
