import type { PostKind } from './posts';

/**
 * The custom requests between the VS Code extension and the language server, named
 * and typed once for both sides. Types only, and two strings: the extension's bundle
 * takes nothing else from here.
 */

/** Checks every post of the open sites; answers how many were checked. */
export const CHECK_WORKSPACE = 'postlint/checkWorkspace';
export interface CheckWorkspaceResult {
  checked: number;
}

/** Plans a post from its kind's template: where it goes and its text. The extension writes it. */
export const NEW_POST = 'postlint/newPost';

export type NewPostKind = Exclude<PostKind, 'post'>;

export interface NewPostParams {
  kind: NewPostKind;
  title: string;
  org?: string;
  event?: string;
  /** YYYY-MM-DD; default today. */
  date?: string;
  author?: string;
  /** A file or folder inside the site: where `postlint new` would have been run. */
  anchorUri: string;
}

export type NewPostResult = { uri: string; text: string; snippet: string } | { error: string };

/** The editor's "Create .postlintrc.json": where the site's config file goes and its text (`postlint init`); the client writes it. */
export const STARTER_CONFIG = 'postlint/starterConfig';

export interface StarterConfigParams {
  /** A file or folder inside the site. */
  anchorUri: string;
}

export type StarterConfigResult = { uri: string; text: string } | { error: string };

/** What the extension tells the server when it starts it. */
export interface InitializationOptions {
  /** Whether VS Code trusts the workspace (Restricted Mode off); see SECURITY.md. */
  trusted: boolean;
  /**
   * A command of the editor's that shows a rule's documentation, given the rule id: the
   * server then offers "Show documentation for <rule>" among the quick fixes. Other
   * editors have each diagnostic's link to its page (`codeDescription.href`).
   */
  ruleDocsCommand?: string;
  /**
   * Whether the editor shows the whole-site check in a status item of its own (the VS Code
   * extension does): the server then sends `postlint/siteCheck` in place of work-done
   * progress, so that the window does not show the same check twice.
   */
  siteCheckStatus?: boolean;
}

/** The VS Code extension's command that opens a rule's page, shipped in the extension, in the Markdown preview. */
export const SHOW_RULE_DOCS = 'postlint.showRuleDocs';

/** Sent by the server when the config of a checked site breaks, and again (with null) once it reads: the status item says so. */
export const CONFIG_STATUS = 'postlint/configStatus';

/** Sent during a whole-site check, to an editor that asked for it (`siteCheckStatus`): how far it is. */
export const SITE_CHECK = 'postlint/siteCheck';

export interface SiteCheckParams {
  /** Posts checked so far, of `total` (0 while the posts are still being found). */
  checked: number;
  total: number;
  done: boolean;
}

export interface ConfigStatusParams {
  /** The broken config's one line, or null once it reads again. */
  configProblem: string | null;
}

/**
 * "Postlint: Check External Links in This Post": the server requests the post's external
 * links (the dead-link check, rule link-dead), keeps the verdicts, checks the post again
 * with them, and answers what it found.
 */
export const CHECK_EXTERNAL_LINKS = 'postlint/checkExternalLinks';

export interface CheckExternalLinksParams {
  uri: string;
}

export type CheckExternalLinksResult =
  | {
      /** The post's external URLs, each once however many links share it. */
      links: number;
      /** How many of them rule link-dead reports (dead, failing, moved for good; login-only when asked). */
      problems: number;
      /** What the CLI prints as its summary line. */
      summary: string;
    }
  | { error: string };
