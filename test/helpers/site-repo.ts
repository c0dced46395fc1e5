import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO } from './cli';
import { writeFiles } from './disk-site';

/** npm with no network and none of the user's config: what a site installs must come from the tarball. */
export const OFFLINE_NPM = {
  ...process.env,
  npm_config_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  npm_config_userconfig: '/dev/null',
};

/** git with fixed identity and none of the user's config. */
export function git(cwd: string, ...args: string[]): string {
  const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'init.defaultBranch=main', ...args], { cwd, env, encoding: 'utf8' });
}

/**
 * A site's git repository as CI checks it out: the site in `siteFolder` with postlint
 * as a devDependency, installed from this repository's packed npm package (npm run
 * pack:npm), which the repository keeps in vendor/; its package-lock.json committed,
 * its node_modules not (git ignores it). With `installed`, node_modules stays, as
 * after a developer's `npm install`; else it is removed, as in a fresh checkout for
 * CI's `npm ci`. Needs `npm run build` first.
 */
export function siteRepository(root: string, siteFolder: string, files: Record<string, string>, { installed = false } = {}): void {
  mkdirSync(join(root, 'vendor'), { recursive: true });
  const tarball = execFileSync(process.execPath, [join(REPO, 'npm-package.mjs'), '--out', join(root, 'vendor')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  const site = join(root, siteFolder);
  writeFiles(root, { '.gitignore': 'node_modules/\n', [`${siteFolder}/package.json`]: '{ "name": "a-site", "private": true }\n' });
  writeFiles(site, files);
  execFileSync('npm', ['install', '--save-dev', `file:${relative(site, tarball)}`], { cwd: site, env: OFFLINE_NPM, stdio: 'pipe' });
  if (!installed) rmSync(join(site, 'node_modules'), { recursive: true, force: true });
  git(root, 'init', '--quiet');
  git(root, 'add', '--all');
  git(root, 'commit', '--quiet', '--message', 'The site');
}
