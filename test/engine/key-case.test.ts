import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitPost } from '../../server/engine/frontmatter/frontmatter';
import { readKeysAsHugo, valueOfKey } from '../../server/engine/frontmatter/key-case';
import { checkPost, hugoSite, rangeText, serviceFor, SITE } from '../helpers/memory-workspace';

const SCHEMA_KEYS = { title: 1, date: 1, publishDate: 1, eventUrl: 1 };

function read(text: string) {
  return readKeysAsHugo(splitPost(text).frontMatter!, SCHEMA_KEYS);
}

test('readKeysAsHugo: keys that match a schema key ignoring case take its spelling, in names, data and value paths', () => {
  const text = '---\nTitle: Pears\nPUBLISHDATE: 2025-02-11\neventurl: https://example.org/\nHero: a.png\n---\n';
  const frontMatter = read(text);
  assert.deepEqual(frontMatter.keys.map(({ key, name }) => [key, name]), [['Title', 'title'], ['PUBLISHDATE', 'publishDate'], ['eventurl', 'eventUrl'], ['Hero', 'Hero']]);
  assert.deepEqual(frontMatter.data, { title: 'Pears', publishDate: '2025-02-11', eventUrl: 'https://example.org/', Hero: 'a.png' });
  const at = (path: string[]) => {
    const span = frontMatter.valueAt(path)?.span;
    return span && text.slice(span.start, span.end);
  };
  assert.equal(at(['publishDate']), '2025-02-11');
  assert.equal(at(['Hero']), 'a.png');
  assert.equal(at(['date']), undefined);
});

test('readKeysAsHugo: of two keys that differ only in case, the first is read; a `__proto__` key stays a key', () => {
  assert.deepEqual(read('---\ntitle: First\nTitle: Second\n---\n').data, { title: 'First' });
  const data = read('{ "__proto__": { "polluted": true }, "title": "A" }\n').data!;
  assert.equal(Object.getPrototypeOf(data), Object.prototype);
  assert.deepEqual(Object.keys(data), ['__proto__', 'title']);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('valueOfKey: a key in any case, the exact spelling first', () => {
  assert.equal(valueOfKey({ Title: 'a' }, 'title'), 'a');
  assert.equal(valueOfKey({ TITLE: 'a', title: 'b' }, 'title'), 'b');
  assert.equal(valueOfKey(undefined, 'title'), undefined);
});

test('keys in any case: the kind is recognised from `Title:`, and the title heading rule reads it', async () => {
  const welcome = '---\nTitle: Welcoming Orchard Labs to the TODO Group\nDate: 2025-01-01\nAuthor: alice\n---\n';
  const service = serviceFor(hugoSite({ 'content/blog/w.md': welcome }, { baseURL: 'https://todogroup.org/' }));
  const settings = await service.settingsFor(`${SITE}/content/blog/w.md`, welcome);
  assert.deepEqual([settings.kind, settings.kindSource], ['member-welcome', 'title']);

  const text = '---\nTITLE: Pruning\nDate: 2025-01-01\n---\n# Pruning\n\nBody.\n';
  const layout = { 'layouts/_default/single.html': '<h1>{{ .Title }}</h1>{{ .Content }}' };
  const diagnostics = await checkPost(hugoSite({ ...layout, 'content/blog/p.md': text }), 'content/blog/p.md');
  const duplicate = diagnostics.find((d) => d.ruleId === 'heading-title-duplicate');
  assert.equal(duplicate && rangeText(text, duplicate), '# Pruning');
});
