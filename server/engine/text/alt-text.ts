import { FIRST_SENTENCE_MAX } from './quote';
import { decodeEntities } from '../markdown/entities';
import type { ImageRef } from '../markdown';

/**
 * What the image rules share: the alt text as a reader gets it, the heuristics that
 * tell a file name or a default from a description, and which rule speaks when
 * several would report the same alt text.
 */

/** The alt text as a screen reader gets it: references decoded, white space collapsed, trimmed. */
export function readAlt(image: ImageRef): string | undefined {
  if (image.alt === undefined) return undefined;
  // Markdown alts come as plain text already; HTML and shortcode values are as written.
  const text = image.source === 'markdown' ? image.alt : decodeEntities(image.alt);
  return text.replace(/\s+/gu, ' ').trim();
}


/** How many “ a text leaves open, with no ” after them. */
function openQuotes(text: string): number {
  let open = 0;
  for (const char of text) {
    if (char === '\u201c') open++;
    else if (char === '\u201d') open = Math.max(0, open - 1);
  }
  return open;
}

/**
 * The alt text in typographic quotes, as messages set values. Past `max` characters
 * (UTF-16 units, as the length of a message is measured) its end is left out (…),
 * without splitting a character; a quotation mark of the alt that the cut leaves open
 * is closed after the ellipsis, so that the quotes of the message still pair up.
 */
export function quoteAlt(alt: string, max: number): string {
  if (alt.length <= max) return `\u201c${alt}\u201d`;
  const chars: string[] = [];
  let length = 0;
  for (const char of alt) {
    if (length + char.length > max - 1) break;
    chars.push(char);
    length += char.length;
  }
  let kept = chars.join('').trimEnd();
  while (kept.length > 0 && kept.length + 1 + openQuotes(kept) > max) kept = [...kept].slice(0, -1).join('').trimEnd();
  return `\u201c${kept}\u2026${'\u201d'.repeat(openQuotes(kept))}\u201d`;
}

/**
 * `Alt text “…” <what>.`: the first sentence of a message about an alt text, the alt
 * shortened as far as it must be for the sentence to fit in FIRST_SENTENCE_MAX characters.
 */
export function altSentence(alt: string, what: string): string {
  const frame = `Alt text \u201c\u201d ${what}.`.length;
  return `Alt text ${quoteAlt(alt, FIRST_SENTENCE_MAX - frame)} ${what}.`;
}

export type FilenameKind = 'extension' | 'camera' | 'screenshot' | 'tool' | 'placeholder' | 'number' | 'slug' | 'run-together';

// File names and defaults: each pattern is tried on the whole alt text.

const IMAGE_EXTENSION = /\.(?:png|jpe?g|jfif|gif|webp|avif|svg|bmp|tiff?|heic|heif|ico)$/iu;

/** Names cameras, phones and export tools give files: IMG_4821, DSC04417, PXL_20240101_…. */
const CAMERA_NAME = /^(?:img|dsc[nf_]?|dcim|pxl|mvimg|gopr|dji|cimg|pano|wp|p)[_-]?\d{4,}(?:[_-][\p{L}\p{N}_-]*)?$/iu;

/** Generic words a tool numbers: image1, Image 3, Figure_1, fig-2, Picture 4 (Word), download (3). */
const NUMBERED_DEFAULT =
  /^(?:image|img|pic|picture|photo|foto|figure|fig|graphic|screenshot|untitled|unnamed|download|file|bild|imagen|immagine|imagem)[\s_-]*\(?\d+\)?$/iu;

/** Flickr's `<photo id>_<secret>_<size>`, and UUIDs that upload tools use as names. */
const FLICKR_ID = /^\d{6,}_[0-9a-f]{6,}(?:_[a-z0-9])?$/iu;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/**
 * A screenshot's default name, in the languages of the common desktops, alone or
 * followed by a date or number ("Screenshot 2025-10-09 at 11 21 53", "Screen Shot
 * 2019-03-04 at 10.21.33 AM", "Captura de pantalla 2024-05-01 a las…", "Screenshot
 * from 2024-…"), and those of screen recorders and capture tools ("Screencast from
 * 2024-…", "Screen Recording 2024-…", "CleanShot 2024-… at …@2x"). "Screenshot of the dashboard" is a description, not a default.
 */
