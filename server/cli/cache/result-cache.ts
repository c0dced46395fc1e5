import { readFileSync, type Stats } from 'node:fs';
import { posix } from 'node:path';
import type { CheckResult, LanguageService } from '../../engine/language-service';
import type { Site } from '../../engine/site/site';
import type { Diagnostic, Unverified } from '../../engine/types';
import type { NodeWorkspace } from '../../node/node-workspace';
import type { Target } from '../targets';
import { readCache, writeCache, type CacheData, type CachedPost, type FileState } from './cache-file';
import { checkedPost, encodePost, StoredResult, StringTable } from './stored-results';
import { contentHash, fileState, siteFiles } from './site-files';
import { trackedByGit } from '../../node/git';
import { postlintBuild, postlintVersion } from '../../node/version';
import { fileKey } from '../../engine/site/site-pages';
import type { PageInputs } from '../../engine/site/page-inputs';
import type { UrlData } from '../../engine/site/page-url-data';
import { decodeInputs, encodeInputs, InputKeys } from './stored-inputs';
import { cacheOwnFiles, manifestLine } from './last-run';

/**
 * What a run's results depend on besides the site: Postlint itself (its version, and its
 * build, which changes with any change of code), the options that change results, and a
 * config file named on the command line (it may lie outside the site).
 *
 * The build is the bundle's build id. It was the hash of the entry file, which stopped
 * saying anything of the code once the CLI started from a boot file (server/boot.ts):
 * another bundle behind the same boot file took the older one's results. Run from the
 * sources (tests), the entry file's hash stands in for it.
 */
export function runKey(entryFile: string, options: { maxFileSize?: number; configFile?: string; checkExternal?: boolean }): string {
  const config = options.configFile === undefined ? '' : configHash(options.configFile);
  // With --check-external a post with external links is checked anew each time (its result is not reproducible), but
  // one checked without it must not stand in for it: the run keys differ.
  const external = options.checkExternal === true ? 'external' : null;
  const build = postlintBuild() ?? contentHash(readFileSync(entryFile));
  return contentHash(JSON.stringify([postlintVersion(), build, options.maxFileSize ?? null, options.configFile ?? null, config, external]));
}

/** Whether a file's state is the one the cache holds, times included (new times are worth writing down: they spare hashing it next time). */
function sameState(now: FileState, before: FileState | undefined): boolean {
  return before !== undefined && now.size === before.size && now.mtime === before.mtime && now.hash === before.hash;
}

/** Whether `path` names a file right in `folder` (`posix.dirname`, without making a string per post). */
function inFolder(path: string, folder: string): boolean {
  return path.length > folder.length + 1 && path.charCodeAt(folder.length) === 47 && path.startsWith(folder) && path.indexOf('/', folder.length + 1) === -1;
}

/** A config file that cannot be read gives its own error; its key then only has to differ from a readable one's. */
function configHash(file: string): string {
  try {
    return contentHash(readFileSync(file));
  } catch {
    return 'unreadable';
  }
}

/**
 * `--cache`: a post's result is reused while its text, the site's files it reached
 * (`CheckResult.dependencies`), every file that may touch any post (config, data,
 * layouts) and the run (`runKey`) are what they were. Files are compared by content
 * hash; their size and time only spare reading them again.
 */
export class ResultCache implements PageInputs {
  /** The files of the sites checked, as they are now, by absolute path. */
  private readonly now = new Map<string, FileState>();
  /** Cached posts whose results stand, by absolute path. */
  private readonly standing = new Map<string, CachedPost>();
  /** The posts checked in this run, by absolute path, their strings in `strings`. */
  private readonly checked = new Map<string, CachedPost>();
  /** The table of strings of the cache file this run writes: the cached one, gone on with (`save`). */
  private readonly strings: StringTable;
  /** The key lists the files' page inputs name (`recall`, `remember`): the cached ones, and this run's. */
  private readonly inputKeys: InputKeys;
  /** Why the cache file was not used, to say once. */
  readonly notes: string[] = [];
  /** Whether every file is as the cache has it, and every cached post stands: then a run that checks nothing need not write it. */
  private unchanged = false;
  private filesSame = false;
  /** Whether every file's size, time and hash are the ones the cache holds (`sameState`). */
  private sameStates = false;
  private cameOrWent = false;
  private targetGone = false;
  /** The site roots surveyed. */
  private roots: string[] = [];
  private targets: CacheData['targets'];
  /**
   * When the run may be kept for replay (`recordSurvey`): every file the survey took, as
   * the last run's key lists them (`manifestLine`); undefined once a file was seen that
   * no replay could vouch for, or when not asked.
   */
  private manifest: string[] | undefined;
  /** The files the cache itself writes (`cacheOwnFiles`). */
  private readonly own: string[];

