import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeInputs, encodeInputs, InputKeys } from '../../server/cli/cache/stored-inputs';
import fc from '../helpers/fast-check';

const KEYS = ['url', 'slug', 'aliases'];
const DATED = ['url', 'slug', 'aliases', 'date', 'publishdate'];

test('stored inputs: values read back as they were, for the same keys only; the table keeps each list where it was', () => {
  const table = new InputKeys();
  const data = { url: '/our-notes/', slug: undefined, title: 'Notes', dates: { date: '2025-03-09' }, aliases: ['/old/', '/older/'] };
  const stored = encodeInputs(table, KEYS, data)!;
  assert.deepEqual(decodeInputs(table, stored, KEYS), { url: '/our-notes/', title: 'Notes', dates: { date: '2025-03-09' }, aliases: ['/old/', '/older/'] });
  assert.equal(decodeInputs(table, stored, DATED), undefined, 'read for other keys');
  assert.deepEqual(decodeInputs(table, encodeInputs(table, DATED, {})!, DATED), {});
  // A later run's table, made from the lists the file kept, reads what the earlier one wrote.
  const next = new InputKeys([...table.lists]);
  assert.deepEqual(decodeInputs(next, stored, KEYS), decodeInputs(table, stored, KEYS));
  assert.equal(next.indexOf(DATED), 1);
  assert.equal(next.indexOf(['title']), 2);
});

test('stored inputs: values JSON would change (dates, infinities, holes) are not kept, so the file is read again', () => {
  const table = new InputKeys();
  const unsafe: [string, unknown][] = [
    ['a TOML date', new Date('2024-01-02T03:04:05Z')],
    ['YAML .inf', Infinity],
    ['YAML .nan', Number.NaN],
    ['a hole', [undefined]],
    ['a date in a list', [new Date(0)]],
    ['an infinity in a table', { nested: -Infinity }],
    ['a big integer', 10n],
    ['a symbol', Symbol('s')],
    ['a function', () => 1],
    ['a map', new Map()],
  ];
  for (const [what, value] of unsafe) assert.equal(encodeInputs(table, KEYS, { url: value }), undefined, what);
  // Nested past 32 levels: not kept, however a parser let it through (the check's recursion stays bounded).
  const nested = (depth: number): unknown => {
    let value: unknown = 'deep';
    for (let level = 0; level < depth; level++) value = [value];
    return value;
  };
  assert.notEqual(encodeInputs(table, KEYS, { url: nested(30) }), undefined);
  assert.equal(encodeInputs(table, KEYS, { url: nested(32) }), undefined);
  assert.equal(encodeInputs(table, KEYS, { url: nested(100_000) }), undefined);
  assert.notEqual(encodeInputs(table, KEYS, { url: null, slug: 0, title: false, aliases: [[], {}] }), undefined);
});

test('stored inputs: a value out of shape (the cache is a file anyone may edit) is no answer, never an error', () => {
  const table = new InputKeys(['["url","slug","aliases"]']);
  for (const stored of ['', '{}', '0', '0\n', '0\nnot json', '0\n[1,2]', '0\n"text"', '0\nnull', '7\n{}', '-0\n{}', '0x0\n{}', ' 0\n{}', '1e0\n{}']) {
    assert.equal(decodeInputs(table, stored, KEYS), undefined, JSON.stringify(stored));
  }
  assert.deepEqual(decodeInputs(table, '0\n{"url":"/a/"}', KEYS), { url: '/a/' });
});

test('stored inputs: any JSON-safe front matter values round-trip (property)', () => {
  const value = fc.letrec((tie) => ({
    leaf: fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null)),
    tree: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('tree'), { maxLength: 4 }), fc.dictionary(fc.string(), tie('tree'), { maxKeys: 4 })),
  })).tree;
  fc.assert(
    fc.property(fc.dictionary(fc.constantFrom('url', 'slug', 'title', 'aliases', 'dates'), value), (data) => {
      const table = new InputKeys();
      const stored = encodeInputs(table, KEYS, data);
      assert.notEqual(stored, undefined);
      assert.deepEqual(decodeInputs(table, stored!, KEYS), JSON.parse(JSON.stringify(data)));
    }),
    { numRuns: 300 },
  );
});
