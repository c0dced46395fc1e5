import type { PostKind } from '../../../schemas/posts';
import type { ResolvedConfig } from '../config/config';
import { splitPost } from '../frontmatter/frontmatter';
import { join } from '../site/paths';
import type { Site } from '../site/site';
import { fillTemplate, slugify } from './placeholders';
import type { Workspace } from '../types';

export type TemplateKind = Exclude<PostKind, 'post'>;
export const TEMPLATE_KINDS: TemplateKind[] = ['member-welcome', 'event-recap'];

/** What the author gives when creating a post; the rest comes from defaults. */
export interface NewPostInput {
  kind: TemplateKind;
  title: string;
  org?: string;
  event?: string;
  /** YYYY-MM-DD; default today. */
  date?: string;
  author?: string;
}

export interface NewPostPlan {
  /** Where the post would be written, absolute. */
  path: string;
  /** The template with every known value filled in. */
  text: string;
  /** The values filled in, for the editor to turn the rest into tab stops. */
  values: Record<string, string | undefined>;
  /** The template as written, before filling. */
  template: string;
}

/** The site's conventional file for its standard "About" paragraph (see docs/templates.md). */
export const ABOUT_FILE = 'data/postlint/about.md';

const GLOB_CHARS = /[*?[\]{}]/;

/**
 * The folder new posts go to: the config's `templates.folder`, else the literal
 * start of the preset's first post glob (`{a,b}` choices resolved to one that exists).
 */
export async function newPostFolder(workspace: Workspace, site: Site, config: ResolvedConfig, postGlobs: string[]): Promise<string> {
  if (config.templates.folder) return join(site.root, config.templates.folder);
  const segments = (postGlobs[0] ?? 'content/posts/**/*.md').split('/');
  const literal: string[] = [];
  for (const segment of segments) {
    if (!GLOB_CHARS.test(segment)) {
      literal.push(segment);
      continue;
    }
    const choices = /^\{([^{}*?]+)\}$/.exec(segment)?.[1].split(',');
    if (choices) {
      const existing = [];
      for (const choice of choices) if ((await workspace.stat(join(site.root, ...literal, choice))) === 'directory') existing.push(choice);
      literal.push(existing[0] ?? choices[0]);
    }
    break;
  }
  return join(site.root, ...literal);
}

/** The site's standard "About" text (see ABOUT_FILE), read afresh: it may have been edited since the last post. */
export async function readSiteAbout(workspace: Workspace, site: Site, config: ResolvedConfig): Promise<string | undefined> {
  const about = await workspace.readFile(join(site.root, config.templates.about ?? ABOUT_FILE));
  return about?.trim() || undefined;
}

function today(now: Date): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/** Plans a new post: its text from the kind's template and the site's "About" text, and its path in the site. */
export async function planNewPost(
  workspace: Workspace,
  site: Site,
  config: ResolvedConfig,
  postGlobs: string[],
  template: string,
  about: string | undefined,
  input: NewPostInput,
  now: Date,
): Promise<NewPostPlan> {
  const date = input.date ?? today(now);
  const values: Record<string, string | undefined> = {
    title: input.title,
    org: input.org,
    event: input.event,
    date,
    author: input.author ?? config.templates.author ?? config.preset.defaultAuthor,
    site: config.templates.siteName ?? config.preset.siteName ?? (typeof site.config.title === 'string' ? site.config.title : undefined),
    about,
  };
  const folder = await newPostFolder(workspace, site, config, postGlobs);
  const name = `${config.templates.datePrefix ? `${date}-` : ''}${slugify(input.title) || 'post'}.md`;
  return { path: join(folder, name), text: fillPost(template, values), values, template };
}

/**
 * Fills a template: in its front matter, values go inside YAML double quotes in our
 * templates, so quotes and backslashes are escaped there; the body takes them as written.
 */
export function fillPost(template: string, values: Record<string, string | undefined>): string {
  const { bodyStart } = splitPost(template);
  const escaped = Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, value?.replace(/[\\"]/g, (char) => `\\${char}`)]),
  );
  return fillTemplate(template.slice(0, bodyStart), escaped) + fillTemplate(template.slice(bodyStart), values);
}
