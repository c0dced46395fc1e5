import { z } from './zod';
import { MARKDOWN_NAME_GLOB, MARKDOWN_SUFFIX_GLOB } from './markdown-files';
import { hugoFields, kindFields, todogroupFields, type PostKind } from './posts';

export const PRESET_NAMES = ['hugo', 'todogroup'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** How a preset recognises a kind when a post does not name it. */
export interface KindMatcher {
  kind: PostKind;
  /** Case-insensitive regular expressions (RE2 syntax, schemas/patterns.ts) searched for in the title. */
  titles?: string[];
  /** Globs on the path relative to the site root. */
  files?: string[];
}

/** A severity a preset gives a rule, as the engine names them (`warning`, not the config file's `warn`). */
export type PresetSeverity = 'off' | 'warning' | 'error';

export interface Preset {
  name: PresetName;
  description: string;
  /**
   * Severities that differ from the rules' own defaults, by rule id: what a site of this
   * kind wants by default. A config file's `rules` still override them.
   */
  rules?: Readonly<Record<string, PresetSeverity>>;
  /**
   * Globs relative to the site root that select posts; `{contentDir}` stands for each
   * content folder Hugo reads: the site's `contentDir`, each language's own (`content.en`,
   * which may lie outside `content/`), or the content mounts at the root of the content tree.
   */
  posts: string[];
  /** Files that are never posts even when a glob matches them. */
  notPosts: string[];
  /**
   * Whether the top-level sections whose pages carry dates hold posts too, whatever their
   * names (server/engine/site/dated-sections.ts says how it decides). Only when the
   * config does not set `posts`.
   */
  datedSections?: boolean;
  /**
   * The heading level at which the site's theme prints a post's title, where the theme is
   * known but not in the site's repository; the site's own layouts, when at hand, say it first.
   */
  titleLevel?: number;
  kinds: KindMatcher[];
  /**
   * The keys every post must have. `date` means a page date Hugo can find: `date`, else
   * `publishDate`, `lastmod` or the file name, as the site's `frontmatter` setting orders them.
   */
  required: readonly string[];
  /** `all`: every key the schema does not know is reported; `typos`: only keys that look like a known key misspelt (themes add keys of their own). */
  unknownKeys: 'all' | 'typos';
  /** Author used by templates and `postlint new` when none is given. */
  defaultAuthor?: string;
  /** How templates name the site in running text (`[[site]]`). */
  siteName?: string;
  /** The site's own shortcodes, where its layouts are not at hand (`shortcode-unknown`). */
  shortcodes?: string[];
  /**
   * The front matter keys the editor offers, in this order (the post's kind adds its own
   * after the required ones). Keys of the schema not listed are still checked, never offered:
   * Hugo's other spellings of a key, and keys an author of a post does not write by hand.
   */
  completion: readonly string[];
  /** The zod schema of a post of this kind. */
  schema(kind: PostKind): z.ZodObject;
}

type Shape = Record<string, z.ZodType>;

function postSchema(fields: Shape, required: readonly string[], kind: PostKind): z.ZodObject {
  const shape: Shape = {};
  const all: Shape = { ...fields, ...(kind === 'post' ? {} : kindFields[kind]) };
    // `optional()` wraps the field; the description must stay on what hover and docs read.
  for (const [key, field] of Object.entries(all)) shape[key] = required.includes(key) ? field : field.optional().describe(field.description ?? '');
  return z.object(shape);
}

function cachedSchemas(fields: Shape, required: readonly string[]): (kind: PostKind) => z.ZodObject {
  const cache = new Map<PostKind, z.ZodObject>();
  return (kind) => {
    let schema = cache.get(kind);
    if (!schema) cache.set(kind, (schema = postSchema(fields, required, kind)));
    return schema;
  };
}

const SECTIONS = '{posts,post,blog}';
/** List pages, whichever Markdown suffix they have, translations too (`_index.de.md`): they list posts, they are not posts. */
const LIST_PAGES = [`**/_index.${MARKDOWN_SUFFIX_GLOB}`, `**/_index.*.${MARKDOWN_SUFFIX_GLOB}`];

/**
 * Hugo's documented page keys, the ones a post's author writes first, then the rest of them,
 * then what many themes read (`author`, `authors`, `images`). Not offered: `pubdate`,
 * `published`, `modified`, `unpublishdate` and `menu` (Hugo's other names for keys listed
 * here) and `postlint_kind` (the templates write it).
 */
const HUGO_COMPLETION = [
  'title', 'date', 'description', 'draft', 'tags', 'categories', 'summary', 'slug', 'aliases', 'publishDate', 'lastmod', 'expiryDate',
  'keywords', 'linkTitle', 'weight', 'url', 'type', 'layout', 'translationKey', 'isCJKLanguage', 'headless', 'markup', 'outputs',
  'params', 'build', 'cascade', 'menus', 'resources', 'sitemap', 'author', 'authors', 'images',
];

/**
 * What the TODO Group's layouts read (its corpus README lists them), then the keys Hugo acts
 * on by itself that a post may need: unpublished, moved, or taken down at a date.
 */
const TODOGROUP_COMPLETION = [
  'title', 'date', 'author', 'description', 'subtitle', 'images', 'publishDate', 'lastmod', 'noindex', 'showHeader',
  'draft', 'aliases', 'slug', 'url', 'expiryDate',
];
const HUGO_REQUIRED = ['title', 'date'];
const TODOGROUP_REQUIRED = ['title', 'date', 'author'];

export const hugoPreset: Preset = {
  name: 'hugo',
  description: 'Any Hugo site: Hugo\u2019s own front matter keys, with a title and a date on every post.',
  posts: [`{contentDir}/${SECTIONS}/**/${MARKDOWN_NAME_GLOB}`, `content/*/${SECTIONS}/**/${MARKDOWN_NAME_GLOB}`],
  notPosts: LIST_PAGES,
  datedSections: true,
  kinds: [],
  // Hugo reads keys in any case, and any Hugo site may spell them as its archetypes do.
  rules: { 'frontmatter-key-case': 'off' },
  unknownKeys: 'typos',
  required: HUGO_REQUIRED,
  completion: HUGO_COMPLETION,
  schema: cachedSchemas(hugoFields, HUGO_REQUIRED),
};

export const todogroupPreset: Preset = {
  name: 'todogroup',
  description: 'The TODO Group\u2019s site (todogroup.org): the keys its layouts read, an author from data/authors.yaml.',
  posts: [`{contentDir}/blog/**/${MARKDOWN_NAME_GLOB}`, `content/*/blog/**/${MARKDOWN_NAME_GLOB}`],
  notPosts: LIST_PAGES,
  kinds: [
    {
      kind: 'member-welcome',
      // Welcomes of members, not of ambassadors, associates or maintainers. RE2's `\s` is ASCII
      // white space only; `[\s\pZ]` also takes the no-break spaces that pasted titles carry.
      titles: ['\\bgeneral member\\b', '\\bbecomes a todo member\\b', '^welcoming[\\s\\pZ].+[\\s\\pZ]to the todo group$'],
    },
  ],
  unknownKeys: 'all',
  // Its theme (dot-org-hugo-theme) prints the title as the page's <h1>.
  titleLevel: 1,
  required: TODOGROUP_REQUIRED,
  completion: TODOGROUP_COMPLETION,
  defaultAuthor: 'todogroup',
  siteName: 'the TODO Group',
  // The theme (dot-org-hugo-theme) is not vendored in the site's repository.
  shortcodes: ['button', 'img', 'iframe', 'tweet', 'youtube_enhanced'],
  schema: cachedSchemas({ ...hugoFields, ...todogroupFields }, TODOGROUP_REQUIRED),
};

export const PRESETS: Record<PresetName, Preset> = { hugo: hugoPreset, todogroup: todogroupPreset };

/** The preset a site gets when its config names none: todogroup.org's own, else Hugo's. */
export function presetForBaseUrl(baseURL: string | undefined): PresetName {
  if (!baseURL) return 'hugo';
  try {
    const host = new URL(baseURL).hostname.toLowerCase();
    return host === 'todogroup.org' || host.endsWith('.todogroup.org') ? 'todogroup' : 'hugo';
  } catch {
    return 'hugo';
  }
}
