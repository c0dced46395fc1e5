import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { generatedFiles } from '../../docs/generate';
import { POST_KINDS } from '../../schemas/posts';
import { PRESETS } from '../../schemas/presets';
import { RULE_IDS, RULES, RULES_BY_ID } from '../../server/engine/rules';

const REPO = join(__dirname, '..', '..');

test('the generated files (JSON Schema, rule pages\' headers, README rule table) are as npm run docs makes them', () => {
  const files = generatedFiles(REPO);
  assert.ok(files.length >= RULES.length + 2, 'one page per rule, the README and the JSON Schema');
  for (const { path, text } of files) assert.equal(readFileSync(join(REPO, path), 'utf8'), text, `${path} is stale: run npm run docs`);
  const schema = JSON.parse(readFileSync(join(REPO, 'schemas', 'postlintrc.schema.json'), 'utf8'));
  assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), [...RULE_IDS].sort());
});

test('every field of every preset and kind has a description (hover and docs use them)', () => {
  for (const preset of Object.values(PRESETS)) {
    for (const kind of POST_KINDS) {
      for (const [key, field] of Object.entries(preset.schema(kind).shape)) {
        assert.ok(field.description && field.description.length > 10, `${preset.name}/${kind}/${key}`);
      }
    }
  }
});

test('every rule has one file, metadata, a docs page with a wrong and a right example, and a README row', () => {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  for (const rule of RULES) {
    const { id, description, defaultSeverity } = rule.meta;
    assert.ok(existsSync(join(REPO, 'server', 'engine', 'rules', `${id}.ts`)), `rule file for ${id}`);
    assert.ok(description.length > 10);
    const page = readFileSync(join(REPO, 'docs', 'rules', `${id}.md`), 'utf8');
    assert.match(page, new RegExp(`^# ${id}\\n`));
    assert.match(page, /## Wrong/);
    assert.match(page, /## Right/);
    assert.match(page, new RegExp(`Default severity: \\*\\*${defaultSeverity}\\*\\*`));
    // A preset that gives the rule another severity is named after the default: `warning (off in the `hugo` preset)`.
    const row = `[\`${id}\`](docs/rules/${id}.md) | ${defaultSeverity}`;
    assert.ok(readme.includes(`${row} |`) || readme.includes(`${row} (`), `README row for ${id}`);
  }
});

test('a rule gives way only to other rules, each a rule that exists', () => {
  for (const { meta } of RULES) {
    for (const other of meta.yieldsTo ?? []) {
      assert.notEqual(other, meta.id);
      assert.ok(RULES_BY_ID.has(other as never), `${meta.id} yields to ${other}, which is no rule`);
    }
  }
});

test('every option has a description, and an option without a default says what decides it', () => {
  for (const { meta, options } of RULES) {
    for (const [name, field] of Object.entries(options.shape)) {
      const description = (field as { description?: string }).description ?? '';
      assert.ok(description.length > 10, `${meta.id}.${name} has a description`);
      const hasDefault = (field as { def: { type: string } }).def.type === 'default';
      assert.ok(hasDefault || /Default:/.test(description), `${meta.id}.${name}: a default, or a description that says what decides it`);
    }
  }
});

test('each rule is found by its id', () => {
  assert.equal(RULES_BY_ID.size, RULES.length);
  for (const rule of RULES) assert.equal(RULES_BY_ID.get(rule.meta.id), rule);
  assert.equal(RULES_BY_ID.get('link-insecure' as never)?.meta.defaultSeverity, 'warning');
});
