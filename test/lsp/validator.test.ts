import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NodeWorkspace } from '../../server/node/node-workspace';
import { ConfigError } from '../../server/engine/config/config';
import { createLanguageService } from '../../server/engine/language-service';
import { FIXED_NOW, hugoSite, serviceFor as memoryService } from '../helpers/memory-workspace';
import { settled, StandInService, harness, POST_PATH, POST_URI, range, warning, warningLsp, POST_BY_WRITER, UNKNOWN_WRITER, UNKNOWN_WRITER_LSP, HALF_MB, tooLarge, tooLargeLsp } from '../helpers/validator-harness';
test('validator: an open post is checked once by the real engine and its diagnostics published once, with its version', async () => {
  const { validator, connection, documents, asked } = harness(memoryService(hugoSite({ 'content/blog/p.md': POST_BY_WRITER })));
  documents.openWith(POST_URI, POST_BY_WRITER);
  validator.schedule(POST_URI);
  await settled();
  assert.deepEqual(connection.published, [{ uri: POST_URI, version: 1, diagnostics: [UNKNOWN_WRITER_LSP] }]);
  assert.deepEqual(asked, [POST_URI], 'one check');
  assert.deepEqual(validator.results.get(POST_URI), [UNKNOWN_WRITER], 'kept for code actions');
  assert.deepEqual([connection.errors, connection.shown], [[], []]);
});

test('validator: nothing is published while the check runs; then its result, with the version it checked', async () => {
  const service = new StandInService();
  const { validator, connection, documents } = harness(service);
  documents.openWith(POST_URI, 'text one');
  validator.schedule(POST_URI);
  await settled();
  assert.deepEqual(service.held.map((check) => [check.path, check.text]), [[POST_PATH, 'text one']]);
  assert.deepEqual(connection.published, [], 'published before its check ended');
  service.started(1).finish([warning('text-mojibake', 'one')]);
  await settled();
  assert.deepEqual(connection.published, [{ uri: POST_URI, version: 1, diagnostics: [warningLsp('text-mojibake', 'one')] }]);
});

test('validator: changes during a check are coalesced into one more check of the latest text; the stale result is never published', async () => {
  const service = new StandInService();
  const { validator, connection, documents } = harness(service);
  documents.openWith(POST_URI, 'text one');
  validator.schedule(POST_URI);
  await settled();
  documents.change(POST_URI, 'text two');
  validator.schedule(POST_URI);
  documents.change(POST_URI, 'text three');
  validator.schedule(POST_URI);
  await settled();
  assert.equal(service.held.length, 1, 'no second check starts while the first runs');

  service.started(1).finish([warning('text-mojibake', 'from text one')]);
  await settled();
  assert.deepEqual(service.held.map((check) => check.text), ['text one', 'text three'], 'one more check, of the latest text');
  assert.deepEqual(connection.published, [], 'the result of version 1 came after version 3 arrived: stale, never published');

  service.started(2).finish([warning('text-mojibake', 'from text three', 2)]);
  await settled();
  assert.deepEqual(connection.published, [{ uri: POST_URI, version: 3, diagnostics: [warningLsp('text-mojibake', 'from text three', 2)] }]);
  assert.deepEqual(validator.results.get(POST_URI), [warning('text-mojibake', 'from text three', 2)]);
  assert.equal(service.held.length, 2, 'and no third check');
});

test('validator: a change after a check has ended starts a new check at once', async () => {
  const service = new StandInService((_, text) => ({ diagnostics: [warning('text-mojibake', text)] }));
  const { validator, connection, documents } = harness(service);
  documents.openWith(POST_URI, 'first');
  validator.schedule(POST_URI);
  await settled();
  documents.change(POST_URI, 'second');
  validator.schedule(POST_URI);
  await settled();
  assert.deepEqual(connection.published, [
    { uri: POST_URI, version: 1, diagnostics: [warningLsp('text-mojibake', 'first')] },
    { uri: POST_URI, version: 2, diagnostics: [warningLsp('text-mojibake', 'second')] },
  ]);
});

