import { cpSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const REPO = join(__dirname, '..', '..');
/** The bundled extension-host suite (node test/vscode/build.mjs writes it). */
export const SUITE_INDEX = join(REPO, 'dist', 'vscode-tests', 'index.js');

/** A copy of examples/site in `parent`, for VS Code to open: the tests change the files they open. */
export function copyExampleSite(parent: string, name = 'site'): string {
  const site = join(parent, name);
  cpSync(join(REPO, 'examples', 'site'), site, { recursive: true });
  return realpathSync(site);
}

/**
 * User settings that keep VS Code quiet and the same on every run: no trust dialog (it blocks every
 * click until answered), no welcome page, no telemetry, update or extension-gallery checks.
 */
export const TEST_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
};

export function writeUserSettings(userDataDir: string, settings: object = TEST_SETTINGS): void {
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}
