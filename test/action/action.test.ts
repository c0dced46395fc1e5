import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import type { Log } from 'sarif';
import { REPO } from '../helpers/cli';
import { diskSites } from '../helpers/disk-site';
import { siteRepository } from '../helpers/site-repo';
import { runCompositeAction, type ActionRun } from './run-composite';

/**
 * The composite action (action.yml), its steps run as the GitHub runner runs them
 * (run-composite.ts) on a site's repository: the site in blog/, postlint installed
 * from the site's lockfile by the action's own `npm ci`.
 */
const { temp } = diskSites('postlint-action-');
const WORKSPACE = join(temp, 'repository');
const TIDES = 'content/posts/2024-03-01-tides.md';
const GULLS = 'content/posts/2024-03-02-gulls.md';
siteRepository(WORKSPACE, 'blog', {
  'hugo.yaml': 'baseURL: https://tides.example/\ntitle: Tide Log\n',
  [TIDES]: '---\ntitle: Tides\ndate: 2024-03-01\n---\n\nRead [here](http://charts.example/) and see [the harbour](/harbour/).\n',
  [GULLS]: '---\ntitle: Gulls\ndate: 2024-03-02\n---\n\nThe gulls came back in March.\n',
});

let runs = 0;
function run(inputs: Record<string, string>): ActionRun {
  const runnerTemp = join(temp, `runner-${++runs}`);
  return runCompositeAction({ actionPath: REPO, workspace: WORKSPACE, runnerTemp, inputs: { 'working-directory': 'blog', ...inputs } });
}

/** An annotation as the pull request shows it: kind, file, line and column, title. */
const shown = (result: ActionRun) => result.annotations.map(({ name, properties: p }) => `${name} ${p.file}:${p.line}:${p.col}-${p.endLine}:${p.endColumn} ${p.title}`);

test('action.yml parses (with the yaml package), as a composite action whose run steps all use bash', () => {
  const action = parse(readFileSync(join(REPO, 'action.yml'), 'utf8')) as { runs: { using: string; steps: { run?: string; shell?: string }[] } };
  assert.equal(action.runs.using, 'composite');
  assert.ok(action.runs.steps.filter((step) => step.run !== undefined).every((step) => step.shell === 'bash'));
});

test('without postlint installed, the action says so in an annotation and fails the job with exit code 2', () => {
  const result = run({ install: 'false' });
  assert.deepEqual(shown(result), ['error undefined:undefined:undefined-undefined:undefined postlint not installed']);
  assert.equal(result.annotations[0].data, `No node_modules/.bin/postlint in ${join(WORKSPACE, 'blog')}: add postlint to the site's devDependencies (see docs/ci.md), or set working-directory to the folder of its package.json`);
  assert.equal(result.outputs['exit-code'], '2');
  assert.deepEqual(result.steps.map((step) => [step.name, step.outcome, step.exitCode]), [
    ['Set up Node', 'skipped', undefined],
    ["Install the site's dependencies", 'skipped', undefined],
    ["Restore Postlint's cache", 'skipped', undefined],
    ['Check the posts', 'success', 0],
    ['Upload SARIF to code scanning', 'skipped', undefined],
    ['Fail on what Postlint found', 'failure', 2],
  ]);
  assert.ok(result.failed);
});

test('the action installs the site\u2019s postlint, annotates each finding on its path from the repository\u2019s root, writes the SARIF it would upload, and fails the job with exit code 1', (t) => {
  const result = run({ 'upload-sarif': 'true' });
  const skipped = result.steps.filter((step) => step.why?.startsWith('uses '));
  for (const step of skipped) t.diagnostic(`skipped ${step.name}: ${step.why}`);
  assert.deepEqual(
    skipped.map((step) => step.name),
    ['Set up Node', 'Upload SARIF to code scanning'],
  );
  assert.deepEqual(result.steps.map((step) => [step.name, step.outcome]), [
    ['Set up Node', 'skipped'],
    ["Install the site's dependencies", 'success'],
    ["Restore Postlint's cache", 'skipped'],
    ['Check the posts', 'success'],
    ['Upload SARIF to code scanning', 'skipped'],
    ['Fail on what Postlint found', 'failure'],
  ]);
  // Counted off the post's sixth line: `here` (columns 7-10), the 22 characters of its http:// URL (13-34), `/harbour/`, no page of the site (59-67).
  assert.deepEqual(shown(result), [
    'warning blog/content/posts/2024-03-01-tides.md:6:7-6:11 link-descriptive-text',
    'warning blog/content/posts/2024-03-01-tides.md:6:13-6:35 link-insecure',
    'error blog/content/posts/2024-03-01-tides.md:6:59-6:68 link-broken-local',
  ]);
  assert.equal(result.outputs['exit-code'], '1');
  assert.equal(result.steps.at(-1)!.exitCode, 1);

  const upload = result.steps.find((step) => step.name === 'Upload SARIF to code scanning')!;
  assert.deepEqual(upload.with, { sarif_file: join(temp, 'runner-2', 'postlint.sarif'), category: 'postlint' }, 'in RUNNER_TEMP, as no sarif-file was given');
  assert.equal(result.outputs['sarif-file'], upload.with!.sarif_file);
  const sarif = JSON.parse(readFileSync(upload.with!.sarif_file, 'utf8')) as Log;
  assert.deepEqual(sarif.runs[0].originalUriBaseIds, { SRCROOT: { uri: `file://${WORKSPACE}/` } }, 'the workspace, from which code scanning resolves paths');
  assert.deepEqual(
    sarif.runs[0].results!.map((result) => `${result.ruleId} ${result.locations![0].physicalLocation!.artifactLocation!.uriBaseId} ${result.locations![0].physicalLocation!.artifactLocation!.uri}`),
    ['link-descriptive-text', 'link-insecure', 'link-broken-local'].map((rule) => `${rule} SRCROOT blog/${TIDES}`),
  );
});

