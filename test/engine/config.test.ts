import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from '../../server/engine/config/config';
import { MemoryWorkspace, serviceFor } from '../helpers/memory-workspace';

const POST = '---\ntitle: A\ndate: 2025-01-01\nauthor: zed\n---\n';

test('config: the nearest .postlintrc.json applies, without cascading', async () => {
  const workspace = new MemoryWorkspace({
    '/s/hugo.yaml': 'baseURL: https://example.org/\n',
    '/s/data/authors.yaml': 'amy: {}\n',
    '/s/.postlintrc.json': '{ "rules": { "date-filename-mismatch": "off" } }',
    '/s/content/blog/team/.postlintrc.json': '// comments are allowed\n{ "authors": ["zed"], }',
    '/s/content/blog/team/a.md': POST,
    '/s/content/blog/b.md': POST,
  });
  const service = serviceFor(workspace);
  const near = await service.settingsFor('/s/content/blog/team/a.md', POST);
  assert.equal(near.configFile, '/s/content/blog/team/.postlintrc.json');
  assert.equal(near.rules['date-filename-mismatch'].severity, 'warning', 'the root file does not cascade into the nearer one');
  assert.deepEqual((await service.check('/s/content/blog/team/a.md', POST)).diagnostics, []);
  const far = await service.check('/s/content/blog/b.md', POST);
  assert.deepEqual(far.diagnostics.map((d) => d.ruleId), ['author-unknown']);
});

test('config: discovery stops at the site root', async () => {
  const workspace = new MemoryWorkspace({
    '/outer/.postlintrc.json': '{ "rules": { "author-unknown": "off" } }',
    '/outer/s/hugo.yaml': 'title: x\n',
    '/outer/s/content/posts/a.md': POST,
  });
  const settings = await serviceFor(workspace).settingsFor('/outer/s/content/posts/a.md', POST);
  assert.equal(settings.configFile, undefined);
});

test('config: extends picks the preset; without it the baseURL does', async () => {
  const base = { '/s/config/_default/hugo.yaml': 'title: x\n', '/s/config/production/hugo.yaml': 'baseURL: https://todogroup.org\n', '/s/content/en/blog/a.md': POST };
  assert.equal((await serviceFor(new MemoryWorkspace(base)).settingsFor('/s/content/en/blog/a.md', POST)).preset, 'todogroup');
  const overridden = new MemoryWorkspace({ ...base, '/s/.postlintrc.json': '{ "extends": "hugo" }' });
  assert.equal((await serviceFor(overridden).settingsFor('/s/content/en/blog/a.md', POST)).preset, 'hugo');
});

test('config: a broken file is a ConfigError with the zod path, never a crash', async () => {
  const cases: [string, RegExp][] = [
    ['{ "rules": { "no-such-rule": "off" } }', /rules\.no-such-rule: There is no rule “no-such-rule”\. The rules are listed in the README/],
    ['{ "rules": { "link-insecur": "off" } }', /rules\.link-insecur: There is no rule “link-insecur”\. Did you mean “link-insecure”\?/],
    ['{ "rules": { "link-insecure": "of" } }', /rules\.link-insecure: “of” is not a setting of the rule\. Write "error", "warn" or "off"/],
    ['{ "postz": [] }', /postz: “postz” is not a setting\. Did you mean “posts”\?/],
    ['{ "rules": { "link-insecure": ["warn", { "allowHost": [] }] } }', /rules\.link-insecure\.1\.allowHost: “allowHost” is not an option of link-insecure\. Did you mean “allowHosts”\?/],
    ['{ "rules": { "frontmatter-unknown-key": ["warn", { "mode": "some" }] } }', /rules\.frontmatter-unknown-key\.1\.mode: “some” is not a value “mode” takes\. Write one of “all” or “typos”/],
    ['{ "extends": "jekyll" }', /extends: “jekyll” is not a value “extends” takes\. Write one of “hugo” or “todogroup”/],
    ['{ "rules": ', /at line 1, column/],
  ];
  for (const [text, message] of cases) {
    const workspace = new MemoryWorkspace({ '/s/hugo.yaml': 'title: x\n', '/s/.postlintrc.json': text, '/s/content/posts/a.md': POST });
    await assert.rejects(serviceFor(workspace).check('/s/content/posts/a.md', POST), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.file, '/s/.postlintrc.json');
      assert.match(error.detail, message);
      return true;
    });
  }
});

