import { starterConfig, type StarterConfig } from './config/starter-config';
import { escapeGlob, globMatcher } from '../../schemas/globs';
import { MARKDOWN_NAME_GLOB } from '../../schemas/markdown-files';
import type { PresetName } from '../../schemas/presets';
import type { PostKind } from '../../schemas/posts';
import { CONFIG_FILE_NAME, ConfigError, parseConfigText, resolveConfig, type ResolvedConfig, type RuleSetting } from './config/config';
import type { z } from 'zod';
import { splitPost, type FrontMatter } from './frontmatter/frontmatter';
import { readKeysAsHugo } from './frontmatter/key-case';
import { resolveKind, type KindSource } from './config/kinds';
import { emptyBody, parseBody, type BodyModel } from './markdown';
import { planNewPost, readSiteAbout, type NewPostInput, type NewPostPlan, type TemplateKind } from './templates/new-post';
import { aboutOfNewestPost } from './templates/site-about';
import { confine, foldersUp, dirname, isInside, join, relative } from './site/paths';
import type { Post } from './rule';
import { CheckContext } from './check-context';
import { RULES, RULES_BY_ID, type RuleId } from './rules';
import type { NotAPage } from './site/content-pages';
import { PostSelection } from './post-selection';
import { datedSections } from './site/dated-sections';
import { urlSettings } from './site/hugo-urls';
import { sitePassthrough } from './site/passthrough';
import { rawInnerShortcodes } from './site/shortcode-catalog';
import { holdsSiteConfig, looseSite, readSite, type Site } from './site/site';
import { SITE_PAGES_KEY, sitePagesOf, type SitePages } from './site/site-pages';
import type { PageInputs } from './site/page-inputs';
import { bodyParseFailure, runRules } from './run-rules';
import { PostBudget, type BudgetOptions } from './budget';
import { LineIndex } from './text/line-index';
import { externalKey, type ExternalVerdict, type ExternalVerdicts } from './links/external';
import { externalTargets } from './links/external-targets';
import type { Diagnostic, Severity, Unverified, Workspace } from './types';

export interface LanguageServiceOptions {
  workspace: Workspace;
  /** A config file that replaces discovery (`--config`, `postlint.configFile`). */
  configFile?: string;
  /** The clock; tests fix it. */
  now?: () => Date;
  /** How long one post may keep the engine busy (`DEFAULT_BUDGET`); tests give their own clock. */
  budget?: BudgetOptions;
  /** The built-in templates' text, which the adapters read from `schemas/templates/`. */
  templates?: Partial<Record<TemplateKind, string>>;
  /**
   * Whether the site's own template files are used: those its config names
   * (`templates.member-welcome`, `templates.event-recap`) and its standard "About"
   * text (`templates.about`, else data/postlint/about.md). False in a folder the editor
   * does not trust: its text is then never put into new posts or fixes, and the
   * built-in templates apply. Default true.
   */
  useSiteTemplates?: boolean;
  /**
   * What a broken config file does: `fail` (default; the CLI exits 2 with one line), or,
   * in the editor, `fall back` to the last config that file gave, else to the site's
   * preset, so that the posts keep their problems while the file is being mended; each
   * result then says what is broken (`CheckResult.configProblem`).
   */
  brokenConfig?: 'fail' | 'fall back';
  /**
   * What the dead-link check (Node layer) found at external URLs, for rule `link-dead`;
   * without it, that rule reports nothing. Read at each check, so it may be replaced
   * between checks (the check is run again, or for one post in the editor).
   */
  externalVerdicts?: ExternalVerdicts;
}

export interface CheckOptions {
  /** Check the file as a post even where the preset would not call it one (a file named on the command line). */
  asPost?: boolean;
}

export interface CheckResult {
  path: string;
  isPost: boolean;
  diagnostics: Diagnostic[];
  /** What the rules could not check, and why. */
  unverified: Unverified[];
  /**
   * What the check looked up in the site's page index, as `indexKeysOf` names files:
   * when a file with one of these keys changes, this post's problems may change.
   */
  dependencies: string[];
  /**
   * Whether checking the same text in the same site again gives the same result: not
   * when a rule read the clock (today's date in a fix), nor when something failed or
   * ran out of time (an `internal-error`). A cache keeps only reproducible results.
   */
  reproducible: boolean;
  /** With `brokenConfig: 'fall back'`: the broken config's one line, when the check used another config in its place. */
  configProblem?: string;
}

