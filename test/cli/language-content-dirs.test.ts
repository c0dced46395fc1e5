import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../helpers/cli';
import { diskSites } from '../helpers/disk-site';

const { site } = diskSites('postlint-langdirs-');

const PAGE = (title: string) => `---\ntitle: ${title}\ndate: 2025-03-04\n---\n\nA few words about ${title.toLowerCase()}.\n`;

/**
 * A bilingual site whose languages each have their own content folder beside `content/`,
 * as hugo-book's example site does. Hugo 0.111 publishes /posts/ferry-times/ and
 * /nl/posts/veerdienst/, and nothing of `content/`: no language reads it.
 */
const FILES = {
  'content.en/_index.md': '---\ntitle: Harbour\n---\n',
  'content.en/posts/_index.md': '---\ntitle: Posts\n---\n',
  'content.en/posts/ferry-times.md': PAGE('Ferry times'),
  'content.nl/posts/veerdienst.md': PAGE('Veerdienst'),
  'content/posts/left-behind.md': PAGE('Left behind'),
};

const TOML = `baseURL = 'https://example.org/'
defaultContentLanguage = 'en'

[languages.en]
  contentDir = 'content.en'
  weight = 1

[languages.nl]
  contentDir = 'content.nl'
  weight = 2
`;

const YAML = `baseURL: https://example.org/
defaultContentLanguage: en
languages:
  en:
    contentDir: content.en/
    weight: 1
  nl:
    contentDir: ./content.nl
    weight: 2
`;

/** A site on disk with one config file: diskSites writes a hugo.yaml, which Hugo would read beside a hugo.toml. */
function siteWith(name: string, configFile: string, config: string): string {
  const root = site(name, FILES);
  rmSync(join(root, 'hugo.yaml'));
  writeFileSync(join(root, configFile), config);
  return root;
}

const filesOf = (stdout: string, root: string): string[] =>
  JSON.parse(stdout).map((report: { filePath: string }) => report.filePath.slice(root.length + 1));

for (const [configFile, config] of [['hugo.toml', TOML], ['hugo.yaml', YAML]]) {
  test(`${configFile}: check with no path finds the posts of each language's contentDir outside content/, not those of a folder no language reads`, async () => {
    const root = siteWith(`${configFile}-nopath`, configFile, config);
    const result = await runCli(['check', '--format', 'json'], root);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(filesOf(result.stdout, root), ['content.en/posts/ferry-times.md', 'content.nl/posts/veerdienst.md']);
  });

  test(`${configFile}: check <a language's contentDir> checks that language's posts`, async () => {
    const root = siteWith(`${configFile}-folder`, configFile, config);
    const result = await runCli(['check', 'content.nl', '--format', 'json'], root);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(filesOf(result.stdout, root), ['content.nl/posts/veerdienst.md']);
  });

  test(`${configFile}: print-config calls a post in a language's contentDir a post`, async () => {
    const root = siteWith(`${configFile}-print`, configFile, config);
    const post = JSON.parse((await runCli(['print-config', 'content.en/posts/ferry-times.md'], root)).stdout);
    assert.equal(post.isPost, true);
    const stray = JSON.parse((await runCli(['print-config', 'content/posts/left-behind.md'], root)).stdout);
    assert.equal(stray.isPost, false, 'no language reads content/');
  });
}
