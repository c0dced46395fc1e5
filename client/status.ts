import type * as vscode from 'vscode';

/**
 * The one status bar item of Postlint, as ESLint's extension has one: always there in a
 * window where Postlint runs, saying its state (starting, checking the site, ready, a
 * broken config, stopped). A click shows the output, where the state is explained.
 */
export class PostlintStatus {
  private checks = 0;
  private configProblem: string | undefined;
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

  checkStarted(): void {
    this.checks++;
    this.render();
  }

  checkEnded(): void {
    this.checks = Math.max(0, this.checks - 1);
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
    } else if (this.checks > 0) {
      item.text = '$(sync~spin) Postlint: checking site\u2026';
      item.tooltip = 'Postlint is checking every post of the site.';
    } else if (this.server === 'starting') {
      item.text = '$(sync~spin) Postlint';
      item.tooltip = 'Postlint is starting.';
    } else {
      item.text = '$(check) Postlint';
      item.tooltip = 'Postlint is checking the posts as you write. Click for its output.';
    }
  }
}
