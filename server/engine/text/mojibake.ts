/**
 * Mojibake: UTF-8 bytes that were decoded with a legacy single-byte code page, so
 * that each multi-byte character became two to four wrong ones (`é` → `Ã©` in
 * Windows-1252, `√©` in Mac Roman). A run is found by encoding the text back with
 * the code page and looking for whole UTF-8 sequences; it is repaired only when
 * that round trip is exact.
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
      runs.push({
        start: current[0].start,
        end: current[current.length - 1].end,
        codePage,
        // Joined, not spread: a run may be a whole megabyte line, more arguments than a call takes.
        repaired: current.map((sequence) => String.fromCodePoint(sequence.codePoint)).join(''),
      });
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
}

/**
 * Mojibake between `start` and `end` of `text`. Where the code pages find
 * overlapping runs that repair differently, the finding has no repair.
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
      if (!same) last.run = undefined;
      continue;
    }
    findings.push({ start: run.start, end: run.end, run, codePages: [run.codePage] });
  }
  return findings;
}
