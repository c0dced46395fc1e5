import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findPlaceholders, toSnippet } from '../../server/engine/templates/placeholders';

const TEMPLATE = '---\ntitle: "[[title]]"\nauthor: "[[author]]"\n---\n\n[[org]] joins [[site]]. [[intro: Say who they are, in {one} sentence.]]\n\nThanks, [[org]]!\n';

test('snippets: each placeholder is a tab stop that starts as the placeholder itself, so one skipped is still reported', () => {
  const snippet = toSnippet(TEMPLATE, { site: 'Example Group' });
  assert.equal(
    snippet,
    '---\ntitle: "${1:[[title]]}"\nauthor: "${2:[[author]]}"\n---\n\n${3:[[org]]} joins Example Group. ${4:[[intro: Say who they are, in {one\\} sentence.]]}\n\nThanks, $3!\n',
  );
});

test('snippets: the text left by tabbing through every stop is the template with its values: the same placeholders remain', () => {
  const snippet = toSnippet(TEMPLATE, { site: 'Example Group' });
  // What an editor leaves when every tab stop keeps its default text.
  const expanded = snippet.replace(/\$\{\d+:((?:[^}\\]|\\.)*)\}/g, (_, text: string) => text.replace(/\\(.)/g, '$1'));
  const stops = new Map([...snippet.matchAll(/\$\{(\d+):((?:[^}\\]|\\.)*)\}/g)].map((m) => [m[1], m[2].replace(/\\(.)/g, '$1')]));
  const left = expanded.replace(/\$(\d+)/g, (_, n: string) => stops.get(n)!);
  assert.equal(left, TEMPLATE.replace('[[site]]', 'Example Group'));
  assert.deepEqual(findPlaceholders(left).map((p) => p.name), ['title', 'author', 'org', 'intro', 'org']);
});

test('snippets: a template without placeholders ends with the cursor at its end', () => {
  assert.equal(toSnippet('---\ntitle: Done\n---\nCost: $5\n', {}), '---\ntitle: Done\n---\nCost: \\$5\n$0');
});

test('findPlaceholders: each [[ read where it stands, within from and to; an unclosed one costs no more than its line', () => {
  const text = 'Intro [[a]] and [[b: a hint]]. Then [[c: its hint runs on to [[d]] at the end.';
  assert.deepEqual(findPlaceholders(text).map((p) => [p.name, p.hint]), [['a', undefined], ['b', 'a hint'], ['c', 'its hint runs on to [[d']], 'a hint ends at the first ]]');
  assert.deepEqual(findPlaceholders(text, text.indexOf('and'), text.indexOf('Then')).map((p) => p.name), ['b']);
  assert.deepEqual(findPlaceholders(text, 0, text.indexOf(']] and')).map((p) => p.name), [], 'a placeholder that ends past `to` is not in the range');
  assert.deepEqual(findPlaceholders(`[[e: ${'x'.repeat(400)}]]`), [], 'a hint is a short sentence, at most 300 characters');
});
