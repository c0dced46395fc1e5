import { defineRule } from '../rule';

// PLACEHOLDER: being written; reports nothing yet.
export default defineRule({
  meta: { id: 'image-alt-missing', description: 'PLACEHOLDER', defaultSeverity: 'warning', fixable: false },
  check() {},
});
