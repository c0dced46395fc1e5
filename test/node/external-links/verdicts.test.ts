import assert from 'node:assert/strict';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { checkExternalLinks } from '../../../server/node/external-links/check-external';
import { answer, redirect, startServer, testEnvironment, testOptions, type TestServer } from './helpers';

// The verdicts of one run against a local server whose routes answer every way a site
// can: alive, gone, moved, looping, refusing HEAD, busy, failing, silent, hanging up.

let server: TestServer;
let rateLimited = 0;

before(async () => {
  server = await startServer({
    '/ok': (_q, response) => answer(response, 200),
    '/gone-404': (_q, response) => answer(response, 404),
    '/gone-410': (_q, response) => answer(response, 410),
    '/chain-1': redirect(301, '/chain-2'),
    '/chain-2': redirect(301, '/chain-3'),
    '/chain-3': (_q, response) => answer(response, 200),
    '/dir': redirect(308, '/dir/'),
    '/dir/': (_q, response) => answer(response, 200),
    '/moved-to-gone': redirect(301, '/gone-404'),
    '/temporary': redirect(302, '/ok'),
    '/loop-a': redirect(302, '/loop-b'),
    '/loop-b': redirect(302, '/loop-a'),
    ...Object.fromEntries(Array.from({ length: 7 }, (_, n) => [`/hop-${n}`, redirect(302, `/hop-${n + 1}`)])),
    '/no-head': (request, response) => answer(response, request.method === 'HEAD' ? 405 : 200),
    '/rate-limited': (_q, response) => (rateLimited++ === 0 ? answer(response, 429, { 'retry-after': '1' }) : answer(response, 200)),
    '/wait-an-hour': (_q, response) => answer(response, 429, { 'retry-after': '3600' }),
    '/always-503': (_q, response) => answer(response, 503),
    '/reset': (request) => request.socket.destroy(),
    '/login': (_q, response) => answer(response, 401),
    '/forbidden': (_q, response) => answer(response, 403),
    '/teapot': (_q, response) => answer(response, 418),
    '/to-ftp': redirect(301, 'ftp://files.example/x'),
    '/bad-location': redirect(302, 'http://[not-an-ip/'),
  });
});

after(() => server.close());

