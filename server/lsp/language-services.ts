import { NodeWorkspace } from '../node/node-workspace';
import { nodeLanguageService } from '../node/language-service';
import type { LanguageService } from '../engine/language-service';
import type { Workspace } from '../engine/types';
import type { ExternalVerdict } from '../engine/links/external';
import { toUri } from './convert';

/**
 * One language service per `postlint.configFile` value (most workspaces have one), all
 * reading the disk through a workspace in which open documents take the place of
 * their files, so unsaved text is what gets checked.
 */
export class LanguageServices {
  private readonly services = new Map<string, LanguageService>();
  readonly workspace: Workspace;
  /** The disk alone, for posts read from it (whole-site checks, closed files): each within its site. */
  readonly disk = new NodeWorkspace();
  /**
   * Whether the editor trusts the folder (`trustOf`); set before the first language service is made.
   * Untrusted, the `postlint.configFile` setting (which the folder's own settings may
   * give) is ignored, and so are the site's own template files: see `trustNotice`.
   */
  trusted = true;
  /**
   * What "Check External Links in This Post" found, by URL, for every service: kept for the
   * session, so that a post checked again (as it is edited) keeps its link-dead findings.
   */
  private readonly externalVerdicts = new Map<string, ExternalVerdict>();

  constructor(openText: (uri: string) => string | undefined) {
    this.workspace = withOpenDocuments(this.disk, openText);
  }

  get(configFile: string): LanguageService {
    const file = this.trusted ? configFile : '';
    let service = this.services.get(file);
    if (!service) {
      // A config being edited is broken now and then: the posts keep their problems meanwhile (the CLI fails instead).
      service = nodeLanguageService({
        workspace: this.workspace,
        configFile: file || undefined,
        useSiteTemplates: this.trusted,
        brokenConfig: 'fall back',
        externalVerdicts: this.externalVerdicts,
      });
      this.services.set(file, service);
    }
    return service;
  }

  /** Verdicts of the dead-link check, newer ones in place of older. */
  addVerdicts(verdicts: Iterable<[string, ExternalVerdict]>): void {
    for (const [key, verdict] of verdicts) this.externalVerdicts.set(key, verdict);
  }

  /** Forget what was read from disk: a config, an authors file or a page changed. */
  invalidate(): void {
    this.disk.forget();
    for (const service of this.services.values()) service.invalidate();
  }
}

/**
 * The disk, with open documents in place of their files. Within a site, the disk's
 * part is confined to it (`NodeWorkspace.within`); open documents are the editor's,
 * what the person sees, and are taken as they are, up to the same size limit.
 */
function withOpenDocuments(disk: NodeWorkspace, openText: (uri: string) => string | undefined): Workspace {
  return {
    readFile: async (path) => {
      const open = openText(toUri(path));
      if (open === undefined) return disk.readFile(path);
      return exceedsSize(open, disk.maxFileSize) ? undefined : open;
    },
    stat: (path) => disk.stat(path),
    readDirectory: (path) => disk.readDirectory(path),
    within: (root) => withOpenDocuments(disk.within(root), openText),
  };
}

/** Whether a text takes more than `maxSize` bytes as UTF-8, without encoding it when its length already tells. */
export function exceedsSize(text: string, maxSize: number): boolean {
  // A UTF-16 code unit takes one to three bytes in UTF-8.
  if (text.length > maxSize) return true;
  if (text.length * 3 <= maxSize) return false;
  return Buffer.byteLength(text, 'utf8') > maxSize;
}
