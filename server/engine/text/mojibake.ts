/**
 * Mojibake: UTF-8 bytes that were decoded with a legacy single-byte code page, so
 * that each multi-byte character became two to four wrong ones (`é` → `Ã©` in
 * Windows-1252, `√©` in Mac Roman). A run is found by encoding the text back with
 * the code page and looking for whole UTF-8 sequences; it is repaired only when
 * that round trip is exact.
 *
 * A valid sequence is not yet evidence: Mac Roman shows the lead bytes of Hangul
 * and CJK as capitals (`Í Î Ï Ì Ë È Â Ê Á`) and every continuation byte up to 0x9F as
 * an accented letter, so real capitals (`ÄËÏÖÜ` holds `ÏÖÜ`, Hangul 셆) decode too.
 * See `evidenceOf`.
 */

export type CodePage = 'Mac Roman' | 'Windows-1252';

/** Mac OS Roman, bytes 0x80–0xFF (Apple's table, with the euro sign at 0xDB and the Apple logo at 0xF0). */
const MAC_ROMAN_HIGH =
  'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü' +
  '†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø' +
  '¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ' +
  '‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ';

/** Windows-1252, bytes 0x80–0x9F; 0xA0–0xFF are Latin-1's. Unassigned bytes are `\0` here. */
const WINDOWS_1252_C1 = '€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ';

type Encoder = ReadonlyMap<string, number>;

function macRoman(): Encoder {
  const map = new Map<string, number>();
  [...MAC_ROMAN_HIGH].forEach((char, index) => map.set(char, 0x80 + index));
  // Older tables map these bytes to the look-alike characters.
  map.set('\u2126', 0xbd);
  map.set('\u00a4', 0xdb);
  return map;
}

/**
 * Windows-1252 and Latin-1 as one code page: a decoder that followed either left
 * the byte as the Windows-1252 character, or (Latin-1, and Windows-1252's five
 * unassigned bytes in most decoders) as the C1 control of the same number.
 */
function windows1252(): Encoder {
  const map = new Map<string, number>();
  for (let byte = 0x80; byte <= 0xff; byte++) map.set(String.fromCharCode(byte), byte);
  [...WINDOWS_1252_C1].forEach((char, index) => {
    if (char !== '\0') map.set(char, 0x80 + index);
  });
  return map;
}

const ENCODERS: [CodePage, Encoder][] = [
  ['Mac Roman', macRoman()],
  ['Windows-1252', windows1252()],
];

function byteOf(encoder: Encoder, char: string): number | undefined {
  const code = char.charCodeAt(0);
  return code < 0x80 ? code : encoder.get(char);
}

/** How many continuation bytes a lead byte takes, and the range its first one must fall in (no overlongs, no surrogates, nothing past U+10FFFF). */
function leadOf(byte: number): { length: number; low: number; high: number } | undefined {
  if (byte >= 0xc2 && byte <= 0xdf) return { length: 1, low: 0x80, high: 0xbf };
  if (byte === 0xe0) return { length: 2, low: 0xa0, high: 0xbf };
  if (byte === 0xed) return { length: 2, low: 0x80, high: 0x9f };
  if (byte >= 0xe1 && byte <= 0xef) return { length: 2, low: 0x80, high: 0xbf };
  if (byte === 0xf0) return { length: 3, low: 0x90, high: 0xbf };
  if (byte >= 0xf1 && byte <= 0xf3) return { length: 3, low: 0x80, high: 0xbf };
  if (byte === 0xf4) return { length: 3, low: 0x80, high: 0x8f };
  return undefined;
}

/** Controls, unassigned and private-use code points are not what anyone wrote. */
const IMPLAUSIBLE = /[\p{Cc}\p{Cn}\p{Co}\p{Cs}]/u;

interface Sequence {
  start: number;
  end: number;
  codePoint: number;
}

