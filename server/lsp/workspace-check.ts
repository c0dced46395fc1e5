import { keepHeapsSmallFor } from '../node/heap-growth';
import type { Connection } from 'vscode-languageserver/node';
import { postsOfSite } from '../node/site-posts';
import type { LanguageService } from '../engine/language-service';
import { toUri } from './convert';
import type { Validator } from './validation';
import { SITE_CHECK, type SiteCheckParams } from '../../schemas/protocol';

/** The posts of the Hugo site in or around a workspace folder. */
async function sitePosts(service: LanguageService, folder: string): Promise<string[]> {
  const root = await service.siteRootOf(folder);
  return root === undefined ? [] : postsOfSite(service, root);
}

/**
 * Checks every post of the workspace's sites and publishes what it finds, with
 * work-done progress. Open documents are left to the document checks; closed
 * files checked before that are no longer posts (deleted, ignored) lose their problems.
 */
export async function checkWorkspace(
  connection: Connection,
  folders: string[],
  serviceFor: (folder: string) => Promise<LanguageService | undefined>,
  validator: Validator,
  isOpen: (uri: string) => boolean,
  ownStatus = false,
): Promise<number> {
  const progress = ownStatus ? siteCheckNotices(connection) : await workDoneProgress(connection);
  let checked = 0;
  const found = new Set<string>();
  try {
    for (const folder of folders) {
      const service = await serviceFor(folder);
      if (!service) continue;
      const posts = await sitePosts(service, folder);
      keepHeapsSmallFor(posts.length);
      for (const [index, path] of posts.entries()) {
        const uri = toUri(path);
        found.add(uri);
        if (index % 10 === 0) progress.report(index, posts.length);
        if (isOpen(uri)) continue;
        const diagnostics = await validator.diagnoseClosed(uri);
        if (diagnostics === undefined) continue;
        await validator.publishFile(uri, diagnostics);
        checked++;
      }
    }
    await validator.clearClosedExcept(found);
  } finally {
    progress.done();
  }
  return checked;
}

interface SiteCheckProgress {
  report(index: number, total: number): void;
  done(): void;
}

/** LSP's work-done progress, which any editor shows. */
async function workDoneProgress(connection: Connection): Promise<SiteCheckProgress> {
  const progress = await connection.window.createWorkDoneProgress();
  progress.begin('Postlint', 0, 'Finding posts\u2026', false);
  return {
    report: (index, total) => progress.report(Math.round((index / total) * 100), `${index} of ${total} posts`),
    done: () => progress.done(),
  };
}

/** `postlint/siteCheck`, for an editor whose status item shows the check (`siteCheckStatus`). */
function siteCheckNotices(connection: Connection): SiteCheckProgress {
  const send = (params: SiteCheckParams) => void connection.sendNotification(SITE_CHECK, params);
  let posts = 0;
  send({ checked: 0, total: 0, done: false });
  return {
    report: (index, total) => send({ checked: index, total: (posts = total), done: false }),
    done: () => send({ checked: posts, total: posts, done: true }),
  };
}

/**
 * A workspace folder as the output says it at start: its Hugo site, the preset and the
 * config file that apply, or that it holds no site. Never throws: it is only said.
 */
export async function describeFolder(service: LanguageService, folder: string): Promise<string> {
  const root = await service.siteRootOf(folder);
  if (root === undefined) return `${folder}: no Hugo site here (no hugo.* or config.* in it or above it); posts opened are checked on their own`;
  try {
    const site = await service.siteOfFolder(root);
    const config = await service.configOfFolder(root, site);
    if (config.broken) {
      const instead = config.file === undefined ? 'the preset\u2019s own settings apply' : 'the last config that could be read applies';
      return `the Hugo site at ${root}, config file ${config.broken.file}, which cannot be used (${config.broken.detail}): ${instead}, preset ${config.preset.name}`;
    }
    return `the Hugo site at ${root}, preset ${config.preset.name}, config file ${config.file ?? 'none (the preset\u2019s own settings)'}`;
  } catch (error) {
    return `the Hugo site at ${root}: ${(error as Error).message.split('\n')[0]}`;
  }
}
