import type { Span } from '../types';
import type { LineIndex } from '../text/line-index';

/**
 * Inline comments that turn rules off, as markdownlint and ESLint users expect:
 * `<!-- postlint-disable ids -->` … `<!-- postlint-enable ids -->`,
 * `<!-- postlint-disable-line ids -->`, `<!-- postlint-disable-next-line ids -->`,
 * `<!-- postlint-disable-file ids -->`; in front matter the same words in a YAML
 * comment. No ids means every rule.
 */
type Directive = 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file';

interface Suppression {
  directive: Directive;
  rules: string[] | 'all';
  offset: number;
  line: number;
}

const DIRECTIVE = /^postlint-(disable-next-line|disable-line|disable-file|disable|enable)\b(.*)$/s;

export function parseDirective(comment: string): { directive: Directive; rules: string[] | 'all' } | undefined {
  const match = DIRECTIVE.exec(comment.trim());
  if (!match) return undefined;
  // Anything after `--` is an explanation, as in ESLint.
  const list = match[2].split('--')[0].trim();
  const rules = list === '' ? 'all' : list.split(/[\s,]+/).filter(Boolean);
  return { directive: match[1] as Directive, rules };
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
