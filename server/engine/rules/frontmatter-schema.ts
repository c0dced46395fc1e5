import type { z } from 'zod';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { schemaSpelling } from '../frontmatter/key-case';
import { pageDate, writesDateKey } from '../frontmatter/page-date';
import type { FrontMatterDates } from '../site/front-matter-dates';
import { defineRule } from '../rule';
import { bound, listed, typeInWords } from '../text/issue-words';
import { quoted } from '../text/quote';
import type { Span } from '../types';

/** A key written with no value (`description:`), which YAML reads as null. */
function isEmptyValue(node: Node | undefined): boolean {
  return isScalar(node) && node.value === null;
}

/** What was found, as short as the first sentence needs it: a value as written is shortened to `max` characters. */
function describeFound(node: Node | undefined, source: string, max: number): string {
  if (isSeq(node)) return 'a list';
  if (isMap(node)) return 'a set of key-value pairs';
  if (isEmptyValue(node)) return 'an empty value';
  if (isScalar(node) && typeof node.value === 'number' && source.length <= 13) return `the number ${source}`;
  // Text, and `true` or `false`, as written. Long values keep both ends: a stray space at the end is often the point.
  return quoted(source, max);
}

/**
 * What is wrong with a value, as it follows the key's name (`should be a list`, `is not a
 * real date`), short enough for the first sentence; and what to write, where there is more to say.
 */
interface Wrong {
  what: string;
  advice?: string;
}

/** A form a short sentence can name: `text or a list`, `a date such as 2025-03-14`. */
const SHORT_FORM = 25;

function wrongOf(issue: z.core.$ZodIssue): Wrong {
  switch (issue.code) {
    case 'invalid_type':
      return { what: `should be ${typeInWords(issue.expected)}` };
    case 'invalid_value':
      return { what: 'is not one of the values it takes', advice: `Write ${listed(issue.values.map((value) => quoted(String(value))), { prefix: 'one of ' })}.` };
    case 'invalid_union': {
      const forms = unionForms(issue.errors);
      if (forms === undefined) return { what: 'is not in a form it takes' };
      return forms.length <= SHORT_FORM ? { what: `should be ${forms}` } : { what: 'is not in a form it takes', advice: `It should be ${forms}.` };
    }
    case 'too_small':
      return { what: limitWrong(issue.origin, 'small'), advice: `It should ${issue.origin === 'array' ? 'have' : 'be'} at least ${bound(issue.minimum, issue.origin)}.` };
    case 'too_big':
      return { what: limitWrong(issue.origin, 'big'), advice: `It should ${issue.origin === 'array' ? 'have' : 'be'} at most ${bound(issue.maximum, issue.origin)}.` };
    default: {
      // Our own refinements say what is wrong, then, after a full stop, what to write (schemas/fields.ts).
      const stop = issue.message.indexOf('. ');
      return stop === -1 ? { what: issue.message } : { what: issue.message.slice(0, stop), advice: `${issue.message.slice(stop + 2)}.` };
    }
  }
}

/**
 * `draft: yes`: YAML 1.1's words for true and false. Hugo read them so until 0.152,
 * whose YAML reader (YAML 1.2) takes them as text, which Hugo then reads as false: a
 * post marked `draft: yes` is published by today's Hugo.
 */
function yamlOneOneBoolean(issue: z.core.$ZodIssue, source: string): Wrong | undefined {
  if (issue.code !== 'invalid_type' || issue.expected !== 'boolean') return undefined;
  const word = source.trim().toLowerCase();
  const meant = ['yes', 'y', 'on'].includes(word) ? true : ['no', 'n', 'off'].includes(word) ? false : undefined;
  if (meant === undefined) return undefined;
  return {
    what: `should be true or false`,
    advice: `Hugo before 0.152 read ${quoted(source.trim())} as ${meant}, later versions read it as text, which counts as false: write ${meant}.`,
  };
}

/** What a value over or under a limit is: text too long, a list with too many items, a number too large. */
function limitWrong(origin: string, side: 'small' | 'big'): string {
  if (origin === 'string') return side === 'small' ? 'is too short' : 'is too long';
  if (origin === 'array') return side === 'small' ? 'has too few items' : 'has too many items';
  return side === 'small' ? 'is too small' : 'is too large';
}

