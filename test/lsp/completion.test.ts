import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { completions } from '../../server/lsp/completion';
import { FIXED_NOW, hugoSite, serviceFor, SITE } from '../helpers/memory-workspace';

/** The labels offered on the empty line of a post's front matter, in the order VS Code shows them. */
async function keysOffered(front: string, baseURL?: string): Promise<string[]> {
  const text = `---\n${front}\n\n---\nBody.\n`;
  const path = `${SITE}/content/blog/p.md`;
  const workspace = hugoSite({ 'content/blog/p.md': text }, { baseURL });
  const document = TextDocument.create(`file://${path}`, 'markdown', 1, text);
  const line = front.split('\n').length + 1;
  const items = await completions(serviceFor(workspace), path, document, { line, character: 0 }, FIXED_NOW);
  return items.sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((item) => item.label);
}

test('completion: the hugo preset offers Hugo\u2019s documented keys first, then what themes read; never Hugo\u2019s other spellings nor postlint_kind', async () => {
  const keys = await keysOffered('title: Spring');
  assert.deepEqual(keys.slice(0, 6), ['date', 'description', 'draft', 'tags', 'categories', 'summary']);
  assert.deepEqual(keys.slice(-3), ['author', 'authors', 'images']);
  for (const hidden of ['title', 'pubdate', 'published', 'modified', 'unpublishdate', 'menu', 'postlint_kind']) assert.ok(!keys.includes(hidden), hidden);
});

test('completion: the todogroup preset offers the keys its layouts read, then the few Hugo acts on; no taxonomy or theme key it does not read', async () => {
  const keys = await keysOffered('title: Spring', 'https://todogroup.org/');
  assert.deepEqual(keys, ['date', 'author', 'description', 'subtitle', 'images', 'publishDate', 'lastmod', 'noindex', 'showHeader', 'draft', 'aliases', 'slug', 'url', 'expiryDate']);
});

test('completion: a kind\u2019s own keys come right after the required ones', async () => {
  const keys = await keysOffered('postlint_kind: event-recap\ntitle: Spring', 'https://todogroup.org/');
  assert.deepEqual(keys.slice(0, 5), ['date', 'author', 'event', 'eventUrl', 'description']);
});

test('completion: a key\u2019s detail names each form once, in a few words', async () => {
  const text = '---\ntitle: Spring\n\n---\n';
  const path = `${SITE}/content/blog/p.md`;
  const document = TextDocument.create(`file://${path}`, 'markdown', 1, text);
  const items = await completions(serviceFor(hugoSite({ 'content/blog/p.md': text })), path, document, { line: 2, character: 0 }, FIXED_NOW);
  const detail = (label: string) => items.find((item) => item.label === label)?.detail;
  assert.equal(detail('author'), 'string or mapping or list');
  assert.equal(detail('tags'), 'list of string');
  assert.equal(detail('date'), 'date or string');
});
