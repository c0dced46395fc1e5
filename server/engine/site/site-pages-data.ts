import type { Redirect } from './redirects';
import type { SitePage } from './site-pages';

/**
 * What the index holds, as plain data: what a thread that built the index hands
 * to others (structured cloning keeps the Maps, the Sets and the pages they share).
 */
export interface SitePagesData {
  /** Path key → page, for page URLs and aliases. */
  pages: Map<string, SitePage>;
  pagesByFile: Map<string, SitePage>;
  /** `<lang>:<content path>` (lower case, no extension; bundles also by folder) → page: what `GetPage` finds. */
  pagesByContentPath: Map<string, SitePage>;
  /**
   * Whether Markdown links and images go through a render hook that resolves them
   * as Hugo content (pages, page resources, assets) before the browser sees them.
   */
  renderHooks: { link: boolean; image: boolean };
  /** Path keys of list pages Hugo makes without a file: language home pages, top-level sections. */
  implicitPages: Set<string>;
  /** Path key → served path as written, for static files and bundle resources. */
  files: Map<string, string>;
  /** Source file → the path keys it is served at (static files, bundle and section resources). */
  filesBySource: Map<string, string[]>;
  /** Lower-cased paths of every file under a content folder. */
  contentFiles: Set<string>;
  /** Path keys (from the assets folder) of files a theme's shortcode may look up. */
  assets: Set<string>;
  /**
   * Paths (see `PageUrl`'s `uncertainPath`: `*` one segment, `**` any number) where a
   * page may be served that no one can see here, each with why: links that may lead
   * there are not verified, and the reason is said.
   */
  uncertain: { path: string; reason: string }[];
  /**
   * Content files and folders a build step writes (named by a `.gitignore`, not here), absolute, each with why:
   * `.md` links to them are not verified, nor links a render hook looks up by content path (`GetPage`) there.
   */
  generatedContent: { target: string; reason: string; content?: GeneratedContentPath }[];
  redirects: Redirect[];
  /** Path key → why a page is taken to be there: the local addresses the site's own menus link to (see menu-targets.ts). */
  menuTargets: Map<string, string>;
  /** File names the site's output formats publish beside each page (`feed.xml`, `index.json`). */
  outputFiles: Set<string>;
  /**
   * Why an address that matches nothing here may still be served: the site writes its
   * `_redirects` at build time, or part of its config is made at build time and absent.
   */
  mayExistUnseen?: string;
  /** Lower-cased file names → served paths, and page names → pages, for "did you mean". */
  filesByName: Map<string, string[]>;
  pagesByName: Map<string, SitePage[]>;
}

/** Where generated content sits in the content tree, as `GetPage` names it. */
export interface GeneratedContentPath {
  /** The language keys it is published in. */
  languages: string[];
  /** Lower case, no extension; a bundle's index by its folder, `''` for the content root. */
  path: string;
  /** True when everything under `path` may be generated; else the one page at `path`. */
  folder: boolean;
}

/** An index with nothing in it, filled by one walk of the site. */
export function emptyData(): SitePagesData {
  return {
    pages: new Map(),
    pagesByFile: new Map(),
    pagesByContentPath: new Map(),
    renderHooks: { link: false, image: false },
    implicitPages: new Set(),
    files: new Map(),
    filesBySource: new Map(),
    contentFiles: new Set(),
    assets: new Set(),
    uncertain: [],
    generatedContent: [],
    redirects: [],
    menuTargets: new Map(),
    outputFiles: new Set(),
    filesByName: new Map(),
    pagesByName: new Map(),
  };
}
