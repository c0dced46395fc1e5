import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver/node';
import { codeActions } from '../../server/lsp/code-actions';
import { toLspDiagnostic } from '../../server/lsp/convert';
import { checkPost, hugoSite, only } from '../helpers/memory-workspace';
import { postWith } from '../helpers/link-fixes';
import { render } from '../helpers/rendered-page';
import { CORPUS, corpusTest, TODO_BLOG } from '../helpers/corpus';
import { createLanguageService } from '../../server/engine/language-service';
import { NodeWorkspace } from '../../server/node/node-workspace';

// "Disable for this line" must leave the page as it was: a comment on a line of its own
// ends a list, a block quote, a table or a paragraph. Each case puts an insecure link on
// one line of some Markdown structure, takes the action the editor would offer for it,
// and renders the post before and after with a CommonMark and GFM renderer.

const LINK = '[the club](http://harbour.example/club)';
const OTEL_BLOG = join(CORPUS, 'opentelemetry.io', 'content', 'en', 'blog');
const PATH = 'content/blog/p.md';

interface Case {
  where: string;
  body: string;
  /** How the comment goes in: a line above (`next-line`), at the line's end (`line`), or not at all. */
  placed: 'next-line' | 'line' | 'none';
}

const CASES: Case[] = [
  { where: 'the first line of a paragraph', body: `Intro.\n\nSee ${LINK} today.\nMore text.\n`, placed: 'next-line' },
  { where: 'a line further down a paragraph', body: `The first line\nthen ${LINK} here.\nAnd the last.\n`, placed: 'line' },
  { where: 'the first item of a list', body: `- ${LINK}\n- two\n`, placed: 'next-line' },
  { where: 'a later item of a list', body: `- one\n- ${LINK}\n- three\n`, placed: 'line' },
  { where: 'an item of a nested list', body: `1. one\n   - ${LINK}\n   - two\n2. three\n`, placed: 'line' },
  { where: 'a continued paragraph of a list item', body: `- one\n  more of ${LINK}\n- two\n`, placed: 'line' },
  { where: 'a block quote', body: `> A quote\n> with ${LINK}.\n> And more.\n`, placed: 'line' },
  { where: 'a table row', body: `| a | b |\n| --- | --- |\n| ${LINK} | x |\n| c | d |\n`, placed: 'line' },
  { where: 'a table row with no pipe at its end', body: `a | b\n--- | ---\n${LINK} | x\n`, placed: 'line' },
  { where: 'the header row of a table in a list', body: `- item\n\n  | ${LINK} | b |\n  | --- | --- |\n  | c | d |\n`, placed: 'line' },
  { where: 'a line ending in a hard break (two spaces)', body: `The first line\nthen ${LINK}  \nand after.\n`, placed: 'line' },
  { where: 'a line ending in a hard break (backslash)', body: `The first line\nthen ${LINK}\\\nand after.\n`, placed: 'line' },
  { where: 'a heading', body: `Intro.\n\n## About ${LINK}\n\nText.\n`, placed: 'next-line' },
  { where: 'a heading in a list, whose id its text makes', body: `- one\n- ## About ${LINK}\n`, placed: 'none' },
  { where: 'a paragraph with Windows line breaks', body: `The first line\r\nthen ${LINK} here.\r\n\r\n- one\r\n- ${LINK}\r\n`, placed: 'line' },
];

function apply(text: string, action: CodeAction): string {
  const document = TextDocument.create('file:///site/content/blog/p.md', 'markdown', 1, text);
  return TextDocument.applyEdits(document, Object.values(action.edit!.changes!).flat());
}

async function actionsFor(text: string, line?: number) {
  const found = only(await checkPost(hugoSite({ [PATH]: text }), PATH), 'link-insecure');
  const target = line === undefined ? found[0] : found.find((diagnostic) => diagnostic.range.start.line === line)!;
  assert.ok(target, 'the case has an insecure link');
  const document = TextDocument.create('file:///site/content/blog/p.md', 'markdown', 1, text);
  const lsp = toLspDiagnostic(target);
  const actions = codeActions(document, { textDocument: { uri: document.uri }, range: lsp.range, context: { diagnostics: [lsp] } }, found);
  return { target, actions };
}

for (const { where, body, placed } of CASES) {
  test(`disable for this line, in ${where}: ${placed === 'none' ? 'not offered' : 'the page renders as before'}`, async () => {
    const post = postWith(body.includes('\r\n') ? body.replace(/(?<!\r)\n/g, '\r\n') : body);
    const text = body.includes('\r\n') ? post.replace(/(?<!\r)\n/g, '\r\n') : post;
    // The last insecure link of the post: in most cases the only one.
    const lines = only(await checkPost(hugoSite({ [PATH]: text }), PATH), 'link-insecure').map((d) => d.range.start.line);
    const { target, actions } = await actionsFor(text, lines.at(-1));
    const line = actions.find((action) => action.title === 'Disable link-insecure for this line');
    assert.ok(actions.some((action) => action.title === 'Disable link-insecure for this file'), 'the whole file can always be');
    if (placed === 'none') return assert.equal(line, undefined);
    assert.ok(line, actions.map((action) => action.title).join(', '));
    const after = apply(text, line);
    const inserted = Object.values(line.edit!.changes!).flat()[0].newText;
    assert.match(inserted, placed === 'line' ? /^ ?<!-- postlint-disable-line link-insecure --> ?$/ : /^<!-- postlint-disable-next-line link-insecure -->\r?\n$/);
    assert.deepEqual(render(after), render(text), `renders as before:\n${after}`);
    // The finding is gone, and only it.
    const left = only(await checkPost(hugoSite({ [PATH]: after }), PATH), 'link-insecure');
    assert.equal(left.length, lines.length - 1, after);
    assert.ok(!left.some((d) => d.message === target.message && d.range.start.line === target.range.start.line + (placed === 'next-line' ? 1 : 0)));
  });
}

