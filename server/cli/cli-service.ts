import { createLanguageService, type LanguageService } from '../engine/service';
import { loadBuiltinTemplates } from '../node/builtin-templates';
import { NodeWorkspace } from '../node/node-workspace';

/** The engine as the CLI (and its worker threads) use it: the disk, files up to `maxFileSize` bytes, the built-in templates. */
export function cliService(configFile?: string, maxFileSize?: number): LanguageService {
  return createLanguageService({ workspace: new NodeWorkspace({ maxFileSize }), configFile, templates: loadBuiltinTemplates() });
}
