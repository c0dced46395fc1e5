import assert from 'node:assert/strict';
import { afterEach, beforeEach, mock, test } from 'node:test';
import { LARGE_DOCUMENT, LARGE_DOCUMENT_PAUSE_MS } from '../../server/lsp/validation';
import { harness, POST_URI, settled, StandInService, warning, warningLsp } from '../helpers/validator-harness';

// The pause in typing is a timer: the tests move a mocked clock instead of waiting for it.
beforeEach(() => mock.timers.enable({ apis: ['setTimeout'] }));
afterEach(() => mock.timers.reset());

/** A document just over the limit, ending in `tail` so that each version reads differently. */
const large = (tail: string) => `${'a'.repeat(LARGE_DOCUMENT)}${tail}`;
const endings = (service: StandInService) => service.held.map((check) => check.text.slice(LARGE_DOCUMENT));

/** A large document opened and checked once, as the server checks every document when it opens. */
async function openedLarge(pull = false) {
  const service = new StandInService((_, text) => ({ diagnostics: [warning('text-mojibake', text.slice(LARGE_DOCUMENT))] }));
  const setup = harness(service);
  setup.validator.pull = pull;
  setup.documents.openWith(POST_URI, large('0'));
  if (!pull) setup.validator.schedule(POST_URI);
  await settled();
  return { service, ...setup };
}

test('a large document is not checked on each keystroke, but once typing pauses, with its latest text; the log says so once', async () => {
  const { service, validator, documents, connection } = await openedLarge();
  for (const tail of ['1', '2', '3']) {
    documents.change(POST_URI, large(tail));
    validator.edited(POST_URI);
    mock.timers.tick(LARGE_DOCUMENT_PAUSE_MS - 1);
    await settled();
  }
  assert.deepEqual(endings(service), ['0'], 'checked when opened, and not while typing goes on');
  mock.timers.tick(1);
  await settled();
  assert.deepEqual(endings(service), ['0', '3']);
  assert.deepEqual(connection.published.at(-1), { uri: POST_URI, version: 4, diagnostics: [warningLsp('text-mojibake', '3')] });
  assert.deepEqual(connection.infos, ['Postlint: /site/content/blog/p.md is over 1 MB: it is checked when you save it or stop typing for 1.5 s, not on each keystroke.']);
});

test('saving a large document checks it at once, and the pause then adds no check', async () => {
  const { service, validator, documents } = await openedLarge();
  documents.change(POST_URI, large('saved'));
  validator.edited(POST_URI);
  validator.saved(POST_URI);
  await settled();
  assert.deepEqual(endings(service), ['0', 'saved']);
  mock.timers.tick(LARGE_DOCUMENT_PAUSE_MS);
  await settled();
  assert.deepEqual(endings(service), ['0', 'saved']);
  validator.saved(POST_URI);
  await settled();
  assert.equal(service.held.length, 2, 'a save with nothing new typed since the check checks nothing more');
});

test('a document at the limit is checked on each change, as every other document', async () => {
  const service = new StandInService(() => ({ diagnostics: [] }));
  const { validator, documents, connection } = harness(service);
  documents.openWith(POST_URI, 'a'.repeat(LARGE_DOCUMENT));
  validator.edited(POST_URI);
  await settled();
  documents.change(POST_URI, 'b'.repeat(LARGE_DOCUMENT));
  validator.edited(POST_URI);
  await settled();
  assert.equal(service.held.length, 2);
  assert.deepEqual(connection.infos, []);
});

test('pull mode: while typing goes on, a pull answers with the last problems; the pause asks the client to pull again, and that pull checks', async () => {
  const { service, validator, documents, connection } = await openedLarge(true);
  assert.deepEqual(await validator.pullDiagnostics(POST_URI), [warningLsp('text-mojibake', '0')]);
  documents.change(POST_URI, large('typed'));
  validator.edited(POST_URI);
  assert.deepEqual(await validator.pullDiagnostics(POST_URI), [warningLsp('text-mojibake', '0')], 'the last result, not a new check');
  assert.equal(service.held.length, 1);
  assert.equal(connection.refreshes, 0);
  mock.timers.tick(LARGE_DOCUMENT_PAUSE_MS);
  await settled();
  assert.equal(connection.refreshes, 1);
  assert.deepEqual(await validator.pullDiagnostics(POST_URI), [warningLsp('text-mojibake', 'typed')]);
  assert.equal(service.held.length, 2);
});

test('a large document closed while typing pauses is forgotten: its timer checks nothing', async () => {
  const { service, validator, documents } = await openedLarge();
  documents.change(POST_URI, large('closing'));
  validator.edited(POST_URI);
  documents.close(POST_URI);
  await validator.withdraw(POST_URI);
  mock.timers.tick(LARGE_DOCUMENT_PAUSE_MS);
  await settled();
  assert.equal(service.held.length, 1);
});
