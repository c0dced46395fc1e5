import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from '../helpers/fast-check';
import { parse, stringify } from 'yaml';
import { yamlData } from '../../server/engine/site/yaml-data';

test('yamlData: the same values as the yaml package (1.2 core schema: dates stay strings)', () => {
  const text = [
    'baseURL: https://example.org/',
    'date: 2024-01-18',
    'when: 2024-01-18T09:30:00+02:00',
    'count: 0x1F',
    'octal: 0o17',
    'ratio: .5',
    'flags: [true, False, ~, null, yes, no]',
    'quoted: "R&D * 2"',
    'folded: >',
    '  one',
    '  two',
    'languages:',
    '  en: { contentDir: content/en, weight: 1 }',
  ].join('\n');
  assert.deepEqual(yamlData(text), parse(text));
});

test('yamlData: agrees with the yaml package on any data it wrote', () => {
  // One known difference, left out: `-0` reads as 0 with js-yaml, as -0 with yaml (no Hugo setting cares).
  const number = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((value) => !Object.is(value, -0));
  const scalar = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), number);
  const data = fc.dictionary(fc.string({ minLength: 1 }), fc.oneof(scalar, fc.array(scalar), fc.dictionary(fc.string({ minLength: 1 }), scalar)));
  fc.assert(
    fc.property(data, (value) => {
      const text = stringify(value);
      assert.deepEqual(yamlData(text), parse(text));
    }),
    { numRuns: 500 },
  );
});

test('yamlData: a document whose aliases share maps is read by yaml, which refuses a billion laughs at once', () => {
  const laughs = ['a: &a {x: 1, y: 1}', ...Array.from({ length: 12 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)].join('\n');
  assert.throws(() => yamlData(laughs), /alias/i);
  // A single harmless alias is still read, by yaml, to the same value.
  assert.deepEqual(yamlData('base: &b {weight: 1}\nen: *b\n'), { base: { weight: 1 }, en: { weight: 1 } });
});

test('yamlData: broken YAML throws the yaml package\u2019s own error', () => {
  const broken = 'title: "unclosed\nother: 1\n';
  let expected = '';
  try {
    parse(broken);
  } catch (error) {
    expected = (error as Error).message;
  }
  assert.ok(expected !== '');
  assert.throws(() => yamlData(broken), (error: Error) => error.message === expected);
});
