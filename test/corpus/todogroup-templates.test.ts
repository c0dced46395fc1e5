import assert from 'node:assert/strict';
import { checkCorpusBlog, corpusTest } from '../helpers/corpus';

/** The corpus README's counts for the heading rules, and the member welcomes' known deviations. */
corpusTest('todogroup corpus: heading and template findings', {}, async () => {
  const results = await checkCorpusBlog();
  const posts = (ruleId: string) => [...results].filter(([, diagnostics]) => diagnostics.some((d) => d.ruleId === ruleId)).map(([name]) => name);
  const count = (ruleId: string) => [...results.values()].flat().filter((d) => d.ruleId === ruleId).length;

  assert.equal(posts('heading-increment').length, 9, 'nine posts go from the title to H3');
  assert.equal(count('heading-title-duplicate'), 26, '26 body H1s');

  // README: the 2021 and 2024 welcomes are free-form; Honda and GWU have no representatives section. On the title (line 2, after `title: `).
  const structure = [...results].flatMap(([name, diagnostics]) =>
    diagnostics.filter((d) => d.ruleId === 'template-structure').map((d) => `${name}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`),
  );
  const noAbout = 'This member welcome has no “About” section. End it with a heading such as “## About <your site>” and the site\u2019s standard text.';
  const noRepresentatives = 'This member welcome has no representatives section. Add a heading such as “## Representatives” naming the people who will represent the member.';
  assert.deepEqual(structure.sort(), [
    `new-member-goldman-sachs.md:2:8 ${noRepresentatives}`,
    `new-member-goldman-sachs.md:2:8 ${noAbout}`,
    `todo-member-george-washington-university.md:2:8 ${noRepresentatives}`,
    `todo-member-honda.md:2:8 ${noRepresentatives}`,
    `welcome-new-generalmember.md:2:8 ${noRepresentatives}`,
    `welcome-new-generalmember.md:2:8 ${noAbout}`,
  ]);
  assert.equal(count('template-placeholder'), 0, 'no placeholder in published posts');
});
