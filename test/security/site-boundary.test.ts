import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ConfigError } from '../../server/engine/config/config';
import { configDiagnostics } from '../../server/engine/config/config-diagnostics';
import type { Workspace } from '../../server/engine/types';
import { runCli } from '../helpers/cli';
import { hugoSite, serviceFor, SITE, type MemoryWorkspace } from '../helpers/memory-workspace';
import { writeFiles } from '../helpers/disk-site';
import { TestClient, uriOf } from '../lsp/client';

// The site root is a boundary: a pull request controls the site's .postlintrc.json and
// Hugo config, and neither may make Postlint read or write anywhere else.

const POST = (body: string) => `---\ntitle: A post\ndate: 2026-01-05\n---\n\n${body}\n`;

/** Every path the engine asks the workspace about, to prove where it reads. */
function recording(workspace: MemoryWorkspace): { workspace: Workspace; touched: string[] } {
  const touched: string[] = [];
  return {
    touched,
    workspace: {
      readFile: (path) => (touched.push(path), workspace.readFile(path)),
      stat: (path) => (touched.push(path), workspace.stat(path)),
      readDirectory: (path) => (touched.push(path), workspace.readDirectory(path)),
    },
  };
}

const outsideSite = (touched: string[]) => touched.filter((path) => path !== SITE && !path.startsWith(`${SITE}/`));

test('engine: static, content, layout and theme folders of Hugo config outside the site are never read, and links into them are not called broken', async () => {
  const memory = hugoSite({
    'hugo.yaml': 'baseURL: https://example.org/\nstaticDir: ["static", "../shared/static"]\nlayoutDir: ../shared/layouts\nthemesDir: ../../themes\ntheme: plain\n',
    'content/blog/p.md': POST('A ![A small red kite over a field](/img/kite.png) and [the about page](/about/).'),
  });
  for (const path of ['/shared/static/img/kite.png', '/shared/layouts/_markup/render-link.html', '/themes/plain/static/x.png', '/secret.md']) memory.files.set(path, 'outside');
  const { workspace, touched } = recording(memory);
  const service = serviceFor(workspace);
  const { diagnostics } = await service.check(`${SITE}/content/blog/p.md`, memory.files.get(`${SITE}/content/blog/p.md`)!);
  assert.deepEqual(outsideSite(touched), []);
  // What a folder outside publishes cannot be known, and it is served from the site root.
  assert.deepEqual(diagnostics.map((d) => d.ruleId), []);
});

test('engine: a content folder outside the site is not read and selects no posts', async () => {
  const memory = hugoSite({ 'hugo.yaml': 'baseURL: https://example.org/\ncontentDir: ../elsewhere\n' });
  memory.files.set('/elsewhere/blog/p.md', POST('Text.'));
  const { workspace, touched } = recording(memory);
  const service = serviceFor(workspace);
  const site = await service.siteFor(`${SITE}/hugo.yaml`);
  const config = await service.configFor(`${SITE}/hugo.yaml`, site);
  assert.deepEqual(service.postGlobs(site, config).filter((glob) => glob.includes('..')), []);
  await service.pageIndex(site);
  assert.deepEqual(outsideSite(touched), []);
});

