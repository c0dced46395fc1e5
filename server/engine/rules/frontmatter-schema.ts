import type { z } from 'zod';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { schemaSpelling } from '../frontmatter/key-case';
import { pageDate, writesDateKey } from '../frontmatter/page-date';
import type { FrontMatterDates } from '../site/front-matter-dates';
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
      return unionForms(issue.errors) ?? 'a value of another form';
    case 'too_small':
      return `at least ${bound(issue.minimum, issue.origin)}`;
    case 'too_big':
      return `at most ${bound(issue.maximum, issue.origin)}`;
    default:
      // Our own refinements phrase the expectation in their message.
      return issue.message;
  }
}

/**
 * The forms a union accepts, named from what each of its options expected of the value
 * itself (`text or a list`); undefined when an option failed on something deeper.
 */
function unionForms(options: z.core.$ZodIssue[][]): string | undefined {
  const forms = formsOf(options);
  if (forms === undefined || forms.length === 0) return undefined;
  // A date field takes a date, or the same date written as text: "a date or text" would invite any text.
  if (forms.includes(TYPE_NAMES.date)) return 'a date such as 2025-03-14';
  return forms.length === 1 ? forms[0] : `${forms.slice(0, -1).join(', ')} or ${forms.at(-1)}`;
}

/** What each option of a union (and of a union inside it) expected of the value itself. */
function formsOf(options: z.core.$ZodIssue[][], forms: string[] = []): string[] | undefined {
  for (const issues of options) {
    const first = issues[0];
    if (first?.path.length !== 0) return undefined;
    if (first.code === 'invalid_union') {
      if (formsOf(first.errors, forms) === undefined) return undefined;
      continue;
    }
    if (first.code !== 'invalid_type') return undefined;
    const form = TYPE_NAMES[first.expected] ?? first.expected;
    if (!forms.includes(form)) forms.push(form);
  }
  return forms;
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
  check({ post, schema, preset, site, report }) {
    const frontMatter = post.frontMatter;
    if (!frontMatter?.data) return;
    const result = schema.safeParse(frontMatter.data);
    for (const issue of result.success ? [] : result.error.issues) {
      // Named as the author wrote it (`publishdate`), though checked under the schema's spelling.
      const written = frontMatter.keys.find((pair) => pair.name === issue.path[0])?.key;
      const key = keyPath(written === undefined ? issue.path : [written, ...issue.path.slice(1)]);
      // Keys are read in any case (frontmatter/key-case.ts): `Title:` is `title` here already.
      // Stryker disable next-line ConditionalExpression: the presets' schemas are plain objects with no whole-block checks, so every issue names a key, and a nested issue's first key is always there
      const missing = issue.path.length === 1 && !(String(issue.path[0]) in frontMatter.data);
      // A required date is a page date Hugo can find, checked below: `publishDate` alone is one.
      if (missing && key === 'date') continue;
      if (missing) {
        report({ span: frontMatter.openSpan, message: `The ${preset.name} preset requires \`${key}\`, which is missing: add \`${key}:\` to the front matter.` });
        continue;
      }
      const location = frontMatter.valueAt(issue.path);
      const span: Span = location?.span ?? frontMatter.openSpan;
      const found = location?.depth === issue.path.length ? describeFound(location.node, post.text.slice(span.start, span.end)) : 'nothing';
      report({ span, message: `\`${key}\` should be ${expected(issue)}; found ${found}.` });
    }
    if (preset.required.includes('date') && !pageDate(frontMatter, post.path, site.dates) && !writesDateKey(frontMatter, site.dates)) {
      report({ span: frontMatter.openSpan, message: missingDateMessage(preset.name, site.dates, Object.keys(schema.shape)) });
    }
  },
});

/** What Hugo dates a page by, in the site's order, and what to add: a date key, else a dated file name. */
function missingDateMessage(presetName: string, dates: FrontMatterDates, schemaKeys: string[]): string {
  const keys = dates.date.filter((source) => !source.startsWith(':')).map((source) => `\`${schemaSpelling(source, schemaKeys)}\``);
  const byFileName = dates.date.includes(':filename');
  const sources = [...keys, ...(byFileName ? ['a file name that starts with the date (`YYYY-MM-DD-`)'] : [])];
  const start = `The ${presetName} preset requires a date, and Hugo finds none for this post`;
  if (sources.length === 0) return `${start}: give it one as the site's \`frontmatter.date\` setting says.`;
  const listed = sources.length === 1 ? sources[0] : `${sources.slice(0, -1).join(', ')} or ${sources.at(-1)}`;
  const todo = keys.length > 0 ? `Add ${keys[0].slice(0, -1)}:\` to the front matter.` : 'Start the file name with the date (`YYYY-MM-DD-`).';
  return `${start}: it takes the page date from ${listed}. ${todo}`;
}
