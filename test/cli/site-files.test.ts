import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { contentHash, siteFiles } from '../../server/cli/cache/site-files';
import type { FileState } from '../../server/cli/cache/cache-file';
import { NodeWorkspace } from '../../server/node/node-workspace';
import { writeFiles } from '../helpers/disk-site';

const temp = mkdtempSync(join(tmpdir(), 'postlint-site-files-'));
after(() => rmSync(temp, { recursive: true, force: true }));

/** A small site: two posts, an image, a config, and folders the survey leaves out. */
function site(name: string): string {
  const root = join(temp, name);
  mkdirSync(join(root, 'content/blog'), { recursive: true });
  mkdirSync(join(root, 'static/images'), { recursive: true });
  mkdirSync(join(root, 'public'), { recursive: true });
  mkdirSync(join(root, '.git'), { recursive: true });
  writeFileSync(join(root, 'hugo.toml'), 'title = "Our notes"\n');
  writeFileSync(join(root, 'content/blog/kept.md'), '---\ntitle: Kept\n---\nUnchanged words.\n');
  writeFileSync(join(root, 'content/blog/edited.md'), '---\ntitle: Edited\n---\nFirst draft.\n');
  writeFileSync(join(root, 'static/images/cover.png'), 'not really a picture');
  writeFileSync(join(root, 'public/index.html'), '<p>built</p>');
  writeFileSync(join(root, '.git/HEAD'), 'ref: refs/heads/main\n');
  // Hugo's resource cache and packages are left out; below the root, `public` and `resources` are sections like any other.
  writeFiles(root, {
    'resources/_gen/assets/main.css': 'body {}',
    'themes/plain/node_modules/dep/index.js': 'module.exports = 1;',
    'themes/plain/layouts/single.html': '{{ .Content }}',
    'content/docs/resources/limits.md': '---\ntitle: Limits\n---\n## Quota\n',
    'content/blog/public/notes.md': '---\ntitle: Notes in public\n---\nWords.\n',
    'content/blog/.drafts/soon.md': '---\ntitle: Soon\n---\nWords.\n',
    'static/.well-known/security.txt': 'Contact: mailto:security@example.org\n',
    'themes/plain/.git/HEAD': 'ref: refs/heads/main\n',
    '.github/workflows/check.yml': 'on: push\n',
    '.postlintrc.json': '{}',
  });
  return root;
}

function survey(root: string, before?: Map<string, FileState>): Map<string, FileState> {
  return siteFiles(root, new NodeWorkspace().within(root), (path) => before?.get(path));
}

test('siteFiles: every file a check may read, content hashed except media; Hugo\u2019s output, its resources and hidden folders at the root, packages and git anywhere left out', () => {
  const root = site('listed');
  const files = survey(root);
  assert.deepEqual([...files.keys()].map((path) => path.slice(root.length + 1)).sort(), [
    '.postlintrc.json',
    'content/blog/.drafts/soon.md',
    'content/blog/edited.md',
    'content/blog/kept.md',
    'content/blog/public/notes.md',
    'content/docs/resources/limits.md',
    'hugo.toml',
    'static/.well-known/security.txt',
    'static/images/cover.png',
    'themes/plain/layouts/single.html',
  ]);
  assert.equal(files.get(join(root, 'content/blog/kept.md'))!.hash, contentHash('---\ntitle: Kept\n---\nUnchanged words.\n'));
  assert.equal(files.get(join(root, 'static/images/cover.png'))!.hash, undefined);
});

test('siteFiles: a file as the cache has it keeps its cached state (no new object, its keys kept); a changed one is hashed again', () => {
  const root = site('changed');
  const first = survey(root);
  const kept = join(root, 'content/blog/kept.md');
  const edited = join(root, 'content/blog/edited.md');
  const cover = join(root, 'static/images/cover.png');
  first.get(kept)!.keys = ['page:/blog/kept/'];
  writeFileSync(edited, '---\ntitle: Edited\n---\nSecond draft, a little longer.\n');
  // Touched only: a new time, the same words.
  utimesSync(join(root, 'hugo.toml'), new Date(2001, 0, 1), new Date(2001, 0, 1));

  const second = survey(root, first);
  assert.equal(second.get(kept), first.get(kept));
  assert.deepEqual(second.get(kept)!.keys, ['page:/blog/kept/']);
  assert.equal(second.get(cover), first.get(cover));
  assert.notEqual(second.get(edited), first.get(edited));
  assert.equal(second.get(edited)!.hash, contentHash('---\ntitle: Edited\n---\nSecond draft, a little longer.\n'));
  const config = second.get(join(root, 'hugo.toml'))!;
  assert.notEqual(config, first.get(join(root, 'hugo.toml')));
  assert.equal(config.hash, first.get(join(root, 'hugo.toml'))!.hash);
  assert.notEqual(config.mtime, first.get(join(root, 'hugo.toml'))!.mtime);
});

test('siteFiles: a cached state without a hash is not taken for a post, whose content must be hashed', () => {
  const root = site('unhashed');
  const kept = join(root, 'content/blog/kept.md');
  const first = survey(root);
  const { size, mtime } = first.get(kept)!;
  const second = survey(root, new Map([[kept, { size, mtime }]]));
  assert.equal(second.get(kept)!.hash, first.get(kept)!.hash);
});
