import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { configJsonSchemaText } from '../../schemas/json-schema';
import { POST_KINDS } from '../../schemas/posts';
import { PRESETS } from '../../schemas/presets';
import { RULE_IDS } from '../../schemas/rules';
import { RULES, RULES_BY_ID } from '../../server/engine/rules';

const REPO = join(__dirname, '..', '..');

test('the committed JSON Schema of .postlintrc.json is the one generated from zod', () => {
  const committed = readFileSync(join(REPO, 'schemas', 'postlintrc.schema.json'), 'utf8');
  assert.equal(committed, configJsonSchemaText(), 'run npm run docs to regenerate schemas/postlintrc.schema.json');
  const schema = JSON.parse(committed);
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

test('every rule has one file, metadata, options, a docs page with a wrong and a right example, and a README row', () => {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  assert.deepEqual(RULES.map((rule) => rule.meta.id).sort(), [...RULE_IDS].sort());
  for (const rule of RULES) {
    const { id, description, defaultSeverity } = rule.meta;
    assert.ok(existsSync(join(REPO, 'server', 'engine', 'rules', `${id}.ts`)), `rule file for ${id}`);
    assert.ok(description.length > 10);
    const page = readFileSync(join(REPO, 'docs', 'rules', `${id}.md`), 'utf8');
    assert.match(page, new RegExp(`^# ${id}\\n`));
    assert.match(page, /## Wrong/);
    assert.match(page, /## Right/);
    assert.match(page, new RegExp(`Default severity: \\*\\*${defaultSeverity}\\*\\*`));
    assert.ok(readme.includes(`[\`${id}\`](docs/rules/${id}.md) | ${defaultSeverity} |`), `README row for ${id}`);
  }
});

test('a rule is fixable exactly when its docs page and its README row say it offers a fix', () => {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  for (const { meta } of RULES) {
    const page = readFileSync(join(REPO, 'docs', 'rules', `${meta.id}.md`), 'utf8');
    const pageSays = /^- Fixable: no\b/m.test(page) ? false : /^- Fixable:/m.test(page) ? true : undefined;
    assert.equal(pageSays, meta.fixable, `docs/rules/${meta.id}.md says whether it is fixable`);
    // The README's fix column is "—" for a rule with no fix.
    const row = readme.split('\n').find((line) => line.startsWith(`| [\`${meta.id}\`]`));
    assert.equal(row?.split(' | ')[2] !== '—', meta.fixable, `README row of ${meta.id}`);
  }
});

test('each rule is found by its id', () => {
  assert.equal(RULES_BY_ID.size, RULES.length);
  for (const rule of RULES) assert.equal(RULES_BY_ID.get(rule.meta.id), rule);
  assert.equal(RULES_BY_ID.get('link-insecure' as never)?.meta.defaultSeverity, 'warning');
});