// Written as strings, not a regular expression literal: the bundler escapes what is past
// ASCII in strings, never in a literal, and the CLI starts faster from an ASCII bundle (boot.ts).
const SCREENSHOT_NAMES = [
  'screenshot',
  'screen[\\s_-]?shot',
  'screen[\\s_-]?capture',
  'screencast',
  'screen[\\s_-]?recording',
  'cleanshot(?:[\\s_-]x)?',
  'kazam[\\s_-]screen(?:shot|cast)',
  'captura(?:\\s+de\\s+(?:pantalla|tela|ecrã))?',
  'capture\\s+d[\'’]\\s?écran',
  'bildschirmfoto',
  'bildschirmaufnahme',
  'schermafbeelding',
  'schermata',
  'istantanea(?:\\s+schermo)?',
  'skärmbild',
  'skjermbilde',
  'zrzut\\s+ekranu',
  'snímek\\s+obrazovky',
  'näyttökuva',
  'ekran\\s+görüntüsü',
  'снимок\\s+экрана',
  'スクリーンショット',
  '屏幕截图',
  '截屏',
  '螢幕擷取畫面',
  '스크린샷',
  'whatsapp\\s+image',
  'pasted\\s+(?:image|graphic)',
];
const SCREENSHOT = new RegExp(`^(?:${SCREENSHOT_NAMES.join('|')})(?:[\\s_-]*(?:from|von|de|du|del)?[\\s_-]*\\(?\\d.*)?$`, 'iu');

/** Names design and office tools give a new file, compared without accents or case. */
const TOOL_DEFAULTS = new Set(
  [
    'untitled',
    'untitled design',
    'untitled document',
    'untitled presentation',
    'untitled drawing',
    'untitled image',
    'unnamed',
    'sans titre',
    'design sans titre',
    'sin titulo',
    'diseno sin titulo',
    'sem titulo',
    'design sem nome',
    'unbenannt',
    'unbenanntes design',
    'ohne titel',
    'senza titolo',
    'design senza titolo',
    'zonder titel',
    'naamloos',
    'naamloos ontwerp',
    'bez tytulu',
    'bez nazvu',
    'namnlos',
    'adsiz',
    'без названия',
    '无标题',
    '未命名',
    '未命名设计',
    '无标题设计',
    '未命名設計',
    '無題',
    '名称未設定',
    '名称未設定のデザイン',
    '제목 없음',
  ].map(fold),
);

/** Words left where an alt text was meant to be written. */
const PLACEHOLDERS = new Set(
  [
    'image',
    'img',
    'photo',
    'picture',
    'pic',
    'figure',
    'graphic',
    'thumbnail',
    'alt',
    'alt text',
    'alttext',
    'alt-text',
    'alt tag',
    'alternative text',
    'image alt text',
    'image alt',
    'alt text here',
    'add alt text',
    'insert alt text',
    'image description',
    'description',
    'enter image description here',
    'insert image description here',
    'describe the image',
    'todo',
    'tbd',
    'tba',
    'fixme',
    'xxx',
    'placeholder',
    'null',
    'undefined',
    'imagen',
    'bild',
    'immagine',
    'imagem',
    'foto',
  ].map(fold),
);

/** Lower case, no accents, no outer punctuation: what the default lists are compared with. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, '')
    // ł Ł and the dotless ı, escaped: an ASCII bundle (boot.ts).
    .replace(/[\u0142\u0141]/gu, 'l')
    .replace(/\u0131/gu, 'i');
}

/** A browser's copy number ("name (1)") or a trailing export number ("name -4"). */
const COPY_SUFFIX = /\s*(?:\(\d+\)|\s-\d+)$/u;

