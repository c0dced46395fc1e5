import type { z } from 'zod';
import type { Preset } from '../../schemas/presets';
import type { PostKind } from '../../schemas/posts';
import type { RuleId } from '../../schemas/rules';
import type { ResolvedConfig } from './config';
import type { FrontMatter } from './frontmatter';
import type { BodyModel } from './markdown';
import type { Site } from './site';
import type { LineIndex } from './text';
import type { Severity, Span, Workspace } from './types';

/** Where each rule's page is published; the docs live in docs/rules/<id>.md. */
export const DOCS_BASE = 'https://github.com/postlint/postlint/blob/main/docs/rules/';

export function docsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}

export interface RuleMeta<Id extends RuleId = RuleId> {
  id: Id;
  /** One line: what the rule catches. */
  description: string;
  /** Errors break the published page or its metadata; warnings are the rest. */
  defaultSeverity: Severity;
  /** Whether the rule offers fixes (some only in the editor). */
  fixable: boolean;
}

/** A fix as a rule describes it: edits by offset, turned into ranges by the engine. */
export interface FixSpec {
  title: string;
  edits: { span: Span; newText: string }[];
  safe: boolean;
  preferred?: boolean;
}

export interface Problem {
  span: Span;
  message: string;
  fixes?: FixSpec[];
}

/** A post, parsed once and shared by every rule. */
export interface Post {
  path: string;
  text: string;
  lines: LineIndex;
  bodyStart: number;
  frontMatter?: FrontMatter;
  /** The body's links, images, headings, comments and shortcodes. */
  body: BodyModel;
  kind: PostKind;
}

export interface RuleContext<Options> {
  post: Post;
  site: Site;
  config: ResolvedConfig;
  preset: Preset;
  /** The schema of the post's kind in the post's preset. */
  schema: z.ZodObject;
  options: Options;
  workspace: Workspace;
  /** The engine's clock, so that tests can fix "today". */
  now: Date;
  /**
   * A value computed once per site and kept until the service's caches are
   * invalidated: what a rule reads from the site's folders, not from the post.
   */
  siteCache<T>(key: string, compute: () => Promise<T>): Promise<T>;
  /**
   * What this check looked up in the site's page index (`SitePages.keysOf` terms):
   * `sitePagesOf` notes it here, so that a rule need not.
   */
  dependencies?: Set<string>;
  /** The template of the post's kind (the site's own or the built-in one); undefined for plain posts. */
  template?: string;
  /**
   * Whether the site's own template files, such as its standard "About" text, may be
   * read (see `LanguageServiceOptions.useSiteTemplates`): false in an untrusted folder.
   */
  useSiteTemplates: boolean;
  report(problem: Problem): void;
}

export interface Rule<Id extends RuleId = RuleId> {
  meta: RuleMeta<Id>;
  check(context: RuleContext<z.infer<(typeof import('../../schemas/rules').RULE_OPTIONS)[Id]>>): void | Promise<void>;
}

export function defineRule<Id extends RuleId>(rule: Rule<Id>): Rule<Id> {
  return rule;
}
