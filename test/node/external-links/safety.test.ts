import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { checkExternalOptions } from '../../../schemas/check-external';
import { checkExternalLinks } from '../../../server/node/external-links/check-external';
import { NOT_CHECKED } from '../../../server/node/external-links/reasons';
import type { Lookup } from '../../../server/node/external-links/resolver';
import { answer, fakeLookup, redirect, requestsStartedDuring, startServer, testEnvironment, testOptions, type TestServer } from './helpers';

// A pull request chooses the URLs: with the default options the check must never reach
// loopback, private or link-local addresses, neither as written, nor through a name, nor
// through a redirect. Each refusal happens before any request is started.

let server: TestServer;

before(async () => {
  server = await startServer({
    '/ok': (_q, response) => answer(response, 200),
    '/to-metadata': redirect(302, 'http://169.254.169.254/latest/meta-data/'),
    '/to-internal': (_q, response, self) => answer(response, 301, { location: self.url('/internal-page', 'internal.test') }),
    '/to-localhost': (_q, response, self) => answer(response, 302, { location: self.url('/local-page', 'localhost') }),
  });
});

after(() => server.close());

test('default options: loopback, localhost, [::1] and a name resolving to 10.0.0.5 are not checked, and nothing is sent', async () => {
  const asked: string[] = [];
  const urls = [server.url('/ok'), server.url('/ok', 'localhost'), 'http://[::1]/', 'http://[::ffff:127.0.0.1]/x', 'http://2130706433/', 'http://intranet.test/'];
  const { result, started } = await requestsStartedDuring(() =>
    checkExternalLinks(urls, checkExternalOptions.parse({}), testEnvironment({ lookup: fakeLookup({ 'intranet.test': '10.0.0.5' }, asked) })),
  );
  for (const url of urls) assert.deepEqual(result.verdicts.get(url), { kind: 'not-checked', reason: NOT_CHECKED.privateAddress }, url);
  assert.deepEqual(started, [], 'no request was started');
  assert.deepEqual(server.seen, []);
  assert.deepEqual(asked, ['intranet.test'], 'IP hosts and localhost are refused without a lookup');
  assert.equal(result.requests.size, 0);
  assert.equal(result.network, 'reachable', 'the name resolved: the network works');
});

test('a name that resolves to one public and one private address is refused whole', async () => {
  const lookup = ((_host: string, _options: unknown, callback: (error: null, addresses: { address: string; family: number }[]) => void) =>
    setImmediate(() =>
      callback(null, [
        { address: '93.184.215.14', family: 4 },
        { address: '127.0.0.1', family: 4 },
      ]),
    )) as unknown as Lookup;
  const { result, started } = await requestsStartedDuring(() => checkExternalLinks(['http://rebind.test/'], checkExternalOptions.parse({}), testEnvironment({ lookup })));
  assert.deepEqual(result.verdicts.get('http://rebind.test/'), { kind: 'not-checked', reason: NOT_CHECKED.privateAddress });
  assert.deepEqual(started, []);
});

test('a redirect from an allowed host to the metadata address, a private name or localhost is followed no further', async () => {
  const { result, started } = await requestsStartedDuring(() =>
    checkExternalLinks(
      [server.url('/to-metadata'), server.url('/to-internal'), server.url('/to-localhost')],
      testOptions({ allowPrivate: ['127.0.0.1'] }),
      testEnvironment({ lookup: fakeLookup({ 'internal.test': '127.0.0.1' }) }),
    ),
  );
  for (const path of ['/to-metadata', '/to-internal', '/to-localhost']) {
    assert.deepEqual(result.verdicts.get(server.url(path)), { kind: 'not-checked', reason: NOT_CHECKED.redirectsToPrivate }, path);
  }
  assert.equal(
    started.some((request) => request.startsWith('169.254.169.254')),
    false,
    `nothing was sent to the metadata address (${started.join(', ')})`,
  );
  assert.equal(
    started.some((request) => request.startsWith('localhost')),
    false,
  );
  assert.deepEqual(
    server.seen.map((request) => request.path).sort(),
    ['/to-internal', '/to-localhost', '/to-metadata'],
    'the name resolving to loopback was refused at its lookup, before connecting: the server saw no request for it',
  );
});

test('allowPrivate lets a named intranet host through, by name', async () => {
  const result = await checkExternalLinks(
    [server.url('/ok', 'wiki.intranet.test')],
    testOptions({ allowPrivate: ['*.intranet.test'] }),
    testEnvironment({ lookup: fakeLookup({ 'wiki.intranet.test': '127.0.0.1' }) }),
  );
  assert.deepEqual(result.verdicts.get(server.url('/ok', 'wiki.intranet.test')), { kind: 'alive' });
  assert.equal(server.seen.at(-1)?.host, `wiki.intranet.test:${server.port}`);
});

test('allowPrivate never opens link-local addresses (cloud metadata): as written, through a name, or by a wildcard', async () => {
  const urls = ['http://169.254.169.254/latest/meta-data/', 'http://metadata.test/computeMetadata/v1/', 'http://[fe80::1]/'];
  const options = testOptions({ allowPrivate: ['169.254.169.254', 'metadata.test', '[fe80::1]', 'fe80::1'] });
  const { result, started } = await requestsStartedDuring(() =>
    checkExternalLinks(urls, options, testEnvironment({ lookup: fakeLookup({ 'metadata.test': '169.254.169.254' }) })),
  );
  for (const url of urls) assert.deepEqual(result.verdicts.get(url), { kind: 'not-checked', reason: NOT_CHECKED.privateAddress }, url);
  assert.deepEqual(started, []);
});

test('ignored hosts and prefixes, URLs with credentials and odd URLs are not requested', async () => {
  const urls = [server.url('/ok'), server.url('/ignored/page'), 'http://user:secret@example.org/', 'http://[zz]/', 'https://skip.example/'];
  const options = testOptions({ ignore: [server.url('/ignored/'), 'skip.example'] });
  const { result, started } = await requestsStartedDuring(() => checkExternalLinks(urls, options, testEnvironment({ lookup: fakeLookup({}) })));
  assert.deepEqual(result.verdicts.get(server.url('/ok')), { kind: 'alive' });
  assert.deepEqual(result.verdicts.get(server.url('/ignored/page')), { kind: 'not-checked', reason: NOT_CHECKED.ignored });
  assert.deepEqual(result.verdicts.get('https://skip.example/'), { kind: 'not-checked', reason: NOT_CHECKED.ignored });
  assert.deepEqual(result.verdicts.get('http://user:secret@example.org/'), { kind: 'not-checked', reason: NOT_CHECKED.credentials });
  assert.deepEqual(result.verdicts.get('http://[zz]/'), { kind: 'not-checked', reason: NOT_CHECKED.invalid });
  assert.deepEqual(started, ['127.0.0.1 /ok']);
  assert.deepEqual(result.summary.notChecked, { [NOT_CHECKED.ignored]: 2, [NOT_CHECKED.credentials]: 1, [NOT_CHECKED.invalid]: 1 });
});
