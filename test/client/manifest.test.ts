import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { commands, type PostlintContext } from '../../client/commands';
import { settingsSchema } from '../../schemas/settings';
import { RULES } from '../../server/engine/rules';

/**
 * The extension manifest against its sources. package.json is read by VS Code as
 * it is, so it repeats the settings of schemas/settings.ts; this test fails when
 * they drift apart (as rust-analyzer's does). To rewrite package.json's settings
 * from the schema: POSTLINT_UPDATE_MANIFEST=1 node --import tsx --test test/client/manifest.test.ts
 */

const REPO = join(__dirname, '..', '..');
const MANIFEST = join(REPO, 'package.json');
const manifest = () => JSON.parse(readFileSync(MANIFEST, 'utf8'));

type JsonSchema = { type?: string; properties?: Record<string, JsonSchema>; [key: string]: unknown };

/** The order VS Code's own manifests use; any other key follows. */
const KEY_ORDER = ['type', 'enum', 'enumDescriptions', 'default', 'scope', 'description', 'markdownDescription'];

/** `contributes.configuration.properties` as schemas/settings.ts defines them: nested objects become dotted names. */
function contributedSettings(): Record<string, Record<string, unknown>> {
  const properties: Record<string, Record<string, unknown>> = {};
  const visit = (schema: JsonSchema, name: string) => {
    if (schema.type === 'object' && schema.properties) {
      for (const [key, child] of Object.entries(schema.properties)) visit(child, name ? `${name}.${key}` : key);
      return;
    }
    const keys = Object.keys(schema).sort((a, b) => rank(a) - rank(b));
    properties[`postlint.${name}`] = Object.fromEntries(keys.map((key) => [key, schema[key]]));
  };
  const rank = (key: string) => (KEY_ORDER.includes(key) ? KEY_ORDER.indexOf(key) : KEY_ORDER.length);
  visit(z.toJSONSchema(settingsSchema, { target: 'draft-7', io: 'input' }) as JsonSchema, '');
  return properties;
}

test('package.json contributes the settings of schemas/settings.ts', () => {
  const expected = contributedSettings();
  const pkg = manifest();
  const actual = pkg.contributes?.configuration?.properties;
  if (process.env.POSTLINT_UPDATE_MANIFEST === '1' && !isDeepStrictEqual(actual, expected)) {
    pkg.contributes.configuration.properties = expected;
    writeFileSync(MANIFEST, `${JSON.stringify(pkg, null, 2)}\n`);
  }
  assert.deepEqual(
    actual,
    expected,
    'package.json\u2019s settings differ from schemas/settings.ts: run POSTLINT_UPDATE_MANIFEST=1 node --import tsx --test test/client/manifest.test.ts',
  );
  for (const [name, setting] of Object.entries(expected)) assert.ok(setting.description, `${name} has no description`);
});

test('the settings have the names, types and defaults the server reads', () => {
  assert.deepEqual(Object.keys(contributedSettings()).sort(), [
    'postlint.checkExternalOnSave',
    'postlint.configFile',
    'postlint.enable',
    'postlint.run',
    'postlint.trace.server',
    'postlint.validateWorkspace',
  ]);
  assert.deepEqual(settingsSchema.parse({}), { enable: true, run: 'onType', validateWorkspace: true, checkExternalOnSave: false, configFile: '', trace: { server: 'off' } });
});

test('package.json contributes the client\u2019s commands, titled as in the brief', () => {
  const ctx = { vscode: {}, client: {}, status: {} } as unknown as PostlintContext;
  const contributed = manifest().contributes.commands as { command: string; title: string; category: string }[];
  assert.deepEqual(contributed.map((command) => command.command).sort(), Object.keys(commands(ctx)).sort());
  assert.deepEqual(
    Object.fromEntries(contributed.map((command) => [command.command, `${command.category}: ${command.title}`])),
    {
      'postlint.checkWholeSite': 'Postlint: Check Whole Site',
      'postlint.newPost': 'Postlint: New Post\u2026',
      'postlint.showOutput': 'Postlint: Show Output',
      'postlint.createConfig': 'Postlint: Create .postlintrc.json',
      // Run by the quick fix "Show documentation for <rule>", with the rule id; not in the command palette.
      'postlint.showRuleDocs': 'Postlint: Show Rule Documentation',
      'postlint.checkExternalLinks': 'Postlint: Check External Links in This Post',
    },
  );
});

test('the extension activates on Markdown, on the config file and on a Hugo site, in VS Code 1.100 and later', () => {
  const pkg = manifest();
  // A Hugo site by its config file's names, one by one (a glob with braces did not start it in code-server).
  const hugoConfigs = ['', 'config/_default/'].flatMap((folder) => ['hugo', 'config'].flatMap((name) => ['toml', 'yaml', 'yml', 'json'].map((ext) => `workspaceContains:${folder}${name}.${ext}`)));
  assert.deepEqual(pkg.activationEvents, ['onLanguage:markdown', 'workspaceContains:**/.postlintrc.json', ...hugoConfigs]);
  assert.deepEqual(pkg.contributes.menus.commandPalette, [{ command: 'postlint.showRuleDocs', when: 'false' }]);
  // Since VS Code 1.74, contributed commands activate the extension without onCommand events.
  const [major, minor] = /^\^(\d+)\.(\d+)\.\d+$/.exec(pkg.engines.vscode)!.slice(1).map(Number);
  assert.ok(major === 1 && minor >= 74 && minor <= 100, `engines.vscode ${pkg.engines.vscode} must admit 1.100`);
  assert.equal(pkg.main, './dist/client.js');
  // vsce refuses @types/vscode newer than the engine.
  assert.ok(pkg.devDependencies['@types/vscode'] === pkg.engines.vscode);
});

test('the config file gets its JSON Schema and comments; an untrusted folder cannot set postlint.configFile', () => {
  const pkg = manifest();
  const [validation] = pkg.contributes.jsonValidation;
  assert.equal(validation.fileMatch, '.postlintrc.json');
  assert.ok(existsSync(join(REPO, validation.url)), validation.url);
  assert.deepEqual(pkg.contributes.languages, [{ id: 'jsonc', filenames: ['.postlintrc.json'] }]);
  const trust = pkg.capabilities.untrustedWorkspaces;
  assert.equal(trust.supported, 'limited');
  assert.ok(trust.description);
  // VS Code then ignores the folder's own value of the setting; the server ignores any value when untrusted (test/lsp/trust.test.ts).
  assert.deepEqual(trust.restrictedConfigurations, ['postlint.configFile']);
  for (const name of trust.restrictedConfigurations) assert.ok(name in contributedSettings(), name);
});

test('the .vsix holds every rule\u2019s page, which "Show documentation for <rule>" opens, and no other document', () => {
  // vsce lists what it would package, reading .vscodeignore as it does when it packages.
  const listed = execFileSync(process.execPath, [join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls'], { cwd: REPO, encoding: 'utf8' }).split('\n').filter(Boolean);
  const pages = listed.filter((file) => file.startsWith('docs/')).sort();
  assert.deepEqual(pages, RULES.map((rule) => `docs/rules/${rule.meta.id}.md`).sort());
});
