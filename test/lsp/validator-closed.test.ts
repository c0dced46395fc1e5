import assert from 'node:assert/strict';
import { mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { NodeWorkspace } from '../../server/node/node-workspace';
import { ConfigError } from '../../server/engine/config/config';
import { createLanguageService } from '../../server/engine/language-service';
import { toUri } from '../../server/lsp/convert';
import { MINIMAL_HUGO_CONFIG, writeFiles } from '../helpers/disk-site';
import { FIXED_NOW, SITE } from '../helpers/memory-workspace';
import { settled, type Answer, StandInService, type Harness, harness, POST_URI, warning, warningLsp, POST_BY_WRITER, UNKNOWN_WRITER, UNKNOWN_WRITER_LSP, HALF_MB, tooLargeLsp } from '../helpers/validator-harness';
// The validator's dependents, closed files and pull mode, with the stand-ins of test/helpers/validator-harness.ts.

const uriOf = (name: string) => `file:///site/content/blog/${name}.md`;

/** Six checked posts: what each looked up in the page index, and their problems. */
async function checkedPosts(): Promise<Harness> {
  const answers: Record<string, Answer> = {
    [`${SITE}/content/blog/guide-reader.md`]: { diagnostics: [], dependencies: ['/blog/guide'] },
    [`${SITE}/content/blog/leaf-and-other.md`]: { diagnostics: [warning('text-mojibake', 'odd')], dependencies: ['/img/leaf.png', '/blog/other'] },
    [`${SITE}/content/blog/broken-link.md`]: { diagnostics: [warning('text-mojibake', 'odd'), warning('link-broken-local', 'no page')] },
    [`${SITE}/content/blog/broken-fragment.md`]: { diagnostics: [warning('link-broken-fragment', 'no heading')] },
    [`${SITE}/content/blog/alone.md`]: { diagnostics: [warning('text-mojibake', 'odd')] },
  };
  const setup = harness(new StandInService((path) => answers[path]));
  for (const name of ['guide-reader', 'leaf-and-other', 'broken-link', 'broken-fragment', 'alone']) {
    setup.documents.openWith(uriOf(name), 'text');
    await setup.validator.pullDiagnostics(uriOf(name));
  }
  // Published by a whole-site check: never checked here, so nothing is known it looked up.
  await setup.validator.publishFile(uriOf('site-checked'), []);
  return setup;
}

test('validator: dependents are the posts that looked up a changed key, and those with a broken link or fragment', async () => {
  const { validator } = await checkedPosts();
  assert.deepEqual(validator.dependents(['/blog/guide']), [uriOf('guide-reader'), uriOf('broken-link'), uriOf('broken-fragment')]);
  assert.deepEqual(validator.dependents(['/img/leaf.png'], true), [uriOf('leaf-and-other'), uriOf('broken-link'), uriOf('broken-fragment')]);
  assert.deepEqual(validator.dependents([]), [uriOf('broken-link'), uriOf('broken-fragment')]);
});

test('validator: dependents without the broken ones are only the posts that looked up one of the keys', async () => {
  const { validator } = await checkedPosts();
  assert.deepEqual(validator.dependents(['/blog/guide'], false), [uriOf('guide-reader')]);
  assert.deepEqual(validator.dependents(['/nothing/here', '/blog/other'], false), [uriOf('leaf-and-other')], 'one key of several is enough');
  assert.deepEqual(validator.dependents(new Set(['/blog/guide', '/img/leaf.png']), false), [uriOf('guide-reader'), uriOf('leaf-and-other')]);
  assert.deepEqual(validator.dependents(['/nothing/here'], false), []);
});

test('validator: a withdrawn post is no dependent any more, even once published again without a check', async () => {
  const { validator } = await checkedPosts();
  await validator.withdraw(uriOf('guide-reader'));
  assert.deepEqual(validator.dependents(['/blog/guide'], false), []);
  await validator.publishFile(uriOf('guide-reader'), []);
  assert.deepEqual(validator.dependents(['/blog/guide'], false), [], 'what it looked up was forgotten with it');
});

// Closed files: read from the disk, within their site.

/**
 * A folder for one test, removed when the test ends, or when the process exits first:
 * the mutation runner stops a test file at its first failure, before any `after` hook.
 */
function tempFolder(t: TestContext): string {
  const folder = realpathSync(mkdtempSync(join(tmpdir(), 'postlint-validator-')));
  const remove = () => rmSync(folder, { recursive: true, force: true });
  process.once('exit', remove);
  t.after(() => {
    process.removeListener('exit', remove);
    remove();
  });
  return folder;
}

/** A site on disk with authors, in a folder of its own, and the real engine over the disk. */
function closedSetup(t: TestContext, files: Record<string, string>, disk?: NodeWorkspace): Harness & { root: string } {
  const root = join(tempFolder(t), 'site');
  writeFiles(root, { 'hugo.yaml': MINIMAL_HUGO_CONFIG, 'data/authors.yaml': 'alice:\n  name: Alice Martin\n', ...files });
  const service = createLanguageService({ workspace: new NodeWorkspace(), now: () => FIXED_NOW });
  return { ...harness(service, disk), root };
}

test('validator: a closed post is read from the disk and its diagnostics published without a version', async (t) => {
  const { validator, connection, root } = closedSetup(t, { 'content/blog/p.md': POST_BY_WRITER });
  const uri = toUri(join(root, 'content/blog/p.md'));
  validator.schedule(uri);
  await settled();
  assert.deepEqual(connection.published, [{ uri, diagnostics: [UNKNOWN_WRITER_LSP] }]);
  assert.deepEqual(validator.results.get(uri), [UNKNOWN_WRITER]);
});

test('validator: a closed post that is gone is withdrawn: its problems cleared and forgotten, nothing logged', async (t) => {
  const { validator, connection, root } = closedSetup(t, { 'content/blog/p.md': POST_BY_WRITER });
  const uri = toUri(join(root, 'content/blog/p.md'));
  validator.schedule(uri);
  await settled();
  rmSync(join(root, 'content/blog/p.md'));
  validator.schedule(uri);
  await settled();
  assert.deepEqual(connection.published, [
    { uri, diagnostics: [UNKNOWN_WRITER_LSP] },
    { uri, diagnostics: [] },
  ]);
  assert.deepEqual([validator.results.has(uri), connection.warnings], [false, []]);
});

test('validator: a closed post over the size limit gets the one "too large" diagnostic', async (t) => {
  const disk = new NodeWorkspace({ maxFileSize: HALF_MB });
  const { validator, connection, root } = closedSetup(t, { 'content/blog/huge.md': 'a'.repeat(HALF_MB + 1) }, disk);
  const uri = toUri(join(root, 'content/blog/huge.md'));
  validator.schedule(uri);
  await settled();
  assert.deepEqual(connection.published, [{ uri, diagnostics: [tooLargeLsp(HALF_MB + 1)] }]);
  assert.deepEqual(connection.warnings, []);
});

test('validator: a closed post over the size limit where Postlint is off: not read, said in the log, withdrawn', async (t) => {
  const disk = new NodeWorkspace({ maxFileSize: HALF_MB });
  const { validator, connection, settings, root } = closedSetup(t, { 'content/blog/huge.md': 'a'.repeat(HALF_MB + 1) }, disk);
  const path = join(root, 'content/blog/huge.md');
  const uri = toUri(path);
  settings.disabled.add(uri);
  validator.schedule(uri);
  await settled();
  assert.deepEqual(connection.published, [{ uri, diagnostics: [] }]);
  assert.deepEqual(connection.warnings, [`Postlint: ${path}: not checked: it is ${HALF_MB + 1} bytes, over the 0.5 MB limit on the files Postlint reads`]);
});

test('validator: a closed post that a symlink leads out of the site is not read: said in the log, withdrawn', async (t) => {
  const { validator, connection, root } = closedSetup(t, { 'content/blog/inside.md': POST_BY_WRITER });
  const outside = join(root, '..', 'outside.md');
  writeFileSync(outside, POST_BY_WRITER);
  const path = join(root, 'content/blog/link.md');
  symlinkSync(outside, path);
  const uri = toUri(path);
  validator.schedule(uri);
  await settled();
  assert.deepEqual(connection.published, [{ uri, diagnostics: [] }]);
  assert.deepEqual(connection.warnings, [
    `Postlint: ${path}: not checked: it leads through a symlink to a file outside the site, and Postlint reads only files inside the site: put the file itself in the site`,
  ]);
});

test('validator: a closed post whose engine cannot be made: the config error is shown and logged, once', async () => {
  const { validator, connection } = harness(() => Promise.reject(new ConfigError('/site/.postlintrc.json', 'extends: unknown preset')));
  validator.schedule(POST_URI);
  await settled();
  validator.schedule(POST_URI);
  await settled();
  assert.deepEqual(connection.shown, ['Postlint: /site/.postlintrc.json: invalid configuration: extends: unknown preset']);
  assert.deepEqual(connection.errors, ['Postlint: /site/.postlintrc.json: invalid configuration: extends: unknown preset']);
  assert.deepEqual(connection.published, []);
});

test('validator: publishFile leaves an open document to its own checks', async () => {
  const { validator, connection, documents } = harness(new StandInService());
  documents.openWith(POST_URI, 'text');
  await validator.publishFile(POST_URI, [warning('text-mojibake', 'from the disk')]);
  assert.deepEqual([connection.published, validator.results.has(POST_URI)], [[], false]);
});

test('validator: after a whole-site check, the closed files not kept are withdrawn; kept and open ones stay', async () => {
  const service = new StandInService(() => ({ diagnostics: [warning('text-mojibake', 'open')] }));
  const { validator, connection, documents } = harness(service);
  await validator.publishFile(uriOf('kept'), [warning('text-mojibake', 'kept')]);
  await validator.publishFile(uriOf('gone'), [warning('text-mojibake', 'gone')]);
  documents.openWith(uriOf('open'), 'text');
  await validator.pullDiagnostics(uriOf('open'));
  connection.published.length = 0;
  await validator.clearClosedExcept(new Set([uriOf('kept')]));
  assert.deepEqual(connection.published, [{ uri: uriOf('gone'), diagnostics: [] }]);
  assert.deepEqual([...validator.results.keys()], [uriOf('kept'), uriOf('open')]);
});

// Pull mode.

test('validator: in pull mode nothing is pushed for an open document; a pull returns its LSP diagnostics', async () => {
  const service = new StandInService(() => ({ diagnostics: [warning('text-mojibake', 'pulled', 2)] }));
  const { validator, connection, documents, asked } = harness(service);
  validator.pull = true;
  documents.openWith(POST_URI, 'text');
  validator.schedule(POST_URI);
  await settled();
  assert.deepEqual([connection.published, asked], [[], []]);
  assert.deepEqual(await validator.pullDiagnostics(POST_URI), [warningLsp('text-mojibake', 'pulled', 2)]);
  assert.deepEqual(validator.results.get(POST_URI), [warning('text-mojibake', 'pulled', 2)]);
  assert.deepEqual(connection.published, []);
});

test('validator: a pull for a document that is not open returns nothing and asks no engine', async () => {
  const { validator, asked } = harness(new StandInService(() => ({ diagnostics: [warning('text-mojibake', 'never')] })));
  validator.pull = true;
  assert.deepEqual(await validator.pullDiagnostics(POST_URI), []);
  assert.deepEqual([asked, validator.results.has(POST_URI)], [[], false]);
});

test('validator: in pull mode a closed post is pushed; when it opens, the pushed copy is withdrawn, once', async (t) => {
  const { validator, connection, root } = closedSetup(t, { 'content/blog/p.md': POST_BY_WRITER });
  validator.pull = true;
  const uri = toUri(join(root, 'content/blog/p.md'));
  validator.schedule(uri);
  await settled();
  await validator.opened(uri);
  await validator.opened(uri);
  assert.deepEqual(connection.published, [
    { uri, diagnostics: [UNKNOWN_WRITER_LSP] },
    { uri, diagnostics: [] },
  ]);
});

test('validator: in push mode, opening a published closed file withdraws nothing: its own checks replace it', async () => {
  const { validator, connection } = harness(new StandInService());
  await validator.publishFile(POST_URI, [warning('text-mojibake', 'from the disk')]);
  await validator.opened(POST_URI);
  assert.deepEqual(connection.published, [{ uri: POST_URI, diagnostics: [warningLsp('text-mojibake', 'from the disk')] }]);
});

test('validator: in pull mode, a withdrawn file is not withdrawn again when it opens', async () => {
  const { validator, connection } = harness(new StandInService());
  validator.pull = true;
  await validator.publishFile(POST_URI, [warning('text-mojibake', 'from the disk')]);
  await validator.withdraw(POST_URI);
  await validator.opened(POST_URI);
  assert.deepEqual(connection.published, [
    { uri: POST_URI, diagnostics: [warningLsp('text-mojibake', 'from the disk')] },
    { uri: POST_URI, diagnostics: [] },
  ]);
});
