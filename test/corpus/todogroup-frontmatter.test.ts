import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { blogPosts, checkCorpusBlog, corpusTest, TODO_BLOG } from '../helpers/corpus';

const FRONT_MATTER_RULES = ['frontmatter-missing', 'frontmatter-syntax', 'frontmatter-schema', 'frontmatter-unknown-key', 'frontmatter-key-case', 'author-unknown', 'date-filename-mismatch'];

/**
 * The front matter findings on the real TODO Group blog, one line each:
 * `file:line:column rule-id`. Written and reviewed by hand against the corpus
 * README's known facts; never regenerated from Postlint's output.
 */
const GOLDEN = join(__dirname, '..', 'golden', 'todogroup-frontmatter.txt');

corpusTest('todogroup corpus: front matter findings are exactly the known defects', {}, async () => {
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

/**
 * Each front matter finding whole: where, the text it covers, its message. The
 * facts are the README's; `anajs` is the start of `anajsana`, a key of
 * data/authors.yaml, and `zhiqiangyu` is near none of its keys. `Title:` is the
 * post's title to Hugo, which reads keys in any case: the todogroup preset asks
 * for the schema's spelling (a warning), and the title is not missing.
 */
const FRONT_MATTER_FINDINGS = [
  'code-cert-announcement.md:2:8 "\\"New Certification: Certified Open Source Developer for Enterprise (CODE) \\"" frontmatter-schema: “title” has spaces at its start or end: found “"New Certification: Certified Op…rprise (CODE) "”. Remove them.',
  'industry-academic-ospo.md:3:9 "anajs" author-unknown: “anajs” is not an author of this site. Did you mean “anajsana”? Use a key of data/authors.yaml.',
  'ospo-roadshow-china.md:3:9 "zhiqiangyu" author-unknown: “zhiqiangyu” is not an author of this site. Use a key of data/authors.yaml, or add the author there.',
  'ospology-the-study-of-ospos.md:2:1 "Title" frontmatter-key-case: “Title” is spelt “title” in the schema. Hugo reads both, but write “title” so that every post, and every tool that reads the file, spells the key one way.',
  'todo-member-block.md:2:8 "\\"Welcoming  Block to the TODO Group\\"" frontmatter-schema: “title” has double spaces: found “"Welcoming  Block to the TODO Group"”. Leave one space between words.',
];

corpusTest('todogroup corpus: the ranges and messages of the known defects', {}, async () => {
  const results = await checkCorpusBlog();
  const found: string[] = [];
  for (const [name, diagnostics] of results) {
    const lines = readFileSync(join(TODO_BLOG, name), 'utf8').split('\n');
    for (const d of diagnostics.filter((item) => FRONT_MATTER_RULES.includes(item.ruleId))) {
      const covered = lines[d.range.start.line].slice(d.range.start.character, d.range.end.character);
      found.push(`${name}:${d.range.start.line + 1}:${d.range.start.character + 1} ${JSON.stringify(covered)} ${d.ruleId}: ${d.message}`);
    }
  }
  assert.deepEqual(found.sort(), FRONT_MATTER_FINDINGS);
  // A blank line before the opening --- is accepted, as Hugo accepts it (README).
  assert.deepEqual(results.get('end-of-year-2025.md')!.filter((d) => FRONT_MATTER_RULES.includes(d.ruleId)), []);
});

corpusTest('todogroup corpus: the preset recognises the member welcomes by their titles', {}, async () => {
  const { createLanguageService } = await import('../../server/engine/language-service');
  const { NodeWorkspace } = await import('../../server/node/node-workspace');
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
