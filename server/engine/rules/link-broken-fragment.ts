import { defineRule } from '../rule';

// PLACEHOLDER: being written; reports nothing yet.
export default defineRule({
  meta: { id: 'link-broken-fragment', description: 'PLACEHOLDER', defaultSeverity: 'warning', fixable: false },
  check() {},
});