  private constructor(
    private readonly file: string,
    /** The folder cached paths are relative to: where the run started. */
    private readonly base: string,
    private readonly run: string,
    private readonly before: CacheData | undefined,
    /** False for a cache git tracks: neither read nor written. */
    private readonly trusted: boolean,
    /** Whether the survey is kept for the last run's record (`lastRunSurvey`). */
    private readonly recordSurvey: boolean,
  ) {
    this.own = cacheOwnFiles(file);
    this.baseSlash = `${base}/`;
    this.fileKeyPrefix = fileKey(this.baseSlash);
    // The tables the cached posts and inputs index, which this run's add to.
    this.inputKeys = new InputKeys(before?.inputKeys);
    this.strings = new StringTable(before?.strings);
  }

  private readonly baseSlash: string;
  /** `fileKey` of the base folder and a slash: the start of the keys of files under it. */
  private readonly fileKeyPrefix: string;

  /** Reads the cache (`survey` then works out which posts must be checked again). */
  static open(file: string, base: string, run: string, recordSurvey = false): ResultCache {
    if (trackedByGit(file)) {
      const cache = new ResultCache(file, base, run, undefined, false, false);
      cache.notes.push(`${file} is tracked by git, so not used: a cache in the repository could be one a pull request wrote, with clean results for posts that are not. Every post is checked; keep the cache out of git (.gitignore) and in your CI's cache`);
      return cache;
    }
    const read = readCache(file);
    const usable = 'run' in read && read.run === run ? read : undefined;
    const cache = new ResultCache(file, base, run, usable, true, recordSurvey);
    if ('unusable' in read && read.unusable) cache.notes.push(`${file} not used: ${read.unusable}; every post is checked, and the cache written anew`);
    return cache;
  }

  /** The posts the same inputs named last time, if the cache holds them: `survey` says whether they stand. */
  targetsFor(inputs: string[]): Target[] | undefined {
    const stored = this.before?.targets;
    return stored?.inputs === JSON.stringify(inputs) ? stored.paths.map((key) => ({ path: this.pathOf(key) })) : undefined;
  }

  /** Whether no file of the sites came or went since the cache was written, and none changed that touches every post. */
  get sameFiles(): boolean {
    return this.filesSame;
  }

  /** Notes the posts `inputs` named, for `targetsFor` next time, when they all lie in the sites surveyed. */
  noteTargets(inputs: string[], targets: Target[]): void {
    const inSites = targets.every(({ path }) => this.now.has(path) && this.roots.some((root) => path.startsWith(`${root}/`)));
    this.targets = inSites ? { inputs: JSON.stringify(inputs), paths: targets.map(({ path }) => this.key(path)) } : undefined;
    if (JSON.stringify(this.before?.targets) !== JSON.stringify(this.targets)) this.unchanged = false;
  }

  /**
   * What a content file's front matter said of its URL when the cache was written, if
   * the file is as it was then (`PageInputs`): its state, taken by the survey, is the
   * cached one only while its size, time and hash are.
   */
  recall(file: string, keys: readonly string[]): UrlData | undefined {
    const stored = this.now.get(file)?.inputs;
    return stored === undefined ? undefined : decodeInputs(this.inputKeys, stored, keys);
  }

  /** Keeps what the site's index just read from a file the survey took the hash of, for the next run. */
  remember(file: string, keys: readonly string[], data: UrlData): void {
    const state = this.now.get(file);
    if (state?.hash === undefined) return;
    const stored = encodeInputs(this.inputKeys, keys, data);
    if (stored !== state.inputs) this.unchanged = false;
    state.inputs = stored;
  }

  /** Whether a post need not be checked again: its cached result stands. */
  stands(path: string): boolean {
    return this.standing.has(path);
  }

  /** The cached result of a post that need not be checked again, built now. */
  resultOf(path: string): CheckResult | undefined {
    const post = this.standing.get(path);
    return post && new CachedCheckResult(path, post, (key) => this.localKey(key));
  }

  /**
   * Notes a post's result just checked, for `save`, when it is reproducible and of the
   * text whose hash was taken. It is kept as the cache file holds it (a few hundred
   * numbers), not as the engine's objects: 68,000 posts' results kept so took 790 MB.
   */
  noteChecked(result: CheckResult): void {
    const hash = this.now.get(result.path)?.hash;
    if (!result.reproducible || hash === undefined) return;
    const post = checkedPost(hash, result, result.dependencies.map((key) => this.portableKey(key)));
    this.checked.set(result.path, new StoredResult(hash, encodePost(post, this.strings), this.strings.strings));
  }

