import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { NodeWorkspace, readRegularFile } from '../../server/node/node-workspace';
import fc from '../helpers/fast-check';

const temp = mkdtempSync(join(tmpdir(), 'postlint-node-workspace-'));
after(() => rmSync(temp, { recursive: true, force: true }));

/**
 * A site and a folder beside it:
 *   site/a.md, site/sub/b.md, site/fifo.md (a FIFO)
 *   site/alias.md → sub/b.md, site/linked-sub → sub, site/secret.md → ../outside/secret.md,
 *   site/outside-folder → ../outside, site/dangling.md → nowhere.md
 *   outside/secret.md
 */
function layout(name: string): { root: string; outside: string } {
  const base = join(temp, name);
  const root = join(base, 'site');
  const outside = join(base, 'outside');
  mkdirSync(join(root, 'sub'), { recursive: true });
  mkdirSync(outside, { recursive: true });
  writeFileSync(join(root, 'a.md'), 'A');
  writeFileSync(join(root, 'sub/b.md'), 'B');
  writeFileSync(join(outside, 'secret.md'), 'secret123');
  execFileSync('mkfifo', [join(root, 'fifo.md')]);
  symlinkSync('sub/b.md', join(root, 'alias.md'));
  symlinkSync('sub', join(root, 'linked-sub'));
  symlinkSync('../outside/secret.md', join(root, 'secret.md'));
  symlinkSync('../outside', join(root, 'outside-folder'));
  symlinkSync('nowhere.md', join(root, 'dangling.md'));
  return { root, outside };
}

test('readText reads regular files only, up to the size limit, and says why it refuses', () => {
  const { root } = layout('refusals');
  const disk = new NodeWorkspace({ maxFileSize: 3 });
  writeFileSync(join(root, 'three.md'), 'abc');
  writeFileSync(join(root, 'four.md'), 'abcd');
  assert.deepEqual(disk.readText(join(root, 'three.md')), { text: 'abc' });
  assert.deepEqual(disk.readText(join(root, 'four.md')), { refused: 'too-large', size: 4 });
  assert.deepEqual(disk.readText(join(root, 'none.md')), { refused: 'not-found' });
  assert.deepEqual(disk.readText(join(root, 'sub')), { refused: 'not-a-file', what: 'a folder' });
  assert.deepEqual(disk.readText(join(root, 'fifo.md')), { refused: 'not-a-file', what: 'a FIFO' });
  assert.deepEqual(disk.readText('/dev/zero'), { refused: 'not-a-file', what: 'a device' });
  assert.equal(new NodeWorkspace().maxFileSize, 10 * 1024 * 1024);
});

test('a file whose size the system does not tell is read only up to one byte past the limit', { skip: !existsSync('/proc/self/status') && 'no /proc here' }, () => {
  // Files in /proc say they hold 0 bytes, as a file that grows after fstat would say too little.
  assert.deepEqual(new NodeWorkspace({ maxFileSize: 16 }).readText('/proc/self/status'), { refused: 'too-large', size: 17 });
  const whole = new NodeWorkspace().readText('/proc/self/status');
  assert.ok('text' in whole && whole.text.startsWith('Name:'), 'under the limit, it is read to its end');
});

test('within a site: a symlink is followed only when its target is inside', async () => {
  const { root } = layout('within');
  const site = new NodeWorkspace().within(root);
  assert.deepEqual(site.readText(join(root, 'alias.md')), { text: 'B' });
  assert.deepEqual(site.readText(join(root, 'linked-sub/b.md')), { text: 'B' });
  assert.deepEqual(site.readText(join(root, 'secret.md')), { refused: 'outside-site' });
  assert.deepEqual(site.readText(join(root, 'outside-folder/secret.md')), { refused: 'outside-site' });
  assert.deepEqual(site.readText(join(root, '../outside/secret.md')), { refused: 'outside-site' });
  assert.deepEqual(site.readText(join(root, 'dangling.md')), { refused: 'not-found' });
  assert.equal(await site.readFile(join(root, 'secret.md')), undefined);

  assert.equal(await site.stat(root), 'directory');
  assert.equal(await site.stat(join(root, 'linked-sub')), 'directory');
  assert.equal(await site.stat(join(root, 'outside-folder')), undefined);
  assert.equal(await site.stat(join(root, 'secret.md')), undefined);
  assert.equal(await site.stat(join(root, 'fifo.md')), undefined);
  assert.deepEqual(await site.readDirectory(join(root, 'outside-folder')), []);

  const listed = (await site.readDirectory(root)).sort((x, y) => x.name.localeCompare(y.name));
  // Listings leave symlinks out, inside the site or not, as Hugo's file system does: it publishes none.
  assert.deepEqual(listed, [
    { name: 'a.md', kind: 'file' },
    { name: 'sub', kind: 'directory' },
  ]);
  const unconfined = (await new NodeWorkspace().readDirectory(root)).map((entry) => entry.name).sort();
  assert.deepEqual(unconfined, ['a.md', 'sub']);
});

test('within a site reached through a symlink, its files are inside', () => {
  const { root } = layout('linked-root');
  const link = join(temp, 'linked-root', 'site-link');
  symlinkSync(root, link);
  assert.deepEqual(new NodeWorkspace().within(link).readText(join(link, 'sub/b.md')), { text: 'B' });
});

test('what a site learned of its folders is forgotten on request: a folder that became a link out is refused then', () => {
  const { root, outside } = layout('forget');
  const disk = new NodeWorkspace();
  const site = disk.within(root);
  mkdirSync(join(root, 'moved'));
  writeFileSync(join(root, 'moved/secret.md'), 'mine');
  assert.deepEqual(site.readText(join(root, 'moved/secret.md')), { text: 'mine' });
  rmSync(join(root, 'moved'), { recursive: true });
  symlinkSync(outside, join(root, 'moved'));
  disk.forget();
  assert.deepEqual(disk.within(root).readText(join(root, 'moved/secret.md')), { refused: 'outside-site' });
});

test('writesInside: the file, or the nearest folder of it that exists, must really be inside', () => {
  const { root } = layout('writes');
  const site = new NodeWorkspace().within(root);
  assert.equal(site.writesInside(join(root, 'a.md')), true);
  assert.equal(site.writesInside(join(root, 'new/deeper/post.md')), true);
  assert.equal(site.writesInside(join(root, 'linked-sub/new.md')), true);
  assert.equal(site.writesInside(join(root, 'secret.md')), false);
  assert.equal(site.writesInside(join(root, 'outside-folder/new/post.md')), false);
  assert.equal(site.writesInside(join(root, '../elsewhere.md')), false);
  // A symlink to nothing yet: writing there would create the file wherever it points, which is not checked.
  assert.equal(site.writesInside(join(root, 'dangling.md')), false);
});

test('readRegularFile: any file reads back byte for byte up to the size limit, and one past it is refused with its size', () => {
  const folder = mkdtempSync(join(temp, 'sizes-'));
  let n = 0;
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 5000 }), fc.integer({ min: 0, max: 6000 }), (bytes, maxSize) => {
      const file = join(folder, `f${n++}`);
      writeFileSync(file, bytes);
      const read = readRegularFile(file, maxSize);
      if (bytes.length > maxSize) assert.deepEqual(read, { refused: 'too-large', size: bytes.length });
      else assert.ok('bytes' in read && Buffer.compare(read.bytes, Buffer.from(bytes)) === 0);
    }),
    { numRuns: 300 },
  );
});
