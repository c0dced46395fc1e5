import assert from 'node:assert/strict';
import { setImmediate as turn } from 'node:timers/promises';
import { test } from 'node:test';
import fc from '../helpers/fast-check';
import { Batch, TextBatch } from '../../server/cli/batch';

function collector(size: number) {
  const sent: Buffer[] = [];
  // Copied: a buffer handed on must stay as it was when sent.
  return { sent, batch: new TextBatch((bytes) => sent.push(Buffer.from(bytes)), size) };
}

test('text batch: texts added in one turn of the event loop go in one write, encoded as UTF-8', async () => {
  const { sent, batch } = collector(1024);
  batch.add('Link text “here”');
  batch.add(' 😀 ');
  batch.add('says nothing.');
  assert.equal(sent.length, 0, 'nothing is written before the turn ends');
  await turn();
  assert.deepEqual(sent.map(String), ['Link text “here” 😀 says nothing.']);
});

test('text batch: whatever the texts and the size, the bytes written are the texts in order, no write over the size unless one text alone is', () => {
  fc.assert(
    fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 30 }), fc.integer({ min: 4, max: 64 }), (texts, size) => {
      const { sent, batch } = collector(size);
      for (const text of texts) batch.add(text);
      batch.flush();
      assert.equal(Buffer.concat(sent).toString('utf8'), texts.join(''));
      for (const bytes of sent) assert.ok(bytes.length <= size || texts.some((text) => Buffer.byteLength(text) === bytes.length), `${bytes.length} bytes`);
    }),
  );
});

test('text batch: a dropped batch writes nothing of what it held, and goes on with what comes next', async () => {
  const { sent, batch } = collector(64);
  batch.add('lost');
  batch.drop();
  batch.add('kept');
  await turn();
  assert.deepEqual(sent.map(String), ['kept']);
});

test('batch: items go at once when the limit is reached, the rest when the event loop turns', async () => {
  const sent: number[][] = [];
  const batch = new Batch<number>((items) => sent.push(items), 3);
  for (const item of [1, 2, 3, 4]) batch.add(item);
  assert.deepEqual(sent, [[1, 2, 3]]);
  await turn();
  assert.deepEqual(sent, [[1, 2, 3], [4]]);
});
