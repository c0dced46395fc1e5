import { parse as parseToml } from 'smol-toml';
import { presetForBaseUrl, type PresetName } from '../../../schemas/presets';
import { isRecord } from './config-values';
import { frontMatterDates, type FrontMatterDates } from './front-matter-dates';
import { join } from './paths';
import type { Workspace } from '../types';
import { yamlData } from './yaml-data';

/** What the engine knows of a Hugo site, read as Hugo's production build reads it. */
export interface Site {
  root: string;
  /** Hugo's settings, `config/_default/` merged with `config/production/`. */
  config: Record<string, unknown>;
  baseURL?: string;
  /** The content folder, absolute, without a trailing slash. */
  contentDir: string;
  /** Where Hugo takes a page's dates from: the `frontmatter` setting, with Hugo's defaults. */
  dates: FrontMatterDates;
  /** Keys of `data/authors.*`, or undefined when the site has no such file. */
  authors?: Map<string, { name?: string }>;
  /** The file `authors` came from, absolute (the editor offers to add an author there). */
  authorsFile?: string;
  /** The preset its `baseURL` implies. */
  impliedPreset: PresetName;
  /** Problems met while reading the site's files: the CLI and the server report them as config errors. */
  problems: string[];
  /** True for a folder outside any Hugo site, where every Markdown file counts as a post. */
  loose: boolean;
  /**
   * Config files the site makes at build time and that are not here: named in its config
   * folder's `.gitignore` (as a site that writes `module.yaml` from a template does), from
   * the site root. What they would set (content mounts, above all) is unknown.
   */
  generatedConfig?: string[];
}

const ROOT_CONFIG_NAMES = ['hugo.yaml', 'hugo.yml', 'hugo.toml', 'hugo.json', 'config.yaml', 'config.yml', 'config.toml', 'config.json'];
const EXTENSIONS = ['.yaml', '.yml', '.toml', '.json'];

/** Whether `folder` holds a Hugo configuration (`hugo.*`, `config.*`, `config/_default/`): it is a site's root. */
export async function holdsSiteConfig(workspace: Workspace, folder: string): Promise<boolean> {
  for (const entry of await workspace.readDirectory(folder)) {
    if (entry.kind === 'file' && ROOT_CONFIG_NAMES.includes(entry.name)) return true;
    if (entry.kind === 'directory' && entry.name === 'config' && (await workspace.stat(join(folder, 'config', '_default'))) === 'directory') return true;
  }
  return false;
}

function parseConfigText(name: string, text: string): unknown {
  if (name.endsWith('.toml')) return parseToml(text);
  if (name.endsWith('.json')) return JSON.parse(text);
  return yamlData(text);
}

/** Hugo merges configuration maps key by key; later values win. */
function deepMerge(target: Record<string, unknown>, source: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    target[key] = isRecord(existing) && isRecord(value) ? deepMerge({ ...existing }, value) : value;
  }
  return target;
}

