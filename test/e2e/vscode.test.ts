// The real-VS-Code level: Postlint's packaged extension in code-server (VS Code 1.100.3 from the npm
// registry), driven through its real UI by Playwright and Debian's Chromium; then the extension-host
// Mocha suite (test/vscode/suite) inside the same code-server. `npm run test:e2e` installs what this
// needs (.ci/install-vscode), packages the extension and bundles the suite first.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { after, before, test, type TestContext } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { RESULTS_VARIABLE, type SuiteResults } from '../vscode/results';
import { copyExampleSite, REPO, SUITE_INDEX, writeUserSettings } from '../vscode/workspace';
import { codeServerBin, installExtension, startCodeServer, type CodeServer, type Dirs } from './code-server';
import { editorLines, launchChromium, openWorkbench, problemsPanel, quickOpen, runCommand, UI_TIMEOUT, type ProblemsFile } from './workbench';

const VSIX = join(REPO, 'postlint.vsix');
/** Screenshots and code-server's logs, kept after the run (gitignored). */
const RESULTS_DIR = join(REPO, 'test-results');
const SCREENSHOT = join(RESULTS_DIR, 'problems-panel.png');

const temp = mkdtempSync(join(tmpdir(), 'postlint-e2e-'));
const dirs: Dirs = { userDataDir: join(temp, 'user-data'), extensionsDir: join(temp, 'extensions'), configFile: join(temp, 'code-server.yaml') };
const suiteResults = join(temp, 'mocha-results.json');
let server: CodeServer | undefined;
let browser: Browser | undefined;

before(async () => {
  const bin = codeServerBin();
  assert.ok(existsSync(VSIX), `${VSIX} is missing: run npm run package (npm run test:e2e does)`);
  assert.ok(existsSync(SUITE_INDEX), `${SUITE_INDEX} is missing: run node test/vscode/build.mjs (npm run test:e2e does)`);
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeUserSettings(dirs.userDataDir);
  await installExtension(bin, VSIX, dirs);
  // The extension host inherits code-server's environment: that is how the suite learns where to write its results.
  server = await startCodeServer(bin, dirs, { [RESULTS_VARIABLE]: suiteResults });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close().catch(() => undefined);
  await server?.stop();
  // code-server's logs (extension host, Postlint's output channel) outlive the temporary folder.
  const logs = join(dirs.userDataDir, 'logs');
  rmSync(join(RESULTS_DIR, 'code-server-logs'), { recursive: true, force: true });
  if (existsSync(logs)) cpSync(logs, join(RESULTS_DIR, 'code-server-logs'), { recursive: true });
  rmSync(temp, { recursive: true, force: true });
});

/** The workbench URL that opens `folder` (a path on the machine code-server runs on). */
function folderUrl(folder: string, payload?: [string, string][]): string {
  const query = new URLSearchParams({ folder });
  if (payload) query.set('payload', JSON.stringify(payload));
  return `${server!.url}/?${query}`;
}

/** Runs one step of a UI test; a failing step leaves a screenshot of what the workbench showed. */
async function step(t: TestContext, page: Page, name: string, run: () => Promise<void>): Promise<void> {
  await t.test(name, async () => {
    // A step that failed may have left a widget open, which would take the next step's keys.
    await page.keyboard.press('Escape');
    try {
      await run();
    } catch (error) {
      const shot = join(RESULTS_DIR, `failed-${name.replace(/\W+/g, '-').slice(0, 60)}.png`);
      await page.screenshot({ path: shot }).catch(() => undefined);
      throw Object.assign(error as Error, { message: `${(error as Error).message}\n(screenshot: ${shot})` });
    }
  });
}

