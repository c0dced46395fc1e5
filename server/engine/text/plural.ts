/** `1 file`, `2 files`: a count and its word, which takes an `s` unless the count is one. */
export function plural(count: number | bigint, word: string): string {
  return `${count} ${word}${Number(count) === 1 ? '' : 's'}`;
}