/**
 * Real words ending like these are long by derivation (`sustainability`,
 * `documentation`), not by words run together.
 */
const WORD_SUFFIX = /(?:tion|sion|ment|ity|ities|ness|ing|ship|ism|ist|olog(?:y|ies)|ence|ance|ure|ice|ics|ive|able|ible|ous|ant|ent|or|al)s?$/iu;

/**
 * One "word" with no spaces that is a file's slug rather than a description.
 * Separators or digits mark it; a long run of letters marks it when it cannot be
 * one real word. Brand names, single words, names with a version number and
 * compounds written as prose (`Kubernetes`, `OpenSSF`, `Logo`, `Wi-Fi`,
 * `Coca-Cola`, `ROT13`, `Python3`, `x86-64`, `Self-portrait`, `state-of-the-art`) pass.
 */
function slugKind(token: string): FilenameKind | undefined {
  if (/\s/u.test(token) || !/\p{L}/u.test(token)) return undefined;
  // Chinese, Japanese, Thai… are written without spaces: a long run of them is prose.
  if (/[^\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}\p{P}\p{S}]/u.test(token)) return undefined;
  if (/[\p{L}\p{N}]_[\p{L}\p{N}]/u.test(token)) return 'slug';
  if (token.includes('-')) return hyphenatedWord(token.split('-')) ? undefined : 'slug';
  if (!/^[\p{L}\p{N}]+$/u.test(token)) return undefined;
  if (/\p{N}/u.test(token)) return mixedWithDigits(token) ? 'slug' : undefined;
  return runTogether(token) ? 'run-together' : undefined;
}

/**
 * A word or a name written with hyphens, as prose writes it: `Wi-Fi`, `Coca-Cola`,
 * `Self-portrait`, `state-of-the-art`, `x86-64`, `UTF-8`. Not a slug, which joins
 * any words (`partner-logo`, `verify-module`) or numbers a file (`ospo-keynote-1`).
 */
function hyphenatedWord(parts: string[]): boolean {
  if (parts.some((part) => part === '')) return false;
  if (parts.every((part) => /^\p{L}+$/u.test(part))) return lettersCompound(parts);
  return codeName(parts);
}

/**
 * Hyphens between letters: a compound of English, or a name. Two parts with one of
 * one or two letters (`e-mail`, `X-ray`, `T-shirt`, `Pi-hole`) or two capitalised
 * names (`Coca-Cola`) are one word. Otherwise, written as prose (see `proseCase`),
 * two parts make a compound when the first is a prefix or the last a particle that
 * English joins with a hyphen (`Self-portrait`, `well-known`, `built-in`, `open-source`),
 * and three to five when every inner part is a linking word between short words
 * (`state-of-the-art`, `end-to-end`, `one-of-a-kind`). Which two words a slug joins
 * cannot be told from which two a writer joins without knowing the words: the lists
 * below are those few words, and `steering-committee` stays a slug.
 */
function lettersCompound(parts: string[]): boolean {
  if (parts.length === 2 && parts.some((part) => part.length <= 2)) return true;
  if (parts.length === 2 && parts.every((part) => /^\p{Lu}\p{Ll}+$/u.test(part))) return true;
  if (!proseCase(parts)) return false;
  const words = parts.map((part) => part.toLowerCase());
  if (words.length === 2) return COMPOUND_FIRST.has(words[0]) || COMPOUND_LAST.has(words[1]);
  if (words.length > 5 || !words.every(shortWord)) return false;
  return words.slice(1, -1).every((word) => LINKING_WORDS.has(word));
}

/**
 * Prose puts a capital only at the start of a sentence or in an acronym: lower case
 * after the first hyphen, the first part in lower case, capitalised or an acronym
 * (`Self-portrait`, `HTTP-based`). `OSPO-SURVEY-KEYFINDINGS` and `Team-Photo-Berlin`
 * are cased as file names and titles are, not as running text.
 */
function proseCase(parts: string[]): boolean {
  return /^(?:\p{Lu}?\p{Ll}+|\p{Lu}{2,5})$/u.test(parts[0]) && parts.slice(1).every((part) => /^\p{Ll}+$/u.test(part));
}