/** The version last published after a change scheduled `turns` microtasks after the first check of version 1 began, with an engine that answers at once. */
async function lastPublishedAfterChangeAt(turns: number): Promise<number | undefined> {
  const service = new StandInService((_, text) => ({ diagnostics: [warning('text-mojibake', text)] }));
  const { validator, connection, documents } = harness(service);
  documents.openWith(POST_URI, 'one');
  validator.schedule(POST_URI);
  for (let turn = 0; turn < turns; turn++) await Promise.resolve();
  documents.change(POST_URI, 'two');
  validator.schedule(POST_URI);
  for (let turn = 0; turn < 10; turn++) await settled();
  return connection.published.at(-1)?.version;
}

test('validator: a change that arrives while a check ends is checked, whatever the microtask it arrives in (found by test/fuzz)', async () => {
  // After 8 or 9 turns the change came between the run's last test of `dirty` and its
  // leaving `running`: marked dirty, never checked, version 1's problems kept.
  const lost: number[] = [];
  for (let turns = 0; turns < 40; turns++) if ((await lastPublishedAfterChangeAt(turns)) !== 2) lost.push(turns);
  assert.deepEqual(lost, [], 'after these numbers of microtasks, version 2 was never published');
});

test('validator: a check asked for while another fails to publish still runs', async () => {
  // A site change asks for a check of an unchanged document; the failure of the one under way dropped it.
  const service = new StandInService();
  const { validator, connection, documents } = harness(service);
  connection.sendFailures.push(new Error('connection closed'));
  documents.openWith(POST_URI, 'text');
  validator.schedule(POST_URI);
  await settled();
  validator.schedule(POST_URI);
  service.started(1).finish([warning('text-mojibake', 'before')]);
  await settled();
  service.started(2).finish([warning('text-mojibake', 'after')]);
  await settled();
  assert.deepEqual(connection.published, [{ uri: POST_URI, version: 1, diagnostics: [warningLsp('text-mojibake', 'after')] }]);
});

test('validator: a document closed while its check runs publishes nothing, and nothing fails', async () => {
  const service = new StandInService();
  const { validator, connection, documents } = harness(service);
  documents.openWith(POST_URI, 'text one');
  validator.schedule(POST_URI);
  await settled();
  documents.close(POST_URI);
  service.started(1).finish([warning('text-mojibake', 'one')]);
  await settled();
  assert.deepEqual([connection.published, connection.errors, validator.results.has(POST_URI)], [[], [], false]);
});

test('validator: withdrawn while a check runs and a change waits: the waiting change is dropped, the problems cleared once', async () => {
  // What the server does when a document closes before any whole-site check.
  const service = new StandInService();
  const { validator, connection, documents } = harness(service);
  documents.openWith(POST_URI, 'text one');
  validator.schedule(POST_URI);
  await settled();
  documents.change(POST_URI, 'text two');
  validator.schedule(POST_URI);
  documents.close(POST_URI);
  await validator.withdraw(POST_URI);
  service.started(1).finish([warning('text-mojibake', 'one')]);
  await settled();
  assert.deepEqual(connection.published, [{ uri: POST_URI, diagnostics: [] }]);
  assert.deepEqual([service.held.length, service.sitesAsked], [1, []], 'neither checked again nor read from the disk');
});

test('validator: a failure to publish is logged with its stack, and the document can be checked again', async () => {
  const service = new StandInService(() => ({ diagnostics: [] }));
  const { validator, connection, documents } = harness(service);
  const closed = new Error('connection closed');
  closed.stack = 'Error: connection closed\n    at the test';
  connection.sendFailures.push(closed);
  documents.openWith(POST_URI, 'text');
  validator.schedule(POST_URI);
  await settled();
  assert.deepEqual(connection.errors, ['Postlint failed: Error: connection closed\n    at the test']);
  validator.schedule(POST_URI);
  await settled();
  assert.deepEqual(connection.published, [{ uri: POST_URI, version: 1, diagnostics: [] }]);
});

