import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { blogPosts, checkCorpusBlog, corpusMissing, TODO_BLOG } from '../helpers/corpus';

const FRONT_MATTER_RULES = ['frontmatter-missing', 'frontmatter-syntax', 'frontmatter-schema', 'frontmatter-unknown-key', 'author-unknown', 'date-filename-mismatch'];

/**
 * The front matter findings on the real TODO Group blog, one line each:
 * `file:line:column rule-id`. Written and reviewed by hand against the corpus
 * README's known facts; never regenerated from Postlint's output.
 */
const GOLDEN = join(__dirname, '..', 'golden', 'todogroup-frontmatter.txt');

test('todogroup corpus: front matter findings are exactly the known defects', { skip: corpusMissing() }, async () => {
  const results = await checkCorpusBlog();
  assert.equal(results.size, 136, 'the blog has 136 posts');
  const found: string[] = [];
  for (const [name, diagnostics] of results) {
    for (const d of diagnostics) {
      if (FRONT_MATTER_RULES.includes(d.ruleId)) found.push(`${name}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.ruleId}`);
    }
  }
  const expected = readFileSync(GOLDEN, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));
  assert.deepEqual(found.sort(), expected.sort());
});

test('todogroup corpus: the ranges and messages of the known defects', { skip: corpusMissing() }, async () => {
  const results = await checkCorpusBlog();
  const text = (name: string) => readFileSync(join(TODO_BLOG, name), 'utf8');
  const covered = (name: string, ruleId: string) => {
    const d = results.get(name)!.find((item) => item.ruleId === ruleId);
    assert.ok(d, `${ruleId} in ${name}`);
    const line = text(name).split('\n')[d.range.start.line];
    return { covered: line.slice(d.range.start.character, d.range.end.character), message: d.message };
  };
  assert.deepEqual(covered('ospology-the-study-of-ospos.md', 'frontmatter-unknown-key').covered, 'Title');
  assert.match(covered('ospology-the-study-of-ospos.md', 'frontmatter-unknown-key').message, /did you mean `title`/);
  assert.deepEqual(covered('industry-academic-ospo.md', 'author-unknown').covered, 'anajs');
  assert.match(covered('industry-academic-ospo.md', 'author-unknown').message, /did you mean `anajsana`/);
  assert.deepEqual(covered('ospo-roadshow-china.md', 'author-unknown').covered, 'zhiqiangyu');
  assert.match(covered('code-cert-announcement.md', 'frontmatter-schema').message, /`title` should be a title without spaces at its start or end; found `"New Certification.*\(CODE\) "`/);
  assert.match(covered('todo-member-block.md', 'frontmatter-schema').message, /`title` should be a title without double spaces/);
  assert.equal(results.get('end-of-year-2025.md')!.some((d) => d.ruleId === 'frontmatter-missing'), false);
});

test('todogroup corpus: the preset recognises the member welcomes by their titles', { skip: corpusMissing() }, async () => {
  const { createLanguageService } = await import('../../server/engine/service');
  const { NodeWorkspace } = await import('../../server/cli/node-workspace');
  const service = createLanguageService({ workspace: new NodeWorkspace() });
  const welcomes: string[] = [];
  for (const name of blogPosts()) {
    const path = join(TODO_BLOG, name);
    const settings = await service.settingsFor(path, readFileSync(path, 'utf8'));
    assert.equal(settings.preset, 'todogroup');
    if (settings.kind === 'member-welcome') welcomes.push(name);
  }
  assert.deepEqual(welcomes.sort(), [
    'ipajapan-todo-member.md',
    'new-member-goldman-sachs.md',
    'todo-member-block.md',
    'todo-member-george-washington-university.md',
    'todo-member-hitachi.md',
    'todo-member-honda.md',
    'todo-member-intersect.md',
    'welcome-new-generalmember.md',
  ]);
});