test('paths, baseline, changed-since and sarif-file reach postlint: only what is new in the posts changed since HEAD is annotated', () => {
  // Today's findings recorded by the site's own postlint, as a site adopting Postlint would.
  const site = join(WORKSPACE, 'blog');
  const written = spawnSync(join(site, 'node_modules', '.bin', 'postlint'), ['check', '--write-baseline', 'postlint-baseline.json'], { cwd: site, encoding: 'utf8' });
  assert.equal(written.status, 0, written.stderr);
  // A paragraph above the tides post's findings moves them (the baseline still holds them); the gulls post gains one.
  writeFileSync(join(site, TIDES), '---\ntitle: Tides\ndate: 2024-03-01\n---\n\nA new first paragraph.\n\nRead [here](http://charts.example/) and see [the harbour](/harbour/).\n');
  writeFileSync(join(site, GULLS), '---\ntitle: Gulls\ndate: 2024-03-02\n---\n\nThe gulls came back in March: [more](https://gulls.example/).\n');
  const result = run({ install: 'false', paths: 'content/posts\n\n', baseline: 'postlint-baseline.json', 'changed-since': 'HEAD', 'sarif-file': 'reports/postlint.sarif' });
  // `more` is on the gulls post's sixth line, columns 32-35.
  assert.deepEqual(shown(result), ['warning blog/content/posts/2024-03-02-gulls.md:6:32-6:36 link-descriptive-text']);
  assert.equal(result.outputs['exit-code'], '0');
  assert.equal(result.outputs['sarif-file'], join(site, 'reports', 'postlint.sarif'));
  assert.equal((JSON.parse(readFileSync(result.outputs['sarif-file'], 'utf8')) as Log).runs[0].results!.length, 1);
  const upload = result.steps.find((step) => step.name === 'Upload SARIF to code scanning')!;
  assert.deepEqual([upload.outcome, upload.why], ['skipped', "its condition is false: if: inputs.upload-sarif == 'true' && steps.check.outputs.sarif-file != ''"]);
  assert.ok(!result.failed);
});

test('cache: postlint keeps its results in the folder actions/cache restores and saves, and a second run takes them from it', () => {
  const first = run({ install: 'false', cache: 'true' });
  const cacheStep = first.steps.find((step) => step.name === "Restore Postlint's cache")!;
  assert.equal(cacheStep.outcome, 'skipped');
  assert.match(cacheStep.with!.key, /^postlint-Linux-[0-9a-f]{40}$/);
  const results = join(WORKSPACE, cacheStep.with!.path, 'results.json');
  assert.ok(existsSync(results), `postlint wrote its cache where actions/cache keeps ${cacheStep.with!.path}`);
  const written = statSync(results).mtimeMs;
  const second = run({ install: 'false', cache: 'true' });
  assert.deepEqual(shown(second), shown(first));
  // Every post's result taken from the cache, nothing changed: the cache is not written again.
  assert.equal(statSync(results).mtimeMs, written);
});

test('an input holding shell syntax stays data: it reaches postlint as a path, and nothing runs', () => {
  const result = run({ install: 'false', paths: '$(touch pwned)\n`touch pwned`; touch pwned' });
  assert.ok(!existsSync(join(WORKSPACE, 'blog', 'pwned')) && !existsSync(join(WORKSPACE, 'pwned')));
  const check = result.steps.find((step) => step.name === 'Check the posts')!;
  assert.match(check.stderr!, /^postlint: \$\(touch pwned\): /m);
  assert.equal(result.outputs['exit-code'], '2');
  assert.ok(result.failed);
});