// What is not checked.

test('validator: with Postlint turned off for a document, it has no diagnostics and no engine is asked', async () => {
  const service = new StandInService(() => ({ diagnostics: [warning('text-mojibake', 'never')] }));
  const { validator, connection, documents, settings, asked } = harness(service);
  settings.disabled.add(POST_URI);
  assert.deepEqual(await validator.diagnose(POST_URI, 'text'), []);
  documents.openWith(POST_URI, 'text');
  validator.schedule(POST_URI);
  await settled();
  assert.deepEqual(connection.published, [{ uri: POST_URI, version: 1, diagnostics: [] }], 'an empty list, clearing what was shown');
  assert.deepEqual(asked, []);
});

test('validator: a document that is not a file (untitled:) has no diagnostics, and no engine is asked', async () => {
  const service = new StandInService(() => ({ diagnostics: [warning('text-mojibake', 'never')] }));
  const { validator, connection, asked } = harness(service);
  assert.deepEqual(await validator.diagnose('untitled:Untitled-1', 'text'), []);
  assert.deepEqual(await validator.diagnose('vscode-notebook-cell:/site/p.md#cell1', 'text'), []);
  assert.deepEqual([asked, connection.errors], [[], []]);
});

test('validator: an open text over the size limit gets the one "too large" diagnostic, counted in UTF-8 bytes, unchecked', async () => {
  const service = new StandInService(() => ({ diagnostics: [] }));
  const { validator, connection, documents, asked } = harness(service, new NodeWorkspace({ maxFileSize: HALF_MB }));
  // 262,145 characters of two bytes each: fewer characters than the limit, more bytes.
  const text = 'é'.repeat(HALF_MB / 2 + 1);
  assert.deepEqual(await validator.diagnose(POST_URI, text), [tooLarge(HALF_MB + 2)]);
  documents.openWith(POST_URI, text);
  validator.schedule(POST_URI);
  await settled();
  assert.deepEqual(connection.published, [{ uri: POST_URI, version: 1, diagnostics: [tooLargeLsp(HALF_MB + 2)] }]);
  assert.deepEqual(asked, []);
  // At the limit exactly, the text is checked.
  assert.deepEqual(await validator.diagnose(POST_URI, 'é'.repeat(HALF_MB / 2)), []);
  assert.deepEqual(asked, [POST_URI]);
});

test('validator: a text over the size limit where Postlint is off has no diagnostics', async () => {
  const { validator, settings } = harness(new StandInService(), new NodeWorkspace({ maxFileSize: HALF_MB }));
  settings.disabled.add(POST_URI);
  assert.deepEqual(await validator.diagnose(POST_URI, 'a'.repeat(HALF_MB + 1)), []);
});

// Config files and failures.

const CONFIG_URI = 'file:///site/.postlintrc.json';
const CONFIG_DOCS = 'https://github.com/postlint/postlint/blob/main/docs/configuration.md';
const NOT_JSON = 'The config is not valid JSON: ValueExpected. Fix it so that Postlint can read it.';

test('validator: a .postlintrc.json gets the config file diagnostics (code postlint-config), not a post check', async () => {
  const service = new StandInService(() => ({ diagnostics: [warning('text-mojibake', 'never')] }));
  const { validator, connection, documents, asked } = harness(service);
  assert.deepEqual(await validator.diagnose(CONFIG_URI, '{ "extends": }'), [
    { ruleId: 'postlint-config', severity: 'error', message: NOT_JSON, range: range(0, 13, 14), docsUrl: CONFIG_DOCS, fixes: [] },
  ]);
  assert.deepEqual(await validator.diagnose(CONFIG_URI, '{ "extends": "hugo" }'), [], 'a valid config has none');
  documents.openWith(CONFIG_URI, '{ "extends": }');
  validator.schedule(CONFIG_URI);
  await settled();
  assert.deepEqual(connection.published, [
    { uri: CONFIG_URI, version: 1, diagnostics: [{ range: range(0, 13, 14), severity: 1, code: 'postlint-config', codeDescription: { href: CONFIG_DOCS }, source: 'postlint', message: NOT_JSON }] },
  ]);
  assert.deepEqual(asked, []);
});

