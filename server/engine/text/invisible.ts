/**
 * Characters a message cannot show: spaces other than the plain one, format characters
 * (zero-width and direction marks) and control characters. Quoted as they are, they read
 * as nothing (“” around a zero-width space), so messages name them by their code point.
 */

const INVISIBLE = /[\p{Z}\p{Cf}\p{Cc}]/gu;
const ONE_INVISIBLE = /^[\p{Z}\p{Cf}\p{Cc}]$/u;

/** Names of the invisible characters pasted text most often carries (Unicode's names). */
const NAMES: ReadonlyMap<number, string> = new Map([
  [0x00a0, 'NO-BREAK SPACE'],
  [0x00ad, 'SOFT HYPHEN'],
  [0x200b, 'ZERO WIDTH SPACE'],
  [0x200c, 'ZERO WIDTH NON-JOINER'],
  [0x200d, 'ZERO WIDTH JOINER'],
  [0x200e, 'LEFT-TO-RIGHT MARK'],
  [0x200f, 'RIGHT-TO-LEFT MARK'],
  [0x202f, 'NARROW NO-BREAK SPACE'],
  [0x2060, 'WORD JOINER'],
  [0xfeff, 'ZERO WIDTH NO-BREAK SPACE'],
]);

/** A character by its code point: `U+00A0`. */
export function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Whether a character is one a reader cannot see (the plain space aside, which is seen as a gap). */
export function isInvisible(char: string): boolean {
  return char !== ' ' && ONE_INVISIBLE.test(char);
}

/** `text` with each invisible character but the plain space written as its code point, so that a message shows it. */
export function visible(text: string): string {
  return text.replace(INVISIBLE, (char) => (char === ' ' ? char : codePoint(char)));
}

/** A character by its code point and, when known, its Unicode name: `U+200B ZERO WIDTH SPACE`. */
export function named(char: string): string {
  const name = NAMES.get(char.codePointAt(0)!);
  return name === undefined ? codePoint(char) : `${codePoint(char)} ${name}`;
}