/** What applies to a post and why: `postlint print-config`. */
export interface PostSettings {
  path: string;
  siteRoot?: string;
  configFile?: string;
  preset: PresetName;
  kind: PostKind;
  kindSource: KindSource;
  isPost: boolean;
  rules: Record<string, RuleSetting>;
}

export interface PostContext {
  site: Site;
  config: ResolvedConfig;
  kind: PostKind;
  kindSource: KindSource;
  schema: z.ZodObject;
  frontMatter?: FrontMatter;
  bodyStart: number;
  isPost: boolean;
}

/** A post ready for its rules, and the diagnostic that replaces its body's problems when its body could not be parsed. */
interface ParsedPost {
  post: Post;
  bodyFailure: Diagnostic | undefined;
}


/** The share of a post's time budget its body's parse may take. */
const PARSE_SHARE = 0.5;

const DEFAULT_SEVERITIES = new Map<RuleId, Severity>(RULES.map((rule) => [rule.meta.id, rule.meta.defaultSeverity]));

/**
 * The engine: text and a path in, diagnostics out. Everything it reads from disk
 * (site config, authors, config files) goes through the injected workspace and is
 * cached until `invalidate` is called.
 */
export class LanguageService {
  private readonly workspace: Workspace;
  private readonly now: () => Date;
  private readonly roots = new Map<string, Promise<string | undefined>>();
  private readonly sites = new Map<string, Promise<Site>>();
  private readonly configs = new Map<string, Promise<ResolvedConfig>>();
  /** The last config each config key read without error, kept across `invalidate`: what a broken one falls back to (`brokenConfig`). */
  private readonly lastGoodConfigs = new Map<string, ResolvedConfig>();
  /** Values rules compute once per site (`RuleContext.siteCache`), by site root and key. */
  private readonly siteValues = new Map<string, Promise<unknown>>();
  /** Each site's view of the workspace, which sees nothing outside the site (`confine`). */
  private readonly siteWorkspaces = new Map<string, Workspace>();
  private readonly selection = new PostSelection(this);
  /** What an adapter remembers of content files between runs (`usePageInputs`). */
  private pageInputs?: PageInputs;

  constructor(private readonly options: LanguageServiceOptions) {
    this.workspace = options.workspace;
    this.now = options.now ?? (() => new Date());
  }

  /** The workspace the engine reads through. */
  workspaceOf(): Workspace {
    return this.workspace;
  }

  /**
   * What the engine reads of the site at `root`: nothing outside it. A pull request
   * controls the site's config, so `../` in Hugo's `staticDir` or in a template path
   * must not reach the rest of the disk. (Finding the root lists folders above it.)
   */
  siteWorkspace(root: string): Workspace {
    let workspace = this.siteWorkspaces.get(root);
    if (!workspace) this.siteWorkspaces.set(root, (workspace = confine(this.workspace, root)));
    return workspace;
  }

  /** Forget cached site and config data (all of it, or what a changed file may affect). */
  invalidate(): void {
    this.roots.clear();
    this.sites.clear();
    this.configs.clear();
    this.siteValues.clear();
    this.siteWorkspaces.clear();
  }

  /** The site a file belongs to: the Hugo site around its folder, or a loose one. */
  siteFor(path: string): Promise<Site> {
    return this.siteOfFolder(dirname(path));
  }

  /** The Hugo site around `folder` (it, or the nearest folder above with a Hugo config), or a loose site. */
  async siteOfFolder(folder: string): Promise<Site> {
    const rootPath = await this.siteRootOf(folder);
    if (rootPath === undefined) return looseSite(folder);
    let site = this.sites.get(rootPath);
    if (!site) this.sites.set(rootPath, (site = readSite(this.siteWorkspace(rootPath), rootPath)));
    return site;
  }

  /**
   * The root of the site around `folder`: it, or the nearest folder above that holds a
   * Hugo config; undefined outside any site. Each folder on the way up is listed once
   * however many folders below it ask: a blog's thousand post folders share their
   * ancestors (the site root and its content folders were listed once per post folder before).
   */
  siteRootOf(folder: string): Promise<string | undefined> {
    let root = this.roots.get(folder);
    if (!root) this.roots.set(folder, (root = this.findRootFrom(folder)));
    return root;
  }