test('engine: config paths that leave the site are configuration errors naming the key, and nothing outside is read', async () => {
  const cases: [string, string, RegExp][] = [
    ['{ "posts": ["/some/where/**/*.md"] }', 'posts.0', /is an absolute path/],
    ['{ "posts": ["content/**/*.md", "../../**/*.md"] }', 'posts.1', /leads out of the site/],
    ['{ "posts": ["{..,content}/**/*.md"] }', 'posts.0', /leads out of the site/],
    ['{ "templates": { "folder": "/../../../../outside" } }', 'templates.folder', /is an absolute path/],
    ['{ "templates": { "event-recap": "content/../../etc/hostname" } }', 'templates.event-recap', /leads out of the site/],
    ['{ "templates": { "about": "..\\\\..\\\\about.md" } }', 'templates.about', /leads out of the site/],
    ['{ "checkExternal": { "cacheFile": "/tmp/links.json" } }', 'checkExternal.cacheFile', /is an absolute path/],
    ['{ "checkExternal": { "cacheFile": ".postlint-cache/../../links.json" } }', 'checkExternal.cacheFile', /leads out of the site/],
  ];
  for (const [config, key, reason] of cases) {
    const memory = hugoSite({ '.postlintrc.json': config, 'content/blog/p.md': POST('Text.') });
    memory.files.set('/etc/hostname', 'a-host');
    const { workspace, touched } = recording(memory);
    const service = serviceFor(workspace);
    await assert.rejects(service.planNewPost(`${SITE}/content/blog`, { kind: 'event-recap', title: 'A recap', event: 'A meetup' }), (error: unknown) => {
      assert.ok(error instanceof ConfigError, config);
      assert.ok(error.detail.startsWith(`${key}: `), `${config}: ${error.detail}`);
      assert.match(error.detail, reason);
      return true;
    });
    assert.deepEqual(outsideSite(touched), [], config);
  }
});

test('engine: the editor shows each config problem on the value at fault', () => {
  const text = '{\n  "posts": ["content/**/*.md", "/srv/www/**/*.md"],\n  "templates": { "folder": "../out" }\n}\n';
  const lines = text.split('\n');
  const shown = configDiagnostics(text).map((d) => ({
    code: d.ruleId,
    line: d.range.start.line,
    text: lines[d.range.start.line].slice(d.range.start.character, d.range.end.character),
    message: d.message,
  }));
  assert.deepEqual(shown, [
    { code: 'postlint-config', line: 1, text: '"/srv/www/**/*.md"', message: '“/srv/www/**/*.md” is an absolute path. Write it from the site root, with no leading “/” and no “..”.' },
    { code: 'postlint-config', line: 2, text: '"../out"', message: '“../out” leads out of the site. Write it from the site root, with no leading “/” and no “..”.' },
  ]);
  assert.deepEqual(configDiagnostics('{ "posts": ["content/news/**/*.md"] }'), []);
});

const scratch = mkdtempSync(join(tmpdir(), 'postlint-boundary-'));
after(() => rmSync(scratch, { recursive: true, force: true }));


function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[path] = `${statSync(path).mtimeMs} ${readFileSync(path, 'base64')}`;
    }
  };
  walk(folder);
  return files;
}

test('CLI: post globs leading out of the site stop with one line naming the key; --fix rewrites nothing outside', { timeout: 60_000 }, async () => {
  const outside = join(scratch, 'outside');
  // A post with a safe fix (`Title:` → `title:`), which --fix would apply if it reached it.
  writeFiles(outside, { 'notes/a.md': '---\nTitle: Outside\ndate: 2026-01-05\n---\nText.\n' });
  const before = snapshot(outside);
  for (const glob of [`${outside}/**/*.md`, '../outside/**/*.md']) {
    const site = join(scratch, `site-${glob.startsWith('/') ? 'absolute' : 'relative'}`);
    writeFiles(site, { 'hugo.yaml': 'baseURL: https://example.org/\n', '.postlintrc.json': JSON.stringify({ posts: [glob] }), 'content/blog/p.md': POST('Text.') });
    const result = await runCli(['check', '--fix'], site);
    assert.equal(result.code, 2, result.stderr);
    assert.equal(result.stdout, '');
    const lines = result.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, result.stderr);
    assert.match(lines[0], /\.postlintrc\.json: invalid configuration: posts\.0: “.*” (is an absolute path|leads out of the site)\. Write it from the site root/);
  }
  assert.deepEqual(snapshot(outside), before);
});

