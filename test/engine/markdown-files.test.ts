import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileGlobs } from '../../schemas/globs';
import { isMarkdownPath, MARKDOWN_NAME_GLOB, otherContentFormat } from '../../schemas/markdown-files';
import { hugoSite, serviceFor, SITE } from '../helpers/memory-workspace';

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

test('otherContentFormat: the content formats Hugo builds besides Markdown, by suffix in any case; none for Markdown or other files', () => {
  const formats = {
    'content/blog/tides.org': 'Org-mode',
    'tides.HTML': 'HTML',
    'tides.htm': 'HTML',
    'tides.adoc': 'AsciiDoc',
    'tides.asciidoc': 'AsciiDoc',
    'tides.ad': 'AsciiDoc',
    'tides.rst': 'reStructuredText',
    'tides.pdc': 'Pandoc',
    'tides.pandoc': 'Pandoc',
  };
  for (const [path, format] of Object.entries(formats)) assert.equal(otherContentFormat(path), format, path);
  for (const path of ['tides.md', 'tides.ipynb', 'tides.org.bak', 'content/org/readme', 'org']) assert.equal(otherContentFormat(path), undefined, path);
});

test('a page of another content format is no post, even where the config\u2019s `posts` takes in its folder: the editor gets no diagnostics for it', async () => {
  const org = '#+title: Tide tables\n#+date: 2025-02-03\n\nWhen the tide turns.\n';
  const workspace = hugoSite({ '.postlintrc.json': '{ "posts": ["content/posts/**"] }', 'content/posts/tide-tables.org': org });
  const result = await serviceFor(workspace).check(`${SITE}/content/posts/tide-tables.org`, org);
  assert.deepEqual([result.isPost, result.diagnostics], [false, []]);
});