  private async findRootFrom(folder: string): Promise<string | undefined> {
    if (await holdsSiteConfig(this.workspace, folder)) return folder;
    const parent = dirname(folder);
    return parent === folder ? undefined : this.siteRootOf(parent);
  }

  /** The config that applies to `path`: throws ConfigError when it is broken. */
  configFor(path: string, site: Site): Promise<ResolvedConfig> {
    return this.configOfFolder(dirname(path), site);
  }

  /** The config that applies to the files of `folder`, in `site`: throws ConfigError when it is broken. */
  async configOfFolder(folder: string, site: Site): Promise<ResolvedConfig> {
    const key = this.options.configFile ?? folder;
    let config = this.configs.get(key);
    if (!config) this.configs.set(key, (config = this.loadConfig(key, folder, site)));
    return config;
  }

  /**
   * The config a folder's posts are checked with (`key`: the one `configOfFolder` keeps it
   * under); with `brokenConfig: 'fall back'`, another in place of a broken one (`broken` says why).
   */
  private async loadConfig(key: string, folder: string, site: Site): Promise<ResolvedConfig> {
    try {
      const config = await this.readConfig(folder, site);
      this.lastGoodConfigs.set(key, config);
      return config;
    } catch (error) {
      if (this.options.brokenConfig !== 'fall back' || !(error instanceof ConfigError)) throw error;
      const fallback = this.lastGoodConfigs.get(key) ?? (await this.withDatedSections(resolveConfig(undefined, undefined, site.impliedPreset, DEFAULT_SEVERITIES), site));
      return { ...fallback, broken: error };
    }
  }

  private async readConfig(folder: string, site: Site): Promise<ResolvedConfig> {
    if (site.problems.length > 0) throw new ConfigError(site.root, site.problems[0]);
    const file = this.options.configFile ?? (await this.findConfigFile(folder, site));
    let config: ResolvedConfig;
    if (file === undefined) config = resolveConfig(undefined, undefined, site.impliedPreset, DEFAULT_SEVERITIES);
    else {
      // A config file named by the person running Postlint (`--config`) may be anywhere; a found one is the site's.
      const text = await (this.options.configFile ? this.workspace : this.siteWorkspace(site.root)).readFile(file);
      if (text === undefined) throw new ConfigError(file, 'the config file does not exist or cannot be read');
      config = resolveConfig(parseConfigText(file, text), file, site.impliedPreset, DEFAULT_SEVERITIES);
    }
    return this.withDatedSections(config, site);
  }

  /**
   * A preset that finds blogs by their dates (`hugo`), where the config does not say which
   * files are posts: the site's sections of dated pages are posts too, whatever their names.
   */
  private async withDatedSections(config: ResolvedConfig, site: Site): Promise<ResolvedConfig> {
    if (!config.postsFromPreset || !config.preset.datedSections || site.loose) return config;
    const guessed = globMatcher(this.postGlobs(site, config));
    const sections = await this.siteValue(site.root, 'dated-sections', () =>
      datedSections(this.siteWorkspace(site.root), site, urlSettings(site), (folder) => guessed(`${folder}/post.md`)),
    );
    return sections.length === 0 ? config : { ...config, posts: [...config.posts, ...sections.map((section) => `${escapeGlob(section)}/**/${MARKDOWN_NAME_GLOB}`)] };
  }

  /** The nearest config file walking up from the post's folder, stopping at the site root: no cascading. */
  private async findConfigFile(start: string, site: Site): Promise<string | undefined> {
    for (const folder of foldersUp(start)) {
      const candidate = join(folder, CONFIG_FILE_NAME);
      if ((await this.siteWorkspace(site.root).stat(candidate)) === 'file') return candidate;
      if (folder === site.root || !isInside(site.root, folder)) return undefined;
    }
    return undefined;
  }

  /** Globs, relative to the site root, of the site's posts. */
  postGlobs(site: Site, config: ResolvedConfig): string[] {
    return this.selection.postGlobs(site, config);
  }

  /** The posts among `paths`, as the site's config and preset choose them (see PostSelection). */
  postsAmong(paths: string[]): Promise<string[]> {
    return this.selection.postsAmong(paths);
  }

  /** The posts among files and folders a person named (see PostSelection). */
  namedPostsAmong(paths: string[], namedFolder?: string): Promise<{ posts: string[]; skipped: Map<NotAPage, number> }> {
    return this.selection.namedPostsAmong(paths, namedFolder);
  }

