import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO, runCli } from '../helpers/cli';
import { datedPost, diskSites, writeFiles } from '../helpers/disk-site';

const { site } = diskSites('postlint-cache-');

/** Posts that reach other files: b a heading of the guide, c an image, d another post; e has a problem of its own. */
function blog(name: string): string {
  return site(name, {
    'content/posts/a.md': datedPost('A', 'Nothing wrong here.'),
    'content/posts/b.md': datedPost('B', 'See [the setup](/docs/guide/#setup).'),
    'content/posts/c.md': datedPost('C', '![A harbour at dawn](/img/harbour.jpg)'),
    'content/posts/d.md': datedPost('D', 'Read [post A](/posts/a/) first.'),
    'content/posts/e.md': datedPost('E', 'An old [link](http://old.example/).'),
    'content/docs/guide.md': datedPost('Guide', '## Setup\n\nSteps.'),
  });
}

/** The findings of a run, file by file, as JSON gives them. */
async function findings(root: string, ...args: string[]): Promise<string[]> {
  const run = await runCli(['check', '--format', 'json', ...args], root);
  assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.stderr}`);
  const reports = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string; line: number; message: string }[] }[];
  return reports.flatMap((report) => report.messages.map((m) => `${report.filePath.slice(root.length + 1)}:${m.line} ${m.ruleId}`));
}

/** How many posts a cached run took from the cache, as its summary says; and its stderr. */
async function cachedRun(root: string, ...args: string[]): Promise<{ reused: number; stderr: string; code: number | null }> {
  const run = await runCli(['check', '--cache', ...args], root);
  const said = /(\d+) posts? taken from the cache/.exec(run.stdout);
  return { reused: said ? Number(said[1]) : 0, stderr: run.stderr, code: run.code };
}

/** After a change, a cached run must say what a run without the cache says, and take only `reused` posts from the cache. */
async function agreesAfter(root: string, reused: number, change: () => void): Promise<void> {
  change();
  const cached = await cachedRun(root);
  assert.equal(cached.stderr, '');
  assert.equal(cached.reused, reused, 'posts taken from the cache');
  // The cache now holds this state: a JSON run through it must give a fresh run's findings.
  assert.deepEqual(await findings(root, '--cache'), await findings(root));
}

test('--cache: a re-run of an unchanged site takes every post from the cache, with the same findings', async () => {
  const root = blog('unchanged');
  const first = await cachedRun(root);
  assert.equal(first.reused, 0);
  assert.ok(existsSync(join(root, '.postlint-cache/results.json')), 'the cache is written where the run starts');
  const written = statSync(join(root, '.postlint-cache/results.json')).mtimeMs;
  await agreesAfter(root, 5, () => undefined);
  assert.equal(statSync(join(root, '.postlint-cache/results.json')).mtimeMs, written, 'a run that changed nothing does not write the cache again');
  const stylish = await runCli(['check', '--cache'], root);
  assert.match(stylish.stdout, /5 posts taken from the cache, nothing they depend on having changed/);
});

test('--cache: the cache file is ASCII, its other characters escaped, and gives back every message as it was; one written as UTF-8 is read too', async () => {
  const root = site('non-ascii', {
    'content/posts/a.md': datedPost('Été', '![photo-été-2024.png](/img/été.png) and [ici 👉](http://vieux.example/) with a lone \uD800 surrogate.'),
  });
  await cachedRun(root);
  const file = join(root, '.postlint-cache/results.json');
  const bytes = readFileSync(file);
  assert.ok(bytes.every((byte) => byte < 0x80), 'every byte is ASCII');
  const fresh = await runCli(['check', '--format', 'json'], root);
  const messages = (stdout: string) => (JSON.parse(stdout) as { messages: { message: string }[] }[]).flatMap((report) => report.messages.map((m) => m.message));
  assert.ok(messages(fresh.stdout).some((message) => message.includes('été')), fresh.stdout);
  const cached = await runCli(['check', '--format', 'json', '--cache'], root);
  assert.deepEqual(messages(cached.stdout), messages(fresh.stdout));
  // Written with its characters as UTF-8 (by hand, or by an older Postlint): still the same cache.
  writeFileSync(file, JSON.stringify(JSON.parse(bytes.toString('latin1'))));
  assert.ok(!readFileSync(file).every((byte) => byte < 0x80));
  const again = await cachedRun(root);
  assert.equal(again.reused, 1, again.stderr);
  assert.deepEqual(messages((await runCli(['check', '--format', 'json', '--cache'], root)).stdout), messages(fresh.stdout));
});

test('--cache: another build of Postlint, behind the same boot file, checks every post again rather than take the results of the one before', () => {
  const root = blog('other-build');
  const built = readFileSync(join(REPO, 'dist/cli.bundle.js'), 'latin1');
  const id = /^.*\/\/ postlint build (\S+)/.exec(built)![1];
  // Two builds: the same boot file, bundles that differ only in their build id (as two builds of changed code would, and more).
  const builds = ['a', 'b'].map((name) => {
    const folder = mkdtempSync(join(root, '..', `build-${name}-`));
    writeFileSync(join(folder, 'cli.js'), readFileSync(join(REPO, 'dist/cli.js')));
    writeFileSync(join(folder, 'cli.bundle.js'), name === 'a' ? built : built.replaceAll(id, id.replace(/^./, (c) => (c === '0' ? '1' : '0'))), 'latin1');
    return join(folder, 'cli.js');
  });
  const reused = (cli: string) => {
    const run = spawnSync(process.execPath, [cli, 'check', '--cache'], { cwd: root, encoding: 'utf8' });
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    return Number(/(\d+) posts? taken from the cache/.exec(run.stdout)?.[1] ?? 0);
  };
  assert.equal(reused(builds[0]), 0);
  assert.equal(reused(builds[0]), 5, 'the same build reuses its results');
  assert.equal(reused(builds[1]), 0, 'another build does not');
  assert.equal(reused(builds[1]), 5);
});

test('--cache: a changed post is checked again, and so is every post whose links reach it; the others come from the cache', async () => {
  const root = blog('edited');
  await cachedRun(root);
  // b links to the guide's heading, which is renamed: b now has a broken fragment.
  await agreesAfter(root, 4, () => writeFileSync(join(root, 'content/docs/guide.md'), datedPost('Guide', '## Installing\n\nSteps.')));
  assert.ok((await findings(root)).includes('content/posts/b.md:6 link-broken-fragment'));
  // e's own text changes: e alone is checked again.
  await agreesAfter(root, 4, () => writeFileSync(join(root, 'content/posts/e.md'), datedPost('E', 'A [link](https://new.example/) to the new site.')));
  // a moves away: d, which links to it, is checked again (and a's new place is checked too).
  await agreesAfter(root, 3, () => {
    rmSync(join(root, 'content/posts/a.md'));
    writeFiles(root, { 'content/posts/a2.md': datedPost('A', 'Nothing wrong here.') });
  });
  assert.ok((await findings(root)).includes('content/posts/d.md:6 link-broken-local'));
});

test('--cache: a section named public or resources below the site\u2019s root is content like any other: a change there reaches the posts that link to it', async () => {
  const root = site('sections', {
    'content/posts/a.md': datedPost('A', 'See [the quota](/docs/resources/limits/#quota).'),
    'content/posts/b.md': datedPost('B', 'Nothing wrong here.'),
    'content/docs/resources/limits.md': datedPost('Limits', '## Quota\n\nTen a day.'),
  });
  await cachedRun(root);
  await agreesAfter(root, 1, () => writeFileSync(join(root, 'content/docs/resources/limits.md'), datedPost('Limits', '## Allowance\n\nTen a day.')));
  assert.ok((await findings(root)).includes('content/posts/a.md:6 link-broken-fragment'));
  // A post added in a section named public is found, and checked.
  await agreesAfter(root, 2, () => writeFiles(root, { 'content/posts/public/c.md': datedPost('C', 'An old [link](http://old.example/).') }));
  assert.ok((await findings(root)).includes('content/posts/public/c.md:6 link-insecure'));
});

test('--cache: a post added in a hidden folder, which a run without the cache checks, is found and checked', async () => {
  const root = site('hidden', { 'content/posts/a.md': datedPost('A', 'Nothing wrong here.') });
  await cachedRun(root);
  await agreesAfter(root, 1, () => writeFiles(root, { 'content/posts/.drafts/b.md': datedPost('B', 'An old [link](http://old.example/).') }));
  assert.ok((await findings(root)).includes('content/posts/.drafts/b.md:6 link-insecure'));
});

test('--cache: the site index takes what unchanged pages said of their URLs from the cache, and reads again a page whose slug changed', async () => {
  const root = blog('slugs');
  writeFiles(root, { 'content/posts/f.md': datedPost('F', 'Read [the guide](/docs/setup-guide/).\n\nThen [post A](/posts/a/).') });
  await cachedRun(root);
  const stored = () => JSON.parse(readFileSync(join(root, '.postlint-cache/results.json'), 'utf8')) as { files: unknown[][]; inputKeys: string[] };
  const inputsOf = (path: string) => stored().files.find((entry) => entry[0] === path)![6];
  // Each content page's URL values are kept beside its state (none sets one yet); other files have none.
  assert.equal(inputsOf('content/docs/guide.md'), '0\n{}');
  assert.equal(inputsOf('hugo.yaml'), null);
  assert.deepEqual(stored().inputKeys.map((list) => JSON.parse(list)), [['url', 'slug', 'aliases']]);
  assert.deepEqual((await findings(root)).filter((finding) => finding.startsWith('content/posts/f.md')), ['content/posts/f.md:6 link-broken-local']);
  // The guide takes the slug f links to, and a moves away from where d and f link: a, b, d and f are checked again.
  await agreesAfter(root, 2, () => {
    writeFileSync(join(root, 'content/docs/guide.md'), datedPost('Guide', '## Setup\n\nSteps.').replace('title: Guide\n', 'title: Guide\nslug: setup-guide\n'));
    writeFileSync(join(root, 'content/posts/a.md'), datedPost('A', 'Nothing wrong here.').replace('title: A\n', 'title: A\nurl: /elsewhere/\n'));
  });
  const found = await findings(root, '--cache');
  assert.deepEqual(found.filter((finding) => finding.startsWith('content/posts/f.md')), ['content/posts/f.md:8 link-broken-local']);
  assert.ok(found.includes('content/posts/d.md:6 link-broken-local'));
  assert.equal(JSON.parse(String(inputsOf('content/docs/guide.md')).split('\n')[1]).slug, 'setup-guide');
});

test('--cache: a run with few changes goes on with the cached table of strings, and makes it anew once the posts added since are half the site', async () => {
  const root = blog('strings');
  const cacheFile = join(root, '.postlint-cache/results.json');
  const stored = () => JSON.parse(readFileSync(cacheFile, 'utf8')) as { strings: string[]; postsSinceFresh: number };
  const linking = (host: string) => () => writeFileSync(join(root, 'content/posts/e.md'), datedPost('E', `An old [link](http://${host}.example/).`));
  linking('one')();
  await cachedRun(root);
  const first = stored();
  assert.equal(first.postsSinceFresh, 0);
  // e alone changes, three times: its old messages stay in the table until it is made anew.
  await agreesAfter(root, 4, linking('two'));
  const second = stored();
  assert.deepEqual(second.strings.slice(0, first.strings.length), first.strings, 'the cached strings keep their places');
  assert.equal(second.postsSinceFresh, 1);
  assert.ok(second.strings.some((text) => text.includes('one.example')) && second.strings.some((text) => text.includes('two.example')));
  await agreesAfter(root, 4, linking('three'));
  assert.equal(stored().postsSinceFresh, 2);
  // Three posts' results added to a table of a 5-post site: more than half, so it is made anew, without the strings no post uses.
  await agreesAfter(root, 4, linking('four'));
  const fresh = stored();
  assert.equal(fresh.postsSinceFresh, 0);
  assert.deepEqual(fresh.strings.filter((text) => /(one|two|three|four)\.example/.test(text)).map((text) => /(\w+)\.example/.exec(text)![1]).filter((host, index, all) => all.indexOf(host) === index), ['four']);
});

