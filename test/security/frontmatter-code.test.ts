import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import fc from '../helpers/fast-check';
import { runCli } from '../helpers/cli';
import { MINIMAL_HUGO_CONFIG, writeFiles } from '../helpers/disk-site';
import { hugoSite, serviceFor, SITE } from '../helpers/memory-workspace';
import { TestClient, uriOf } from '../lsp/client';

// Front matter is data. gray-matter, which Postlint once used, evaluated a block whose
// opening line named `js` (and merged that engine back in for `+++`). Each payload here
// would leave a sentinel file and a global behind if anything ran it.

const OPENERS = ['---', '+++', ';;;'];
const TAGS = ['js', 'javascript', 'JS', 'coffee', 'coffeescript', 'cson', ' js', 'js '];
const MARK = '__postlintFrontMatterRan';

const scratch = mkdtempSync(join(tmpdir(), 'postlint-fm-code-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const sentinel = join(scratch, 'ran');

/** An expression that, evaluated as JavaScript or CoffeeScript, writes the sentinel and sets a global. */
function payload(opener: string, tag: string): string {
  const code = `(require("fs").writeFileSync(${JSON.stringify(sentinel)}, "ran"), globalThis.${MARK} = true, { title: "x" })`;
  return `${opener}${tag}\n${code}\n${opener}\n\nBody text.\n`;
}

const CASES = OPENERS.flatMap((opener) => TAGS.map((tag) => ({ opener, tag, text: payload(opener, tag), name: `${OPENERS.indexOf(opener)}-${TAGS.indexOf(tag)}` })));

function assertNothingRan(what: string): void {
  assert.equal(existsSync(sentinel), false, `${what}: the front matter ran and wrote the sentinel`);
  assert.equal((globalThis as Record<string, unknown>)[MARK], undefined, `${what}: the front matter ran`);
}

test('engine: none of the 24 payloads runs; each opened by --- or +++ is reported at its tag on line 1', async () => {
  for (const { opener, tag, text } of CASES) {
    const workspace = hugoSite({ 'content/blog/p.md': text, 'content/about.md': text });
    const service = serviceFor(workspace);
    const { diagnostics } = await service.check(`${SITE}/content/blog/p.md`, text);
    // The page index reads every page's front matter too.
    await service.pageIndex(await service.siteFor(`${SITE}/content/about.md`));
    assertNothingRan(JSON.stringify(opener + tag));
    const onLine1 = diagnostics.filter((d) => d.ruleId === 'frontmatter-syntax' && d.range.start.line === 0);
    if (opener === ';;;') {
      assert.deepEqual(onLine1, [], `${opener}${tag} opens no front matter`);
      continue;
    }
    assert.equal(onLine1.length, 1, `${opener}${tag}: one finding on line 1`);
    assert.equal(text.split('\n')[0].slice(onLine1[0].range.start.character, onLine1[0].range.end.character), tag.trim());
    assert.match(onLine1[0].message, /reads no language name after/);
  }
});

test('engine: a tag in any case and white space is data, never a language', async () => {
  const service = serviceFor(hugoSite());
  for (const tag of ['Js', 'jAvAsCrIpT', '\tjs', 'js\t', '  javascript  ', 'yaml', 'toml', 'json', 'JS\r']) {
    for (const opener of ['---', '+++']) {
      const text = `${opener}${tag}\n(globalThis.${MARK} = true)\n${opener}\n`;
      const { diagnostics } = await service.check(`${SITE}/content/blog/p.md`, text);
      assertNothingRan(JSON.stringify(opener + tag));
      const tagFinding = diagnostics.find((d) => d.ruleId === 'frontmatter-syntax' && d.range.start.line === 0);
      assert.ok(tagFinding, `${JSON.stringify(opener + tag)} is reported on line 1`);
    }
  }
});

test('engine: any text after the opener, as a property: nothing runs, and only what Hugo accepts there goes unreported', async () => {
  const service = serviceFor(hugoSite());
  const tag = fc.string({ unit: fc.constantFrom('j', 's', 'J', ' ', '\t', '#', '-', '+', '(', ')', '!', 'e', 'v', 'a', 'l', '=', '"'), maxLength: 12 });
  await fc.assert(
    fc.asyncProperty(fc.constantFrom('---', '+++'), tag, async (opener, written) => {
      const text = `${opener}${written}\ntitle = (globalThis.${MARK} = true)\n${opener}\nBody\n`;
      const { diagnostics } = await service.check(`${SITE}/content/blog/p.md`, text);
      assert.equal((globalThis as Record<string, unknown>)[MARK], undefined);
      const trimmed = written.trim();
      // White space and a comment are what YAML and TOML read there without complaint; YAML also a `---` document marker.
      const harmless = trimmed === '' || trimmed.startsWith('#') || (opener === '---' && /^---(?:[ \t]+(?:#.*)?)?$/.test(trimmed));
      const onLine1 = diagnostics.some((d) => d.ruleId === 'frontmatter-syntax' && d.range.start.line === 0);
      assert.equal(onLine1, !harmless, JSON.stringify(opener + written));
    }),
    { numRuns: 300 },
  );
});

function writeSite(root: string, files: Record<string, string>): void {
  writeFiles(root, { 'hugo.yaml': MINIMAL_HUGO_CONFIG, ...files });
}

test('CLI: the 24 payloads as posts and as a page run nothing, through check, --fix-dry-run and print-config', { timeout: 120_000 }, async () => {
  const root = join(scratch, 'cli-site');
  const files: Record<string, string> = { 'content/about.md': payload('+++', 'js') };
  for (const { name, text } of CASES) files[`content/blog/p${name}.md`] = text;
  writeSite(root, files);

  const result = await runCli(['check', '--format', 'json'], root);
  assertNothingRan('postlint check');
  assert.equal(result.code, 1, result.stderr);
  const reports = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[];
  assert.equal(reports.length, 24);
  for (const { opener, tag, name } of CASES) {
    const report = reports.find((r) => r.filePath.endsWith(`/p${name}.md`))!;
    const onLine1 = report.messages.filter((m) => m.ruleId === 'frontmatter-syntax' && m.line === 1);
    assert.equal(onLine1.length, opener === ';;;' ? 0 : 1, `${opener}${tag}`);
  }

  await runCli(['check', '--fix-dry-run', 'content/blog'], root);
  assertNothingRan('--fix-dry-run');
  const printed = await runCli(['print-config', 'content/blog/p1-0.md'], root);
  assert.equal(printed.code, 0, printed.stderr);
  assertNothingRan('print-config');
});

test('language server: whole-site check at start and an unsaved +++js document run nothing, trusted or not', { timeout: 120_000 }, async () => {
  const root = join(scratch, 'lsp-site');
  writeSite(root, { 'content/blog/saved.md': payload('---', 'javascript'), 'content/about.md': payload('+++', 'js') });
  for (const trusted of [true, false]) {
    const client = new TestClient(root);
    client.settings = { ...client.settings, validateWorkspace: true };
    try {
      await client.connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: uriOf(root),
        workspaceFolders: [{ uri: uriOf(root), name: 'site' }],
        capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: {} } },
        initializationOptions: { trusted },
      });
      await client.connection.sendNotification('initialized', {});
      const saved = uriOf(join(root, 'content/blog/saved.md'));
      const fromSiteCheck = await client.diagnostics((params) => params.uri === saved);
      assert.ok(fromSiteCheck.diagnostics.some((d) => d.code === 'frontmatter-syntax' && d.range.start.line === 0));

      const unsaved = uriOf(join(root, 'content/blog/unsaved.md'));
      const since = client.mark();
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: unsaved, languageId: 'markdown', version: 1, text: payload('+++', 'js') } });
      const opened = await client.diagnostics((params) => params.uri === unsaved, since);
      assert.ok(opened.diagnostics.some((d) => d.code === 'frontmatter-syntax' && d.range.start.line === 0));
      assertNothingRan(`language server, trusted: ${trusted}`);
    } finally {
      await client.connection.sendRequest('shutdown').catch(() => undefined);
      await client.connection.sendNotification('exit').catch(() => undefined);
      client.child.kill();
    }
  }
});