  /** The content adapters among `paths` (see PostSelection). */
  contentAdaptersAmong(paths: string[]): Promise<string[]> {
    return this.selection.contentAdaptersAmong(paths);
  }

  /** The site's shortcodes whose inner text is not Markdown (see `rawInnerShortcodes`). */
  private rawInnerShortcodes(site: Site): Promise<ReadonlySet<string>> {
    return rawInnerShortcodes((key, compute) => this.siteValue(site.root, key, compute), this.siteWorkspace(site.root), site);
  }

  private usesSiteTemplates(): boolean {
    return this.options.useSiteTemplates !== false;
  }

  /** The template of a kind: the site's own (config `templates.<kind>`, when used), else the built-in one. */
  async templateText(kind: TemplateKind, site: Site, config: ResolvedConfig): Promise<string | undefined> {
    const own = this.usesSiteTemplates() ? config.templates[kind] : undefined;
    if (own === undefined) return this.options.templates?.[kind];
    const file = join(site.root, own);
    const text = await this.siteValue(site.root, `template:${file}`, async () => this.siteWorkspace(site.root).readFile(file));
    if (text === undefined) throw new ConfigError(config.file ?? file, `templates.${kind}: ${file} does not exist or cannot be read`);
    return text;
  }

  /**
   * Plans a new post from its kind's template, for `postlint new` and the editor's
   * New Post command: where it goes and its text. `folder` is a folder of the
   * site (the working folder, or the folder of the file the editor has open).
   */
  async planNewPost(folder: string, input: NewPostInput): Promise<{ site: Site; plan: NewPostPlan }> {
    const site = await this.siteOfFolder(folder);
    const config = await this.configOfFolder(folder, site);
    const template = await this.templateText(input.kind, site, config);
    if (template === undefined) throw new Error(`no template for ${input.kind}`);
    const workspace = this.siteWorkspace(site.root);
    const about = this.usesSiteTemplates() ? await this.aboutFor(site, config, input.kind) : undefined;
    const plan = await planNewPost(workspace, site, config, this.postGlobs(site, config), template, about, input, this.now());
    return { site, plan };
  }

  /** A new post's "About" text: the site's file for it (`templates.about`), else the newest post of its kind's (see site-about.ts). */
  private async aboutFor(site: Site, config: ResolvedConfig, kind: TemplateKind): Promise<string | undefined> {
    const workspace = this.siteWorkspace(site.root);
    const own = await readSiteAbout(workspace, site, config);
    if (own !== undefined) return own;
    const files = [...(await this.pageIndex(site)).data().pagesByFile.keys()].filter((file) => this.selection.matchesPost(file, site, config));
    const kindOf = (file: string, data: Record<string, unknown> | undefined) => resolveKind(data, relative(site.root, file), config.kinds).kind;
    return (await aboutOfNewestPost({ files, read: (file) => workspace.readFile(file), kindOf, dates: site.dates }, kind))?.text;
  }

  /**
   * A new `.postlintrc.json` for the site around `folder` (`postlint init`, the editor's
   * "Create .postlintrc.json"); undefined where there is no Hugo site. Nothing is written here.
   */
  async starterConfig(folder: string): Promise<StarterConfig | undefined> {
    const site = await this.siteOfFolder(folder);
    return site.loose ? undefined : starterConfig(site, this.siteWorkspace(site.root));
  }

  async settingsFor(path: string, text: string): Promise<PostSettings> {
    const site = await this.siteFor(path);
    const config = await this.configFor(path, site);
    const { frontMatter } = splitPost(text);
    const { kind, source } = resolveKind(frontMatter?.data, relative(site.root, path), config.kinds);
    return {
      path,
      siteRoot: site.loose ? undefined : site.root,
      configFile: config.file,
      preset: config.preset.name,
      kind,
      kindSource: source,
      isPost: this.selection.matchesPost(path, site, config),
      rules: Object.fromEntries(config.rules),
    };
  }

  /** What the editor needs to complete and explain a post's front matter. */
  async postContext(path: string, text: string): Promise<PostContext> {
    const site = await this.siteFor(path);
    const config = await this.configFor(path, site);
    const { frontMatter: written, bodyStart } = splitPost(text);
    const { kind, source } = resolveKind(written?.data, relative(site.root, path), config.kinds);
    const schema = config.preset.schema(kind);
    const frontMatter = written && readKeysAsHugo(written, schema.shape);
    return { site, config, kind, kindSource: source, schema, frontMatter, bodyStart, isPost: this.selection.matchesPost(path, site, config) };
  }

