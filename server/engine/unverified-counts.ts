import { plural } from './text/plural';

/**
 * What a run could not verify, counted for a summary line each: `3 links not verified:
 * <reason>`. The CLI's closing lines and the language server's log say it alike.
 */

/** What an unverified place is, as a summary counts them: a shortcode or a front matter block for their rules, else a link. */
export function unverifiedKind(ruleId: string): UnverifiedKind {
  if (ruleId.startsWith('shortcode-')) return 'shortcode';
  return ruleId.startsWith('frontmatter-') ? 'front matter block' : 'link';
}

export type UnverifiedKind = 'link' | 'shortcode' | 'front matter block';

interface UnverifiedCount {
  kind: UnverifiedKind;
  reason: string;
  count: number;
}

/** Adds up unverified places by what they are and why, in the order first seen. */
export class UnverifiedCounts {
  private readonly counts = new Map<string, UnverifiedCount>();

  add(ruleId: string, reason: string): void {
    const kind = unverifiedKind(ruleId);
    const key = `${kind}\u0000${reason}`;
    const seen = this.counts.get(key);
    if (seen) seen.count++;
    else this.counts.set(key, { kind, reason, count: 1 });
  }

  /** One line per kind and reason: `3 links not verified: <reason>`. */
  lines(): string[] {
    return [...this.counts.values()].map(({ kind, reason, count }) => `${plural(count, kind)} not verified: ${reason}`);
  }
}