/**
 * The forms a union accepts, named from what each of its options expected of the value
 * itself (`text or a list`); undefined when an option failed on something deeper.
 */
function unionForms(options: z.core.$ZodIssue[][]): string | undefined {
  const forms = formsOf(options);
  if (forms === undefined || forms.length === 0) return undefined;
  // A date field takes a date, or the same date written as text: "a date or text" would invite any text.
  if (forms.includes(typeInWords('date'))) return 'a date such as 2025-03-14';
  return listed(forms);
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
    const form = typeInWords(first.expected);
    if (!forms.includes(form)) forms.push(form);
  }
  return forms;
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
      const pair = frontMatter.keys.find((found) => found.name === issue.path[0]);
      const written = pair?.key;
      const key = keyPath(written === undefined ? issue.path : [written, ...issue.path.slice(1)]);
      // Keys are read in any case (frontmatter/key-case.ts): `Title:` is `title` here already.
      // Stryker disable next-line ConditionalExpression: the presets' schemas are plain objects with no whole-block checks, so every issue names a key, and a nested issue's first key is always there
      const missing = issue.path.length === 1 && !(String(issue.path[0]) in frontMatter.data);
      // A required date is a page date Hugo can find, checked below: `publishDate` alone is one.
      if (missing && key === 'date') continue;
      if (missing) {
        report({ span: frontMatter.openSpan, message: `The ${preset.name} preset requires ${quoted(key, 40)}, which is missing. Add ${quoted(`${key}:`, 40)} to the front matter.` });
        continue;
      }
      const location = frontMatter.valueAt(issue.path);
      if (pair && issue.path.length === 1 && !preset.required.includes(pair.name) && isEmptyValue(location?.node)) {
        // Hugo reads `description:` with nothing after it as no description at all: a page
        // that builds as the author meant, only perhaps a value they forgot to write. On
        // the key, as an empty value has no text to point at.
        report({ span: pair.keySpan, atMost: 'warning', message: `${quoted(key, 40)} is empty, which Hugo reads as if the key were not there. Write its value, or remove the key.` });
        continue;
      }
      const span: Span = location?.span ?? frontMatter.openSpan;
      const source = post.text.slice(span.start, span.end);
      const { what, advice } = yamlOneOneBoolean(issue, source) ?? wrongOf(issue);
      const sentence = (max: number) => {
        const found = location?.depth === issue.path.length ? describeFound(location.node, source, max) : 'nothing';
        return `${quoted(key, 24)} ${what}: found ${found}.`;
      };
      report({ span, message: `${fitted(sentence)}${advice ? ` ${advice}` : ''}` });
    }
    if (preset.required.includes('date') && !pageDate(frontMatter, post.path, site.dates) && !writesDateKey(frontMatter, site.dates)) {
      report({ span: frontMatter.openSpan, message: missingDateMessage(preset.name, site.dates, Object.keys(schema.shape)) });
    }
  },
});

/** The longest value found (up to 48 characters) that keeps the first sentence within 100 characters. */
function fitted(sentence: (max: number) => string): string {
  let max = 48;
  let text = sentence(max);
  // Each pass shortens the value by what the sentence is over: characters outside the BMP count twice in `length`.
  while (text.length > 100 && max > 8) text = sentence((max = Math.max(8, max - (text.length - 100))));
  return text;
}

/** What Hugo dates a page by, in the site's order, and what to add: a date key, else a dated file name. */
function missingDateMessage(presetName: string, dates: FrontMatterDates, schemaKeys: string[]): string {
  const keys = dates.date.filter((source) => !source.startsWith(':')).map((source) => schemaSpelling(source, schemaKeys));
  const byFileName = dates.date.includes(':filename');
  const sources = [...keys.map((key) => quoted(key)), ...(byFileName ? ['a file name that starts with the date (\u201cYYYY-MM-DD-\u201d)'] : [])];
  const start = `The ${presetName} preset requires a date, and Hugo finds none for this post.`;
  if (sources.length === 0) return `${start} Give it one as the site's \u201cfrontmatter.date\u201d setting says.`;
  const todo = keys.length > 0 ? `add ${quoted(`${keys[0]}:`)} to the front matter` : 'start the file name with the date (\u201cYYYY-MM-DD-\u201d)';
  return `${start} It takes the page date from ${listed(sources)}: ${todo}.`;
}