test('validator: a file merely ending in postlintrc.json is checked as any other', async () => {
  const service = new StandInService(() => ({ diagnostics: [warning('text-mojibake', 'checked')] }));
  const { validator } = harness(service);
  assert.deepEqual(await validator.diagnose('file:///site/content/my.postlintrc.json', '{ "extends": }'), [warning('text-mojibake', 'checked')]);
});

test('validator: an invalid config is shown and logged once per distinct message, without a stack trace', async () => {
  const details = ['rules.no-such-rule: unknown rule', 'rules.no-such-rule: unknown rule', 'extends: unknown preset'];
  const service = new StandInService(() => ({ error: new ConfigError('/site/.postlintrc.json', details.shift()!) }));
  const { validator, connection } = harness(service);
  for (let i = 0; i < 3; i++) assert.deepEqual(await validator.diagnose(POST_URI, 'text'), []);
  assert.deepEqual(connection.shown, [
    'Postlint: /site/.postlintrc.json: invalid configuration: rules.no-such-rule: unknown rule',
    'Postlint: /site/.postlintrc.json: invalid configuration: extends: unknown preset',
  ]);
  assert.deepEqual(connection.errors, [
    'Postlint: /site/.postlintrc.json: invalid configuration: rules.no-such-rule: unknown rule',
    'Postlint: /site/.postlintrc.json: invalid configuration: extends: unknown preset',
  ]);
});

test('validator: with the engine falling back, a broken config leaves the posts their problems, and says so once until it is mended', async () => {
  const writers = 'writer-one:\n  name: One\n';
  const site = hugoSite({ '.postlintrc.json': '{ "rules": { "author-unknown": "off" } }', 'content/blog/p.md': POST_BY_WRITER, 'data/authors.yaml': writers });
  const service = createLanguageService({ workspace: site, now: () => FIXED_NOW, brokenConfig: 'fall back' });
  const { validator, connection } = harness(service);
  const rules = async () => (await validator.diagnose(POST_URI, POST_BY_WRITER.replace('writer-one', 'nobody'))).map((d) => d.ruleId);
  // The config that reads turns author-unknown off.
  assert.deepEqual(await rules(), []);
  // Broken: the last config that read still applies, and the posts are not left looking clean.
  site.files.set('/site/.postlintrc.json', '{ "rules": { "author-unknown": "of" } }');
  service.invalidate();
  assert.deepEqual(await rules(), []);
  assert.deepEqual(await rules(), []);
  assert.equal(connection.shown.length, 1);
  assert.match(connection.shown[0], /invalid configuration: rules\.author-unknown: .*Posts are checked with the last config that could be read/);
  assert.equal(connection.errors.length, 1);
  // The status item is told too, once.
  assert.deepEqual(connection.notifications.map(([method]) => method), ['postlint/configStatus']);
  assert.match((connection.notifications[0][1] as { configProblem: string }).configProblem, /rules\.author-unknown/);
  // A fresh engine has no last good config: the preset's own settings apply, author-unknown on.
  const fresh = harness(createLanguageService({ workspace: site, now: () => FIXED_NOW, brokenConfig: 'fall back' }));
  assert.deepEqual((await fresh.validator.diagnose(POST_URI, POST_BY_WRITER.replace('writer-one', 'nobody'))).map((d) => d.ruleId), ['author-unknown']);
  // Mended, then broken the same way again: said again.
  site.files.set('/site/.postlintrc.json', '{ "rules": { "author-unknown": "off" } }');
  service.invalidate();
  assert.deepEqual(await rules(), []);
  assert.deepEqual(connection.notifications.at(-1), ['postlint/configStatus', { configProblem: null }], 'mended: the status item is told');
  site.files.set('/site/.postlintrc.json', '{ "rules": { "author-unknown": "of" } }');
  service.invalidate();
  await rules();
  assert.equal(connection.shown.length, 2);
});