  /** Checks one file. Only posts get diagnostics; other pages are link targets. */
  async check(path: string, text: string, options: CheckOptions = {}): Promise<CheckResult> {
    const site = await this.siteFor(path);
    const config = await this.configFor(path, site);
    const isPost = options.asPost === true || (this.selection.matchesPost(path, site, config) && !(await this.selection.isBundleResource(path, site)));
    if (!isPost) return { path, isPost, diagnostics: [], unverified: [], dependencies: [], reproducible: true };

    const budget = new PostBudget(text.length, this.options.budget);
    const { post, bodyFailure } = await this.parse(path, text, site, config, budget);
    const dependencies = new Set<string>();
    const verdicts = this.verdictLookup();
    const context = new CheckContext(
      {
        post,
        site,
        config,
        preset: config.preset,
        schema: config.preset.schema(post.kind),
        workspace: this.siteWorkspace(site.root),
        siteCache: (key, compute) => this.siteValue(site.root, key, compute),
        externalVerdict: verdicts?.lookup,
        dependencies,
        pageInputs: this.pageInputs,
        template: post.kind === 'post' ? undefined : await this.templateText(post.kind, site, config),
        useSiteTemplates: this.usesSiteTemplates(),
      },
      this.now,
    );
    const { diagnostics, unverified } = await runRules(context, budget);
    if (bodyFailure) {
      diagnostics.push(bodyFailure);
      diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    }
    // A result that read a verdict holds what the network said this time, not what the text says.
    const reproducible = !context.readTheClock && !verdicts?.used && !diagnostics.some((diagnostic) => diagnostic.ruleId === 'internal-error');
    const { broken } = config;
    return { path, isPost, diagnostics, unverified, dependencies: [...dependencies], reproducible: reproducible && !broken, ...(broken ? { configProblem: broken.oneLine() } : {}) };
  }

  /**
   * The external URLs of a post that the dead-link check should request, each once: the
   * keys its verdicts go under (`externalKey`, so without fragments), from the same
   * parse and the same targets as rule `link-dead`. `text` is read from the workspace
   * when not given; a file that cannot be read has none. Throws ConfigError as `check` does.
   */
  async externalUrlsOf(path: string, text?: string): Promise<string[]> {
    const content = text ?? (await this.workspace.readFile(path));
    if (content === undefined) return [];
    const site = await this.siteFor(path);
    const config = await this.configFor(path, site);
    const { post } = await this.parse(path, content, site, config, new PostBudget(content.length, this.options.budget));
    return [...new Set(externalTargets(post.body, site.baseURL).map(({ key }) => key))];
  }

  /**
   * The verdicts given now (`LanguageServiceOptions.externalVerdicts`), as rules look them
   * up; `used` turns true once one was found. Undefined without verdicts, or with none yet.
   */
  private verdictLookup(): { lookup: (url: string) => ExternalVerdict | undefined; used: boolean } | undefined {
    const verdicts = this.options.externalVerdicts;
    if (!verdicts || verdicts.size === 0) return undefined;
    const state = {
      used: false,
      lookup: (url: string) => {
        const key = externalKey(url);
        const verdict = key === undefined ? undefined : verdicts.get(key);
        if (verdict) state.used = true;
        return verdict;
      },
    };
    return state;
  }

  /**
   * The keys under which checks reach `path` through its site's page index (see
   * `CheckResult.dependencies`), or `site` when the file is not a page or a published
   * file (config, data, layouts, redirects), whose change may touch every post.
   * `build: false` answers from an index already built, and with none when there is none.
   */
  async indexKeysOf(path: string, options: { build: boolean }): Promise<string[] | 'site'> {
    return (await this.indexKeysOfFiles([path], options)).get(path)!;
  }