/** The whole UTF-8 sequence whose lead byte is the character at `index`, strictly decoded. */
function sequenceAt(text: string, index: number, end: number, encoder: Encoder): Sequence | undefined {
  const lead = byteOf(encoder, text[index]);
  const shape = lead === undefined ? undefined : leadOf(lead);
  if (lead === undefined || !shape || index + shape.length >= end) return undefined;
  let codePoint = lead & (0x3f >> shape.length);
  for (let k = 1; k <= shape.length; k++) {
    const byte = byteOf(encoder, text[index + k]);
    const [low, high] = k === 1 ? [shape.low, shape.high] : [0x80, 0xbf];
    if (byte === undefined || byte < low || byte > high) return undefined;
    codePoint = (codePoint << 6) | (byte & 0x3f);
  }
  if (IMPLAUSIBLE.test(String.fromCodePoint(codePoint))) return undefined;
  return { start: index, end: index + 1 + shape.length, codePoint };
}

export interface MojibakeRun {
  start: number;
  end: number;
  codePage: CodePage;
  /** The text as it was written before the wrong decoding. */
  repaired: string;
  evidence: Evidence;
}

/**
 * How sure a run is mojibake:
 * - `certain`: it holds a sign no word is spelt with (below), and reads back to Latin
 *   text, punctuation, symbols or emoji, or to two characters or more of another script
 *   (`ÌïúÍµ≠Ïñ¥`, 한국어; `ÐŸÑ€Ð¸Ð²ÐµÑ‚`, Привет). Reported, and the repair is safe.
 * - `weak`: it holds such a sign but reads back to one character of another script
 *   (`é…”`, a French `café…”` read as Windows-1252, would be 镔). Real text makes such
 *   pairs by chance: reported only in a post that has certain mojibake elsewhere, and
 *   its repair is never applied by `--fix`.
 */
export type Evidence = 'certain' | 'weak';

/**
 * Letters that words are spelt with: cased letters, which is what a code page shows most
 * bytes 0x80–0xFF as. Not the florin and micro signs (`ƒ`, Mac Roman's C4, the lead of
 * `ą ę ć č`), nor the ordinal indicators and modifier letters (`ª º ˆ`), which are Lo and Lm.
 */
const WORD_LETTER = /[\p{Lu}\p{Ll}\p{Lt}]/u;
// ƒ and µ, escaped: an ASCII bundle (boot.ts).
const NOT_A_WORD_LETTER = /[\u0192\u00b5]/u;

/** Every character a word letter: `ÏÖÜ`, `Ìïú`, `ÃŸ`. */
function lettersOnly(run: string): boolean {
  for (const char of run) if (!WORD_LETTER.test(char) || NOT_A_WORD_LETTER.test(char)) return false;
  return true;
}

/** A character that is not Latin, nor common to all scripts (punctuation, symbols, emoji, digits), nor a combining mark. */
const OTHER_SCRIPT = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;

/**
 * The evidence a run is mojibake, or undefined when there is none.
 *
 * A run of letters only is no evidence, whatever it decodes to: `ÏÖÜ`, `ÎÑÑ`, `Èéè` are
 * capitals and accents a language really writes, and decode through Mac Roman to Hangul
 * and CJK. Mac Roman mojibake of Western text always holds a sign, since the lead bytes
 * of U+0080–U+017F are `¬ √ ƒ ≈`, and that of punctuation `‚` (`‚Äô`). The exception is
 * a run that reads back to Latin-1 or Latin Extended-A (U+0080–U+017F): Windows-1252's
 * leads there are the letters `Â Ã Ä Å`, and `Ãœ` (Ü), `ÃŸ` (ß), `Ãš` (Ú) are among the
 * commonest mojibake; no language writes Â, Ã, Ä or Å before Š, Œ, Ž, š, œ, ž or Ÿ.
 * The code page alone is no evidence either way: the brief's two mojibake posts are Mac Roman.
 */
function evidenceOf(text: string, sequences: Sequence[], repaired: string): Evidence | undefined {
  const latin = sequences.some((sequence) => sequence.codePoint >= 0x80 && sequence.codePoint <= 0x17f);
  if (!latin && lettersOnly(text.slice(sequences[0].start, sequences[sequences.length - 1].end))) return undefined;
  return sequences.length > 1 || !OTHER_SCRIPT.test(repaired) ? 'certain' : 'weak';
}