test('one run: each route gets its verdict, and each URL is checked once however it is written', async () => {
  const paths = [
    '/ok',
    '/gone-404',
    '/gone-410',
    '/chain-1',
    '/dir',
    '/moved-to-gone',
    '/temporary',
    '/loop-a',
    '/hop-0',
    '/no-head',
    '/rate-limited',
    '/wait-an-hour',
    '/always-503',
    '/reset',
    '/login',
    '/forbidden',
    '/teapot',
    '/to-ftp',
    '/bad-location',
  ];
  const urls = [...paths.map((path) => server.url(path)), `${server.url('/ok')}#a-heading`, ` ${server.url('/ok')}`, 'mailto:someone@example.org'];
  const environment = testEnvironment();
  const result = await checkExternalLinks(urls, testOptions(), environment);
  const verdict = (path: string) => result.verdicts.get(server.url(path));

  assert.deepEqual(verdict('/ok'), { kind: 'alive' });
  assert.deepEqual(verdict('/gone-404'), { kind: 'dead', status: 404, detail: 'answers 404' });
  assert.deepEqual(verdict('/gone-410'), { kind: 'dead', status: 410, detail: 'answers 410' });
  assert.deepEqual(verdict('/chain-1'), { kind: 'redirected', status: 301, finalUrl: server.url('/chain-3'), safe: false });
  assert.deepEqual(verdict('/dir'), { kind: 'redirected', status: 308, finalUrl: server.url('/dir/'), safe: true });
  assert.deepEqual(verdict('/moved-to-gone'), { kind: 'dead', status: 404, detail: `redirects to \u201c${server.url('/gone-404')}\u201d, which answers 404` });
  assert.deepEqual(verdict('/temporary'), { kind: 'alive' }, 'a temporary redirect gives the final page\u2019s verdict');
  assert.deepEqual(verdict('/loop-a'), { kind: 'unknown', detail: 'redirect loop' });
  assert.deepEqual(verdict('/hop-0'), { kind: 'unknown', detail: 'more than 5 redirects' });
  assert.deepEqual(server.methodsFor('/hop-6'), [], 'the sixth redirect is not followed');
  assert.deepEqual(verdict('/no-head'), { kind: 'alive' });
  assert.deepEqual(server.methodsFor('/no-head'), ['HEAD', 'GET']);
  assert.deepEqual(verdict('/rate-limited'), { kind: 'alive' });
  assert.deepEqual(server.methodsFor('/rate-limited'), ['HEAD', 'HEAD']);
  assert.ok(environment.slept.includes(1000), `Retry-After: 1 is waited as 1000 ms (slept ${environment.slept.join(', ')})`);
  assert.deepEqual(verdict('/wait-an-hour'), { kind: 'unknown', detail: 'answers 429 (too many requests) and asks to wait 3600 s' });
  assert.deepEqual(server.methodsFor('/wait-an-hour'), ['HEAD'], 'a Retry-After over the cap is not waited for');
  assert.deepEqual(verdict('/always-503'), { kind: 'unknown', detail: 'answers 503' });
  assert.deepEqual(server.methodsFor('/always-503'), ['HEAD', 'HEAD', 'HEAD'], 'the first request and two retries');
  assert.deepEqual(verdict('/reset'), { kind: 'unknown', detail: 'the connection failed (ECONNRESET)' });
  assert.equal(server.methodsFor('/reset').length, 3);
  assert.deepEqual(verdict('/login'), { kind: 'login-required', status: 401 });
  assert.deepEqual(verdict('/forbidden'), { kind: 'login-required', status: 403 });
  assert.deepEqual(server.methodsFor('/forbidden'), ['HEAD', 'GET'], 'a 403 to HEAD is asked again with GET');
  assert.deepEqual(verdict('/teapot'), { kind: 'unknown', detail: 'answers 418' });
  assert.deepEqual(verdict('/to-ftp'), { kind: 'unknown', detail: 'redirects to a ftp URL, which is not checked' });
  assert.deepEqual(verdict('/bad-location'), { kind: 'unknown', detail: 'redirects to a URL that is not valid' });

  // Without a Retry-After the backoff doubles from 500 ms: 503 and the reset waited 500 then
  // 1000 ms each, the 429 its Retry-After.
  assert.deepEqual(environment.slept.sort((a, b) => a - b), [500, 500, 1000, 1000, 1000]);

  assert.equal(result.network, 'reachable');
  assert.equal(result.verdicts.size, paths.length, 'the fragment and the spaces make no other key; mailto: has none');
  assert.deepEqual([...result.requests.values()].every((count) => count === 1), true, 'no URL is checked twice');
  assert.equal(result.requests.size, paths.length);
  assert.equal(server.methodsFor('/').length, 0, 'the host served pages: its root was not asked');
  assert.equal(result.summary.total, paths.length);
  assert.equal(result.summary.fromCache, 0);
  assert.deepEqual(result.summary.byKind, { alive: 4, 'login-required': 2, dead: 3, redirected: 2, failing: 0, unknown: 8, 'not-checked': 0 });
});

test('the request names Postlint and its version, asks like a browser, and sends no cookie or credentials', async () => {
  const headers: Record<string, string | string[] | undefined>[] = [];
  const own = await startServer({}, (request, response) => {
    headers.push(request.headers);
    answer(response, 200);
  });
  try {
    await checkExternalLinks([own.url('/page')], testOptions(), testEnvironment());
    assert.equal(headers.length, 1);
    const [sent] = headers;
    assert.equal(sent['user-agent'], 'Postlint/1.2.3-test (+https://github.com/postlint/postlint)');
    assert.match(String(sent.accept), /^text\/html,/);
    assert.match(String(sent['accept-language']), /^en/);
    assert.equal(sent.cookie, undefined);
    assert.equal(sent.authorization, undefined);
  } finally {
    await own.close();
  }
});