  /** `indexKeysOf` for many files, of any sites: one pass over each site's index. */
  async indexKeysOfFiles(paths: string[], options: { build: boolean }): Promise<Map<string, string[] | 'site'>> {
    const answers = new Map<string, string[] | 'site'>(paths.map((path) => [path, []]));
    // By root: each site's index is built (or found) once.
    const bySite = new Map<string, { site: Site; group: string[] }>();
    for (const path of paths) {
      const site = await this.siteFor(path);
      if (site.loose) continue;
      const entry = bySite.get(site.root);
      if (entry) entry.group.push(path);
      else bySite.set(site.root, { site, group: [path] });
    }
    for (const { site, group } of bySite.values()) {
      const pages = options.build ? await this.pageIndex(site) : await this.computedSiteValue<SitePages>(site.root, SITE_PAGES_KEY);
      if (!pages) continue;
      const served: string[] = [];
      for (const path of group) {
        if (pages.serves(path)) served.push(path);
        else answers.set(path, 'site');
      }
      for (const [path, keys] of pages.keysOfFiles(served)) answers.set(path, keys);
    }
    return answers;
  }

  /** Forgets what was read from a page that is being edited (its headings), keeping the rest of the index. */
  async forgetPage(path: string): Promise<void> {
    const site = await this.siteFor(path);
    (await this.computedSiteValue<SitePages>(site.root, SITE_PAGES_KEY))?.forgetAnchors(path);
  }

  /** The site's page index, as the rules get it: built on first use, with the page inputs given to `usePageInputs` if any. */
  pageIndex(site: Site): Promise<SitePages> {
    return sitePagesOf({ site, workspace: this.siteWorkspace(site.root), siteCache: (key, compute) => this.siteValue(site.root, key, compute), pageInputs: this.pageInputs });
  }

  /**
   * From now on, a site index built (`pageIndex`, or a rule's first look-up) takes what
   * `inputs` remembers of unchanged content files rather than reading them (the CLI's
   * `--cache`). An index already built stays as it is.
   */
  usePageInputs(inputs: PageInputs | undefined): void {
    this.pageInputs = inputs;
  }

  /**
   * Checks under way together (the CLI keeps many) take turns after each parse:
   * the front matter parser then runs for one post after another, then the body
   * parser, and each stays hot in the processor's caches (9% faster over the
   * 6,800 posts of bench/). A check on its own loses nothing.
   */
  private async parse(path: string, text: string, site: Site, config: ResolvedConfig, budget: PostBudget): Promise<ParsedPost> {
    const { bodyStart, frontMatter: written } = budget.time(() => splitPost(text));
    await nextTurn();
    const { kind } = resolveKind(written?.data, relative(site.root, path), config.kinds);
    // Every rule reads the keys as Hugo does, in any case (frontmatter/key-case.ts).
    const frontMatter = written && readKeysAsHugo(written, config.preset.schema(kind).shape);
    const rawInner = site.loose ? undefined : await this.rawInnerShortcodes(site);
    const passthrough = sitePassthrough(site);
    let body: BodyModel;
    let failure: { error: unknown } | undefined;
    try {
      // The parse may take half the budget: past it, the body is given up on, and the
      // front matter rules still get their turn (on an empty body they take no time).
      body = budget.time(() => parseBody(text, bodyStart, { rawInner, passthrough, shouldStop: () => budget.passed(PARSE_SHARE) }));
    } catch (error) {
      // A bug of the body parser must not hide the post's other problems: the
      // front matter rules still run, on an empty body, and the author is told.
      body = emptyBody();
      failure = { error };
    }
    await nextTurn();
    const lines = new LineIndex(text);
    const bodyFailure = failure && bodyParseFailure(failure.error);
    return { post: { path, text, lines, bodyStart, frontMatter, body, kind }, bodyFailure };
  }

  /**
   * The value a rule's `siteCache(key, compute)` gives in the site at `root`: computed
   * on first use and kept until `invalidate`. Called before any check, it provides
   * the value in advance (the CLI's workers get the site index the main thread built).
   */
  siteValue<T>(root: string, key: string, compute: () => Promise<T>): Promise<T> {
    const id = siteValueId(root, key);
    let value = this.siteValues.get(id) as Promise<T> | undefined;
    if (!value) this.siteValues.set(id, (value = compute()));
    return value;
  }
  /** A site value already computed (or under way), without computing it. */
  private computedSiteValue<T>(root: string, key: string): Promise<T> | undefined {
    return this.siteValues.get(siteValueId(root, key)) as Promise<T> | undefined;
  }

}

function siteValueId(root: string, key: string): string {
  return `${root}\0${key}`;
}

/** Lets the other checks under way run their next step (see `parse`). */
function nextTurn(): Promise<void> {
  return Promise.resolve();
}

export function createLanguageService(options: LanguageServiceOptions): LanguageService {
  return new LanguageService(options);
}

export { RULES_BY_ID };
