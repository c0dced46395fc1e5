import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generatedPlaces } from '../../server/engine/site/generated-content';

const places = (text: string) => generatedPlaces(text, '/s/content').map(({ target, folder, glob }) => `${target}${folder ? '/' : ''}${glob ? ' (glob)' : ''}`);

test('generatedPlaces: content files, folders and wildcard names; not comments, negations, images or escapes', () => {
  assert.deepEqual(places('# imported\ncommunity.md\n/governance.markdown\nref/\n!keep.md\n*.png\nnotes.txt\nweird\\#.md\n'), [
    '/s/content/community.md',
    '/s/content/governance.markdown',
    '/s/content/ref/',
  ]);
  assert.deepEqual(places('cmd/flux*\napi/v*.md\n*.md\n'), ['/s/content/cmd/ (glob)', '/s/content/api/ (glob)', '/s/content/ (glob)']);
});

test('generatedPlaces: a wildcard before the last segment, or **, cuts the pattern at the folder above it; nothing escapes the folder', () => {
  assert.deepEqual(places('docs/*/generated.md\nteam/**/bio.md\n**/x.md\n*/y.md\n../outside.md\n./here.md\n'), ['/s/content/docs/ (glob)', '/s/content/team/ (glob)']);
});

test('generatedPlaces: only the first 1,000 lines are read', () => {
  const text = `${Array.from({ length: 1_000 }, (_, i) => `# ${i}`).join('\n')}\nlate.md\n`;
  assert.deepEqual(places(text), []);
  assert.deepEqual(places(`early.md\n${text}`), ['/s/content/early.md']);
});
