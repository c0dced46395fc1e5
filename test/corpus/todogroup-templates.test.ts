import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCorpusBlog, corpusMissing } from '../helpers/corpus';

/** The corpus README's counts for the heading rules, and the member welcomes' known deviations. */
test('todogroup corpus: heading and template findings', { skip: corpusMissing() }, async () => {
  const results = await checkCorpusBlog();
  const posts = (ruleId: string) => [...results].filter(([, diagnostics]) => diagnostics.some((d) => d.ruleId === ruleId)).map(([name]) => name);
  const count = (ruleId: string) => [...results.values()].flat().filter((d) => d.ruleId === ruleId).length;

  assert.equal(posts('heading-increment').length, 9, 'nine posts go from the title to H3');
  assert.equal(count('heading-title-duplicate'), 26, '26 body H1s');

  const structure = [...results].flatMap(([name, diagnostics]) =>
    diagnostics.filter((d) => d.ruleId === 'template-structure').map((d) => `${name}: ${/representatives/.test(d.message) ? 'representatives' : 'about'}`),
  );
  assert.deepEqual(structure.sort(), [
    'new-member-goldman-sachs.md: about',
    'new-member-goldman-sachs.md: representatives',
    'todo-member-george-washington-university.md: representatives',
    'todo-member-honda.md: representatives',
    'welcome-new-generalmember.md: about',
    'welcome-new-generalmember.md: representatives',
  ]);
  assert.equal(count('template-placeholder'), 0, 'no placeholder in published posts');
});
