import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { trustNotice } from '../../server/lsp/settings';
import { REPO } from '../helpers/cli';
import { TestClient, uriOf } from './client';

/**
 * The server honours `initializationOptions.trusted` (VS Code's Restricted Mode):
 * untrusted, the `postlint.configFile` setting and the site's own templates are
 * ignored; trusted, or with no such option (editors without trust), both apply.
 */

const temp = realpathSync(mkdtempSync(join(tmpdir(), 'postlint-trust-')));
after(() => rmSync(temp, { recursive: true, force: true }));

const SITE_TEMPLATES = { 'member-welcome': 'templates/welcome.md', about: 'templates/about.md' };
const FILES: Record<string, string> = {
  'hugo.yaml': 'baseURL: https://example.org/\ntitle: Garden Network\n',
  'data/authors.yaml': 'alice:\n  name: Alice Martin\n',
  // Found by discovery whatever the trust: it keeps link-insecure on.
  '.postlintrc.json': JSON.stringify({ templates: SITE_TEMPLATES }),
  // Named by the postlint.configFile setting: it turns link-insecure off.
  'quiet.json': JSON.stringify({ rules: { 'link-insecure': 'off' }, templates: SITE_TEMPLATES }),
  'templates/welcome.md': '---\ntitle: "[[title]]"\ndate: [[date]]\npostlint_kind: member-welcome\n---\nOur own welcome of [[org]].\n\n## About us\n\n[[about]]\n',
  'templates/about.md': 'We are the Garden Network.\n',
  'content/blog/hello.md': '---\ntitle: Hello\ndate: 2026-01-05\nauthor: alice\n---\nSee [the plan](http://example.com/plan).\n',
};

before(() => {
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(temp, path)), { recursive: true });
    writeFileSync(join(temp, path), text);
  }
});

const NEW_POST = { kind: 'member-welcome', title: 'Welcome, Fern', org: 'Fern Labs', author: 'alice', date: '2026-03-04' };
const SITE_WELCOME = '---\ntitle: "Welcome, Fern"\ndate: 2026-03-04\npostlint_kind: member-welcome\n---\nOur own welcome of Fern Labs.\n\n## About us\n\nWe are the Garden Network.\n';

/** The built-in member welcome, filled in by hand: the About text stays a placeholder. */
function builtinWelcome(): string {
  const values = { title: 'Welcome, Fern', author: 'alice', date: '2026-03-04', org: 'Fern Labs', site: 'Garden Network' };
  let text = readFileSync(join(REPO, 'schemas', 'templates', 'member-welcome.md'), 'utf8');
  for (const [name, value] of Object.entries(values)) text = text.replaceAll(`[[${name}]]`, value);
  return text;
}

/** Starts a server on the site with `postlint.configFile` set, checks a post and plans a new one. */
async function run(initializationOptions: unknown) {
  const client = new TestClient(temp);
  const logged: string[] = [];
  client.connection.onNotification('window/logMessage', (params: { message: string }) => void logged.push(params.message));
  client.settings = { ...client.settings, configFile: 'quiet.json' };
  try {
    await client.initialize(temp, {}, initializationOptions);
    const uri = uriOf(join(temp, 'content', 'blog', 'hello.md'));
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text: FILES['content/blog/hello.md'] },
    });
    const published = await client.diagnostics({ uri, version: 1 });
    const plan = (await client.connection.sendRequest('postlint/newPost', { ...NEW_POST, anchorUri: uriOf(temp) })) as { uri: string; text: string };
    const notices = logged.filter((message) => message.startsWith('Postlint: the workspace is'));
    return { codes: published.diagnostics.map((d) => d.code), plan, notices, exit: await client.stop() };
  } finally {
    client.child.kill();
  }
}

const NEW_POST_URI = uriOf(join(temp, 'content', 'blog', 'welcome-fern.md'));

test('trust: untrusted, the configFile setting and the site\u2019s templates are ignored', { timeout: 60_000 }, async () => {
  const result = await run({ trusted: false });
  assert.deepEqual(result.codes, ['link-insecure'], 'the nearest .postlintrc.json applies, not quiet.json');
  assert.equal(result.plan.uri, NEW_POST_URI);
  assert.equal(result.plan.text, builtinWelcome());
  assert.deepEqual(result.notices, [trustNotice(false)]);
  assert.match(result.notices[0], /postlint\.configFile setting is ignored/);
  assert.equal(result.exit, 0);
});

for (const [name, options] of [
  ['trusted', { trusted: true }],
  ['with no initializationOptions', undefined],
] as const) {
  test(`trust: ${name}, the configFile setting and the site\u2019s templates apply`, { timeout: 60_000 }, async () => {
    const result = await run(options);
    assert.deepEqual(result.codes, [], 'quiet.json turns link-insecure off');
    assert.equal(result.plan.uri, NEW_POST_URI);
    assert.equal(result.plan.text, SITE_WELCOME);
    assert.deepEqual(result.notices, [trustNotice(true)]);
    assert.equal(result.exit, 0);
  });
}
