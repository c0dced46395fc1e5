import assert from 'node:assert/strict';
import { test } from 'node:test';
import { orderedDocuments } from '../../server/lsp/ordered-documents';

test('open documents: a change whose version is not above the document\u2019s is ignored; a later one applies', () => {
  const opened = orderedDocuments.create('file:///site/content/blog/p.md', 'markdown', 3, 'Third text.\n');
  const stale = orderedDocuments.update(opened, [{ text: 'An older text.\n' }], 2);
  assert.equal(stale.getText(), 'Third text.\n');
  assert.equal(stale.version, 3);
  assert.equal(orderedDocuments.update(opened, [{ text: 'A replay.\n' }], 3).getText(), 'Third text.\n', 'the same version again is no change either');
  const next = orderedDocuments.update(opened, [{ text: 'Fourth text.\n' }], 4);
  assert.deepEqual([next.getText(), next.version], ['Fourth text.\n', 4]);
});
