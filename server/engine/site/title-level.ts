/**
 * The heading level at which a site's layouts print a post's title: `<h1>{{ .Title }}</h1>`
 * is level 1, but many themes print it as `<h2>`, and then `###` right after it is right.
 * Read from the template Hugo would pick for a page of the section (the site's own
 * layouts first, then each theme inside the site), and the partials it includes, two
 * deep. Templates are only read, never run. Undefined where no layout is at hand or
 * none prints the title in a heading: then nobody here knows.
 */
import { HtmlScanner } from '../markdown/html';
import type { Workspace } from '../types';
import { join } from './paths';
import { siteFolders } from './site-outputs';
import type { Site } from './site';

const PARTIAL_DEPTH = 2;
/**
 * A template action that prints the page's title (`{{ .Title }}`, `{{ $.LinkTitle | markdownify }}`,
 * `{{ .Page.Title }}`), not the site's (`{{ .Site.Title }}`).
 */
const PRINTS_TITLE = /^\{\{-?(?:[^}]*?[\s(|$]|[^}]*?\.Page)?\.(?:Title|LinkTitle)\b/;
/** Longer actions are not read: a title is printed by a short one, and a pull request writes the layouts. */
const MAX_ACTION = 400;

/** Whether a stretch of template prints the title: each `{{ … }}` action found by a linear scan, then tested alone. */
function printsTitle(text: string): boolean {
  let start = text.indexOf('{{');
  while (start >= 0) {
    const end = text.indexOf('}}', start + 2);
    if (end < 0) return false;
    if (end - start <= MAX_ACTION && PRINTS_TITLE.test(text.slice(start, end + 2))) return true;
    // Each character is looked at a bounded number of times, whatever the layout holds.
    start = text.indexOf('{{', end + 2);
  }
  return false;
}
/** A template action that includes a partial (`{{ partial "header.html" . }}`, `partialCached`, `template "partials/x"`). */
const INCLUDES_PARTIAL = /\{\{-?\s*(?:partial|partialCached)\s+"([^"]+)"|\{\{-?\s*template\s+"partials\/([^"]+)"/g;

/** The single-page templates Hugo looks up for a page of `section`, most specific first (old and new template names). */
function singleTemplates(section: string): string[] {
  const generic = ['single.html', 'page.html', '_default/single.html'];
  return section ? [`${section}/single.html`, `${section}/page.html`, ...generic] : generic;
}

export async function titleHeadingLevel(workspace: Workspace, site: Site, section: string): Promise<number | undefined> {
  const layouts = siteFolders(site, 'layoutDir', 'layouts');
  for (const name of singleTemplates(section)) {
    for (const folder of layouts) {
      const text = await workspace.readFile(join(folder, name));
      if (text !== undefined) return levelIn(workspace, layouts, text, PARTIAL_DEPTH);
    }
  }
  return undefined;
}

async function levelIn(workspace: Workspace, layouts: string[], template: string, depth: number): Promise<number | undefined> {
  const level = headingWithTitle(template);
  if (level !== undefined || depth === 0) return level;
  for (const match of template.matchAll(INCLUDES_PARTIAL)) {
    const partial = await readPartial(workspace, layouts, match[1] ?? match[2]);
    const found = partial === undefined ? undefined : await levelIn(workspace, layouts, partial, depth - 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

async function readPartial(workspace: Workspace, layouts: string[], name: string): Promise<string | undefined> {
  const file = /\.[a-z]+$/i.test(name) ? name : `${name}.html`;
  for (const folder of layouts) {
    for (const partials of ['_partials', 'partials']) {
      const text = await workspace.readFile(join(folder, partials, file));
      if (text !== undefined) return text;
    }
  }
  return undefined;
}

/** The level of the first `<h1>`…`<h6>` element whose content prints the title, read with the HTML tokenizer. */
function headingWithTitle(template: string): number | undefined {
  let open: { level: number; contentStart: number } | undefined;
  let found: number | undefined;
  new HtmlScanner().scan(template, 0, {
    onOpenTag: (name, _start, end) => {
      const level = /^h([1-6])$/i.exec(name);
      if (level && !open && found === undefined) open = { level: Number(level[1]), contentStart: end };
    },
    onCloseTag: (name, start) => {
      if (!open || name.toLowerCase() !== `h${open.level}`) return;
      if (printsTitle(template.slice(open.contentStart, start))) found ??= open.level;
      open = undefined;
    },
    onComment: () => undefined,
    onText: () => undefined,
  });
  return found;
}