test('a response that never comes times out (total timeout), and the server is left with nothing open', async () => {
  const silent = await startServer({}, () => undefined);
  try {
    const result = await checkExternalLinks([silent.url('/slow')], testOptions({ timeoutMs: 300, retries: 0 }), testEnvironment());
    assert.deepEqual(result.verdicts.get(silent.url('/slow')), { kind: 'unknown', detail: 'no answer after 300 ms' });
    assert.deepEqual(silent.methodsFor('/slow'), ['HEAD']);
  } finally {
    await silent.close();
  }
});

test('onProgress counts URLs as they finish, failures among them', async () => {
  const calls: { done: number; total: number; failures: number }[] = [];
  await checkExternalLinks([server.url('/ok'), server.url('/gone-404'), 'http://[::1]/'], testOptions(), testEnvironment({ onProgress: (progress) => calls.push(progress) }));
  assert.deepEqual(calls[0], { done: 1, total: 3, failures: 0 }, 'the refused URL is done at once');
  assert.deepEqual(calls.at(-1), { done: 3, total: 3, failures: 1 });
});

test('garbage instead of HTTP, and headers past Node\u2019s limit, become verdicts, not crashes', async () => {
  const replies: Record<string, string> = {
    '/garbage': 'SSH-2.0-OpenSSH_9.6\r\n\r\n',
    '/huge-header': `HTTP/1.1 200 OK\r\nx-filler: ${'a'.repeat(100_000)}\r\n\r\n`,
    '/bad-status': 'HTTP/1.1 999999 What\r\n\r\n',
  };
  const raw = createNetServer((socket) => {
    socket.on('error', () => undefined);
    socket.once('data', (data) => {
      const path = /^[A-Z]+ (\S+)/.exec(data.toString('latin1'))?.[1] ?? '';
      socket.end(replies[path] ?? '');
    });
  });
  await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
  const { port } = raw.address() as AddressInfo;
  try {
    const urls = Object.keys(replies).map((path) => `http://127.0.0.1:${port}${path}`);
    const result = await checkExternalLinks(urls, testOptions({ retries: 0 }), testEnvironment());
    for (const url of urls) {
      const verdict = result.verdicts.get(url);
      assert.equal(verdict?.kind, 'unknown', url);
      assert.match(verdict?.kind === 'unknown' ? verdict.detail : '', /^the answer is not valid HTTP \(HPE_[A-Z_]+\)$/, url);
    }
  } finally {
    await new Promise((resolve) => raw.close(resolve));
  }
});

test('many requests in flight on one signal raise no listener-leak warning', async () => {
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(warning.name);
  process.on('warning', onWarning);
  try {
    const urls = Array.from({ length: 30 }, (_, n) => server.url(`/ok?n=${n}`));
    const result = await checkExternalLinks(urls, testOptions({ perHost: 16, concurrency: 16 }), testEnvironment({ signal: new AbortController().signal }));
    assert.equal(result.summary.byKind.alive, 30);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(warnings, []);
  } finally {
    process.off('warning', onWarning);
  }
});

test('a TLS handshake that fails (https to a plain HTTP server) is an unknown TLS failure, not retried', async () => {
  const before = server.seen.length;
  const url = `https://127.0.0.1:${server.port}/ok`;
  const result = await checkExternalLinks([url], testOptions(), testEnvironment());
  const verdict = result.verdicts.get(url);
  assert.equal(verdict?.kind, 'unknown');
  assert.match(verdict?.kind === 'unknown' ? verdict.detail : '', /^the secure connection failed \((ERR_SSL_|EPROTO)[A-Z_]*\)$/);
  assert.equal(server.seen.length, before, 'the plain server saw no HTTP request in the handshake bytes');
});
