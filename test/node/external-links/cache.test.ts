import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { checkExternalLinks } from '../../../server/node/external-links/check-external';
import { answer, fakeLookup, startServer, testEnvironment, testOptions, type TestServer } from './helpers';

// The link cache: verdicts reused for days (no request), failures told apart from a
// failure seen on two runs a day apart, and a file that is always whole, sorted, and
// never a reason to stop.

const HOUR = 60 * 60 * 1000;
const T0 = new Date('2025-03-01T12:00:00Z');
const at = (hours: number) => () => new Date(T0.getTime() + hours * HOUR);

let server: TestServer;
let folder: string;
let flakyStatus = 503;
let cacheNumber = 0;

before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'postlint-links-'));
  server = await startServer({
    '/': (_q, response) => answer(response, 200),
    '/ok': (_q, response) => answer(response, 200),
    '/also-ok': (_q, response) => answer(response, 200),
    '/flaky': (_q, response) => answer(response, flakyStatus),
    '/always-503': (_q, response) => answer(response, 503),
    '/forbidden': (_q, response) => answer(response, 403),
  });
});

after(async () => {
  await server.close();
  rmSync(folder, { recursive: true, force: true });
});

/** A fresh cache file path for one test. */
function cacheFile(): string {
  return join(folder, `links-${cacheNumber++}`, 'links.json');
}

test('a 503 is unknown on the first run, reused within a day, and failing on a run a day later; a success forgets it', async () => {
  const file = cacheFile();
  const url = server.url('/flaky');
  flakyStatus = 503;
  const first = await checkExternalLinks([url], testOptions(), testEnvironment({ cacheFile: file, now: at(0) }));
  assert.deepEqual(first.verdicts.get(url), { kind: 'unknown', detail: 'answers 503' });
  assert.equal(first.requests.get(url), 1);

  const soon = await checkExternalLinks([url], testOptions(), testEnvironment({ cacheFile: file, now: at(1) }));
  assert.deepEqual(soon.verdicts.get(url), { kind: 'unknown', detail: 'answers 503' });
  assert.equal(soon.requests.size, 0, 'the cached failure is reused: no request');
  assert.equal(soon.summary.fromCache, 1);

  const dayLater = await checkExternalLinks([url], testOptions(), testEnvironment({ cacheFile: file, now: at(25) }));
  assert.deepEqual(dayLater.verdicts.get(url), { kind: 'failing', detail: 'answers 503', since: '2025-03-01' });
  assert.equal(dayLater.requests.get(url), 1);

  flakyStatus = 200;
  const recovered = await checkExternalLinks([url], testOptions(), testEnvironment({ cacheFile: file, now: at(50) }));
  assert.deepEqual(recovered.verdicts.get(url), { kind: 'alive' });
  assert.doesNotMatch(readFileSync(file, 'utf8'), /firstFailure/, 'a success clears the first failure');

  flakyStatus = 503;
  const again = await checkExternalLinks([url], testOptions(), testEnvironment({ cacheFile: file, now: at(50 + 24 * 8) }));
  assert.deepEqual(again.verdicts.get(url), { kind: 'unknown', detail: 'answers 503' }, 'a new series of failures starts over');
});

test('a name that does not resolve is dead only on a run a day after the first, while other names resolve', async () => {
  const file = cacheFile();
  const urls = [server.url('/ok', 'live.test'), 'https://gone.test/page'];
  const environment = (hours: number) => testEnvironment({ cacheFile: file, now: at(hours), lookup: fakeLookup({ 'live.test': '127.0.0.1' }) });
  // Every run asks again (failureDays 0): what is tested is the rule, not the reuse.
  const options = testOptions({ allowPrivate: ['live.test'], failureDays: 0 });
  const first = await checkExternalLinks(urls, options, environment(0));
  assert.deepEqual(first.verdicts.get('https://gone.test/page'), { kind: 'unknown', detail: 'the host name does not resolve' });
  const sameDay = await checkExternalLinks(urls, options, environment(23));
  assert.deepEqual(sameDay.verdicts.get('https://gone.test/page'), { kind: 'unknown', detail: 'the host name does not resolve' }, 'less than a day apart');
  // The live link came from the cache: only the dead name was left to look up, and the
  // live one was looked up as a witness that the resolver works (else: offline).
  assert.equal(sameDay.network, 'reachable');
  assert.equal(sameDay.requests.size, 0);
  const dayLater = await checkExternalLinks(urls, options, environment(25));
  assert.deepEqual(dayLater.verdicts.get('https://gone.test/page'), { kind: 'dead', status: 0, detail: 'the host name does not resolve' });
});

test('an offline run neither judges nor forgets: the failure series goes on across it', async () => {
  const file = cacheFile();
  const url = server.url('/always-503', 'site.test');
  const options = testOptions({ allowPrivate: ['site.test'] });
  const online = fakeLookup({ 'site.test': '127.0.0.1' });
  await checkExternalLinks([url], options, testEnvironment({ cacheFile: file, now: at(0), lookup: online }));
  const offline = await checkExternalLinks([url], options, testEnvironment({ cacheFile: file, now: at(30), lookup: fakeLookup({}) }));
  assert.equal(offline.verdicts.get(url)?.kind, 'not-checked');
  const back = await checkExternalLinks([url], options, testEnvironment({ cacheFile: file, now: at(60), lookup: online }));
  assert.deepEqual(back.verdicts.get(url), { kind: 'failing', detail: 'answers 503', since: '2025-03-01' });
});

