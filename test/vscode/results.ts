/** What the extension-host suite writes when it ends, for a driver outside VS Code to read. */

/** The environment variable that names the results file. */
export const RESULTS_VARIABLE = 'POSTLINT_VSCODE_RESULTS';

export interface TestResult {
  /** Suite and test titles joined, as Mocha's fullTitle() gives them. */
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  /** The failure's message and stack. */
  error?: string;
}

export interface SuiteResults {
  passed: number;
  failed: number;
  tests: TestResult[];
  /** Set when the suite could not run at all (a test file failed to load, Mocha threw). */
  error?: string;
}
