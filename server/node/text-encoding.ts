/**
 * A file's text from its bytes. Posts are UTF-8, but editors on Windows save UTF-16
 * now and then; read as UTF-8, such a file is NUL bytes and mojibake, and its front
 * matter is not found. UTF-16 with a byte order mark is decoded; so is UTF-16 without
 * one when the zero bytes of its ASCII text say which half of each pair it is.
 */

/** How many bytes of the start are looked at to tell UTF-16 without a byte order mark. */
const SAMPLE = 256;

export type TextEncodingName = 'utf8' | 'utf16le' | 'utf16be';

export function encodingOf(bytes: Uint8Array): TextEncodingName {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf16be';
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf8';
  // ASCII text in UTF-16 has a zero in every other byte; UTF-8 text has none.
  const pairs = Math.floor(Math.min(bytes.length, SAMPLE) / 2);
  if (pairs < 2) return 'utf8';
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenZeros++;
    if (bytes[2 * i + 1] === 0) oddZeros++;
  }
  if (oddZeros >= pairs * 0.8 && evenZeros === 0) return 'utf16le';
  if (evenZeros >= pairs * 0.8 && oddZeros === 0) return 'utf16be';
  return 'utf8';
}

export function decodeText(bytes: Buffer): string {
  const encoding = encodingOf(bytes);
  if (encoding === 'utf8') return bytes.toString('utf8');
  const bom = bytes.length >= 2 && (bytes[0] === 0xff || bytes[0] === 0xfe) && (bytes[1] === 0xfe || bytes[1] === 0xff) ? 2 : 0;
  const body = Buffer.from(bytes.subarray(bom, bom + ((bytes.length - bom) & ~1)));
  // Node decodes little-endian UTF-16 only: a big-endian file's pairs are swapped first.
  if (encoding === 'utf16be') body.swap16();
  return body.toString('utf16le');
}

/** `text` in the encoding `like` was read in, with a byte order mark where it had one: what a fix writes back. */
export function encodeText(text: string, like: Uint8Array): Buffer {
  const encoding = encodingOf(like);
  if (encoding === 'utf8') return Buffer.from(text, 'utf8');
  const body = Buffer.from(text, 'utf16le');
  if (encoding === 'utf16be') body.swap16();
  const hasMark = like.length >= 2 && ((like[0] === 0xff && like[1] === 0xfe) || (like[0] === 0xfe && like[1] === 0xff));
  if (!hasMark) return body;
  return Buffer.concat([Buffer.from(encoding === 'utf16le' ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
}