test('--cache: a checkout moved to another folder (another CI runner) keeps its cache, and a change there still reaches the posts it touches', async () => {
  const root = blog('moved-from');
  await cachedRun(root);
  // Nothing in it names the checkout's folder: page keys of files too are kept relative to it.
  assert.ok(!readFileSync(join(root, '.postlint-cache/results.json'), 'utf8').includes(root.toLowerCase()), 'the cache names the checkout\u2019s folder');
  const moved = `${root}-to`;
  cpSync(root, moved, { recursive: true });
  rmSync(root, { recursive: true });
  await agreesAfter(moved, 5, () => undefined);
  await agreesAfter(moved, 4, () => writeFileSync(join(moved, 'content/docs/guide.md'), datedPost('Guide', '## Installing\n\nSteps.')));
  assert.ok((await findings(moved)).includes('content/posts/b.md:6 link-broken-fragment'));
  // b, checked here, notes the guide as it is here; the guide, unchanged, keeps what the cache knew of it: it goes.
  await agreesAfter(moved, 4, () => writeFileSync(join(moved, 'content/posts/b.md'), datedPost('B', 'See [the guide](/docs/guide/#installing).')));
  await agreesAfter(moved, 4, () => rmSync(join(moved, 'content/docs/guide.md')));
  assert.ok((await findings(moved)).includes('content/posts/b.md:6 link-broken-local'));
  rmSync(moved, { recursive: true });
});