/** A word of everyday English in a phrase compound: six letters or fewer, with a vowel (`php` has none). */
function shortWord(word: string): boolean {
  return word.length <= 6 && /[aeiouy]/u.test(word);
}

/** Prefixes English joins to a word with a hyphen: `self-hosted`, `well-known`, `non-profit`, `cross-platform`. */
const COMPOUND_FIRST = new Set(['self', 'well', 'ill', 'non', 'pre', 'post', 'anti', 'multi', 'semi', 'cross', 'mid', 'half', 'all', 'open', 'real', 'long', 'short', 'high', 'low', 'full', 'first', 'one', 'two', 'three']);

/** Particles and adjectives that end a hyphenated compound: `built-in`, `follow-up`, `cloud-native`, `user-friendly`. */
const COMPOUND_LAST = new Set(['in', 'up', 'on', 'out', 'off', 'down', 'over', 'through', 'based', 'like', 'free', 'wide', 'known', 'made', 'aware', 'driven', 'friendly', 'native', 'powered', 'ready', 'specific']);

/** The inner words of a phrase made one word: `state-of-the-art`, `up-to-date`, `mother-in-law`, `all-in-one`. */
const LINKING_WORDS = new Set(['of', 'the', 'to', 'in', 'on', 'and', 'or', 'a', 'an', 'for', 'by', 'at', 'as']);

/**
 * Hyphens with digits: a technical name of two short parts (`x86-64`, `UTF-8`,
 * `COVID-19`, `H-1B`, `3-D`), each of five characters at most, where every part has a
 * digit or the part without one is an acronym. A word and a number (`vivo-1`,
 * `team-2024`) is a file numbered in a series.
 */
function codeName(parts: string[]): boolean {
  if (parts.length !== 2 || !parts.every((part) => /^[\p{L}\p{N}]{1,5}$/u.test(part))) return false;
  return parts.every((part) => /\p{N}/u.test(part) || /^\p{Lu}+$/u.test(part));
}

/**
 * A name and its number, as prose writes it: `ROT13`, `Python3`, `HTTP2`, `Win32`,
 * `IPv6`, `Windows11`: letters with a capital (a name or an acronym, eight letters at
 * most), or four lower-case letters at most (`rot13`, `http2`), then one or two
 * digits. Web file names are lower case, and number a series after a word
 * (`osposurvey7`, `banner2`, `python3` as a file).
 */
const NAME_WITH_NUMBER = /^(?:\p{Lu}\p{L}{0,7}|\p{Ll}{1,4})\p{N}{1,2}$/u;

/** `image4`, `MTG2024FINAL`, `team2023photo`, but not `Web3`, `K8s`, `Neo4j`, `MP3`, `ROT13`, `Python3`. */
function mixedWithDigits(token: string): boolean {
  if ([...token].length < 5 || NAME_WITH_NUMBER.test(token)) return false;
  const longestLetters = Math.max(...(token.match(/\p{L}+/gu) ?? ['']).map((run) => run.length));
  const longestDigits = Math.max(...(token.match(/\p{N}+/gu) ?? ['']).map((run) => run.length));
  return longestLetters >= 4 || longestDigits >= 2;
}

/**
 * Letters only, no spaces: words run together (`teamphotoberlin`) or one long
 * word? Without a dictionary, length and shape decide: over 20 letters is no
 * word an alt text would be; 13 or more in one case (all lower or all upper) is
 * a slug unless it ends like a derived word; three or more capitalised humps
 * (`HarbourFestivalCrowd`) are words joined in camel case.
 */
function runTogether(token: string): boolean {
  const length = [...token].length;
  if (length > 20) return true;
  const oneCase = token === token.toLowerCase() || token === token.toUpperCase();
  if (oneCase && length >= 13 && !WORD_SUFFIX.test(token)) return true;
  return length >= 12 && (token.match(/\p{Lu}\p{Ll}{2,}/gu) ?? []).length >= 3;
}