test('disable for this file: a comment at the top of the body turns the rule off, and the page renders as before', async () => {
  for (const text of [postWith(`- one\n- ${LINK}\n\nAnd ${LINK}.\n`), `---\ntitle: A post\ndate: 2025-01-01\nauthor: alice\n---`, `Intro with ${LINK}.\n`]) {
    const site = hugoSite({ [PATH]: text });
    if (only(await checkPost(site, PATH), 'link-insecure').length === 0) continue;
    const { actions } = await actionsFor(text);
    const file = actions.find((action) => action.title === 'Disable link-insecure for this file')!;
    const after = apply(text, file);
    assert.deepEqual(render(after), render(text));
    assert.deepEqual(only(await checkPost(hugoSite({ [PATH]: after }), PATH), 'link-insecure'), [], after);
  }
});

test('disable for this file is offered once per rule, however many of its findings are asked about', async () => {
  const text = postWith(`See ${LINK} and ${LINK}.\n`);
  const found = only(await checkPost(hugoSite({ [PATH]: text }), PATH), 'link-insecure');
  assert.equal(found.length, 2);
  const document = TextDocument.create('file:///site/content/blog/p.md', 'markdown', 1, text);
  const lsp = found.map(toLspDiagnostic);
  const actions = codeActions(document, { textDocument: { uri: document.uri }, range: lsp[0].range, context: { diagnostics: lsp } }, found);
  const files = actions.filter((action) => action.title === 'Disable link-insecure for this file');
  assert.equal(files.length, 1);
  assert.equal(files[0].diagnostics?.length, 2);
});

test('disable for this line is not offered on the opening `---`, where a comment above would end the front matter', () => {
  const text = '---\ntitle: A post\n---\nBody.\n';
  const finding = { ruleId: 'frontmatter-schema', severity: 'error' as const, message: 'Says so.', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, docsUrl: '', fixes: [] };
  const document = TextDocument.create('file:///site/content/blog/p.md', 'markdown', 1, text);
  const lsp = toLspDiagnostic(finding);
  const actions = codeActions(document, { textDocument: { uri: document.uri }, range: lsp.range, context: { diagnostics: [lsp] } }, [finding]);
  assert.deepEqual(actions.map((action) => action.title), ['Disable frontmatter-schema for this file']);
});

/** Every Markdown file under `folder`, at any depth (the OpenTelemetry blog keeps posts in year folders and bundles). */
function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? markdownFiles(path) : entry.name.endsWith('.md') ? [path] : [];
  });
}

/**
 * Takes "disable for this line" on every finding in a real blog's bodies: the page
 * must render as before, and the finding be gone. How many got a comment.
 */
async function disableEveryFinding(blog: string): Promise<number> {
  const service = createLanguageService({ workspace: new NodeWorkspace() });
  let placed = 0;
  for (const path of markdownFiles(blog)) {
    const text = readFileSync(path, 'utf8');
    const { diagnostics } = await service.check(path, text);
    const document = TextDocument.create(pathToFileURL(path).toString(), 'markdown', 1, text);
    for (const finding of diagnostics) {
      const lsp = toLspDiagnostic(finding);
      const actions = codeActions(document, { textDocument: { uri: document.uri }, range: lsp.range, context: { diagnostics: [lsp] } }, diagnostics);
      const line = actions.find((action) => action.title === `Disable ${finding.ruleId} for this line`);
      if (!line || Object.values(line.edit!.changes!).flat()[0].newText.startsWith('#')) continue;
      placed++;
      const where = `${relative(blog, path)}:${finding.range.start.line + 1} ${finding.ruleId}`;
      const after = apply(text, line);
      assert.deepEqual(render(after), render(text), where);
      const left = (await service.check(path, after)).diagnostics.filter((d) => d.ruleId === finding.ruleId && d.message === finding.message);
      const moved = after.split('\n').length - text.split('\n').length;
      assert.ok(!left.some((d) => d.range.start.line === finding.range.start.line + moved), `${where} is still reported`);
    }
  }
  return placed;
}

corpusTest('disable for this line, on every finding in the TODO Group blog\u2019s bodies: the page renders as before, and the finding is gone', { timeout: 120_000 }, async () => {
  const placed = await disableEveryFinding(TODO_BLOG);
  assert.ok(placed > 100, `${placed} findings in the bodies got a comment`);
});

corpusTest('disable for this line, on every finding in the OpenTelemetry blog\u2019s bodies (shortcodes, tables, lists): the same', { corpus: OTEL_BLOG, timeout: 120_000 }, async () => {
  const placed = await disableEveryFinding(OTEL_BLOG);
  assert.ok(placed > 50, `${placed} findings in the bodies got a comment`);
});
