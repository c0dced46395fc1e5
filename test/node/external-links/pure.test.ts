import assert from 'node:assert/strict';
import { test } from 'node:test';
import { literalRefusal, refusedRange } from '../../../server/node/external-links/addresses';
import { failureOf } from '../../../server/node/external-links/http-request';
import { Limiter, mapLimited } from '../../../server/node/external-links/limiter';
import { HostEvidence, unresolvable } from '../../../server/node/external-links/network';
import { isSafeRedirect } from '../../../server/node/external-links/redirects';
import { backoffMs, parseRetryAfter } from '../../../server/node/external-links/retry';
import { isIgnored } from '../../../server/node/external-links/url-screen';

test('refusedRange: only global unicast passes, IPv4 inside IPv6 judged as IPv4', () => {
  const cases: [string, string | undefined][] = [
    ['93.184.215.14', undefined],
    ['2606:4700::6810:84e5', undefined],
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['10.0.0.5', 'private'],
    ['172.16.3.4', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['224.0.0.1', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::', 'unspecified'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['fe80::1', 'linkLocal'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'linkLocal'],
    ['::ffff:93.184.215.14', undefined],
    ['::7f00:1', 'ipv4Compatible'],
    ['::808:808', 'ipv4Compatible'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['64:ff9b::93.184.215.14', undefined],
    ['2001:db8::1', 'reserved'],
    ['example.com', 'not an address'],
    ['', 'not an address'],
  ];
  for (const [address, range] of cases) assert.equal(refusedRange(address), range, address);
});

test('literalRefusal: IP hosts and localhost names are judged before any lookup; allowPrivate exempts a host', () => {
  const cases: [string, string[], string | undefined][] = [
    ['127.0.0.1', [], 'loopback'],
    ['[::1]', [], 'loopback'],
    ['localhost', [], 'loopback'],
    ['localhost.', [], 'loopback'],
    ['api.localhost', [], 'loopback'],
    ['example.com', [], undefined],
    ['93.184.215.14', [], undefined],
    ['127.0.0.1', ['127.0.0.1'], undefined],
    ['[::1]', ['::1'], undefined],
    ['localhost', ['localhost'], undefined],
    ['10.1.2.3', ['*.intranet.example'], 'private'],
  ];
  for (const [host, allow, refused] of cases) assert.equal(literalRefusal(host, allow), refused, `${host} ${allow.join()}`);
});

test('isSafeRedirect: the same page over https, or with a trailing slash added, and nothing else', () => {
  const cases: [string, string, boolean][] = [
    ['http://x.org/a', 'https://x.org/a', true],
    ['http://x.org/a', 'http://x.org/a/', true],
    ['https://x.org/a', 'https://x.org/a/', true],
    ['http://x.org/a', 'https://x.org/a/', true],
    ['http://x.org/a?b=1', 'https://x.org/a?b=1', true],
    ['http://X.org/a', 'https://x.org/a', true],
    ['http://x.org/a#top', 'https://x.org/a', true],
    ['https://x.org/a', 'http://x.org/a', false],
    ['http://x.org/a', 'https://www.x.org/a', false],
    ['http://x.org/a', 'https://x.org/b', false],
    ['http://x.org/a/', 'http://x.org/a', false],
    ['http://x.org/a?b=1', 'https://x.org/a?b=2', false],
    ['http://x.org/a', 'https://x.org/a?b=1', false],
    ['http://x.org:8080/a', 'https://x.org:8443/a', false],
    ['http://x.org:8080/a', 'http://x.org:8080/a/', true],
    ['http://x.org/a', 'http://x.org/a', false],
    ['http://x.org/a', 'not a url', false],
  ];
  for (const [from, to, safe] of cases) assert.equal(isSafeRedirect(from, to), safe, `${from} → ${to}`);
});

test('parseRetryAfter: seconds or an HTTP date, from the clock given; anything else is not read', () => {
  const now = new Date('2025-03-01T12:00:00Z');
  const cases: [string | undefined, number | undefined][] = [
    [undefined, undefined],
    ['1', 1000],
    [' 120 ', 120_000],
    ['0', 0],
    ['Sat, 01 Mar 2025 12:00:30 GMT', 30_000],
    ['Saturday, 01-Mar-25 12:01:00 GMT', 60_000],
    ['Sat, 01 Mar 2025 11:00:00 GMT', 0],
    ['-1', undefined],
    ['1.5', undefined],
    ['soon', undefined],
    ['2025-03-01T12:00:30Z', undefined],
    ['', undefined],
  ];
  for (const [value, ms] of cases) assert.equal(parseRetryAfter(value, now), ms, String(value));
  assert.ok(parseRetryAfter('9'.repeat(40), now)! > 120_000, 'a huge delay is read as huge, for the cap to refuse');
  assert.deepEqual([0, 1, 2].map(backoffMs), [500, 1000, 2000]);
});

test('isIgnored: host entries (with *. for subdomains) and URL prefixes, compared once parsed', () => {
  const ignore = ['*.example.org', 'https://example.com/private/', 'cdn.test'];
  const cases: [string, boolean][] = [
    ['https://example.org/', true],
    ['https://a.b.example.org/x', true],
    ['https://notexample.org/', false],
    ['HTTPS://EXAMPLE.com/private/page', true],
    ['https://example.com/public/', false],
    ['http://example.com/private/page', false],
    ['https://cdn.test/lib.js', true],
    ['https://cdn.test.evil.org/', false],
  ];
  for (const [url, ignored] of cases) assert.equal(isIgnored(new URL(url), ignore), ignored, url);
  assert.equal(isIgnored(new URL('https://example.com.evil.org/'), ['https://example.com']), false, 'a prefix naming a host ends at the host');
});

test('failureOf: request errors by kind, never throwing on odd input', () => {
  const kinds = (codes: unknown[]) => codes.map((code) => failureOf({ code }, { timeoutMs: 1000 }).kind);
  assert.deepEqual(kinds(['ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'ECONNREFUSED', 'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID', 'HPE_INVALID_CONSTANT', undefined, 42]), [
    'name',
    'dns',
    'timeout',
    'connection',
    'connection',
    'tls',
    'tls',
    'protocol',
    'protocol',
    'protocol',
  ]);
  assert.equal(failureOf(null, { timeoutMs: 1000 }).kind, 'protocol');
});

test('HostEvidence: pages served, interception (two hosts, one status, no page), and silence (two hosts, no answer)', () => {
  const answered = (status: number) => ({ answer: { status } });
  const evidence = new HostEvidence();
  evidence.record('a.test', answered(404));
  assert.equal(evidence.servesPages('a.test'), false);
  assert.deepEqual(evidence.state(), { network: 'reachable' }, 'one host proves nothing');
  evidence.record('b.test', answered(404));
  assert.deepEqual(evidence.state(), { network: 'intercepted', status: 404 });
  evidence.record('b.test', answered(301));
  assert.equal(evidence.servesPages('b.test'), true);
  assert.deepEqual(evidence.state(), { network: 'reachable' });

  const mixed = new HostEvidence();
  mixed.record('a.test', answered(404));
  mixed.record('b.test', answered(403));
  assert.deepEqual(mixed.state(), { network: 'reachable' }, 'two statuses are two servers');

  const silent = new HostEvidence();
  silent.record('a.test', { failure: { kind: 'timeout', detail: '' } });
  assert.deepEqual(silent.state(), { network: 'reachable' });
  silent.record('b.test', { failure: { kind: 'connection', detail: '' } });
  assert.deepEqual(silent.state(), { network: 'unreachable' });
  silent.record('c.test', { failure: { kind: 'tls', detail: '' } });
  assert.deepEqual(silent.state(), { network: 'reachable' }, 'a TLS failure means something answered');

  assert.equal(unresolvable([]), false, 'no names looked up: nothing shown');
  assert.equal(unresolvable([{ failed: 'ENOTFOUND' }, { failed: 'EAI_AGAIN' }]), true);
  assert.equal(unresolvable([{ failed: 'ENOTFOUND' }, { refused: 'private' }]), false, 'a name resolved to a refused address did resolve');
});

test('Limiter: never more than perHost to one host nor total in all, and every task runs', async () => {
  const limiter = new Limiter(3, 2);
  const inFlight = new Map<string, number>();
  let total = 0;
  let maxTotal = 0;
  let maxPerHost = 0;
  const releases: (() => void)[] = [];
  const task = (host: string) =>
    limiter.run(host, async () => {
      inFlight.set(host, (inFlight.get(host) ?? 0) + 1);
      total++;
      maxTotal = Math.max(maxTotal, total);
      maxPerHost = Math.max(maxPerHost, inFlight.get(host)!);
      await new Promise<void>((resolve) => releases.push(resolve));
      inFlight.set(host, inFlight.get(host)! - 1);
      total--;
      return host;
    });
  const hosts = ['a', 'a', 'a', 'a', 'b', 'b', 'c', 'a', 'c'];
  const all = Promise.all(hosts.map(task));
  // Release tasks one by one as they start, until all have run.
  for (let released = 0; released < hosts.length; released++) {
    while (releases.length === 0) await new Promise((resolve) => setImmediate(resolve));
    releases.shift()!();
  }
  assert.deepEqual(await all, hosts);
  assert.equal(maxTotal, 3);
  assert.equal(maxPerHost, 2);
  assert.deepEqual(await mapLimited([3, 1, 2], 2, async (n) => n * 2), [6, 2, 4]);
});
