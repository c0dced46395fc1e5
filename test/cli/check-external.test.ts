import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runCli, REPO } from '../helpers/cli';
import { corpusTest, TODO_SITE } from '../helpers/corpus';
import { diskSites } from '../helpers/disk-site';
import { git } from '../helpers/site-repo';
import { answer, startServer, type TestServer } from '../node/external-links/helpers';
import { NOT_CHECKED } from '../../server/node/external-links/reasons';

// postlint check --check-external, end to end: a site whose posts link to a server on
// 127.0.0.1 (allowed explicitly in its config), and one that does not allow it.

interface Message {
  ruleId: string;
  severity: number;
  message: string;
  line: number;
}

interface FileResult {
  filePath: string;
  messages: Message[];
  unverified?: { ruleId: string; message: string }[];
}

let server: TestServer;
const sites = diskSites('postlint-check-external-');

before(async () => {
  server = await startServer({
    '/ok': (_q, response) => answer(response, 200),
    '/gone': (_q, response) => answer(response, 404),
    '/old-home': (_q, response, self) => answer(response, 301, { location: self.url('/ok') }),
    '/guide': (_q, response, self) => answer(response, 308, { location: self.url('/guide/') }),
    '/guide/': (_q, response) => answer(response, 200),
  });
});

after(() => server.close());

function post(): string {
  return [
    '---',
    'title: Our garden opens',
    'date: 2026-04-02',
    '---',
    '',
    `The [seed library](${server.url('/ok')}) lends seeds, the [old plot map](${server.url('/gone')}) is gone,`,
    `and the [society](${server.url('/old-home')}#join) moved. The [seed library](${server.url('/ok')}) again.`,
    '',
  ].join('\n');
}

const linkDead = (results: FileResult[]) => results.flatMap((result) => result.messages).filter((message) => message.ruleId === 'link-dead');

test('--check-external: a 404 is an error, a permanent redirect a warning, a live page nothing; each URL requested once, none on a cached re-run', async () => {
  const root = sites.site('allowed', {
    '.postlintrc.json': JSON.stringify({ checkExternal: { allowPrivate: ['127.0.0.1'] } }),
    'content/posts/garden.md': post(),
  });
  const first = await runCli(['check', '--check-external', '--format', 'json'], root, { CI: '1' });
  assert.equal(first.code, 1, first.stderr);
  const found = linkDead(JSON.parse(first.stdout) as FileResult[]);
  assert.deepEqual(
    found.map(({ severity, line }) => [severity, line]),
    [
      [2, 6],
      [1, 7],
    ],
  );
  assert.ok(found[0].message.startsWith(`Dead link “${server.url('/gone')}”: the server answers 404 Not Found.`), found[0].message);
  assert.ok(found[1].message.startsWith(`Redirected link “${server.url('/old-home')}#join”`), found[1].message);
  assert.ok(found[1].message.includes(`Change it to “${server.url('/ok')}#join”`), found[1].message);
  // Linked twice, asked once as a link; the second HEAD is the end of the redirect's chain.
  assert.deepEqual(server.methodsFor('/ok'), ['HEAD', 'HEAD']);
  assert.deepEqual(server.methodsFor('/old-home'), ['HEAD']);
  assert.deepEqual(server.methodsFor('/gone'), ['HEAD', 'GET'], 'a 404 on HEAD is asked again with GET');
  assert.match(first.stderr, /external links: 3 URLs checked \(1 dead, 1 moved for good\)/);
  assert.ok(existsSync(join(root, '.postlint-cache', 'links.json')));

  const seenBefore = server.seen.length;
  const second = await runCli(['check', '--check-external', '--format', 'json'], root, { CI: '1' });
  assert.equal(second.code, 1);
  assert.deepEqual(linkDead(JSON.parse(second.stdout) as FileResult[]).length, 2);
  assert.equal(server.seen.length, seenBefore, 'the re-run took every verdict from the cache');
  assert.match(second.stderr, /3 from the cache/);
});

test('--no-cache requests again and leaves no cache file; the config alone turns the check on', async () => {
  const root = sites.site('no-cache', {
    '.postlintrc.json': JSON.stringify({ checkExternal: { allowPrivate: ['127.0.0.1'] } }),
    'content/posts/garden.md': post(),
  });
  const before = server.seen.length;
  const run = await runCli(['check', '--no-cache', '--format', 'json'], root, { CI: '1' });
  assert.equal(linkDead(JSON.parse(run.stdout) as FileResult[]).length, 2);
  assert.ok(server.seen.length > before);
  assert.equal(existsSync(join(root, '.postlint-cache')), false);
});

test('without allowPrivate, the same links are not requested: listed as not verified, and the exit code is the one without the check', async () => {
  const root = sites.site('default', { 'content/posts/garden.md': post() });
  const before = server.seen.length;
  const withCheck = await runCli(['check', '--check-external', '--format', 'json'], root, { CI: '1' });
  const without = await runCli(['check', '--format', 'json'], root, { CI: '1' });
  assert.equal(withCheck.code, without.code);
  const [result] = JSON.parse(withCheck.stdout) as FileResult[];
  assert.deepEqual(linkDead([result]), []);
  assert.deepEqual(
    (result.unverified ?? []).filter((entry) => entry.ruleId === 'link-dead').map((entry) => entry.message),
    Array(4).fill(`Not verified: not requested by the dead-link check: ${NOT_CHECKED.privateAddress}.`),
  );
  assert.equal(server.seen.length, before, 'nothing was sent');
});

