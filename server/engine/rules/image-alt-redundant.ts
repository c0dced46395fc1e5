import { defineRule } from '../rule';

// PLACEHOLDER: being written; reports nothing yet.
export default defineRule({
  meta: { id: 'image-alt-redundant', description: 'PLACEHOLDER', defaultSeverity: 'warning', fixable: false },
  check() {},
});
