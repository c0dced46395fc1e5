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
    if (typeof node.value === 'boolean') return `\`${raw}\``;
  }
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
      return issue.origin === 'string' ? `at least ${issue.minimum} characters` : issue.origin === 'array' ? `at least ${issue.minimum} items` : `at least ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'string' ? `at most ${issue.maximum} characters` : issue.origin === 'array' ? `at most ${issue.maximum} items` : `at most ${issue.maximum}`;
    default:
      // Our own refinements phrase the expectation in their message.
      return issue.message;
  }
}

function keyPath(path: PropertyKey[]): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`)).join('');
}

/** A value the post kind's schema rejects, or a required key that is missing. */
export default defineRule({
  meta: {
    id: 'frontmatter-schema',
    description: 'Front matter values must have the type and form the post kind expects, and required keys must be present.',
    defaultSeverity: 'error',
    fixable: false,
  },
  check({ post, schema, preset, report }) {
    const frontMatter = post.frontMatter;
    if (!frontMatter?.data) return;
    const result = schema.safeParse(frontMatter.data);
    if (result.success) return;
    const pairs = frontMatter.keys;
    for (const issue of result.error.issues) {
      const key = keyPath(issue.path);
      const missing = issue.path.length === 1 && !(String(issue.path[0]) in frontMatter.data);
      if (missing) {
        const sameName = pairs.find((pair) => pair.key.toLowerCase() === key.toLowerCase());
        const hint = sameName ? ` (found \`${sameName.key}\`: write the key in lower case)` : '';
        report({
          span: frontMatter.openSpan,
          message: `The ${preset.name} preset requires \`${key}\`, which is missing${hint}: add \`${key}:\` to the front matter.`,
        });
        continue;
      }
      const location = frontMatter.valueAt(issue.path);
      const span: Span = location?.span ?? frontMatter.openSpan;
      const found = location?.depth === issue.path.length ? describeFound(location.node, post.text.slice(span.start, span.end)) : 'nothing';
      report({ span, message: `\`${key}\` should be ${expected(issue)}; found ${found}.` });
    }
  },
});
