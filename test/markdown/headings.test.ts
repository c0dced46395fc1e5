import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { headingId, parseBody } from '../../server/engine/markdown/index.js';
import { at, post } from './helpers.js';

describe('headingId (Goldmark github style)', () => {
  it('lowercases, turns spaces and hyphens into hyphens and drops punctuation', () => {
    assert.equal(headingId('Hello World'), 'hello-world');
    assert.equal(headingId("What's new in 2.0?"), 'whats-new-in-20');
    assert.equal(headingId('snake_case & kebab-case'), 'snake_case--kebab-case');
    assert.equal(headingId('  padded  '), '--padded--');
    assert.equal(headingId('Tab\there'), 'tab-here');
  });

  it('keeps Unicode letters and digits', () => {
    assert.equal(headingId('Diseño sin título'), 'diseño-sin-título');
    assert.equal(headingId('Über Öffnungszeiten'), 'über-öffnungszeiten');
    assert.equal(headingId('开源 项目 2024'), '开源-项目-2024');
    assert.equal(headingId('Ελληνικά Λόγια'), 'ελληνικά-λόγια');
  });

  it('drops emoji and symbols', () => {
    assert.equal(headingId('🧩 What is New'), '-what-is-new');
    assert.equal(headingId('C++ © ™'), 'c--');
  });

  it('returns an empty string when nothing is left (documents use "heading")', () => {
    assert.equal(headingId('!!!'), '');
  });
});

describe('headings in a document', () => {
  it('reads ATX and setext headings with level, text and span', () => {
    const body = '# Top *level*\n\nSome text.\n\nSecond level\n------------\n\n### Closed ###\n';
    const { text, bodyStart } = post(body);
    const m = parseBody(text, bodyStart);
    assert.deepEqual(
      m.headings.map((h) => [h.level, h.text, at(text, h.span), h.id]),
      [
        [1, 'Top level', '# Top *level*', 'top-level'],
        [2, 'Second level', 'Second level\n------------', 'second-level'],
        [3, 'Closed', '### Closed ###', 'closed'],
      ],
    );
  });

  it('de-duplicates ids with -1, -2 across the document', () => {
    const body = '## Notes\n\n## Notes\n\n## Notes-1\n\n## notes\n';
    const m = parseBody(body, 0);
    assert.deepEqual(
      m.headings.map((h) => h.id),
      ['notes', 'notes-1', 'notes-1-1', 'notes-2'],
    );
  });

  it('picks the smallest free suffix, counting explicit ids', () => {
    const body = '# a\n# a\n# a-2\n# a\n# b {#a-4}\n# a\n# a\n';
    const m = parseBody(body, 0);
    assert.deepEqual(
      m.headings.map((h) => h.id),
      ['a', 'a-1', 'a-2', 'a-3', 'a-4', 'a-5', 'a-6'],
    );
  });

  it('stays fast with thousands of identical headings', () => {
    const body = '## Same\n'.repeat(5000);
    const t0 = performance.now();
    const m = parseBody(body, 0);
    assert.equal(m.headings[4999].id, 'same-4999');
    assert.ok(performance.now() - t0 < 2000);
  });

  it('takes explicit {#id} attributes out of the text and honours them in de-duplication', () => {
    const body = [
      '## Getting started {#start}',
      '## Start',
      '## Install {.wide #setup data-x="1"}',
      '## Not an id {#bad} here',
      '## Closing hashes ## {#after-hashes}',
      '',
    ].join('\n');
    const m = parseBody(body, 0);
    assert.deepEqual(
      m.headings.map((h) => [h.text, h.explicitId, h.id]),
      [
        ['Getting started', 'start', 'start'],
        ['Start', undefined, 'start-1'],
        ['Install', 'setup', 'setup'],
        ['Not an id {#bad} here', undefined, 'not-an-id-bad-here'],
        ['Closing hashes', 'after-hashes', 'after-hashes'],
      ],
    );
  });

  it('computes ids from the raw heading line, as Goldmark does', () => {
    const body = [
      '## Use `npm` & [the guide](https://guide.example)',
      '## Émigré Café, naïve Façade',
      '## 🙋‍♀️ How to Participate',
      '## !!!',
      '##',
      '',
    ].join('\n');
    const m = parseBody(body, 0);
    assert.deepEqual(
      m.headings.map((h) => [h.text, h.id]),
      [
        ['Use npm & the guide', 'use-npm--the-guidehttpsguideexample'],
        ['Émigré Café, naïve Façade', 'émigré-café-naïve-façade'],
        ['🙋‍♀️ How to Participate', '-how-to-participate'],
        ['!!!', 'heading'],
        ['', 'heading-1'],
      ],
    );
  });

  it('uses the last line of a multi-line setext heading, quote markers excluded', () => {
    const body = '> First line\n> second *line* {#quoted}\n> ===\n\nAlpha\nBeta\n---\n';
    const { text, bodyStart } = post(body);
    const m = parseBody(text, bodyStart);
    assert.deepEqual(
      m.headings.map((h) => [h.level, h.text, h.explicitId, h.id]),
      [
        [1, 'First line second line', 'quoted', 'quoted'],
        [2, 'Alpha Beta', undefined, 'beta'],
      ],
    );
    assert.equal(at(text, m.headings[1].span), 'Alpha\nBeta\n---');
  });

  it('handles CRLF headings', () => {
    const body = '## Windows line {#win}\r\n\r\nTitle\r\n=====\r\n';
    const m = parseBody(body, 0);
    assert.deepEqual(
      m.headings.map((h) => [h.text, h.id, at(body, h.span)]),
      [
        ['Windows line', 'win', '## Windows line {#win}'],
        ['Title', 'title', 'Title\r\n====='],
      ],
    );
  });
});
