import { defineRule } from '../rule';

// PLACEHOLDER: being written; reports nothing yet.
export default defineRule({
  meta: { id: 'link-bare-url', description: 'PLACEHOLDER', defaultSeverity: 'warning', fixable: false },
  check() {},
});