test('--cache: the posts a run names are found again when a post comes or goes, or the inputs differ', async () => {
  const root = blog('targets');
  await cachedRun(root);
  await agreesAfter(root, 5, () => writeFiles(root, { 'content/posts/f.md': datedPost('F', 'A [link](http://f.example/) to F.') }));
  assert.ok((await findings(root, '--cache')).includes('content/posts/f.md:6 link-insecure'));
  await agreesAfter(root, 5, () => rmSync(join(root, 'content/posts/e.md')));
  assert.ok(!(await findings(root, '--cache')).some((finding) => finding.startsWith('content/posts/e.md')));
  // Other inputs, other posts: the guide's folder names the guide alone.
  assert.deepEqual(await findings(root, '--cache', 'content/docs'), await findings(root, 'content/docs'));
  assert.deepEqual(await findings(root, '--cache'), await findings(root));
});

test('--cache: an image added where a post looked for it clears that post; a file only touched changes nothing', async () => {
  const root = blog('image');
  await cachedRun(root);
  assert.ok((await findings(root)).includes('content/posts/c.md:6 link-broken-local'));
  await agreesAfter(root, 4, () => writeFiles(root, { 'static/img/harbour.jpg': Buffer.from([0xff, 0xd8, 0xff]) }));
  assert.ok(!(await findings(root)).some((finding) => finding.startsWith('content/posts/c.md')));
  // A checkout gives every file a new time: their contents, the same, keep the cache.
  await agreesAfter(root, 5, () => {
    for (const name of ['a', 'b', 'c', 'd', 'e']) utimesSync(join(root, `content/posts/${name}.md`), new Date(), new Date(Date.now() + 5000));
  });
});

