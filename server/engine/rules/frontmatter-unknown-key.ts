import { z } from '../../../schemas/zod';
import { defineRule, type Problem } from '../rule';
import type { FrontMatterKey } from '../frontmatter/frontmatter';
import { keyRename, repeatedKeys } from '../frontmatter/key-case';
import { fitsKey } from '../frontmatter/value-fit';
import type { FrontMatterDates } from '../site/front-matter-dates';
import { taxonomiesOfFile, urlSettings } from '../site/hugo-urls';
import { layoutFacts } from '../site/layout-templates';
import { quoted } from '../text/quote';
import { couldBeSlipOf, isSingularOrPlural, nearestKey } from '../text/suggest';

/**
 * The known key a key is a slip of, if one is clearly meant: near it as a typo
 * (text/suggest.ts), not already in the front matter (`titles` beside `title` is no
 * misspelt `title`), and a key the value fits (`weigth: heavy` is not a misspelt
 * `weight`, a whole number). Where a key's schema rejects the value's kind, the
 * author meant something else, and a rename would trade one problem for another.
 */
function suggestionFor(key: string, value: unknown, schema: z.ZodObject, present: ReadonlySet<string>): string | undefined {
  // The cheap tests first: a value is parsed only against the few keys near enough.
  const candidates = Object.keys(schema.shape).filter(
    (name) => !present.has(name) && couldBeSlipOf(key, name) && fitsKey(schema.shape[name] as z.ZodType, value),
  );
  return nearestKey(key, candidates);
}

/** Hugo passes an unknown key to the theme, which ignores it: a misspelt key is a lost value. */
export default defineRule({
  meta: {
    id: 'frontmatter-unknown-key',
    description: 'Front matter keys must be ones the post\u2019s kind knows: a misspelt key is a lost value.',
    defaultSeverity: 'warning',
    fixable: 'editor',
  },
  options: z
    .object({
      allow: z.array(z.string()).default([]).describe('Keys to accept although the schema does not know them (a theme\u2019s own keys).'),
      mode: z
        .enum(['all', 'typos'])
        .optional()
        .describe('`all` reports every unknown key; `typos` only keys that look like a known key misspelt. Default: the preset\u2019s.'),
    })
    .strict(),
  check({ post, schema, preset, site, options, report, siteCache, workspace }) {
    const frontMatter = post.frontMatter;
    if (!frontMatter?.data) return;
    // Unknown keys wait for what the site's templates read (`layoutFacts`): a key a template reads is the site's own.
    const found: { key: string; problem: Problem }[] = [];
    const mode = options.mode ?? preset.unknownKeys;
    // Hugo reads keys in any case: so does `allow`. The site's `frontmatter` setting may name date keys of its own,
    // and the post's language its own taxonomies (`FRtags` in a French post).
    const siteKeys = [...siteDateKeys(site.dates), ...taxonomiesOfFile(post.path, urlSettings(site))];
    const accepted = new Set([...options.allow, ...siteKeys].map((key) => key.toLowerCase()));
    const present = new Set(frontMatter.keys.map((pair) => pair.name));
    // A key that repeats another in another case is frontmatter-syntax's.
    const repeated = repeatedKeys(frontMatter.keys);
    for (const entry of frontMatter.keys) {
      const { key, keySpan, name } = entry;
      if (Object.hasOwn(schema.shape, name) || accepted.has(key.toLowerCase()) || repeated.has(entry)) continue;
      const deprecated = DEPRECATED_KEYS.get(key.toLowerCase());
      if (deprecated) {
        // Hugo's own name for another key: deprecated whatever the templates read.
        report(deprecationProblem(post.text, entry, deprecated, present));
        continue;
      }
      const suggestion = suggestionFor(key, frontMatter.data[name], schema, present);
      // In `typos` mode a theme's own keys must pass: only a slip of a known key is reported, never its singular or plural.
      if (mode === 'typos' && (suggestion === undefined || isSingularOrPlural(key, suggestion))) continue;
      found.push({
        key,
        problem: {
          span: keySpan,
          message: suggestion
            ? `Unknown front matter key ${quoted(key, 60)}. Did you mean ${quoted(suggestion, 60)}? Rename it so the site reads it.`
            : `Unknown front matter key ${quoted(key, 60)}. The ${preset.name} preset does not read it: remove it, or allow it in .postlintrc.json (rules.frontmatter-unknown-key.allow).`,
          fixes: suggestion ? [{ title: `Rename ${quoted(key)} to ${quoted(suggestion)}`, edits: [keyRename(post.text, keySpan, suggestion)], safe: false, preferred: true }] : [],
        },
      });
    }
    // Most posts have no unknown key: only then are the site's templates read (once per site).
    if (found.length === 0) return;
    return layoutFacts(siteCache, workspace, site).then(({ params }) => {
      for (const { key, problem } of found) if (!params.has(key.toLowerCase())) report(problem);
    });
  },
});

/** A front matter key Hugo still reads under a name it has deprecated. */
interface Deprecation {
  /** The key Hugo reads in its place, and the version it did so from. */
  replacement: string;
  replacementSince: string;
  /** The version that deprecated the old name. */
  since: string;
  /** From this version on Hugo logs the deprecation as an error, which fails the build: 15 minor versions after `since` (common/hugo/hugo.go, deprecationLogLevelFromVersion). */
  failsFrom: string;
}

/**
 * Front matter keys Hugo reads but has deprecated (hugolib/page__meta.go): `_build` became
 * `build` in 0.123.0, and `_build` logs a deprecation since 0.145.0. When both are written,
 * Hugo reads `_build` and ignores `build`.
 */
const DEPRECATED_KEYS: ReadonlyMap<string, Deprecation> = new Map([['_build', { replacement: 'build', replacementSince: '0.123.0', since: '0.145.0', failsFrom: '0.160.0' }]]);

/**
 * A deprecated key is no lost value: Hugo reads it, so the message says what to write instead,
 * and why it matters (the build fails with a recent Hugo), and renames it where nothing is in the way.
 */
function deprecationProblem(text: string, entry: FrontMatterKey, deprecation: Deprecation, present: ReadonlySet<string>): Problem {
  const { key, keySpan } = entry;
  const { replacement, replacementSince, since, failsFrom } = deprecation;
  const history = `Hugo deprecated ${quoted(key)} in ${since}, and from ${failsFrom} on the build fails over it.`;
  if ([...present].some((name) => name.toLowerCase() === replacement)) {
    return {
      span: keySpan,
      message: `Deprecated front matter key ${quoted(key)}. Hugo reads it and ignores the ${quoted(replacement)} beside it: move its settings into ${quoted(replacement)} and remove it. ${history}`,
    };
  }
  return {
    span: keySpan,
    message: `Deprecated front matter key ${quoted(key)}. Rename it to ${quoted(replacement)}, which Hugo reads the same way (since ${replacementSince}): ${history}`,
    fixes: [{ title: `Rename ${quoted(key)} to ${quoted(replacement)}`, edits: [keyRename(text, keySpan, replacement)], safe: false, preferred: true }],
  };
}

/** The front matter keys the site's `frontmatter` setting reads dates from, beyond the schema's. */
function siteDateKeys(dates: FrontMatterDates): string[] {
  return [...dates.date, ...dates.publishDate, ...dates.lastmod, ...dates.expiryDate].filter((source) => !source.startsWith(':'));
}
