import { FileChangeType, type FileEvent } from 'vscode-languageserver/node';
import type { LanguageService } from '../engine/language-service';
import { fileKey } from '../engine/site/site-pages';
import { toPath } from './convert';
import type { Validator } from './validation';

/** What the server lends to the handling of changed files. */
export interface SiteChangeContext {
  validator: Validator;
  serviceFor(uri: string): Promise<LanguageService>;
  /** Where a file is in its site's page index (`LanguageService.indexKeysOf`), in the index the checks use. */
  indexKeysOf(uri: string, build: boolean): Promise<string[] | 'site'>;
  /** Forgets what the checks' page index read from a page being edited (`LanguageService.forgetPage`). */
  forgetPage(uri: string): Promise<void>;
  /** Forgets everything read from the disk: sites, configs, page indexes. */
  invalidate(): void;
  isOpen(uri: string): boolean;
  /** Asks a client that pulls diagnostics to pull its open documents' again (pushing clients need nothing). */
  refreshPulled(): void;
  /** Whether every post of the site has problems listed (a whole-site check ran). */
  workspaceChecked(): boolean;
  /** Checks the open documents again and, after a whole-site check, the whole site. */
  recheckEverything(): Promise<void>;
}

/** The changed files' keys in their sites' page indexes, or `site` when one of them may touch every post. */
async function indexKeys(context: SiteChangeContext, uris: string[], build: boolean): Promise<string[] | 'site'> {
  const keys: string[] = [];
  for (const uri of uris) {
    const found = await context.indexKeysOf(uri, build);
    if (found === 'site') return 'site';
    keys.push(...found);
  }
  return keys;
}

/** Whether the file is a post that the config does not ignore. */
async function isPost(context: SiteChangeContext, uri: string): Promise<boolean> {
  return (await (await context.serviceFor(uri)).postsAmong([toPath(uri)])).length > 0;
}

/**
 * Files changed on disk (created, saved, deleted): re-checks the posts whose problems
 * they may change. A page or a published file matters to the posts that reached it or
 * looked for it, under its old address or its new one; anything else (the config,
 * authors, layouts, redirects) to every post.
 */
export async function filesChanged(context: SiteChangeContext, changes: FileEvent[]): Promise<void> {
  const uris = changes.map((change) => change.uri).filter((uri) => uri.startsWith('file:'));
  if (uris.length === 0) return;
  // Where the files were reached before the change: the index still holds their old addresses.
  const before = await indexKeys(context, uris, false);
  context.invalidate();
  const after = before === 'site' ? 'site' : await indexKeys(context, uris, true);
  if (before === 'site' || after === 'site') return context.recheckEverything();

  const affected = new Set(context.validator.dependents([...before, ...after]));
  for (const change of changes) {
    const { uri } = change;
    const known = context.validator.results.has(uri) || context.isOpen(uri);
    if (known || (change.type !== FileChangeType.Deleted && context.workspaceChecked() && (await isPost(context, uri)))) affected.add(uri);
  }
  recheck(context, affected);
}

/** Checks posts again: closed ones from the disk, open ones from their text. */
function recheck(context: SiteChangeContext, uris: Iterable<string>): void {
  let open = false;
  for (const uri of uris) {
    context.validator.schedule(uri);
    open ||= context.isOpen(uri);
  }
  if (open) context.refreshPulled();
}

/**
 * A page is being edited, unsaved: the posts that link to its headings are checked
 * against its text as it is now. (Its address moves only when it is saved.)
 */
export async function pageEdited(context: SiteChangeContext, uri: string): Promise<void> {
  await context.forgetPage(uri);
  recheck(
    context,
    context.validator.dependents([fileKey(toPath(uri))], false).filter((dependent) => dependent !== uri),
  );
}
