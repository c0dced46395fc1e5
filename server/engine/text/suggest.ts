/** Edit distance with transpositions, small inputs only (keys, author names). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => [i, ...new Array<number>(cols - 1).fill(0)]);
  for (let j = 1; j < cols; j++) d[0][j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[rows - 1][cols - 1];
}

/**
 * The one candidate a reader most likely meant: a case-insensitive match first,
 * else the nearest by edit distance within a third of the word's length, else the
 * only candidate the word begins (a shortened key or name: `anajs` for `anajsana`).
 * Undefined when nothing is close or two candidates are equally close.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  const near = nearest(word, list);
  if (near !== undefined || word.length < 4) return near;
  const lower = word.toLowerCase();
  const extended = list.filter((candidate) => candidate.toLowerCase().startsWith(lower));
  return extended.length === 1 ? extended[0] : undefined;
}

function nearest(word: string, candidates: string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const candidate of candidates) {
    if (candidate === word) return undefined;
    if (candidate.toLowerCase() === lower) return candidate;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance) tie = true;
  }
  return best !== undefined && bestDistance <= typoLimit(word) && !tie ? best : undefined;
}

/** The most edits a typo of `word` may take: a third of its length, at least one. */
function typoLimit(word: string): number {
  return Math.max(1, Math.floor(word.length / 3));
}

/** Whether one word is the other with `-s` or `-es` (`alias`, `aliases`), ignoring case. */
export function isSingularOrPlural(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x === `${y}s` || y === `${x}s` || x === `${y}es` || y === `${x}es`;
}

/** Whether `candidate` could be what `key` is a slip of (see `nearestKey`): a cheap test before costlier ones. */
export function couldBeSlipOf(key: string, candidate: string): boolean {
  return isSingularOrPlural(key, candidate) || editDistance(key.toLowerCase(), candidate.toLowerCase()) <= typoLimit(key);
}

/**
 * The one candidate a front matter key is a slip of: the nearest within typo distance
 * (a third of the key's length, at least one edit), else its singular or plural
 * (`alias` for `aliases`). Unlike `closest`, never a longer key the word only begins:
 * `link` is a word of its own, often a theme's key, not a slip of `linkTitle`.
 */
export function nearestKey(word: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  const near = nearest(word, list);
  if (near !== undefined) return near;
  const forms = list.filter((candidate) => isSingularOrPlural(word, candidate));
  return forms.length === 1 ? forms[0] : undefined;
}
