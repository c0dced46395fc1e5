import type { FrontMatter, FrontMatterKey, FrontMatterProblem } from './frontmatter';
import { quoted } from '../text/quote';
import type { Span } from '../types';

/**
 * Hugo lower-cases every front matter key before anything reads it (`Title:` is
 * `title`), so Postlint reads keys the same way: a key written in another case than
 * the schema's spelling is that schema key to every rule. `frontmatter-key-case` may
 * still ask for the schema's spelling, and two keys that differ only in case are one
 * key written twice (`frontmatter-syntax`).
 */

/** The keys that repeat an earlier key of the block ignoring case: Hugo keeps one value of the two, and which is not fixed. */
export function repeatedKeys(keys: readonly FrontMatterKey[]): Set<FrontMatterKey> {
  const seen = new Set<string>();
  const repeated = new Set<FrontMatterKey>();
  for (const key of keys) {
    const lower = key.key.toLowerCase();
    if (seen.has(lower)) repeated.add(key);
    seen.add(lower);
  }
  return repeated;
}

/** One problem on each key that only differs in case from an earlier one (exact repeats are the parser's errors). */
export function caseDuplicateProblems(keys: readonly FrontMatterKey[]): FrontMatterProblem[] {
  const repeated = repeatedKeys(keys);
  if (repeated.size === 0) return [];
  // The first key of each spelling, found once: looking it up again for each repeat was quadratic.
  const firsts = new Map<string, FrontMatterKey>();
  for (const key of keys) if (!firsts.has(key.key.toLowerCase())) firsts.set(key.key.toLowerCase(), key);
  return [...repeated].map((key) => {
    const first = firsts.get(key.key.toLowerCase())!;
    return {
      span: key.keySpan,
      message: `${quoted(key.key, 22)} repeats the key ${quoted(first.key, 22)}, as Hugo reads keys in any case. It keeps only one of their values, not always the same one: keep one of them.`,
    };
  });
}

/** The schema's spelling of a key written in any case, or the key itself when no schema key matches it. */
export function schemaSpelling(key: string, schemaKeys: Iterable<string>): string {
  const lower = key.toLowerCase();
  for (const known of schemaKeys) if (known.toLowerCase() === lower) return known;
  return key;
}

/**
 * The edit that renames a key where it is written: inside its quotes when it has any,
 * so that `"Title"` in JSON front matter stays a quoted key.
 */
export function keyRename(text: string, keySpan: Span, newName: string): { span: Span; newText: string } {
  const quote = text[keySpan.start];
  const quoted = (quote === '"' || quote === "'") && keySpan.end - keySpan.start >= 2 && text[keySpan.end - 1] === quote;
  return { span: keySpan, newText: quoted ? `${quote}${newName}${quote}` : newName };
}

/** The value of `name` in plain front matter data, whatever the case its key is written in (the first such key). */
export function valueOfKey(data: Record<string, unknown> | undefined, name: string): unknown {
  if (!data) return undefined;
  if (Object.hasOwn(data, name)) return data[name];
  const lower = name.toLowerCase();
  const key = Object.keys(data).find((candidate) => candidate.toLowerCase() === lower);
  return key === undefined ? undefined : data[key];
}

/**
 * The front matter as Hugo reads it against a schema's keys: each key that matches a
 * schema key ignoring case is named by the schema's spelling, in `keys` (`name`), in
 * `data`, and in the paths `valueAt` takes. Other keys keep their spelling. Of two keys
 * that differ only in case, the first is read (the second is a syntax error).
 */
export function readKeysAsHugo(frontMatter: FrontMatter, schemaShape: Record<string, unknown>): FrontMatter {
  const spellings = spellingsOf(schemaShape);
  const nameOf = (key: string) => spellings.get(key.toLowerCase()) ?? key;
  // Nearly every post spells its keys as the schema does: then it is read as it is.
  if (frontMatter.keys.every((key) => nameOf(key.key) === key.key) && Object.keys(frontMatter.data ?? {}).every((key) => nameOf(key) === key)) return frontMatter;
  const keys = frontMatter.keys.map((key) => ({ ...key, name: nameOf(key.key) }));
  const writtenAs = new Map<string, string>();
  for (const { key, name } of keys) if (!writtenAs.has(name)) writtenAs.set(name, key);
  const valueAt: FrontMatter['valueAt'] = (path) => {
    const written = typeof path[0] === 'string' ? writtenAs.get(path[0]) : undefined;
    return frontMatter.valueAt(written === undefined ? path : [written, ...path.slice(1)]);
  };
  return { ...frontMatter, keys, data: frontMatter.data && renamed(frontMatter.data, nameOf), valueAt };
}

/** Each schema's keys by their lower case, made once per schema rather than once per post. */
const spellingsByShape = new WeakMap<Record<string, unknown>, Map<string, string>>();

function spellingsOf(shape: Record<string, unknown>): Map<string, string> {
  let spellings = spellingsByShape.get(shape);
  if (!spellings) spellingsByShape.set(shape, (spellings = new Map(Object.keys(shape).map((key) => [key.toLowerCase(), key]))));
  return spellings;
}

function renamed(data: Record<string, unknown>, nameOf: (key: string) => string): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const name = nameOf(key);
    // defineProperty, not `=`: a key written `__proto__` must stay a key, not become the prototype.
    if (!Object.hasOwn(result, name)) Object.defineProperty(result, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return result;
}
