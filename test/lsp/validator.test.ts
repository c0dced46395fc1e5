import assert from 'node:assert/strict';
import { mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import type { Connection, Diagnostic as LspDiagnostic, PublishDiagnosticsParams, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS, type Settings } from '../../schemas/settings';
import { NodeWorkspace } from '../../server/node/node-workspace';
import { ConfigError } from '../../server/engine/config/config';
import { createLanguageService, type CheckResult, type LanguageService } from '../../server/engine/language-service';
import type { Diagnostic } from '../../server/engine/types';
import { toUri } from '../../server/lsp/convert';
import type { SettingsCache } from '../../server/lsp/settings';
import { Validator } from '../../server/lsp/validation';
import { MINIMAL_HUGO_CONFIG, writeFiles } from '../helpers/disk-site';
import { FIXED_NOW, hugoSite, serviceFor as memoryService, SITE } from '../helpers/memory-workspace';

/**
 * The language server's Validator, in-process: what it is given (the connection, the
 * open documents, the settings, the engine) is a stand-in that records what it is
 * asked, and the engine's checks end when the test says so. The protocol tests
 * (protocol.test.ts, concurrency.test.ts) run the same code in the built server; these
 * reach the orderings a real client can only hope for, and run where mutants are tried.
 */

/**
 * Lets every continuation already queued run. The validator's work here is promises
 * only (stand-ins, a memory site, synchronous disk reads): when the event loop reaches
 * its check phase, all of it has run but what waits on a check the test holds.
 */
const settled = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What the validator says to the client, in order. */
class FakeConnection {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly shown: string[] = [];
  readonly errors: string[] = [];
  readonly warnings: string[] = [];
  /** Errors the next sendDiagnostics calls reject with, as a closing connection would. */
  readonly sendFailures: Error[] = [];
  readonly window = {
    showErrorMessage: async (message: string) => {
      this.shown.push(message);
      return undefined;
    },
  };
  readonly console = {
    error: (message: string) => void this.errors.push(message),
    warn: (message: string) => void this.warnings.push(message),
  };

  async sendDiagnostics(params: PublishDiagnosticsParams): Promise<void> {
    const failure = this.sendFailures.shift();
    if (failure) throw failure;
    this.published.push(params);
  }
}

/** The open documents: each change makes a new version, as the editor numbers them. */
class FakeDocuments {
  private readonly open = new Map<string, TextDocument>();

  get(uri: string): TextDocument | undefined {
    return this.open.get(uri);
  }

  openWith(uri: string, text: string): void {
    this.open.set(uri, TextDocument.create(uri, 'markdown', 1, text));
  }

  change(uri: string, text: string): void {
    const version = this.open.get(uri)!.version + 1;
    this.open.set(uri, TextDocument.create(uri, 'markdown', version, text));
  }

  close(uri: string): void {
    this.open.delete(uri);
  }
}

/** The defaults everywhere but where Postlint was turned off. */
class FakeSettings {
  readonly disabled = new Set<string>();

  async get(uri: string): Promise<Settings> {
    return this.disabled.has(uri) ? { ...DEFAULT_SETTINGS, enable: false } : DEFAULT_SETTINGS;
  }
}

type Answer = { diagnostics: Diagnostic[]; dependencies?: string[] } | { error: unknown };

interface HeldCheck {
  path: string;
  text: string;
  finish(diagnostics: Diagnostic[], dependencies?: string[]): void;
  fail(error: unknown): void;
}

/**
 * An engine whose checks the test ends: each waits in `held` until finished, unless
 * `answer` gives its result at once. `siteFor` answers with a fixed root.
 */
class StandInService {
  readonly held: HeldCheck[] = [];
  readonly sitesAsked: string[] = [];

  constructor(
    private readonly answer?: (path: string, text: string) => Answer,
    private readonly root = '/nowhere/site',
  ) {}

  check(path: string, text: string): Promise<CheckResult> {
    return new Promise((resolve, reject) => {
      const finish = (diagnostics: Diagnostic[], dependencies: string[] = []) => resolve({ path, isPost: true, diagnostics, dependencies });
      this.held.push({ path, text, finish, fail: reject });
      const answer = this.answer?.(path, text);
      if (answer && 'error' in answer) reject(answer.error);
      else if (answer) finish(answer.diagnostics, answer.dependencies);
    });
  }

  async siteFor(path: string): Promise<{ root: string }> {
    this.sitesAsked.push(path);
    return { root: this.root };
  }

  /** The n-th check, which must have started by now. */
  started(n: number): HeldCheck {
    const check = this.held[n - 1];
    if (!check) throw new Error(`check number ${n} never started (${this.held.length} did)`);
    return check;
  }
}

interface Harness {
  validator: Validator;
  connection: FakeConnection;
  documents: FakeDocuments;
  settings: FakeSettings;
  /** The URIs the validator asked an engine for, in order. */
  asked: string[];
}

function harness(service: StandInService | LanguageService | (() => Promise<never>), disk?: NodeWorkspace): Harness {
  const connection = new FakeConnection();
  const documents = new FakeDocuments();
  const settings = new FakeSettings();
  const asked: string[] = [];
  const serviceFor = async (uri: string) => {
    asked.push(uri);
    return (typeof service === 'function' ? await service() : service) as LanguageService;
  };
  const validator = new Validator(
    connection as unknown as Connection,
    documents as unknown as TextDocuments<TextDocument>,
    settings as unknown as SettingsCache,
    serviceFor,
    disk,
  );
  return { validator, connection, documents, settings, asked };
}

const POST_PATH = `${SITE}/content/blog/p.md`;
const POST_URI = 'file:///site/content/blog/p.md';

const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

/** A warning as the engine gives it: the stand-in engine's results. */
function warning(ruleId: string, message: string, line = 1): Diagnostic {
  return { ruleId, severity: 'warning', message, range: range(line, 0, 4), docsUrl: `https://example.org/docs/${ruleId}.md`, fixes: [] };
}

/** The same warning as LSP publishes it, written out. */
function warningLsp(ruleId: string, message: string, line = 1): LspDiagnostic {
  return { range: range(line, 0, 4), severity: 2, code: ruleId, codeDescription: { href: `https://example.org/docs/${ruleId}.md` }, source: 'postlint', message };
}

/** A post whose only problem is its author, unknown to the site (alice and bob are). */
const POST_BY_WRITER = '---\ntitle: Tides\ndate: 2025-01-01\nauthor: writer-one\n---\nBody.\n';
const UNKNOWN_WRITER_MESSAGE = '`writer-one` is not an author of this site: use a key of data/authors.yaml, or add the author there.';
const UNKNOWN_WRITER: Diagnostic = {
  ruleId: 'author-unknown',
  severity: 'error',
  message: UNKNOWN_WRITER_MESSAGE,
  range: range(3, 8, 18),
  docsUrl: 'https://github.com/postlint/postlint/blob/main/docs/rules/author-unknown.md',
  fixes: [],
};
const UNKNOWN_WRITER_LSP: LspDiagnostic = {
  range: range(3, 8, 18),
  severity: 1,
  code: 'author-unknown',
  codeDescription: { href: 'https://github.com/postlint/postlint/blob/main/docs/rules/author-unknown.md' },
  source: 'postlint',
  message: UNKNOWN_WRITER_MESSAGE,
};

/** Half a megabyte: a limit small enough to pass in a test, printed "0.5 MB". */
const HALF_MB = 512 * 1024;

const tooLargeMessage = (size: number) => `Postlint did not check this file: it is ${size} bytes, over the 0.5 MB limit on the files it reads.`;

/** The one diagnostic for a file over the limit: no rule, so no code, no docs and no fixes. */
const tooLarge = (size: number): Diagnostic => ({ ruleId: '', severity: 'error', message: tooLargeMessage(size), range: range(0, 0, 0), docsUrl: '', fixes: [] });
const tooLargeLsp = (size: number): LspDiagnostic => ({ range: range(0, 0, 0), severity: 1, source: 'postlint', message: tooLargeMessage(size) });

// --- open documents -------------------------------------------------------------------------

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

// --- what is not checked ----------------------------------------------------------------------

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

// --- config files and failures ----------------------------------------------------------------

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

test('validator: an invalid config is shown once per distinct message, and logged each time', async () => {
  const details = ['rules.no-such-rule: unknown rule', 'rules.no-such-rule: unknown rule', 'extends: unknown preset'];
  const service = new StandInService(() => ({ error: new ConfigError('/site/.postlintrc.json', details.shift()!) }));
  const { validator, connection } = harness(service);
  for (let i = 0; i < 3; i++) assert.deepEqual(await validator.diagnose(POST_URI, 'text'), []);
  assert.deepEqual(connection.shown, [
    'Postlint: /site/.postlintrc.json: invalid configuration: rules.no-such-rule: unknown rule',
    'Postlint: /site/.postlintrc.json: invalid configuration: extends: unknown preset',
  ]);
  assert.deepEqual(connection.errors, [
    '/site/.postlintrc.json: invalid configuration: rules.no-such-rule: unknown rule',
    '/site/.postlintrc.json: invalid configuration: rules.no-such-rule: unknown rule',
    '/site/.postlintrc.json: invalid configuration: extends: unknown preset',
  ]);
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

// --- dependents -------------------------------------------------------------------------------

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

// --- closed files -----------------------------------------------------------------------------

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

test('validator: a closed post whose engine cannot be made: the config error is shown, once, and logged', async () => {
  const { validator, connection } = harness(() => Promise.reject(new ConfigError('/site/.postlintrc.json', 'extends: unknown preset')));
  validator.schedule(POST_URI);
  await settled();
  validator.schedule(POST_URI);
  await settled();
  assert.deepEqual(connection.shown, ['Postlint: /site/.postlintrc.json: invalid configuration: extends: unknown preset']);
  assert.deepEqual(connection.errors, ['/site/.postlintrc.json: invalid configuration: extends: unknown preset', '/site/.postlintrc.json: invalid configuration: extends: unknown preset']);
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

// --- pull mode --------------------------------------------------------------------------------

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
