/**
 * The types every surface shares. The engine speaks in offsets internally and in
 * LSP-shaped ranges (0-based lines, UTF-16 columns) at its edge, so the language
 * server can forward results unchanged and the CLI only adds one to each number.
 */

/** Offsets into a post's text, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  /** What the fix does, shown as the quick-fix title. */
  title: string;
  edits: TextEdit[];
  /** Safe fixes are applied by `postlint check --fix`; the others only in the editor. */
  safe: boolean;
  /** The single obvious fix, offered first in the editor. */
  preferred?: boolean;
}

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  docsUrl: string;
  fixes: Fix[];
}

/**
 * Something a rule could not check, and why: a link into pages that are not on disk
 * here. Not a problem of the post, but said, so that a reviewer knows what was not verified.
 */
export interface Unverified {
  ruleId: string;
  range: Range;
  reason: string;
}


/**
 * All the engine may know of the disk. The CLI implements it on `fs`; the language
 * server on `fs` plus its open documents; tests on a Map. Paths are absolute and
 * use `/` separators.
 */
export interface Workspace {
  /** The file's text, or undefined when there is no such file. */
  readFile(path: string): Promise<string | undefined>;
  stat(path: string): Promise<'file' | 'directory' | undefined>;
  /** Entry names of a folder; empty when it does not exist. */
  readDirectory(path: string): Promise<{ name: string; kind: 'file' | 'directory' }[]>;
  /**
   * This workspace as seen from inside the site at `root`: what lies outside it is
   * absent. The engine already refuses paths that are outside `root` as written
   * (`confine` in paths.ts); a workspace on a real disk also refuses what a symlink
   * leads out of it. Workspaces without symlinks (tests, memory) need not implement it.
   */
  within?(root: string): Workspace;
}
