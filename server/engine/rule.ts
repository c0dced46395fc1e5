import { z } from '../../schemas/zod';
import type { Preset } from '../../schemas/presets';
import type { PostKind } from '../../schemas/posts';
import type { ResolvedConfig } from './config/config';
import type { FrontMatter } from './frontmatter/frontmatter';
import type { ExternalVerdict } from './links/external';
import type { BodyModel } from './markdown';
import type { Site } from './site/site';
import type { PageInputs } from './site/page-inputs';
import type { LineIndex } from './text/line-index';
import type { Severity, Span, Workspace } from './types';

/** Where each rule's page is published; the docs live in docs/rules/<id>.md. */
export const DOCS_BASE = 'https://github.com/postlint/postlint/blob/main/docs/rules/';

export function docsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}

export interface RuleMeta<Id extends string = string> {
  id: Id;
  /** One line: what the rule catches. */
  description: string;
  /** Errors break the published page or its metadata; warnings are the rest. */
  defaultSeverity: Severity;
  /**
   * The fixes the rule offers: `safe` ones, which `--fix` applies; `editor` ones, offered
   * as quick fixes only, because a person must check them; `safe or editor` when that
   * depends on the case (its docs page says when); or none.
   */
  fixable: 'safe' | 'editor' | 'safe or editor' | false;
  /**
   * Rules that say the same thing better: where one of them (when on) reports a span
   * that overlaps this rule's problem, only that rule's problem is shown.
   */
  yieldsTo?: readonly string[];
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
  /** The most this problem is shown as, whatever the rule's configured severity: `warning` keeps it a warning. */
  atMost?: Severity;
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
  /** What an adapter remembers of content files between runs, for `sitePagesOf` to build the site's index with (`PageInputs`). */
  pageInputs?: PageInputs;
  /** The template of the post's kind (the site's own or the built-in one); undefined for plain posts. */
  template?: string;
  /**
   * Whether the site's own template files, such as its standard "About" text, may be
   * read (see `LanguageServiceOptions.useSiteTemplates`): false in an untrusted folder.
   */
  useSiteTemplates: boolean;
  /**
   * What the dead-link check found at an external URL (looked up by `externalKey`), or
   * undefined when it has not seen it. Absent when no verdicts were given: the check is opt-in.
   */
  externalVerdict?(url: string): ExternalVerdict | undefined;
  report(problem: Problem): void;
  /** Notes a place the rule could not check, and why (see `Unverified`). */
  unverified(span: Span, reason: string): void;
}

/** A rule that takes no options: `{}` is all its config may give. */
export const NO_OPTIONS = z.object({}).strict();

export interface Rule<Id extends string = string, Options extends z.ZodObject = z.ZodObject> {
  meta: RuleMeta<Id>;
  /**
   * What the rule takes in `.postlintrc.json`, with its defaults (`.default()`): the
   * config loader parses each rule's options with it, so `check` gets them typed and
   * complete, and the config file's JSON Schema and the rule's docs are made from it.
   */
  options: Options;
  check(context: RuleContext<z.output<Options>>): void | Promise<void>;
}

/** Declares a rule, keeping its id's literal type (the rule list makes `RuleId` from them). */
export function defineRule<const Id extends string, Options extends z.ZodObject = typeof NO_OPTIONS>(
  rule: Omit<Rule<Id, Options>, 'options'> & { options?: Options },
): Rule<Id, Options> {
  return { ...rule, options: rule.options ?? (NO_OPTIONS as unknown as Options) };
}