/**
 * A lone two-byte sequence is where real text can look like mojibake (`“é` is
 * a valid sequence in Mac Roman, `MENÜ“` in Windows-1252): alone, it counts only
 * when it decodes to a Latin letter or sign (U+00A0–U+017F), as the accents,
 * no-break spaces and signs of Western text do. Longer runs and three- and
 * four-byte sequences (punctuation, CJK, emoji) are not found by chance.
 */
function plausible(sequences: Sequence[]): boolean {
  if (sequences.length > 1 || sequences[0].end - sequences[0].start > 2) return true;
  const codePoint = sequences[0].codePoint;
  return codePoint >= 0xa0 && codePoint <= 0x17f;
}

const NON_ASCII = /[^\x00-\x7f]/g;

/** Runs of adjacent sequences between `start` and `end` for one code page. */
function runsFor(text: string, start: number, end: number, codePage: CodePage, encoder: Encoder): MojibakeRun[] {
  const runs: MojibakeRun[] = [];
  let current: Sequence[] = [];
  const flush = () => {
    if (current.length > 0 && plausible(current)) {
      // Joined, not spread: a run may be a whole megabyte line, more arguments than a call takes.
      const repaired = current.map((sequence) => String.fromCodePoint(sequence.codePoint)).join('');
      const evidence = evidenceOf(text, current, repaired);
      if (evidence) runs.push({ start: current[0].start, end: current[current.length - 1].end, codePage, repaired, evidence });
    }
    current = [];
  };
  for (let index = start; index < end; ) {
    // Every byte of a UTF-8 sequence is 0x80 or above, which no code page reads as
    // ASCII: skip ASCII text in one search instead of a lookup per character.
    if (text.charCodeAt(index) < 0x80) {
      flush();
      NON_ASCII.lastIndex = index;
      const next = NON_ASCII.exec(text);
      index = next ? next.index : end;
      continue;
    }
    const sequence = sequenceAt(text, index, end, encoder);
    if (!sequence) {
      flush();
      index++;
      continue;
    }
    if (current.length > 0 && current[current.length - 1].end !== sequence.start) flush();
    current.push(sequence);
    index = sequence.end;
  }
  flush();
  return runs;
}

export interface MojibakeFinding {
  start: number;
  end: number;
  /** Undefined when the code pages disagree: the run is mojibake but its repair is not certain. */
  run?: MojibakeRun;
  codePages: CodePage[];
  /** The strongest evidence of the runs found here. */
  evidence: Evidence;
}

/**
 * Mojibake between `start` and `end` of `text`. Where the code pages find
 * overlapping runs that repair differently, the finding has no repair. Runs with
 * no evidence are left out; weak ones are kept, for the caller to weigh against
 * the rest of the post.
 */
export function findMojibake(text: string, start: number, end: number): MojibakeFinding[] {
  // The text up to `end` (same offsets, no copy): searches for the next non-ASCII
  // character stop there instead of running on through the rest of the post.
  const upToEnd = end < text.length ? text.slice(0, end) : text;
  // Every byte of a UTF-8 sequence reads as a character from U+0080 up: most spans have none.
  NON_ASCII.lastIndex = start;
  if (NON_ASCII.exec(upToEnd) === null) return [];
  const all = ENCODERS.flatMap(([codePage, encoder]) => runsFor(upToEnd, start, end, codePage, encoder)).sort((a, b) => a.start - b.start || b.end - a.end);
  const findings: MojibakeFinding[] = [];
  for (const run of all) {
    const last = findings[findings.length - 1];
    if (last && run.start < last.end) {
      // The same bytes read two ways: keep the span, drop the repair unless both agree.
      const same = last.run && last.start === run.start && last.end === run.end && last.run.repaired === run.repaired;
      last.end = Math.max(last.end, run.end);
      last.codePages.push(run.codePage);
      if (run.evidence === 'certain') last.evidence = 'certain';
      if (!same) last.run = undefined;
      continue;
    }
    findings.push({ start: run.start, end: run.end, run, codePages: [run.codePage], evidence: run.evidence });
  }
  return findings;
}