/** Resolves once `file` exists and `ready` accepts its text; fs.watch on its folder says when to look again. */
function waitForFile(file: string, ready: (text: string) => boolean, timeoutMs = UI_TIMEOUT): Promise<string> {
  return new Promise((resolve, reject) => {
    const read = () => (existsSync(file) ? readFileSync(file, 'utf8') : undefined);
    const check = () => {
      const text = read();
      if (text === undefined || !ready(text)) return;
      finish();
      resolve(text);
    };
    const watcher = watch(dirname(file), check);
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${file}; it holds: ${JSON.stringify(read())}`));
    }, timeoutMs);
    function finish() {
      watcher.close();
      clearTimeout(timer);
    }
    check();
  });
}

const TYPOS_CODES = ['author-unknown', 'frontmatter-key-case', 'frontmatter-schema', 'frontmatter-schema'];
const sorted = (codes: string[]) => [...codes].sort();
const codesOf = (files: ProblemsFile[], file: string) => sorted(files.find((entry) => entry.file === file)?.codes ?? []);

test('the packaged extension in code-server, through its UI', { timeout: 300_000 }, async (t) => {
  const site = copyExampleSite(temp, 'ui-site');
  // Made before code-server starts, so that Quick Open's file index has it from the first search.
  writeFileSync(join(site, 'content', 'blog', 'empty-post.md'), '');
  const page = await openWorkbench(browser!, folderUrl(site));
  try {
    await step(t, page, 'the Problems panel lists the post\u2019s problems by rule id', async () => {
      await quickOpen(page, 'front-matter-typos.md');
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel').waitFor();
      const files = await problemsPanel(page, 'the problems of front-matter-typos.md', (shown) => codesOf(shown, 'front-matter-typos.md').length === TYPOS_CODES.length);
      assert.deepEqual(codesOf(files, 'front-matter-typos.md'), TYPOS_CODES);
      await page.screenshot({ path: SCREENSHOT });
      t.diagnostic(`screenshot of the Problems panel: ${SCREENSHOT}`);
    });

    await step(t, page, 'a quick fix (Ctrl+.) renames `Title` to `title` in the editor', async () => {
      await page.locator('.editor-instance .monaco-editor .view-lines').click();
      await page.keyboard.press('Control+G');
      await page.locator('.quick-input-widget input.input').fill(':2');
      await page.keyboard.press('Enter');
      // Ctrl+. goes to the editor only once Go to Line has moved its cursor and given its focus back.
      await page.locator('.statusbar-item', { hasText: /Ln 2, Col 1\b/ }).waitFor();
      await page.locator('.editor-instance .monaco-editor.focused').waitFor();
      // The light bulb shows once the editor holds the line's problems and the server's fixes for them: pressed
      // before, while the opened post's problems were being pulled again, Ctrl+. once said "No code actions available".
      await page.locator('.editor-instance .monaco-editor.focused').locator('.lightBulbWidget, .cgmr[class*="codicon-gutter-lightbulb"]').first().waitFor();
      await page.keyboard.press('Control+.');
      await page.locator('.action-widget .monaco-list-row', { hasText: 'Rename “Title” to “title”' }).waitFor();
      // The preferred fix comes focused; a click would land on the widget's pointer block.
      await page.locator('.action-widget .monaco-list-row.focused', { hasText: 'Rename “Title” to “title”' }).waitFor({ timeout: 5_000 });
      // The packaged extension offers the rest too: its command for the rule's page comes from the .vsix's client.
      for (const title of ['Disable frontmatter-key-case for this line', 'Disable frontmatter-key-case for this file', 'Show documentation for frontmatter-key-case']) {
        await page.locator('.action-widget .monaco-list-row', { hasText: title }).waitFor();
      }
      await page.screenshot({ path: join(RESULTS_DIR, 'quick-fix-menu.png') });
      await page.keyboard.press('Enter');
      const lines = await editorLines(page, 'line 2 to read `title:`', (shown) => shown[1]?.startsWith('title:') ?? false);
      assert.equal(lines[1], 'title: Planting plans for the autumn');
      // The server checks the changed text: the key's spelling is no longer reported.
      const files = await problemsPanel(page, 'the problems left after the fix', (shown) => codesOf(shown, 'front-matter-typos.md').length === 3);
      assert.deepEqual(codesOf(files, 'front-matter-typos.md'), ['author-unknown', 'frontmatter-schema', 'frontmatter-schema']);
    });

    await step(t, page, 'hover (Ctrl+K Ctrl+I) on a key explains it from the schema', async () => {
      // The cursor is on line 2, `title:`, where the quick fix left it.
      await page.locator('.editor-instance .monaco-editor.focused').waitFor();
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      await page.locator('.monaco-hover', { hasText: 'The title of the post' }).waitFor();
      const shot = join(RESULTS_DIR, 'hover.png');
      await page.screenshot({ path: shot });
      t.diagnostic(`screenshots of the quick-fix menu and a hover: ${join(RESULTS_DIR, 'quick-fix-menu.png')}, ${shot}`);
      await page.keyboard.press('Escape');
    });

    await step(t, page, 'the member-welcome snippet inserts into an empty post (Ctrl+Space)', async () => {
      await quickOpen(page, 'empty-post.md');
      await page.keyboard.press('Control+Space');
      const snippet = page.locator('.suggest-widget .monaco-list-row', { hasText: 'Postlint: member welcome post' });
      await snippet.waitFor();
      await snippet.click();
      const lines = await editorLines(page, 'the member-welcome template in the editor', (shown) => shown.includes('postlint_kind: member-welcome'));
      assert.equal(lines[0], '---');
      assert.match(lines[1], /^title: /);
      assert.ok(lines.includes('## Representatives'), lines.join('\n'));
    });

    await step(t, page, 'Postlint: New Post\u2026 from the command palette creates a post', async () => {
      await runCommand(page, 'Postlint: New Post\u2026');
      await answerQuickPick(page, 'Member welcome');
      await answerInputBox(page, 'The title of the post', 'Welcoming Contoso');
      await answerInputBox(page, 'The organisation that joined', 'Contoso');
      const post = join(site, 'content', 'blog', 'welcoming-contoso.md');
      const text = await waitForFile(post, (written) => written.includes('member: "Contoso"'));
      assert.match(text, /^title: "Welcoming Contoso"$/m);
      assert.match(text, /^postlint_kind: member-welcome$/m);
      await page.locator('.tabs-container .tab.active', { hasText: basename(post) }).waitFor();
    });

    await step(t, page, 'Postlint: Check Whole Site lists the posts that are not open', async () => {
      await runCommand(page, 'Postlint: Check Whole Site');
      await runCommand(page, 'View: Toggle Maximized Panel');
      const expected: Record<string, string[]> = {
        '2025-03-01-spring-update.md': ['date-filename-mismatch'],
        'broken-yaml.md': ['frontmatter-syntax'],
        'no-front-matter.md': ['frontmatter-missing', 'heading-title-duplicate'],
      };
      // The check publishes post by post: wait for the last of them.
      const listed = (shown: ProblemsFile[]) => Object.entries(expected).every(([file, codes]) => codesOf(shown, file).length >= codes.length);
      const files = await problemsPanel(page, 'the problems of the posts that are not open', listed);
      for (const [file, codes] of Object.entries(expected)) assert.deepEqual(codesOf(files, file), codes, file);
      await runCommand(page, 'View: Toggle Maximized Panel');
    });

    await step(
      t,
      page,
      'a post opened after the whole-site check loses a problem once it is fixed',
      async () => {
        await quickOpen(page, 'no-front-matter.md');
        await page.keyboard.press('Control+A');
        await page.keyboard.type('---\ntitle: Now with front matter\ndate: 2025-05-01\n---\n\nSome text.\n');
        // A re-check takes well under a second here; 15 s is ample.
        // Wait for the end state: while the text is being typed, its problems change on the way.
        const gone = (shown: ProblemsFile[]) => codesOf(shown, 'no-front-matter.md').length === 0;
        const files = await problemsPanel(page, 'every problem to leave no-front-matter.md', gone, 15_000);
        assert.deepEqual(codesOf(files, 'no-front-matter.md'), []);
      },
    );

    await step(t, page, 'a broken .postlintrc.json turns the status item to its error state, and back once it reads again', async () => {
      const config = join(site, '.postlintrc.json');
      const original = readFileSync(config, 'utf8');
      // The error state shows the error icon alone; ready shows the check, then perhaps its counts with the error icon.
      const postlintItem = (icon: 'error' | 'check') =>
        page.locator('.statusbar-item', { has: page.locator(`.codicon-${icon}`), hasNot: icon === 'error' ? page.locator('.codicon-check') : undefined, hasText: 'Postlint' });
      // Written on disk, as a checkout or another editor would: the file watcher tells the server.
      writeFileSync(config, original.replace('"frontmatter-key-case": "warn"', '"frontmatter-key-case": "of"'));
      try {
        await postlintItem('error').waitFor();
        await page.locator('.monaco-workbench .part.statusbar').screenshot({ path: join(RESULTS_DIR, 'status-item-config-error.png') });
      } finally {
        writeFileSync(config, original);
      }
      await postlintItem('check').waitFor();
    });
  } finally {
    await page.close();
  }
});

async function answerQuickPick(page: Page, label: string): Promise<void> {
  const item = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: label });
  await item.waitFor();
  await item.click();
}

/** Types into the input box that shows `prompt`: the widget is reused, so wait for the prompt itself. */
async function answerInputBox(page: Page, prompt: string, answer: string): Promise<void> {
  await page.locator('.quick-input-widget .quick-input-message', { hasText: prompt }).waitFor();
  await page.locator('.quick-input-widget input.input').fill(answer);
  await page.keyboard.press('Enter');
}

test('a Hugo site with no .postlintrc.json: its problems are listed with no post open', { timeout: 120_000 }, async (t) => {
  const site = copyExampleSite(temp, 'bare-site');
  // Nothing that names Postlint: the extension starts on the folder's hugo.yaml alone, and the server checks the site.
  rmSync(join(site, '.postlintrc.json'));
  const page = await openWorkbench(browser!, folderUrl(site));
  try {
    await step(t, page, 'the Problems panel lists a post no one opened', async () => {
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel').waitFor();
      const files = await problemsPanel(page, 'the problems of broken-yaml.md, which no one opened', (shown) => codesOf(shown, 'broken-yaml.md').length > 0);
      assert.deepEqual(codesOf(files, 'broken-yaml.md'), ['frontmatter-syntax']);
      assert.equal(await page.locator('.tabs-container .tab').count(), 0, 'no editor is open');
    });

    await step(t, page, 'the status item says Postlint is ready, and a click shows its output', async () => {
      const item = page.locator('.statusbar-item', { has: page.locator('.codicon-check'), hasText: 'Postlint' });
      await item.waitFor();
      const shot = join(RESULTS_DIR, 'status-item.png');
      await page.locator('.monaco-workbench .part.statusbar').screenshot({ path: shot });
      t.diagnostic(`screenshot of the status bar: ${shot}`);
      await item.click();
      await page.locator('.panel .output-view, .panel [id="workbench.panel.output"]').first().waitFor();
      // The output's first lines: the version, then the site, its preset and its config file (the editor draws spaces as no-break spaces).
      await page.locator('.panel .view-line', { hasText: /Postlint\s\d+\.\d+\.\d+,\slanguage\sserver\son\sNode/ }).first().waitFor();
      await page.locator('.panel .view-line', { hasText: /preset\shugo,\sconfig\sfile\snone/ }).first().waitFor();
    });
  } finally {
    await page.close();
  }
});

/**
 * The tests in test/vscode/suite, counted by hand: 6 in extension.test.ts, 2 in
 * new-post.test.ts, 6 in quick-fixes.test.ts. A suite that lost a test (a file that failed to bundle, a test
 * deleted by mistake) fails here; one who adds a test raises this number.
 */
const SUITE_TESTS = 15;

test('the extension-host suite (Mocha) inside code-server', { timeout: 300_000 }, async (t) => {
  const site = copyExampleSite(temp, 'suite-site');
  // VS Code's web workbench takes the extension test parameters in its URL's payload; code-server's
  // command line has no --extensionDevelopmentPath. The paths are on the server: vscode-remote URIs.
  const remote = (path: string) => `vscode-remote://${new URL(server!.url).host}${path}`;
  const page = await openWorkbench(
    browser!,
    folderUrl(site, [
      ['extensionDevelopmentPath', remote(REPO)],
      ['extensionTestsPath', remote(SUITE_INDEX)],
    ]),
  );
  let results: SuiteResults;
  try {
    results = JSON.parse(await waitForFile(suiteResults, () => true, 240_000)) as SuiteResults;
  } finally {
    await page.close();
  }
  assert.equal(results.error, undefined, results.error);
  const titles = results.tests.map((result) => result.title);
  assert.equal(titles.length, SUITE_TESTS, `the suite has ${SUITE_TESTS} tests, ${titles.length} ran: ${titles.join(' | ')}`);
  for (const result of results.tests) {
    await t.test(result.title, () => {
      // A pending (skipped) test did not run: the suite would be smaller without saying so.
      if (result.state === 'pending') assert.fail('pending in Mocha: it did not run');
      if (result.state === 'failed') assert.fail(result.error);
    });
  }
});
