import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO } from '../helpers/cli';
import { diskSites } from '../helpers/disk-site';

const { temp, site } = diskSites('postlint-npm-package-');

/** npm with no network and none of the user's config: what the package needs must be in it. */
const OFFLINE = { ...process.env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', npm_config_userconfig: '/dev/null' };

test('the npm package: packed from a staging folder with no sources, tests or dependencies, it installs offline into a new project and `npx postlint check` checks a site', { timeout: 180_000 }, () => {
  const tarball = execFileSync(process.execPath, [join(REPO, 'npm-package.mjs'), '--out', join(temp, 'packed')], { encoding: 'utf8' }).trim();
  const listed = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
  assert.ok(listed.includes('package/dist/cli.js') && listed.includes('package/dist/cli.bundle.js') && listed.includes('package/schemas/templates/member-welcome.md'), listed.join('\n'));
  const unexpected = listed.filter((file) => !/^package\/(dist\/cli(\.bundle)?\.js|schemas\/(templates\/[\w-]+\.md|postlintrc\.schema\.json)|docs\/(rules\/)?[\w-]+\.md|README\.md|LICENSE|SECURITY\.md|package\.json)$/.test(file));
  assert.deepEqual(unexpected, [], 'nothing but the bundle, templates, schema and docs');
  const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
  assert.deepEqual([manifest.dependencies, manifest.bin], [undefined, { postlint: 'dist/cli.js' }]);

  const project = join(temp, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), '{ "name": "a-blog", "private": true }\n');
  execFileSync('npm', ['install', '--save-dev', '--offline', tarball], { cwd: project, env: OFFLINE, stdio: 'pipe' });
  const root = site('blog', { 'content/posts/p.md': '---\ntitle: Tides\ndate: 2025-01-01\n---\n\nRead [here](http://tides.example/) and [the charts](/charts/).\n' });
  const run = spawnSync('npx', ['--offline', '--no-install', 'postlint', 'check', root, '--format', 'json'], { cwd: project, env: OFFLINE, encoding: 'utf8' });
  assert.equal(run.status, 1, run.stderr);
  const messages = JSON.parse(run.stdout).flatMap((report: { messages: { ruleId: string }[] }) => report.messages.map((message) => message.ruleId));
  assert.deepEqual(messages.sort(), ['link-broken-local', 'link-descriptive-text', 'link-insecure']);
  const version = spawnSync('npx', ['--offline', '--no-install', 'postlint', '--version'], { cwd: project, env: OFFLINE, encoding: 'utf8' });
  assert.equal(version.stdout, `${manifest.version}\n`);
});
