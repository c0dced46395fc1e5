import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileGlobs } from '../../schemas/globs';
import { isMarkdownPath, MARKDOWN_NAME_GLOB } from '../../schemas/markdown-files';

// Hugo's Markdown suffixes (media/builtin.go, text/markdown), written out here by hand.

test('isMarkdownPath: md, mdown and markdown, in any case; the suffix after the last dot only', () => {
  for (const path of ['/site/content/blog/tides.md', 'tides.mdown', 'content/blog/Tides.MARKDOWN', 'content/blog/tides.en.markdown']) {
    assert.equal(isMarkdownPath(path), true, path);
  }
  for (const path of ['tides.html', 'tides.mkd', 'tides.md.bak', 'content/notes.md/readme', 'md', 'content/blog/markdown']) {
    assert.equal(isMarkdownPath(path), false, path);
  }
});

test('MARKDOWN_NAME_GLOB: as a segment of a post glob, it matches the files isMarkdownPath accepts in lower case', () => {
  const matches = compileGlobs([`content/blog/**/${MARKDOWN_NAME_GLOB}`]);
  for (const name of ['tides.md', 'tides.mdown', 'tides.markdown', '2024/trip/index.md']) assert.equal(matches(`content/blog/${name}`), true, name);
  for (const name of ['tides.html', 'tides.mkd', 'tides.markdown.orig']) assert.equal(matches(`content/blog/${name}`), false, name);
});
