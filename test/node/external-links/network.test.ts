import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { checkExternalLinks } from '../../../server/node/external-links/check-external';
import { NOT_CHECKED } from '../../../server/node/external-links/reasons';
import { answer, fakeLookup, requestsStartedDuring, startServer, testEnvironment, testOptions, type TestServer } from './helpers';

// Detect before judging: offline, or behind something that answers 404 for every host,
// no link may come out dead.

let everything404: TestServer;

before(async () => {
  everything404 = await startServer({}, (_q, response) => answer(response, 404));
});

after(() => everything404.close());

test('offline: no name resolves, so the network is unreachable and nothing is requested, raw IP URLs included', async () => {
  const urls = ['https://example.com/a', 'https://example.org/b#part', everything404.url('/raw-ip')];
  const { result, started } = await requestsStartedDuring(() => checkExternalLinks(urls, testOptions(), testEnvironment({ lookup: fakeLookup({}) })));
  assert.equal(result.network, 'unreachable');
  assert.deepEqual(
    [...result.verdicts.values()],
    urls.map(() => ({ kind: 'not-checked', reason: NOT_CHECKED.unreachable })),
  );
  assert.deepEqual(started, []);
  assert.equal(result.requests.size, 0);
  assert.deepEqual(result.summary.notChecked, { [NOT_CHECKED.unreachable]: 3 });
});

test('offline with many hosts: the eight most linked are looked up, and when none resolves the others are not', async () => {
  const asked: string[] = [];
  // host-0 has the most URLs, host-11 the fewest: the names are asked in that order.
  const urls = Array.from({ length: 12 }, (_, host) => Array.from({ length: 12 - host }, (_, page) => `https://host-${host}.example/${page}`)).flat();
  const result = await checkExternalLinks(urls, testOptions(), testEnvironment({ lookup: fakeLookup({}, asked) }));
  assert.equal(result.network, 'unreachable');
  assert.deepEqual(asked.sort(), Array.from({ length: 8 }, (_, host) => `host-${host}.example`).sort());
  assert.equal(result.summary.notChecked[NOT_CHECKED.unreachable], urls.length);
});

test('online with many hosts: once one of the first eight resolves, every other name is looked up too', async () => {
  const asked: string[] = [];
  const urls = Array.from({ length: 10 }, (_, host) => `https://host-${host}.example/`);
  // Only host-0 resolves (to a private address, refused: it shows the resolver works all the same).
  const result = await checkExternalLinks(urls, testOptions(), testEnvironment({ lookup: fakeLookup({ 'host-0.example': '10.1.2.3' }, asked) }));
  assert.equal(result.network, 'reachable');
  assert.equal(new Set(asked).size, 10);
});

test('interception: two hosts answering 404 to everything, their roots too, make the run intercepted, not dead', async () => {
  const urls = [everything404.url('/post-1', 'a.test'), everything404.url('/post-2', 'a.test'), everything404.url('/page', 'b.test')];
  const result = await checkExternalLinks(
    urls,
    testOptions({ allowPrivate: ['a.test', 'b.test'] }),
    testEnvironment({ lookup: fakeLookup({ 'a.test': '127.0.0.1', 'b.test': '127.0.0.1' }) }),
  );
  assert.equal(result.network, 'intercepted');
  for (const url of urls) assert.deepEqual(result.verdicts.get(url), { kind: 'not-checked', reason: 'network intercepted (every host answers 404)' }, url);
  const roots = everything404.seen.filter((request) => request.path === '/').map((request) => request.host.replace(/:\d+$/, ''));
  assert.deepEqual(roots.sort(), ['a.test', 'a.test', 'b.test', 'b.test'], 'each root asked once (HEAD, then GET after the 404)');
});

test('one host answering 404 everywhere leaves its links unknown, its root asked once', async () => {
  const before = everything404.seen.length;
  const urls = [everything404.url('/x'), everything404.url('/y')];
  const result = await checkExternalLinks(urls, testOptions(), testEnvironment());
  assert.equal(result.network, 'reachable');
  for (const url of urls) assert.deepEqual(result.verdicts.get(url), { kind: 'unknown', detail: 'every page of the host answers 404' });
  assert.deepEqual(
    everything404.seen.slice(before).filter((request) => request.path === '/').map((request) => request.method),
    ['HEAD', 'GET'],
  );
});

test('a 404 is dead when the host serves other pages: here its root answers', async () => {
  const site = await startServer({ '/': (_q, response) => answer(response, 200) });
  try {
    const result = await checkExternalLinks([site.url('/gone')], testOptions(), testEnvironment());
    assert.deepEqual(result.verdicts.get(site.url('/gone')), { kind: 'dead', status: 404, detail: 'answers 404' });
    assert.deepEqual(result.requests, new Map([[site.url('/gone'), 1]]), 'the root asked is no link\u2019s request');
  } finally {
    await site.close();
  }
});

test('two hosts with one dead link each are not an interception when their roots answer', async () => {
  const site = await startServer({ '/': (_q, response) => answer(response, 200) });
  try {
    const urls = [site.url('/gone', 'a.test'), site.url('/gone', 'b.test')];
    const result = await checkExternalLinks(urls, testOptions({ allowPrivate: ['*.test'] }), testEnvironment({ lookup: fakeLookup({ 'a.test': '127.0.0.1', 'b.test': '127.0.0.1' }) }));
    assert.equal(result.network, 'reachable');
    for (const url of urls) assert.equal(result.verdicts.get(url)?.kind, 'dead', url);
  } finally {
    await site.close();
  }
});

test('a name that does not resolve while others do is unknown, never dead on one run', async () => {
  const site = await startServer({ '/ok': (_q, response) => answer(response, 200) });
  try {
    const result = await checkExternalLinks(
      [site.url('/ok', 'live.test'), 'https://gone.test/'],
      testOptions({ allowPrivate: ['live.test'] }),
      testEnvironment({ lookup: fakeLookup({ 'live.test': '127.0.0.1' }) }),
    );
    assert.equal(result.network, 'reachable');
    assert.deepEqual(result.verdicts.get('https://gone.test/'), { kind: 'unknown', detail: 'the host name does not resolve' });
  } finally {
    await site.close();
  }
});

test('an aborted run leaves every link not checked and requests nothing', async () => {
  const controller = new AbortController();
  controller.abort();
  const { result, started } = await requestsStartedDuring(() => checkExternalLinks([everything404.url('/x')], testOptions(), testEnvironment({ signal: controller.signal })));
  assert.deepEqual(result.verdicts.get(everything404.url('/x')), { kind: 'not-checked', reason: NOT_CHECKED.interrupted });
  assert.deepEqual(started, []);
});

test('a run stopped while a request hangs ends at once, that link not checked', async () => {
  const controller = new AbortController();
  const hanging = await startServer({}, () => controller.abort());
  try {
    const result = await checkExternalLinks([hanging.url('/hangs')], testOptions(), testEnvironment({ signal: controller.signal }));
    assert.deepEqual(result.verdicts.get(hanging.url('/hangs')), { kind: 'not-checked', reason: NOT_CHECKED.interrupted });
  } finally {
    await hanging.close();
  }
});
