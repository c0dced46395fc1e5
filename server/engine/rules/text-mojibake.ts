import { findMojibake, type MojibakeFinding } from '../text/mojibake';
import { proseSpans } from '../text/prose';
import { FIRST_SENTENCE_MAX, quoted } from '../text/quote';
import { codePoint, visible } from '../text/invisible';
import { defineRule } from '../rule';
import type { Span } from '../types';

/**
 * A run or its repair as the message and the fix title quote it: invisible characters,
 * and the curly double quotes that would be taken for the quotes around it (`â€“`, an
 * en dash read as Windows-1252, ends in “), shown by their code point.
 */
function shown(text: string): string {
  return visible(text).replace(/[\u201c\u201d]/gu, codePoint);
}

/** Runs with their repair, or as written when the repair is not certain. */
function repair(text: string, start: number, end: number, findings: MojibakeFinding[]): string {
  let result = '';
  let cursor = start;
  for (const finding of findings) {
    if (finding.end <= start || finding.start >= end) continue;
    result += text.slice(cursor, finding.start) + (finding.run?.repaired ?? text.slice(finding.start, finding.end));
    cursor = finding.end;
  }
  return result + text.slice(cursor, end);
}

/** Markup and ASCII punctuation at the ends of a quoted word (`**“OSPO` reads `“OSPO`). */
const ASCII_PUNCTUATION_EDGES = /^[\s!-/:-@[-`{-~]+|[\s!-/:-@[-`{-~]+$/gu;

/** Where the word around `from`…`to` starts and ends, at most 30 characters each way, within `part`. */
function wordBounds(text: string, part: Span, from: number, to: number): Span {
  // The character just outside a prose part ends or starts code, a comment or the front matter
  // (`, >, -, + or a line break), which the trim of ASCII punctuation drops from the word anyway.
  let start = from;
  while (
    // Stryker disable next-line EqualityOperator: one step past the part only takes in that character
    start > part.start &&
    from - start < 30 &&
    !/\s/u.test(text[start - 1])
  )
    start--;
  let end = to;
  while (
    // Stryker disable next-line EqualityOperator: one step past the part only takes in that character
    end < part.end &&
    end - to < 30 &&
    !/\s/u.test(text[end])
  )
    end++;
  return { start, end };
}

/**
 * The word around a run, every run in it repaired: `Jiménez` for `Jim√©nez`.
 * A run that is a word of its own (`√ó` for `×`) is shown with its neighbours.
 */
function repairedWord(text: string, part: Span, finding: MojibakeFinding, repaired: string, findings: MojibakeFinding[]): string | undefined {
  let { start, end } = wordBounds(text, part, finding.start, finding.end);
  let word = repair(text, start, end, findings).replace(ASCII_PUNCTUATION_EDGES, '');
  if (word === repaired) {
    // Neighbours on the same line only: spaces and tabs, not line breaks.
    const before = text.slice(part.start, start).replace(/[ \t]+$/u, '');
    const after = text.slice(end, part.end).replace(/^[ \t]+/u, '');
    const previousEnd = part.start + before.length;
    const nextStart = part.end - after.length;
    ({ start } = wordBounds(text, part, previousEnd, previousEnd));
    ({ end } = wordBounds(text, part, nextStart, nextStart));
    word = repair(text, start, end, findings).replace(ASCII_PUNCTUATION_EDGES, '').replace(/\s+/gu, ' ');
  }
  return word === repaired ? undefined : word;
}


/** `“run” <what>.`, the run shortened in its middle as far as it must be for the sentence to fit. */
function runSentence(bad: string, what: string): string {
  const frame = `\u201c\u201d ${what}.`.length;
  return `${quoted(bad, FIRST_SENTENCE_MAX - frame)} ${what}.`;
}

function message(text: string, part: Span, finding: MojibakeFinding, findings: MojibakeFinding[]): string {
  const bad = shown(text.slice(finding.start, finding.end));
  if (finding.run && finding.evidence === 'weak') {
    const word = repairedWord(text, part, finding, finding.run.repaired, findings);
    const inWord = word ? ` (${quoted(visible(word), 80)})` : '';
    return `${runSentence(bad, `may be mojibake, UTF-8 text read as ${finding.run.codePage} as elsewhere in this post`)} It would read ${quoted(shown(finding.run.repaired), 60)}${inWord}, one character of a script that real text can make by chance: replace it only if that was meant.`;
  }
  if (!finding.run) {
    const codePages = [...new Set(finding.codePages)].join(' or ');
    return `${runSentence(bad, `looks like mojibake (UTF-8 text read as ${codePages})`)} Which characters were meant is not certain: retype them.`;
  }
  const word = repairedWord(text, part, finding, finding.run.repaired, findings);
  const inWord = word ? ` (${quoted(visible(word), 80)})` : '';
  return `${runSentence(bad, `is mojibake, UTF-8 text read as ${finding.run.codePage}`)} It should read ${quoted(shown(finding.run.repaired), 60)}${inWord}. Replace it, and check the encoding of the tool the text came from.`;
}

/** Text pasted through a tool that read UTF-8 as a legacy code page: readers see `Jim√©nez`. */
export default defineRule({
  meta: {
    id: 'text-mojibake',
    description: 'Text must not be mojibake: UTF-8 read as Mac Roman, Windows-1252 or Latin-1 (`Jim\u221a\u00a9nez`, `\u00e2\u20ac\u2122`).',
    defaultSeverity: 'error',
    fixable: 'safe or editor',
  },
  check({ post, report }) {
    const parts = proseSpans(post).map((part) => ({ part, findings: findMojibake(post.text, part.start, part.end) }));
    // Weak evidence (one character of another script, evidenceOf in text/mojibake.ts) counts
    // only in a post that a tool has certainly garbled elsewhere.
    const garbled = parts.some(({ findings }) => findings.some((finding) => finding.evidence === 'certain'));
    for (const { part, findings } of parts) {
      for (const finding of findings) {
        const certain = finding.evidence === 'certain';
        if (!certain && !garbled) continue;
        const span = { start: finding.start, end: finding.end };
        const run = finding.run;
        report({
          span,
          message: message(post.text, part, finding, findings),
          // Safe when certain: the repair is the exact inverse of the wrong decoding, found in one
          // code page only, of a run no real text makes. Weak: offered in the editor, never by --fix.
          fixes: run
            ? [{ title: `Replace ${quoted(shown(post.text.slice(span.start, span.end)), 40)} with ${quoted(shown(run.repaired), 40)}`, edits: [{ span, newText: run.repaired }], safe: certain, preferred: true }]
            : [],
        });
      }
    }
  },
});