test('validator: the real engine over a site with a broken config: no diagnostics, the config error shown', async () => {
  const site = hugoSite({ '.postlintrc.json': '{ "extends": }', 'content/blog/p.md': POST_BY_WRITER });
  const { validator, connection } = harness(memoryService(site));
  assert.deepEqual(await validator.diagnose(POST_URI, POST_BY_WRITER), []);
  assert.deepEqual(connection.shown, ['Postlint: /site/.postlintrc.json: invalid configuration: ValueExpected at line 1, column 14']);
});

test('validator: any other failure of a check is logged with its stack (or as it is), never shown, and the post has no diagnostics', async () => {
  const boom = new Error('boom');
  boom.stack = 'Error: boom\n    at the engine';
  const failures: unknown[] = [boom, 'a thrown string'];
  const { validator, connection } = harness(new StandInService(() => ({ error: failures.shift() })));
  assert.deepEqual(await validator.diagnose(POST_URI, 'text'), []);
  assert.deepEqual(await validator.diagnose(POST_URI, 'text'), []);
  assert.deepEqual(connection.errors, ['Postlint failed: Error: boom\n    at the engine', 'Postlint failed: a thrown string']);
  assert.deepEqual(connection.shown, []);
});

test('validator: what a check could not verify goes to the log, one line per reason with its count, said again only when it changes', async () => {
  const post = `${POST_BY_WRITER}\n[a](/blog/gone/) [b](/blog/away/)\n`;
  const site = hugoSite({
    'hugo.yaml': 'baseURL: https://example.org/\noutputFormats:\n  hostRedirects:\n    baseName: _redirects\n',
    'content/blog/p.md': post,
  });
  const { validator, connection } = harness(memoryService(site));
  const said = (count: string) => `Postlint: /site/content/blog/p.md: ${count} not verified: the site writes its “_redirects” at build time (output format “hostRedirects”), and a redirect there may serve this address`;
  await validator.diagnose(POST_URI, post);
  await validator.diagnose(POST_URI, `${post}More words.\n`);
  assert.deepEqual(connection.infos, [said('2 links')], 'a keystroke that leaves it as it was says nothing more');
  await validator.diagnose(POST_URI, `${post}[c](/blog/third/)\n`);
  assert.deepEqual(connection.infos, [said('2 links'), said('3 links')]);
  assert.deepEqual(connection.errors, []);
});

test('validator: pulls of one version while its check runs wait for that check; a new round or a new version checks anew', async () => {
  const service = new StandInService();
  const { validator, documents } = harness(service);
  validator.pull = true;
  documents.openWith(POST_URI, 'text one');
  const first = validator.pullDiagnostics(POST_URI);
  const second = validator.pullDiagnostics(POST_URI);
  await settled();
  assert.equal(service.held.length, 1, 'one check for both pulls');
  service.started(1).finish([warning('text-mojibake', 'one')]);
  assert.deepEqual(await first, [warningLsp('text-mojibake', 'one')]);
  assert.deepEqual(await second, [warningLsp('text-mojibake', 'one')]);

  // The check has ended: the next pull checks again (the site may have changed since).
  const third = validator.pullDiagnostics(POST_URI);
  await settled();
  assert.equal(service.held.length, 2);
  // While it runs, something the checks depend on changes: a pull after that does not take its result.
  validator.newPullRound();
  const fourth = validator.pullDiagnostics(POST_URI);
  await settled();
  assert.equal(service.held.length, 3);
  documents.change(POST_URI, 'text two');
  const fifth = validator.pullDiagnostics(POST_URI);
  await settled();
  assert.deepEqual(service.held.map((check) => check.text), ['text one', 'text one', 'text one', 'text two'], 'a new version is checked at once');
  for (const check of [2, 3, 4]) service.started(check).finish([]);
  assert.deepEqual(await Promise.all([third, fourth, fifth]), [[], [], []]);
});