test('verdicts are reused for liveDays, not-checked ones never stored; the file is sorted, one URL a line, and stable', async () => {
  const file = cacheFile();
  const urls = [server.url('/ok'), server.url('/forbidden'), server.url('/also-ok'), 'http://[::1]/'];
  const first = await checkExternalLinks(urls, testOptions(), testEnvironment({ cacheFile: file, now: at(0) }));
  assert.equal(first.requests.size, 3);
  const written = readFileSync(file, 'utf8');
  const lines = written.split('\n');
  assert.deepEqual(lines.slice(0, 4), ['{', '  "deadStatuses": [404,410],', '  "format": 1,', '  "links": {']);
  const keys = lines.filter((line) => line.startsWith('    ')).map((line) => JSON.parse(`{${line.replace(/,$/, '')}}`) as Record<string, unknown>);
  assert.deepEqual(
    keys.map((entry) => Object.keys(entry)[0]),
    [server.url('/also-ok'), server.url('/forbidden'), server.url('/ok')],
    'sorted, and without the not-checked [::1]',
  );
  assert.deepEqual(keys[0][server.url('/also-ok')], { checked: T0.toISOString(), seen: T0.toISOString(), verdict: { kind: 'alive' } });

  const cached = await checkExternalLinks([...urls].reverse(), testOptions(), testEnvironment({ cacheFile: file, now: at(0) }));
  assert.equal(cached.requests.size, 0, 'every verdict came from the cache');
  assert.equal(cached.summary.fromCache, 3);
  assert.deepEqual(cached.verdicts.get(server.url('/forbidden')), { kind: 'login-required', status: 403 });
  assert.equal(readFileSync(file, 'utf8'), written, 'the same run writes the same bytes, whatever the order of the URLs');

  const weekLater = await checkExternalLinks(urls, testOptions(), testEnvironment({ cacheFile: file, now: at(7 * 24) }));
  assert.equal(weekLater.requests.size, 3, 'after liveDays (7) they are asked again');
});

test('other dead statuses in the config drop the cached verdicts', async () => {
  const file = cacheFile();
  await checkExternalLinks([server.url('/forbidden')], testOptions(), testEnvironment({ cacheFile: file, now: at(0) }));
  const stricter = await checkExternalLinks([server.url('/forbidden')], testOptions({ deadStatuses: [403, 404, 410] }), testEnvironment({ cacheFile: file, now: at(1) }));
  assert.equal(stricter.requests.size, 1);
  assert.deepEqual(stricter.verdicts.get(server.url('/forbidden')), { kind: 'dead', status: 403, detail: 'answers 403' });
});

test('a corrupt or foreign cache file is ignored and rewritten, never a crash', async () => {
  for (const [content, problem] of [
    ['{"format": 1, "links": {', /not JSON/],
    ['{"format": 99, "links": {}}', /not a link cache of this version/],
    ['[1, 2, 3]', /not a link cache/],
  ] as const) {
    const file = cacheFile();
    const result0 = await checkExternalLinks([server.url('/ok')], testOptions(), testEnvironment({ cacheFile: file, now: at(0) }));
    assert.equal(result0.cacheProblem, undefined);
    writeFileSync(file, content);
    const result = await checkExternalLinks([server.url('/ok')], testOptions(), testEnvironment({ cacheFile: file, now: at(0) }));
    assert.deepEqual(result.verdicts.get(server.url('/ok')), { kind: 'alive' });
    assert.equal(result.requests.size, 1);
    assert.match(result.cacheProblem ?? '', problem);
    assert.match(readFileSync(file, 'utf8'), /"format": 1,/, 'rewritten in the current format');
  }
});

test('entries out of shape are dropped one by one, and URLs not seen for 30 days are forgotten', async () => {
  const file = cacheFile();
  const old = T0.toISOString();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(
    file,
    JSON.stringify({
      format: 1,
      deadStatuses: [404, 410],
      links: {
        [server.url('/ok')]: { seen: old, checked: old, verdict: { kind: 'alive' } },
        [server.url('/also-ok')]: { seen: old, checked: old, verdict: { kind: 'dead', status: 'soon' } },
        'https://forgotten.example/': { seen: '2024-12-01T00:00:00Z', checked: '2024-12-01T00:00:00Z', verdict: { kind: 'alive' } },
        'https://kept.example/': { seen: old, firstFailure: { kind: 'timeout', at: old } },
      },
    }),
  );
  const result = await checkExternalLinks([server.url('/ok'), server.url('/also-ok')], testOptions(), testEnvironment({ cacheFile: file, now: at(1) }));
  assert.deepEqual(result.requests, new Map([[server.url('/also-ok'), 1]]), 'the valid entry is used, the broken one asked again');
  const links = (JSON.parse(readFileSync(file, 'utf8')) as { links: Record<string, unknown> }).links;
  assert.deepEqual(Object.keys(links), [server.url('/also-ok'), server.url('/ok'), 'https://kept.example/']);
});

test('no cache file (--no-cache): nothing read or written, every URL requested', async () => {
  const result = await checkExternalLinks([server.url('/ok')], testOptions(), testEnvironment({ now: at(0) }));
  assert.equal(result.requests.get(server.url('/ok')), 1);
  assert.equal(result.cacheProblem, undefined);
});

test('a cache file that cannot be written is said, and the verdicts stand', async () => {
  const blocker = join(folder, 'a-file');
  writeFileSync(blocker, '');
  const result = await checkExternalLinks([server.url('/ok')], testOptions(), testEnvironment({ cacheFile: join(blocker, 'links.json'), now: at(0) }));
  assert.deepEqual(result.verdicts.get(server.url('/ok')), { kind: 'alive' });
  assert.match(result.cacheProblem ?? '', /^the link cache could not be written: /);
});