test('--cache with --check-external: posts with external links are checked again each run, so their findings stay', async () => {
  const root = sites.site('result-cache', {
    '.postlintrc.json': JSON.stringify({ checkExternal: { allowPrivate: ['127.0.0.1'] } }),
    'content/posts/garden.md': post(),
  });
  await runCli(['check', '--format', 'json', '--cache'], root, { CI: '1' });
  const cached = await runCli(['check', '--check-external', '--format', 'json', '--cache'], root, { CI: '1' });
  assert.equal(linkDead(JSON.parse(cached.stdout) as FileResult[]).length, 2, 'a result of a run without the check does not stand in');
  const again = await runCli(['check', '--check-external', '--format', 'json', '--cache'], root, { CI: '1' });
  assert.equal(linkDead(JSON.parse(again.stdout) as FileResult[]).length, 2);
});

test('a link cache folder that a symlink leads out of the site is neither read nor written; one git tracks is not used', async () => {
  const outside = sites.site('outside', {});
  const linked = sites.site('linked-cache', {
    '.postlintrc.json': JSON.stringify({ checkExternal: { allowPrivate: ['127.0.0.1'] } }),
    'content/posts/garden.md': post(),
  });
  symlinkSync(outside, join(linked, '.postlint-cache'));
  const run = await runCli(['check', '--check-external', '--format', 'json'], linked, { CI: '1' });
  assert.equal(linkDead(JSON.parse(run.stdout) as FileResult[]).length, 2, 'the links are still checked');
  assert.match(run.stderr, /links\.json: not used as the link cache: its folder leads out of the site/);
  assert.deepEqual(readdirSync(outside).sort(), ['hugo.yaml']);

  const tracked = sites.site('tracked-cache', {
    '.postlintrc.json': JSON.stringify({ checkExternal: { allowPrivate: ['127.0.0.1'] } }),
    'content/posts/garden.md': post(),
    // A cache that calls the dead link alive, as a pull request could commit it.
    '.postlint-cache/links.json': '{}\n',
  });
  git(tracked, 'init', '--quiet');
  git(tracked, 'add', '--all');
  const fromRepo = await runCli(['check', '--check-external', '--format', 'json'], tracked, { CI: '1' });
  assert.equal(linkDead(JSON.parse(fromRepo.stdout) as FileResult[]).length, 2);
  assert.match(fromRepo.stderr, /links\.json is tracked by git, so not used as the link cache/);
  assert.equal(readFileSync(join(tracked, '.postlint-cache', 'links.json'), 'utf8'), '{}\n', 'nor written');
});

test('--check-external --fix applies the safe redirect fix (the same page with a slash) and leaves the other for the editor', async () => {
  const text = ['---', 'title: Pruning guide', 'date: 2026-04-03', '---', '', `Read [the guide](${server.url('/guide')}#tools) and [the society](${server.url('/old-home')}).`, ''].join('\n');
  const root = sites.site('fix', { '.postlintrc.json': JSON.stringify({ checkExternal: { allowPrivate: ['127.0.0.1'] } }), 'content/posts/guide.md': text });
  const run = await runCli(['check', '--check-external', '--fix', '--format', 'json'], root, { CI: '1' });
  const fixed = readFileSync(join(root, 'content', 'posts', 'guide.md'), 'utf8');
  assert.ok(fixed.includes(`[the guide](${server.url('/guide/')}#tools)`), fixed);
  assert.ok(fixed.includes(`[the society](${server.url('/old-home')})`), 'a redirect to another page is for a person to accept');
  const left = linkDead(JSON.parse(run.stdout) as FileResult[]);
  assert.deepEqual(left.map(({ severity, line }) => [severity, line]), [[1, 6]]);
});

test('--cache and --no-cache together are a usage error', async () => {
  const root = sites.site('usage', { 'content/posts/garden.md': post() });
  const run = await runCli(['check', '--cache', '--no-cache'], root);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /--cache and --no-cache cannot be used together/);
});

corpusTest('the TODO Group blog offline: every external link not checked, none dead, the same exit code, a summary; nothing requested', {}, async () => {
  const requests = join(sites.temp, 'requests.log');
  const env = { CI: '1', NODE_OPTIONS: `--require ${join(REPO, 'test', 'helpers', 'offline-network.cjs')}`, POSTLINT_TEST_REQUESTS: requests };
  // --no-cache: the corpus is read, never written.
  const withCheck = await runCli(['check', '--check-external', '--no-cache', '--format', 'json'], TODO_SITE, env, 60_000);
  assert.equal(withCheck.signal, null, 'the run finished within 60 s');
  const without = await runCli(['check', '--format', 'json'], TODO_SITE, { CI: '1' });
  assert.equal(withCheck.code, without.code);
  const results = JSON.parse(withCheck.stdout) as FileResult[];
  assert.deepEqual(linkDead(results), []);
  const unverified = results.flatMap((result) => result.unverified ?? []).filter((entry) => entry.ruleId === 'link-dead');
  assert.ok(unverified.length > 500, `${unverified.length} links not verified`);
  for (const entry of unverified) assert.equal(entry.message, `Not verified: not requested by the dead-link check: ${NOT_CHECKED.unreachable}.`);
  assert.match(withCheck.stderr, /external links: could not reach the network \(no host name resolved\): \d+ URLs not checked, none reported as dead/);
  assert.equal(existsSync(requests) ? readFileSync(requests, 'utf8') : '', '');
  assert.equal(existsSync(join(TODO_SITE, '.postlint-cache')), false);
});