test('CLI: postlint new refuses template paths out of the site and writes nothing', { timeout: 60_000 }, async () => {
  const outside = join(scratch, 'new-outside');
  writeFiles(outside, { 'recap.md': '---\ntitle: "[[title]]"\n---\nSecret template\n' });
  const before = snapshot(outside);
  const site = join(scratch, 'site-new');
  writeFiles(site, {
    'hugo.yaml': 'baseURL: https://example.org/\n',
    '.postlintrc.json': JSON.stringify({ templates: { folder: '../new-outside', 'event-recap': '../new-outside/recap.md' } }),
  });
  const result = await runCli(['new', 'event-recap', '--title', 'A recap', '--event', 'A meetup'], site);
  assert.equal(result.code, 2, result.stderr);
  assert.match(result.stderr, /^postlint: .*\.postlintrc\.json: invalid configuration: templates\.event-recap: “\.\.\/new-outside\/recap\.md” leads out of the site.*; templates\.folder: /);
  assert.equal(result.stderr.trimEnd().split('\n').length, 1);
  assert.deepEqual(snapshot(outside), before);
  assert.deepEqual(readdirSync(site).sort(), ['.postlintrc.json', 'hugo.yaml']);
});

test('CLI: a site whose static folder is outside it is checked, with no link into that folder called broken', { timeout: 60_000 }, async () => {
  const site = join(scratch, 'site-static');
  writeFiles(scratch, { 'shared-static/img/kite.png': 'png' });
  writeFiles(site, {
    'hugo.yaml': 'baseURL: https://example.org/\nstaticDir: ../shared-static\n',
    'content/blog/p.md': POST('A ![A small red kite over a field](/img/kite.png).'),
  });
  const result = await runCli(['check', '--format', 'json'], site);
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(JSON.parse(result.stdout).map((r: { messages: unknown[] }) => r.messages), [[]]);
});

test('language server: an open .postlintrc.json shows a path out of the site on its value', { timeout: 60_000 }, async () => {
  const site = join(scratch, 'site-lsp');
  const configText = '{\n  "posts": ["../../**/*.md"]\n}\n';
  writeFiles(site, { 'hugo.yaml': 'baseURL: https://example.org/\n', '.postlintrc.json': configText });
  const client = new TestClient(site);
  try {
    await client.initialize(site);
    const uri = uriOf(join(site, '.postlintrc.json'));
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'jsonc', version: 1, text: configText } });
    const { diagnostics } = await client.diagnostics((params) => params.uri === uri);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character, d.message]),
      [['postlint-config', 1, 12, 27, '“../../**/*.md” leads out of the site. Write it from the site root, with no leading “/” and no “..”.']],
    );
  } finally {
    await client.connection.sendRequest('shutdown').catch(() => undefined);
    await client.connection.sendNotification('exit').catch(() => undefined);
    client.child.kill();
  }
});

test('language server: New Post refuses a posts folder that a symlink leads out of the site', { timeout: 60_000 }, async () => {
  const outside = join(scratch, 'lsp-new-outside');
  mkdirSync(outside, { recursive: true });
  const site = join(scratch, 'site-lsp-new');
  writeFiles(site, { 'hugo.yaml': 'baseURL: https://example.org/\n', '.postlintrc.json': JSON.stringify({ templates: { folder: 'content/news' } }) });
  mkdirSync(join(site, 'content'));
  symlinkSync(outside, join(site, 'content/news'));
  const client = new TestClient(site);
  try {
    await client.initialize(site);
    const answer = (await client.connection.sendRequest('postlint/newPost', { anchorUri: uriOf(site), kind: 'event-recap', title: 'A recap', event: 'A meetup' })) as { error?: string };
    assert.equal(answer.error, `${join(site, 'content/news/a-recap.md')} is outside the site (through a symlink): Postlint writes posts only inside the site.`);
    assert.deepEqual(readdirSync(outside), []);
  } finally {
    await client.connection.sendRequest('shutdown').catch(() => undefined);
    await client.connection.sendNotification('exit').catch(() => undefined);
    client.child.kill();
  }
});
