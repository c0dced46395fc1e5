import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { writeFileAtomically } from '../../server/node/atomic-write';

const folder = mkdtempSync(join(tmpdir(), 'postlint-atomic-'));
after(() => rmSync(folder, { recursive: true, force: true }));

test('writeFileAtomically replaces the file whole, makes its folder, and leaves no temporary file', () => {
  const file = join(folder, 'made', 'cache.json');
  assert.equal(writeFileAtomically(file, 'first'), undefined);
  assert.equal(writeFileAtomically(file, 'second'), undefined);
  assert.equal(readFileSync(file, 'utf8'), 'second');
  assert.deepEqual(readdirSync(join(folder, 'made')), ['cache.json']);
});

test('writeFileAtomically says what went wrong, in one line, and leaves nothing behind', () => {
  const blocker = join(folder, 'a-file');
  writeFileSync(blocker, '');
  const problem = writeFileAtomically(join(blocker, 'cache.json'), 'data');
  assert.match(problem ?? '', /^(ENOTDIR|EEXIST)\b[^\n]*$/);
  assert.deepEqual(readdirSync(folder).sort(), ['a-file', 'made']);
});
