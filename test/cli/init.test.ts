import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseConfigText } from '../../server/engine/config/config';
import { starterConfig } from '../../server/engine/config/starter-config';
import { runCli } from '../helpers/cli';
import { diskSites } from '../helpers/disk-site';
import { hugoSite, serviceFor, SITE } from '../helpers/memory-workspace';

const { temp, site } = diskSites('postlint-init-');

test('init: writes .postlintrc.json at the root of the site around the folder, with the preset the site implies, and prints its path', async () => {
  const root = site('garden', { 'hugo.yaml': 'baseURL: https://garden.example/\n', 'content/blog/first.md': '---\ntitle: First\ndate: 2025-01-01\n---\n\nWords.\n' });
  const run = await runCli(['init', 'content/blog'], root);
  assert.equal(run.code, 0, run.stderr);
  const file = join(root, '.postlintrc.json');
  assert.equal(run.stdout, `${file}\n`);
  const config = parseConfigText(file, readFileSync(file, 'utf8'));
  assert.equal(config.extends, 'hugo');
  // The site checks with it as it did without.
  assert.equal((await runCli(['check', 'content/blog', '--format', 'json'], root)).code, 0);
});

test('init: never writes over a config file, and says so; no site, no file', async () => {
  const root = site('kept', { 'hugo.yaml': 'baseURL: https://kept.example/\n', '.postlintrc.json': '{ "extends": "hugo", "rules": { "link-insecure": "off" } }\n' });
  const run = await runCli(['init'], root);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /\.postlintrc\.json exists: Postlint never overwrites a config file/);
  assert.match(readFileSync(join(root, '.postlintrc.json'), 'utf8'), /link-insecure/);
  // A folder with no Hugo config in it or above it (diskSites' sites all have one).
  const bare = join(temp, 'no-site');
  mkdirSync(bare);
  const none = await runCli(['init'], bare);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /no Hugo site here/);
});

test('starter config: the TODO Group\u2019s site gets its preset; the schema is referenced where the site installed the npm package', async () => {
  const todo = hugoSite({}, { baseURL: 'https://todogroup.org/' });
  const service = serviceFor(todo);
  const plain = await service.starterConfig(SITE);
  assert.equal(plain?.file, `${SITE}/.postlintrc.json`);
  assert.equal(parseConfigText(plain!.file, plain!.text).extends, 'todogroup');
  assert.doesNotMatch(plain!.text, /\$schema/);
  todo.files.set(`${SITE}/node_modules/postlint/schemas/postlintrc.schema.json`, '{}');
  const site = await service.siteFor(`${SITE}/content/blog/p.md`);
  const withSchema = await starterConfig(site, todo);
  assert.equal(parseConfigText(withSchema.file, withSchema.text).$schema, './node_modules/postlint/schemas/postlintrc.schema.json');
});
