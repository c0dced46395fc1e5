// Minimal HTML character-reference decoding for plain text (link text, alt text).
// URLs are never decoded: they are reported as written.

const NAMED: Readonly<Record<string, string>> = Object.freeze({
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  laquo: '\u00ab',
  raquo: '\u00bb',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  middot: '\u00b7',
  bull: '\u2022',
  zwj: '\u200d',
  zwnj: '\u200c',
});

/** Decodes one reference such as `&amp;`, `&#233;` or `&#xE9;`; unknown ones stay as written. */
export function decodeEntity(ref: string): string {
  if (ref.length < 3 || ref.charCodeAt(0) !== 0x26 || ref.charCodeAt(ref.length - 1) !== 0x3b) return ref;
  const body = ref.slice(1, -1);
  if (body.charCodeAt(0) === 0x23) {
    const hex = body.charCodeAt(1) === 0x78 || body.charCodeAt(1) === 0x58;
    const digits = body.slice(hex ? 2 : 1);
    if (digits === '' || !(hex ? /^[0-9a-fA-F]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) return ref;
    const cp = parseInt(digits, hex ? 16 : 10);
    if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd';
    return String.fromCodePoint(cp);
  }
  return Object.prototype.hasOwnProperty.call(NAMED, body) ? NAMED[body] : ref;
}

const REFERENCE = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;

/** Decodes every character reference in `s` that {@link decodeEntity} knows. */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(REFERENCE, decodeEntity);
}
