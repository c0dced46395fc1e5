/**
 * Where the text of the line holding `at` starts, past the block quote markers and the
 * blanks before it (`> > $ helm …` → the `$`). Read from the source as written: what a
 * line starts with decides both where Goldmark's linkify may begin (links.ts) and
 * whether a line reads as a shell command (link-bare-url).
 */
export function lineTextStart(text: string, at: number): number {
  let start = text.lastIndexOf('\n', at - 1) + 1;
  while (text[start] === '>' || text[start] === ' ' || text[start] === '\t') start++;
  return start;
}