test('--cache: a change to what every post depends on (the site config, the Postlint config, the options) checks every post again', async () => {
  const root = blog('config');
  await cachedRun(root);
  await agreesAfter(root, 0, () => writeFileSync(join(root, 'hugo.yaml'), 'baseURL: https://example.org/\nuglyURLs: true\n'));
  await agreesAfter(root, 0, () => writeFileSync(join(root, '.postlintrc.json'), JSON.stringify({ rules: { 'link-insecure': 'off' } })));
  assert.ok(!(await findings(root)).some((finding) => finding.endsWith('link-insecure')));
  assert.equal((await cachedRun(root, '--max-file-size', '5')).reused, 0, 'another --max-file-size');
});

test('--cache: a post without front matter, whose fix holds today\u2019s date, is checked every time', async () => {
  const root = blog('undated');
  writeFiles(root, { 'content/posts/f.md': 'No front matter at all.\n' });
  await cachedRun(root);
  assert.equal((await cachedRun(root)).reused, 5);
});

test('--cache --fix: a cached post with a safe fix is fixed all the same', async () => {
  const root = blog('fix');
  writeFiles(root, { 'content/posts/g.md': datedPost('G', 'Read the [guide](http://example.org/docs/guide/).') });
  await cachedRun(root);
  const fixed = await runCli(['check', '--cache', '--fix'], root);
  // c's image is still missing: an error --fix cannot fix.
  assert.equal(fixed.code, 1, fixed.stderr);
  assert.match(readFileSync(join(root, 'content/posts/g.md'), 'utf8'), /\(https:\/\/example\.org\/docs\/guide\/\)/);
  assert.deepEqual(await findings(root, '--cache'), await findings(root));
});

