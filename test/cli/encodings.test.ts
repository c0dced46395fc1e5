import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { decodeText, encodingOf } from '../../server/node/text-encoding';
import { runCli } from '../helpers/cli';
import { diskSites } from '../helpers/disk-site';

const { site } = diskSites('postlint-encodings-');

const POST = '---\ntitle: Harbour day\ndate: 2025-01-02\nauthor: nobody-here\n---\n\nSee [the map](http://harbour.example/map?utm_source=mail) of the quay.\n';

function utf16(text: string, byteOrder: 'le' | 'be', bom: boolean): Buffer {
  const body = Buffer.from(text, 'utf16le');
  if (byteOrder === 'be') body.swap16();
  const mark = byteOrder === 'le' ? Buffer.from([0xff, 0xfe]) : Buffer.from([0xfe, 0xff]);
  return bom ? Buffer.concat([mark, body]) : body;
}

test('encodings: UTF-16 with a byte order mark, or without one where its zero bytes tell, is read as its text', () => {
  for (const [order, bom] of [['le', true], ['be', true], ['le', false], ['be', false]] as const) {
    const bytes = utf16(POST, order, bom);
    assert.equal(encodingOf(bytes), order === 'le' ? 'utf16le' : 'utf16be', `${order} ${bom}`);
    assert.equal(decodeText(bytes), POST, `${order} ${bom}`);
  }
  assert.equal(encodingOf(Buffer.from(POST, 'utf8')), 'utf8');
  assert.equal(decodeText(Buffer.from(`\ufeff${POST}`, 'utf8')), `\ufeff${POST}`, 'UTF-8 with its mark stays as it is (the front matter reader allows it)');
});

test('encodings: a UTF-16 post gets the findings its UTF-8 twin gets, and --fix writes it back in UTF-16', async () => {
  const root = site('utf16', { 'content/posts/twin.md': POST, 'content/posts/wide.md': utf16(POST, 'le', true) });
  const result = await runCli(['check', '--format', 'json'], root);
  const [twin, wide] = ['twin', 'wide'].map((name) => JSON.parse(result.stdout).find((r: { filePath: string }) => r.filePath.endsWith(`${name}.md`)));
  const ids = (report: { messages: { ruleId: string; line: number }[] }) => report.messages.map((m) => [m.ruleId, m.line]);
  assert.deepEqual(ids(wide), ids(twin));
  assert.ok(ids(wide).length > 0);
  await runCli(['check', '--fix'], root);
  const fixed = readFileSync(join(root, 'content/posts/twin.md'), 'utf8');
  assert.doesNotMatch(fixed, /utm_source/, 'the safe fix was applied');
  assert.deepEqual(readFileSync(join(root, 'content/posts/wide.md')), utf16(fixed, 'le', true), 'the same fix, written in UTF-16 with its byte order mark');
});
