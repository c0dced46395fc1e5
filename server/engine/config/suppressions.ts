import type { Span } from '../types';
import type { LineIndex } from '../text/line-index';

/**
 * Inline comments that turn rules off, as markdownlint and ESLint users expect:
 * `<!-- postlint-disable ids -->` … `<!-- postlint-enable ids -->`,
 * `<!-- postlint-disable-line ids -->`, `<!-- postlint-disable-next-line ids -->`,
 * `<!-- postlint-disable-file ids -->`; in front matter the same words in a YAML
 * comment. No ids means every rule.
 *
 * markdownlint's own comments count too, for the rules that check what one of its
 * rules checks: a post that silences `MD001` (`heading-increment`) for a passage has
 * said what it means, and Postlint should not say it again. A markdownlint comment
 * with no rules turns off those rules only.
 */
type Directive = 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file';

interface Suppression {
  directive: Directive;
  rules: string[] | 'all';
  offset: number;
  line: number;
}

const DIRECTIVE = /^(postlint|markdownlint)-(disable-next-line|disable-line|disable-file|disable|enable-file|enable)\b(.*)$/s;

/** markdownlint's rules (by number, name and alias, lower case) that check what a Postlint rule checks. */
const MARKDOWNLINT_RULES: Record<string, readonly string[]> = {
  md001: ['heading-increment'],
  'heading-increment': ['heading-increment'],
  'header-increment': ['heading-increment'],
  md025: ['heading-title-duplicate'],
  'single-title': ['heading-title-duplicate'],
  'single-h1': ['heading-title-duplicate'],
  md034: ['link-bare-url'],
  'no-bare-urls': ['link-bare-url'],
  md042: ['link-empty-url'],
  'no-empty-links': ['link-empty-url'],
  md045: ['image-alt-missing', 'image-alt-empty'],
  'no-alt-text': ['image-alt-missing', 'image-alt-empty'],
  md051: ['link-broken-fragment'],
  'link-fragments': ['link-broken-fragment'],
  md059: ['link-descriptive-text'],
  'descriptive-link-text': ['link-descriptive-text'],
};
const MARKDOWNLINT_COVERED = [...new Set(Object.values(MARKDOWNLINT_RULES).flat())];

export function parseDirective(comment: string): { directive: Directive; rules: string[] | 'all' } | undefined {
  const match = DIRECTIVE.exec(comment.trim());
  if (!match) return undefined;
  // Anything after `--` is an explanation, as in ESLint.
  const list = match[3].split('--')[0].trim();
  const named = list === '' ? [] : list.split(/[\s,]+/).filter(Boolean);
  // markdownlint's `enable-file` undoes a `disable-file`: read as `enable` from the top.
  const directive = (match[2] === 'enable-file' ? 'enable' : match[2]) as Directive;
  if (match[1] === 'postlint') return { directive, rules: named.length === 0 ? 'all' : named };
  const rules = named.length === 0 ? MARKDOWNLINT_COVERED : [...new Set(named.flatMap((name) => MARKDOWNLINT_RULES[name.toLowerCase()] ?? []))];
  return rules.length === 0 ? undefined : { directive, rules };
}

export class Suppressions {
  private readonly items: Suppression[] = [];

  constructor(comments: { text: string; span: Span }[], private readonly lines: LineIndex) {
    for (const comment of comments) {
      const parsed = parseDirective(comment.text);
      if (parsed) this.items.push({ ...parsed, offset: comment.span.start, line: lines.position(comment.span.end).line });
    }
    this.items.sort((a, b) => a.offset - b.offset);
  }

  get isEmpty(): boolean {
    return this.items.length === 0;
  }

  /** Whether a problem of `ruleId` starting at `offset` is turned off. */
  suppresses(ruleId: string, offset: number): boolean {
    if (this.items.length === 0) return false;
    const line = this.lines.position(offset).line;
    const names = (rules: string[] | 'all') => rules === 'all' || rules.includes(ruleId);
    let disabled = false;
    for (const item of this.items) {
      if (!names(item.rules)) continue;
      switch (item.directive) {
        case 'disable-file':
          return true;
        case 'disable-line':
          if (item.line === line) return true;
          break;
        case 'disable-next-line':
          if (item.line + 1 === line) return true;
          break;
        case 'disable':
          if (item.offset <= offset) disabled = true;
          break;
        case 'enable':
          if (item.offset <= offset) disabled = false;
          break;
      }
    }
    return disabled;
  }
}
