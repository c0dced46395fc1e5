import { CONFIG_FILE_NAME } from './config';
import { join } from '../site/paths';
import type { Site } from '../site/site';
import type { Workspace } from '../types';

/** Where the npm package keeps the config file's JSON Schema, from a site that installed it (`npm install --save-dev postlint`). */
const INSTALLED_SCHEMA = 'node_modules/postlint/schemas/postlintrc.schema.json';

/** A new `.postlintrc.json` for a site: where it goes and its text. */
export interface StarterConfig {
  file: string;
  text: string;
}

/**
 * The config file `postlint init` and the editor's "Create .postlintrc.json" write: the
 * preset the site implies (`todogroup` for the TODO Group's site, else `hugo`), named
 * so that it stays when the site moves, and the schema's reference where the site has
 * installed the npm package (VS Code's extension knows the schema without it). Only
 * the site's own folder is looked in.
 */
export async function starterConfig(site: Site, workspace: Workspace): Promise<StarterConfig> {
  const schema = (await workspace.stat(join(site.root, INSTALLED_SCHEMA))) === 'file';
  const lines = [
    '{',
    ...(schema ? ['  // Editors complete and check this file with its JSON Schema.', `  "$schema": "./${INSTALLED_SCHEMA}",`] : []),
    '  // The rules, their severities and the kinds of post Postlint starts from: see the README.',
    `  "extends": "${site.impliedPreset}",`,
    '  // A rule\u2019s severity or options, by its id: "error", "warn", "off", or ["warn", { options }].',
    '  "rules": {}',
    '}',
  ];
  return { file: join(site.root, CONFIG_FILE_NAME), text: `${lines.join('\n')}\n` };
}
