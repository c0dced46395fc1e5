import { NodeWorkspace } from '../cli/node-workspace';
import { loadBuiltinTemplates } from '../cli/builtin-templates';
import { createLanguageService, type LanguageService } from '../engine/service';
import type { Workspace } from '../engine/types';
import { toUri } from './convert';

/**
 * One engine per `postlint.configFile` value (most workspaces have one), all
 * reading the disk through a workspace in which open documents take the place of
 * their files, so unsaved text is what gets checked.
 */
export class Engines {
  private readonly services = new Map<string, LanguageService>();
  private readonly templates = loadBuiltinTemplates();
  readonly workspace: Workspace;

  constructor(openText: (uri: string) => string | undefined) {
    const disk = new NodeWorkspace();
    this.workspace = {
      readFile: async (path) => openText(toUri(path)) ?? disk.readFile(path),
      stat: (path) => disk.stat(path),
      readDirectory: (path) => disk.readDirectory(path),
    };
  }

  get(configFile: string): LanguageService {
    let service = this.services.get(configFile);
    if (!service) {
      service = createLanguageService({ workspace: this.workspace, configFile: configFile || undefined, templates: this.templates });
      this.services.set(configFile, service);
    }
    return service;
  }

  /** Forget what was read from disk: a config, an authors file or a page changed. */
  invalidate(): void {
    for (const service of this.services.values()) service.invalidate();
  }
}