async function readConfigFile(workspace: Workspace, path: string, problems: string[]): Promise<Record<string, unknown> | undefined> {
  const text = await workspace.readFile(path);
  if (text === undefined) return undefined;
  try {
    const value = parseConfigText(path, text);
    return isRecord(value) ? value : {};
  } catch (error) {
    problems.push(`${path} could not be read: ${(error as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

/** Folders inside a config folder that are read; deeper ones are not (a stranger's checkout could nest without end). */
const CONFIG_FOLDER_DEPTH = 8;

/**
 * A config folder, walked as Hugo walks it: names in byte order, each subfolder read where it
 * sorts (`config/_default/languages/languages.yaml` counts as `languages.yaml`: only a file's
 * own name says where it goes). `hugo.*`/`config.*` hold top-level keys, any other `name.*`
 * the value of `name`; later files win, key by key.
 */
async function readConfigFolder(workspace: Workspace, folder: string, problems: string[], depth = 0): Promise<Record<string, unknown>> {
  const merged: Record<string, unknown> = {};
  const entries = (await workspace.readDirectory(folder)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.kind === 'directory') {
      if (depth < CONFIG_FOLDER_DEPTH) deepMerge(merged, await readConfigFolder(workspace, path, problems, depth + 1));
      continue;
    }
    const extension = EXTENSIONS.find((ext) => entry.name.endsWith(ext));
    if (!extension) continue;
    const value = await readConfigFile(workspace, path, problems);
    if (!value) continue;
    const stem = entry.name.slice(0, -extension.length);
    deepMerge(merged, stem === 'hugo' || stem === 'config' ? value : nestedUnder(stem, value));
  }
  return merged;
}

/**
 * Where a file of a config folder goes, as Hugo places it: `name.toml` under `name`;
 * `name.<lang>.toml` under `languages.<lang>` (`menus.<lang>` and `params.<lang>` under
 * that language's `menus` and `params`). A file holding only its own name's key is unwrapped.
 */
function nestedUnder(stem: string, value: Record<string, unknown>): Record<string, unknown> {
  const dot = stem.lastIndexOf('.');
  const name = dot < 0 ? stem : stem.slice(0, dot);
  const lang = dot < 0 ? '' : stem.slice(dot + 1);
  const keys = Object.keys(value);
  const inner = keys.length === 1 && keys[0] === name ? value[name] : value;
  if (lang === '') return { [name]: inner };
  const section = name === 'menu' || name === 'menus' ? 'menus' : name === 'params' ? 'params' : undefined;
  return { languages: { [lang]: section ? { [section]: inner } : inner } };
}

async function readAuthors(workspace: Workspace, root: string, problems: string[]): Promise<Pick<Site, 'authors' | 'authorsFile'>> {
  for (const extension of EXTENSIONS) {
    const file = join(root, 'data', `authors${extension}`);
    const value = await readConfigFile(workspace, file, problems);
    if (!value) continue;
    const authors = new Map<string, { name?: string }>();
    for (const [key, entry] of Object.entries(value)) {
      authors.set(key, { name: isRecord(entry) && typeof entry.name === 'string' ? entry.name : undefined });
    }
    return { authors, authorsFile: file };
  }
  return {};
}

export async function readSite(workspace: Workspace, root: string): Promise<Site> {
  const problems: string[] = [];
  const config: Record<string, unknown> = {};
  for (const name of ROOT_CONFIG_NAMES) {
    const value = await readConfigFile(workspace, join(root, name), problems);
    if (value) {
      deepMerge(config, value);
      break;
    }
  }
  deepMerge(config, await readConfigFolder(workspace, join(root, 'config', '_default'), problems));
  deepMerge(config, await readConfigFolder(workspace, join(root, 'config', 'production'), problems));
  const generatedConfig = [...(await absentIgnoredConfig(workspace, root, '_default')), ...(await absentIgnoredConfig(workspace, root, 'production'))];

  const baseURL = typeof config.baseURL === 'string' ? config.baseURL : typeof config.baseurl === 'string' ? config.baseurl : undefined;
  const contentDirSetting = typeof config.contentDir === 'string' ? config.contentDir : 'content';
  const contentDir = join(root, contentDirSetting).replace(/\/+$/, '');
  return {
    root,
    config,
    baseURL,
    contentDir,
    dates: frontMatterDates(config),
    ...(await readAuthors(workspace, root, problems)),
    impliedPreset: presetForBaseUrl(baseURL),
    problems,
    loose: false,
    ...(generatedConfig.length > 0 ? { generatedConfig } : {}),
  };
}

/**
 * Config files a config folder's `.gitignore` names one by one (no wildcards) that are
 * not there: the site's build writes them, so a checkout does not have them.
 */
async function absentIgnoredConfig(workspace: Workspace, root: string, environment: string): Promise<string[]> {
  const folder = join(root, 'config', environment);
  const ignore = await workspace.readFile(join(folder, '.gitignore'));
  if (ignore === undefined) return [];
  const names = ignore
    .split('\n')
    .map((line) => line.trim().replace(/^\//, ''))
    .filter((name) => name !== '' && !name.startsWith('#') && !/[*?[\]!/\\]/.test(name) && EXTENSIONS.some((extension) => name.endsWith(extension)));
  const absent: string[] = [];
  for (const name of names) if ((await workspace.stat(join(folder, name))) === undefined) absent.push(`config/${environment}/${name}`);
  return absent;
}

/** A site for a post outside any Hugo site: the Hugo preset, no authors, its own folder as root. */
export function looseSite(folder: string): Site {
  return {
    root: folder,
    config: {},
    contentDir: join(folder, 'content'),
    dates: frontMatterDates({}),
    impliedPreset: 'hugo',
    problems: [],
    baseURL: undefined,
    authors: undefined,
    loose: true,
  };
}

