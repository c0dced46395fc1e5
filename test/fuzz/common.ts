import assert from 'node:assert/strict';
import type { LanguageService } from '../../server/engine/language-service';
import type { Diagnostic, Range } from '../../server/engine/types';
import { hugoSite, serviceFor, SITE } from '../helpers/memory-workspace';

/**
 * What the property tests of this folder share: how many cases each runs, the site
 * they check posts in, and what "inside the document" means. Their generators are in
 * test/helpers/post-arbitraries.ts.
 */

/** `npm run fuzz`: many cases, and the time property, which `npm test` never runs (timed assertions flake). */
export const FUZZING = process.env.POSTLINT_FUZZ === '1';

/**
 * Cases per property: few in `npm test` (the whole folder adds about 20 s there on
 * two cores), many in `npm run fuzz` (about 5 minutes in all). FUZZ_RUNS=n gives
 * every property n cases, to explore by hand.
 */
const RUNS = {
  engine: { test: 1000, fuzz: 60_000 },
  fixes: { test: 1000, fuzz: 60_000 },
  lspEdits: { test: 250, fuzz: 12_000 },
  // Timed: never in npm test (see budget.test.ts).
  budget: { test: 0, fuzz: 1_500 },
} as const;

export type FuzzProperty = keyof typeof RUNS;

export function runsOf(property: FuzzProperty): number {
  const forced = Number(process.env.FUZZ_RUNS);
  if (Number.isInteger(forced) && forced > 0) return forced;
  return FUZZING ? RUNS[property].fuzz : RUNS[property].test;
}

/** Where the generated post lives: a dated blog post, so that the date rules look at its name. */
export const FUZZ_POST = `${SITE}/content/blog/2025-01-01-fuzz.md`;

/** The post the generated one links to, with headings to link to. */
export const OTHER_POST = '---\ntitle: Other\ndate: 2025-01-02\n---\n# Other\n## Part one {#part-one}\n## Heading\n';

/**
 * A site that gives every rule something to look up: another post with headings to
 * link to, an image, a shortcode of its own, and a config that turns on the one rule
 * the preset leaves off and names a host for link-insecure's safe fix.
 */
export function fuzzSite() {
  return hugoSite({
    '.postlintrc.json': '{ "rules": { "frontmatter-key-case": "warn", "link-insecure": ["warn", { "httpsHosts": ["secure.example"] }] } }',
    'content/blog/other.md': OTHER_POST,
    'content/about.md': '---\ntitle: About\n---\nAbout us.\n',
    'static/images/cat.png': 'png',
    'layouts/shortcodes/details.html': '<details>{{ .Inner }}</details>',
  });
}

/** One service for all the cases of a file: a check's result depends only on the text, and building a service per case would cost most of the run. */
export function fuzzService(): LanguageService {
  return serviceFor(fuzzSite());
}

/** The length of each line as an LSP client counts lines: they end at `\r\n`, `\n` or a lone `\r`. */
export function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.length);
}

/** What is wrong with a range of a document whose lines have these lengths, if anything. */
function rangeFault(lengths: number[], range: Range): string | undefined {
  const { start, end } = range;
  for (const [name, at] of [['start', start], ['end', end]] as const) {
    if (!Number.isInteger(at.line) || at.line < 0 || at.line >= lengths.length) return `${name} line ${at.line} of ${lengths.length}`;
    if (!Number.isInteger(at.character) || at.character < 0 || at.character > lengths[at.line]) return `${name} ${at.line}:${at.character}, the line has ${lengths[at.line]} units`;
  }
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) return 'it starts after it ends';
  return undefined;
}

/** Each range of a diagnostic: its own and those its fixes edit, named for a failure message. */
function rangesOf(diagnostic: Diagnostic): [string, Range][] {
  const edits = diagnostic.fixes.flatMap((fix) => fix.edits.map((edit): [string, Range] => [`${diagnostic.ruleId} fix "${fix.title}"`, edit.range]));
  return [[diagnostic.ruleId, diagnostic.range], ...edits];
}

/** Every diagnostic's range, and every range its fixes edit, lies inside `text`. */
export function assertRangesInside(text: string, diagnostics: Diagnostic[]): void {
  const lengths = lineLengths(text);
  for (const diagnostic of diagnostics) {
    for (const [what, range] of rangesOf(diagnostic)) {
      const fault = rangeFault(lengths, range);
      if (fault) assert.fail(`${what} ${JSON.stringify(range)}: ${fault}`);
    }
  }
}