  /** Writes the cache, with the results noted (`noteChecked`); says why when it cannot. */
  async save(service: LanguageService): Promise<string | undefined> {
    if (!this.trusted || (this.unchanged && this.checked.size === 0)) return undefined;
    const posts = new Map<string, CachedPost>();
    for (const [path, post] of this.standing) posts.set(this.key(path), post);
    for (const [path, post] of this.checked) posts.set(this.key(path), post);
    await this.findKeys(service, [...this.now].filter(([, state]) => state.keys === undefined).map(([path]) => path));
    const files = new Map<string, FileState>();
    for (const [path, state] of this.now) files.set(this.key(path), state);
    // Going on with the cached table, the standing posts are written as they were read, not
    // encoded again (36 ms of a run with one post changed on the benchmark's 6,800); but the
    // strings of results since replaced stay in it. Once the posts added since the table was
    // new are half the site's, it is made anew.
    const postsSinceFresh = this.before === undefined ? 0 : this.before.postsSinceFresh + this.checked.size;
    const anew = postsSinceFresh * 2 > posts.size;
    const table = anew ? new StringTable() : this.strings;
    const data = { run: this.run, files, posts, targets: this.targets, inputKeys: this.inputKeys.lists, postsSinceFresh: anew ? 0 : postsSinceFresh };
    const failure = writeCache(this.file, data, table);
    return failure && `${this.file}: the cache could not be written (${failure})`;
  }

  private key(path: string): string {
    return path.startsWith(this.baseSlash) ? path.slice(this.baseSlash.length) : posix.relative(this.base, path);
  }

  /** The absolute path of a key (`key` undone; a key below the base needs no normalising). */
  private pathOf(key: string): string {
    return key.startsWith('..') ? posix.join(this.base, key) : `${this.baseSlash}${key}`;
  }

  /**
   * A page-index key as the cache keeps it: a file's key (`file:` and its lower-cased
   * absolute path) relative to the base, so that a checkout in another folder still
   * matches. An absolute path starts with `/`: the two forms cannot be confused.
   */
  private portableKey(key: string): string {
    return key.startsWith(this.fileKeyPrefix) ? `file:${key.slice(this.fileKeyPrefix.length)}` : key;
  }

  /** The key the engine gives for a key as the cache keeps it. */
  private localKey(key: string): string {
    return key.startsWith('file:') && !key.startsWith('file:/') ? `${this.fileKeyPrefix}${key.slice('file:'.length)}` : key;
  }

  private cachedFile(path: string): FileState | undefined {
    return this.before?.files.get(this.key(path));
  }

  /**
   * Takes the state of every file of the targets' sites, then keeps the cached posts
   * that nothing they depend on has changed for.
   */
  async survey(service: LanguageService, workspace: NodeWorkspace, targets: Target[]): Promise<void> {
    this.now.clear();
    this.standing.clear();
    this.targetGone = false;
    this.unchanged = false;
    this.manifest = this.recordSurvey ? [] : undefined;
    const roots = new Set<string>();
    // The site looked up once per folder: a folder's posts come together.
    let folder: string | undefined;
    let site: Site | undefined;
    for (const { path } of targets) {
      if (site === undefined || !inFolder(path, folder!)) {
        folder = posix.dirname(path);
        site = await service.siteFor(path);
      }
      if (!site.loose && !roots.has(site.root)) {
        roots.add(site.root);
        // The cache's own files may lie in the site (`--cache-location`): they are left out, not hashed.
        const visit = (file: string, stats: Stats) => this.noteInManifest(file, stats);
        for (const [file, state] of siteFiles(site.root, workspace.within(site.root), (file) => this.cachedFile(file), { leftOut: this.own, visit })) this.now.set(file, state);
      }
      // A post outside any site, or in a folder the walk leaves out, is looked at on its own.
      if (!this.now.has(path)) {
        // Not under a site's walk, so not in the manifest a replay goes by.
        this.manifest = undefined;
        const state = fileState(path, workspace.within(site.root), this.cachedFile(path));
        if (state) this.now.set(path, state);
        // A post named last time and gone: the posts must be found again.
        else this.targetGone = true;
      }
    }
    this.roots = [...roots];
    if (!this.before) return;
    const touched = await this.touchedKeys(service, roots);
    this.filesSame = touched !== 'site' && !this.cameOrWent && !this.targetGone;
    if (touched === 'site') return;
    for (const [key, post] of this.before.posts) {
      const path = this.pathOf(key);
      const unchanged = this.now.get(path)?.hash === post.hash;
      if (unchanged && (touched.size === 0 || !post.dependencies.some((dependency) => touched.has(dependency)))) this.standing.set(path, post);
    }
    this.unchanged = touched.size === 0 && this.sameStates && this.standing.size === this.before.posts.size;
  }

