import { createLanguageService, type LanguageService } from '../engine/language-service';
import type { Workspace } from '../engine/types';
import type { ExternalVerdicts } from '../engine/links/external';
import { loadBuiltinTemplates } from './builtin-templates';
import { NodeWorkspace } from './node-workspace';

export interface NodeLanguageServiceOptions {
  /** What the engine reads through; default the disk, with files up to `maxFileSize` bytes. */
  workspace?: Workspace;
  maxFileSize?: number;
  /** A config file that replaces discovery (`--config`, `postlint.configFile`). */
  configFile?: string;
  /** Whether the site's own template files may be read (false in a folder the editor does not trust). */
  useSiteTemplates?: boolean;
  /** What a broken config file does (`LanguageServiceOptions.brokenConfig`): the language server falls back. */
  brokenConfig?: 'fail' | 'fall back';
  /** What the dead-link check found (`LanguageServiceOptions.externalVerdicts`): filled in as it runs, read at each check. */
  externalVerdicts?: ExternalVerdicts;
}

let builtinTemplates: ReturnType<typeof loadBuiltinTemplates> | undefined;

/**
 * The language service as the CLI, its worker threads and the language server make it
 * on Node: the disk (or a workspace over it) and the built-in templates, read once.
 */
export function nodeLanguageService(options: NodeLanguageServiceOptions = {}): LanguageService {
  builtinTemplates ??= loadBuiltinTemplates();
  return createLanguageService({
    workspace: options.workspace ?? new NodeWorkspace({ maxFileSize: options.maxFileSize }),
    configFile: options.configFile,
    templates: builtinTemplates,
    useSiteTemplates: options.useSiteTemplates,
    brokenConfig: options.brokenConfig,
    externalVerdicts: options.externalVerdicts,
  });
}