test('config: kinds from the config replace the preset\'s matchers', async () => {
  const workspace = new MemoryWorkspace({
    '/s/hugo.yaml': 'title: x\n',
    '/s/.postlintrc.json': '{ "kinds": { "event-recap": { "titles": ["\\\\brecap\\\\b"] }, "member-welcome": { "files": ["content/posts/members/**"] } } }',
  });
  const service = serviceFor(workspace);
  const recap = await service.settingsFor('/s/content/posts/x.md', '---\ntitle: Summit recap\n---\n');
  assert.deepEqual([recap.kind, recap.kindSource], ['event-recap', 'title']);
  const member = await service.settingsFor('/s/content/posts/members/x.md', '---\ntitle: Hello\n---\n');
  assert.deepEqual([member.kind, member.kindSource], ['member-welcome', 'file name']);
  const named = await service.settingsFor('/s/content/posts/members/x.md', '---\ntitle: Hello\npostlint_kind: post\n---\n');
  assert.deepEqual([named.kind, named.kindSource], ['post', 'front matter']);
});

test('config: each rule gets its options parsed with its own schema, every default filled in', async () => {
  const workspace = new MemoryWorkspace({
    '/s/hugo.yaml': 'baseURL: https://example.org/\n',
    '/s/.postlintrc.json': '{ "rules": { "image-alt-length": ["warn", { "max": 200 }], "link-insecure": ["error", { "allowHosts": ["old.example"] }] } }',
    '/s/content/blog/a.md': POST,
  });
  const { rules } = await serviceFor(workspace).settingsFor('/s/content/blog/a.md', POST);
  assert.deepEqual(rules['image-alt-length'], { severity: 'warning', options: { max: 200 } });
  assert.deepEqual(rules['link-insecure'].options, { allowHosts: ['old.example'], httpsHosts: [] }, 'the option not given gets its default');
  assert.deepEqual(rules['link-tracking-params'].options, { params: [], allow: [] }, 'a rule the file does not name gets its defaults');
  assert.deepEqual(rules['frontmatter-unknown-key'].options, { allow: [] }, 'mode has no default: the preset decides');
  assert.deepEqual(rules['text-mojibake'].options, {});
});

test('config: an option its rule does not take is an error naming the option', async () => {
  const workspace = new MemoryWorkspace({
    '/s/hugo.yaml': 'baseURL: https://example.org/\n',
    '/s/.postlintrc.json': '{ "rules": { "image-alt-length": ["warn", { "max": 0 }], "link-insecure": ["warn", { "hosts": [] }] } }',
    '/s/content/blog/a.md': POST,
  });
  await assert.rejects(serviceFor(workspace).check('/s/content/blog/a.md', POST), (error: unknown) => {
    assert.ok(error instanceof ConfigError);
    assert.match(error.detail, /rules\.image-alt-length\.1\.max: “max” is too small\. It should be more than 0/);
    // Two options end in `Hosts`: neither is said to be meant.
    assert.match(error.detail, /rules\.link-insecure\.1\.hosts: “hosts” is not an option of link-insecure\. See docs\/rules\/link-insecure\.md for its options/);
    return true;
  });
});

test('config: a preset sets rules\' severities over their defaults, and the config file over the preset', async () => {
  const { PRESETS } = await import('../../schemas/presets');
  const { RULE_IDS } = await import('../../server/engine/rules');
  for (const preset of Object.values(PRESETS)) for (const id of Object.keys(preset.rules ?? {})) assert.ok((RULE_IDS as readonly string[]).includes(id), `${preset.name}: ${id} is a rule`);
  const severity = async (files: Record<string, string>) =>
    (await serviceFor(new MemoryWorkspace({ '/s/content/posts/a.md': POST, ...files })).settingsFor('/s/content/posts/a.md', POST)).rules['frontmatter-key-case'].severity;
  assert.equal(await severity({ '/s/hugo.yaml': 'baseURL: https://example.org/\n' }), 'off');
  assert.equal(await severity({ '/s/hugo.yaml': 'baseURL: https://todogroup.org/\n' }), 'warning');
  assert.equal(await severity({ '/s/hugo.yaml': 'title: x\n', '/s/.postlintrc.json': '{ "rules": { "frontmatter-key-case": "error" } }' }), 'error');
  assert.equal(await severity({ '/s/hugo.yaml': 'baseURL: https://todogroup.org/\n', '/s/.postlintrc.json': '{ "rules": { "frontmatter-key-case": 0 } }' }), 'off');
});
