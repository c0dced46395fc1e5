import { defineRule } from '../rule';

// PLACEHOLDER: being written; reports nothing yet.
export default defineRule({
  meta: { id: 'link-descriptive-text', description: 'PLACEHOLDER', defaultSeverity: 'warning', fixable: false },
  check() {},
});
