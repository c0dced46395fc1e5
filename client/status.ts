import type * as vscode from 'vscode';
import type { SiteCheckParams } from '../schemas/protocol';

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/**
 * The one status bar item of Postlint, as ESLint's extension has one: always there in a
 * window where Postlint runs, saying its state (starting, checking the site with its
 * progress, ready with its counts of problems, a broken config, stopped). A click shows
 * the output, where the state is explained.
 */
export class PostlintStatus {
  private siteCheck: SiteCheckParams | undefined;
  private configProblem: string | undefined;
  /** Postlint's problems per document, as VS Code announces changes, and their sums kept beside them: a whole-site check changes thousands of documents, and the sums are never recounted. */
  private readonly problems = new Map<string, { errors: number; warnings: number }>();
  private errors = 0;
  private warnings = 0;
  private server: 'starting' | 'running' | 'stopped' = 'starting';

  constructor(
    private readonly item: vscode.StatusBarItem,
    /** The theme's colour for an item in error (`statusBarItem.errorBackground`). */
    private readonly errorBackground: vscode.ThemeColor,
  ) {
    item.name = 'Postlint';
    item.command = 'postlint.showOutput';
    this.render();
    item.show();
  }

  serverState(state: 'starting' | 'running' | 'stopped'): void {
    this.server = state;
    this.render();
  }

  /** The server's word on a whole-site check under way (`postlint/siteCheck`). */
  siteCheckProgress(params: SiteCheckParams): void {
    this.siteCheck = params.done ? undefined : params;
    this.render();
  }

  /** A document's Postlint problems now, by severity. */
  problemsOf(uri: string, errors: number, warnings: number): void {
    const before = this.problems.get(uri);
    this.errors += errors - (before?.errors ?? 0);
    this.warnings += warnings - (before?.warnings ?? 0);
    if (errors + warnings === 0) this.problems.delete(uri);
    else this.problems.set(uri, { errors, warnings });
    this.render();
  }

  /** The server's word on the config: the broken config's one line, or undefined once it reads. */
  config(problem: string | undefined): void {
    this.configProblem = problem;
    this.render();
  }

  private render(): void {
    const { item } = this;
    item.backgroundColor = undefined;
    if (this.server === 'stopped') {
      item.text = '$(circle-slash) Postlint';
      item.tooltip = 'Postlint\u2019s language server is not running: click for its output, which says why.';
    } else if (this.configProblem !== undefined) {
      item.text = '$(error) Postlint';
      item.tooltip = `${this.configProblem}. Click for the output.`;
      item.backgroundColor = this.errorBackground;
    } else if (this.siteCheck) {
      const { checked, total } = this.siteCheck;
      item.text = total > 0 ? `$(sync~spin) Postlint: ${checked}/${total}` : '$(sync~spin) Postlint: finding posts\u2026';
      item.tooltip = total > 0 ? `Postlint is checking every post of the site: ${checked} of ${total}.` : 'Postlint is finding the posts of the site.';
    } else if (this.server === 'starting') {
      item.text = '$(sync~spin) Postlint';
      item.tooltip = 'Postlint is starting.';
    } else {
      const { errors, warnings } = this;
      item.text = errors + warnings === 0 ? '$(check) Postlint' : `$(check) Postlint $(error) ${errors} $(warning) ${warnings}`;
      item.tooltip = `Postlint is checking the posts as you write: ${plural(errors, 'error')} and ${plural(warnings, 'warning')} in the posts it has checked. Click for its output.`;
    }
  }
}