test('--cache: a cache that is not JSON, or not Postlint\u2019s, is said and replaced; one that git tracks is neither read nor written', async () => {
  const root = blog('broken');
  writeFiles(root, { '.postlint-cache/results.json': '{"format": 1, "run": ' });
  const broken = await cachedRun(root);
  assert.match(broken.stderr, /results\.json not used: it is not JSON; every post is checked, and the cache written anew/);
  assert.equal((await cachedRun(root)).reused, 5);
  // The cache of this very run, with one value out of shape, in a file and in a finding.
  const cacheFile = join(root, '.postlint-cache/results.json');
  // Each file's entry is `[path, size, mtime, hash, keys, post, inputs]`; a post is a flat array of whole numbers
  // (stored-results.ts), its dependencies first, then its findings: `ruleId, severity, message, ...range`.
  const good = JSON.parse(readFileSync(cacheFile, 'utf8')) as { strings: string[]; postsSinceFresh: unknown; inputKeys: unknown; files: [string, unknown, unknown, unknown, unknown, unknown[], unknown][] };
  const spoilt = (spoil: (post: unknown[], finding: number, cache: typeof good) => void, path = 'content/posts/e.md') => {
    const copy = structuredClone(good);
    const entry = copy.files.find(([name]) => name === path)!;
    const post = entry[5];
    spoil(post, (post[0] as number) + 2, copy);
    writeFileSync(cacheFile, JSON.stringify(copy));
  };
  const unusable = async () => assert.match((await cachedRun(root)).stderr, /not used: it is not a Postlint cache/);
  spoilt((_, __, cache) => (cache.files.find(([name]) => name === 'content/posts/a.md')![1] = 'big'));
  await unusable();
  spoilt((post, finding) => (post[finding + 3] = -1));
  await unusable();
  // A message that is not in the file's table of strings.
  spoilt((post, finding, cache) => (post[finding + 2] = cache.strings.length));
  await unusable();
  // A count of findings larger than what follows it.
  spoilt((post, finding) => (post[finding - 1] = 1_000_000));
  await unusable();
  // The page inputs and the tables' bookkeeping (a page's inputs that are not text; a count that is not one; no key lists).
  spoilt((_, __, cache) => (cache.files.find(([name]) => name === 'content/posts/a.md')![6] = { url: '/a/' }));
  await unusable();
  spoilt((_, __, cache) => (cache.postsSinceFresh = -1));
  await unusable();
  spoilt((_, __, cache) => delete cache.inputKeys);
  await unusable();
  spoilt((post, finding) => (post[finding + 1] = 'fatal'));
  const spoiltRun = await cachedRun(root);
  assert.match(spoiltRun.stderr, /not used: it is not a Postlint cache/);
  assert.equal(spoiltRun.reused, 0);
  assert.equal((await cachedRun(root)).reused, 5, 'written anew');

  // A cache committed to the repository may come from a pull request: clean results for posts that are not.
  const env = { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.org', ...args], { cwd: root, env: { ...process.env, ...env } });
  git('init', '-q');
  git('add', '-f', '.postlint-cache/results.json');
  git('commit', '-q', '-m', 'a cache');
  const before = readFileSync(cacheFile, 'utf8');
  const tracked = await cachedRun(root);
  assert.equal(tracked.reused, 0);
  assert.match(tracked.stderr, /results\.json is tracked by git, so not used/);
  assert.equal(readFileSync(cacheFile, 'utf8'), before, 'not written either');
});

test('--cache-location: a file or a folder; without --cache it is a usage error', async () => {
  const root = blog('location');
  await cachedRun(root, '--cache-location', 'ci-cache/');
  assert.ok(existsSync(join(root, 'ci-cache/results.json')));
  await cachedRun(root, '--cache-location', 'mine.json');
  assert.ok(existsSync(join(root, 'mine.json')));
  assert.equal((await cachedRun(root, '--cache-location', 'mine.json')).reused, 5);
  const usage = await runCli(['check', '--cache-location', 'x.json'], root);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /--cache-location needs --cache/);
});

test('--cache: the formats that quote a post\u2019s text (SARIF) and a baseline get the same from a cached result as from a check', async () => {
  const root = blog('formats');
  writeFiles(root, { 'baseline.json': '' });
  await runCli(['check', '--write-baseline', 'baseline.json'], root);
  writeFileSync(join(root, 'content/posts/a.md'), datedPost('A', 'A new [link](http://new.example/).'));
  const sarif = async (...args: string[]) => {
    const run = await runCli(['check', '--format', 'sarif', '--baseline', 'baseline.json', ...args], root);
    return (JSON.parse(run.stdout) as { runs: { results: unknown[] }[] }).runs[0].results;
  };
  await cachedRun(root);
  assert.equal((await cachedRun(root, '--baseline', 'baseline.json')).reused, 5);
  const fresh = await sarif();
  assert.equal(fresh.length, 2, 'only the new post\u2019s two findings: the others are in the baseline');
  assert.deepEqual(await sarif('--cache'), fresh);
});