/**
 * File names joined with underscores in place of spaces, more than once: `Team_Photo_Final`.
 * Not a description that names an identifier written in snake case (`a chart of
 * kafka_request_count per broker`): its underscores join no words of the alt.
 */
function underscoredName(alt: string): boolean {
  const joins = alt
    .split(/\s+/u)
    .filter((token) => !SNAKE_CASE_IDENTIFIER.test(token))
    .reduce((count, token) => count + (token.match(/[\p{L}\p{N}]_[\p{L}\p{N}]/gu) ?? []).length, 0);
  return joins >= 2;
}

/** `kafka_request_count`, `http_server_duration_ms`: a name from code or metrics, in lower case. */
const SNAKE_CASE_IDENTIFIER = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+[.,;:!?)]*$/u;

/** Why an alt text is a file name or a default, or undefined when it may describe the image. */
export function filenameKind(alt: string): FilenameKind | undefined {
  if (alt === '') return undefined;
  if (IMAGE_EXTENSION.test(alt)) return 'extension';
  const name = alt.replace(COPY_SUFFIX, '');
  const folded = fold(name);
  if (PLACEHOLDERS.has(folded)) return 'placeholder';
  if (TOOL_DEFAULTS.has(folded)) return 'tool';
  if (SCREENSHOT.test(name)) return 'screenshot';
  if (CAMERA_NAME.test(name) || FLICKR_ID.test(name) || UUID.test(name)) return 'camera';
  if (NUMBERED_DEFAULT.test(alt) || NUMBERED_DEFAULT.test(name)) return 'placeholder';
  // A year or a count may be what the image shows; six digits or more are an id or a timestamp.
  if (!/\p{L}/u.test(name)) return (name.match(/\p{N}/gu) ?? []).length >= 6 ? 'number' : undefined;
  if (/\p{N}{8,}/u.test(name)) return 'number';
  if (underscoredName(name)) return 'slug';
  return slugKind(name);
}

/**
 * Why an alt text of each kind is no description: what it is (the end of the first
 * sentence, after the alt text) and, for slugs, how it was told.
 */
const FILENAME_REASONS: Record<FilenameKind, { what: string; how?: string }> = {
  extension: { what: 'is a file name' },
  camera: { what: 'looks like a camera or upload file name' },
  screenshot: { what: 'is the default name of a screenshot' },
  tool: { what: 'is the default name a design or office tool gives a new file' },
  placeholder: { what: 'is a placeholder, not a description' },
  number: { what: 'is a number or an id, not a description' },
  slug: { what: 'looks like a file name', how: 'Its words are joined by hyphens, underscores or digits' },
  'run-together': { what: 'looks like a file name', how: 'Its words run together with no spaces' },
};

export function filenameReason(kind: FilenameKind): { what: string; how?: string } {
  return FILENAME_REASONS[kind];
}

/**
 * "Image of", "a photo of"…: screen readers already say it is an image. "Screenshot of" is
 * not among them: that an image is a capture of a screen is news to a listener (a page as
 * it looked, not the page itself), and accessibility linters such as GitHub's leave the
 * medium alone for that reason.
 */
export const REDUNDANT_PREFIX = /^(?:(?:an?|the)\s+)?(?:image|picture|photo|photograph|graphic)\s+of\s+/iu;

/** The opening words to drop, when the alt starts with one and says something after it. */
export function redundantPrefix(alt: string): string | undefined {
  const match = REDUNDANT_PREFIX.exec(alt);
  return match && match[0].length < alt.length ? match[0] : undefined;
}

// Made on first use: a segmenter costs 10 ms to make, and most runs never need one
// (short alts are measured without it), which the language server's start-up feels.
let graphemes: Intl.Segmenter | undefined;

/** User-perceived characters (grapheme clusters): an emoji or `é` written as e + accent counts once. */
export function altLength(alt: string): number {
  graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  let count = 0;
  for (const _ of graphemes.segment(alt)) count++;
  return count;
}
