import assert from 'node:assert/strict';
import { posix } from 'node:path';
import { test } from 'node:test';
import fc from '../helpers/fast-check';
import { entryPath, relative } from '../../server/engine/site/paths';

/** Segments that posix.relative treats specially, and plain names. */
const segment = fc.constantFrom('', '.', '..', 'a', 'b', 'blog', 'é', 'x.md', '.hidden', '...');
const path = fc.array(segment, { maxLength: 6 }).map((segments) => `/${segments.join('/')}`);

test('relative answers as posix.relative does, for any absolute paths, one below the other or not', () => {
  fc.assert(
    fc.property(path, fc.array(segment, { maxLength: 4 }), fc.boolean(), (from, below, unrelated) => {
      const to = unrelated ? `/${below.join('/')}` : `${from}/${below.join('/')}`;
      assert.equal(relative(from, to), posix.relative(from, to), `relative(${JSON.stringify(from)}, ${JSON.stringify(to)})`);
    }),
    { numRuns: 5000 },
  );
});

test('relative of a file below a site root is its path from the root', () => {
  assert.equal(relative('/site', '/site/content/blog/post.md'), 'content/blog/post.md');
  assert.equal(relative('/site', '/site'), '');
  assert.equal(relative('/site', '/site/../other/x.md'), '../other/x.md');
  assert.equal(relative('/site/', '/site/a.md'), 'a.md');
});

test('entryPath: a listed name under its folder is what join gives, without normalising again', () => {
  for (const [folder, name] of [
    ['/site/content/blog', 'post.md'],
    ['/site/content', '.gitignore'],
    ['/', 'content'],
    ['/site/content/blog', 'a b (1).md'],
    ['/site/content/blog', '..hidden'],
  ]) {
    assert.equal(entryPath(folder, name), posix.join(folder, name), `${folder} + ${name}`);
  }
});