  private noteInManifest(file: string, stats: Stats): void {
    if (this.manifest === undefined) return;
    const line = manifestLine(file, stats);
    if (line === undefined) this.manifest = undefined;
    else this.manifest.push(line);
  }

  /**
   * What the last run's record needs of the survey (last-run.ts): the sites' roots and
   * their files, when the cache is trusted, the posts the inputs name were noted (all in
   * the sites surveyed), and every file could be listed.
   */
  lastRunSurvey(): { roots: string[]; manifest: string } | undefined {
    if (!this.trusted || this.targets === undefined || this.manifest === undefined || this.roots.length === 0) return undefined;
    return { roots: this.roots, manifest: this.manifest.join('') };
  }

  /**
   * The page-index keys of what changed since the cache was written: its old keys and
   * its new ones (a page that moved leaves its old address and takes another), or
   * `site` when a file that may touch every post changed, or when a file under the
   * sites was added, changed or removed whose keys are not known.
   */
  private async touchedKeys(service: LanguageService, roots: Set<string>): Promise<Set<string> | 'site'> {
    const touched = new Set<string>();
    const changed: string[] = [];
    this.cameOrWent = false;
    this.sameStates = true;
    const old = (state: FileState | undefined): boolean => {
      if (state === undefined) return true;
      if (state.keys === undefined || state.keys === 'site') return false;
      for (const key of state.keys) touched.add(key);
      return true;
    };
    let matched = 0;
    for (const [path, state] of this.now) {
      const before = this.cachedFile(path);
      if (before) matched++;
      if (!sameState(state, before)) this.sameStates = false;
      if (before && before.hash === state.hash) state.keys = before.keys;
      else if (old(before)) {
        changed.push(path);
        if (!before) this.cameOrWent = true;
      }
      else return 'site';
    }
    // Files gone from the sites since: their old keys (those of other sites are not this run's to judge).
    // None is when each file the cache holds was one of this run's.
    if (matched < this.before!.files.size && this.goneFrom(roots, old)) return 'site';
    const found = await this.findKeys(service, changed);
    if (found === 'site') return 'site';
    for (const key of found) touched.add(key);
    return touched;
  }

  /**
   * Notes the files of the sites that the cache holds and this run did not find (gone
   * since): `old` takes their keys. Whether one of them may touch every post.
   */
  private goneFrom(roots: Set<string>, old: (state: FileState) => boolean): boolean {
    const present = new Set([...this.now.keys()].map((path) => this.key(path)));
    const sites = [...roots].map((root) => `${this.key(root)}/`);
    for (const [key, state] of this.before!.files) {
      const gone = !present.has(key) && sites.some((site) => key.startsWith(site) || site === '/');
      if (gone) this.cameOrWent = true;
      if (gone && !old(state)) return true;
    }
    return false;
  }

  /** Looks up (and notes in their states) the keys of `paths` in their sites' page indexes. */
  private async findKeys(service: LanguageService, paths: string[]): Promise<Set<string> | 'site'> {
    const keys = new Set<string>();
    let site = false;
    for (const [path, answer] of await service.indexKeysOfFiles(paths, { build: true })) {
      const found = answer === 'site' ? answer : answer.map((key) => this.portableKey(key));
      this.now.get(path)!.keys = found;
      if (found === 'site') site = true;
      else for (const key of found) keys.add(key);
    }
    return site ? 'site' : keys;
  }
}

/** A cached post's result as a check gives it; its dependencies are built only when asked for (`--changed-since`), which most runs never do. */
class CachedCheckResult implements CheckResult {
  readonly isPost = true;
  readonly reproducible = true;
  readonly diagnostics: Diagnostic[];
  readonly unverified: Unverified[];

  constructor(
    readonly path: string,
    private readonly post: CachedPost,
    private readonly localKey: (key: string) => string,
  ) {
    ({ diagnostics: this.diagnostics, unverified: this.unverified } = post.findings());
  }

  get dependencies(): string[] {
    return this.post.dependencies.map(this.localKey);
  }
}
