/**
 * How soon an author sees a post's problems in a real VS Code on a cold start (the editor
 * issue's goal: within 1 s of opening a post, on the 136-post TODO Group site).
 *
 * Each run opens the site in a fresh workbench of code-server (VS Code 1.100.3, the packaged
 * `.vsix`, Debian's Chromium, as `npm run test:e2e` drives it): a new extension host, so a new
 * language server, whose whole-site check starts on its own. As soon as Quick Open lists the
 * post, the post is opened, and the time runs from that Enter to the first squiggle drawn in
 * its editor. The workbench's own start is timed too, from navigation to its editor area.
 *
 *   npm run package && node --import tsx bench/editor-start.ts [--runs 5] [--post ospology-the-study-of-ospos.md] [--keep]
 *
 * Needs code-server (bash .ci/install-vscode) and the corpus (../shared/corpus). Prints one line
 * per run and the median; exit 0 when the median is within 1 s, 1 when not, 2 when it could not run.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { codeServerBin, installExtension, startCodeServer, type Dirs } from '../test/e2e/code-server';
import { launchChromium, openWorkbench } from '../test/e2e/workbench';
import { REPO, writeUserSettings } from '../test/vscode/workspace';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, post: { type: 'string', default: 'ospology-the-study-of-ospos.md' }, keep: { type: 'boolean', default: false } },
});
const runs = Number(values.runs);
const post = values.post;
const GOAL_MS = 1_000;

const corpus = join(REPO, '..', 'shared', 'corpus', 'todogroup.org');
const vsix = join(REPO, 'postlint.vsix');
for (const [path, how] of [
  [corpus, 'the corpus (../shared/corpus)'],
  [vsix, 'npm run package'],
] as const) {
  if (!existsSync(path)) {
    console.error(`editor-start: ${path} is missing: ${how}`);
    process.exit(2);
  }
}

const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)];

async function main(): Promise<number> {
  const temp = mkdtempSync(join(tmpdir(), 'postlint-editor-start-'));
  const dirs: Dirs = { userDataDir: join(temp, 'user-data'), extensionsDir: join(temp, 'extensions'), configFile: join(temp, 'code-server.yaml') };
  writeUserSettings(dirs.userDataDir);
  const bin = codeServerBin();
  await installExtension(bin, vsix, dirs);
  const server = await startCodeServer(bin, dirs, {});
  const browser = await launchChromium();
  const toSquiggle: number[] = [];
  try {
    for (let run = 1; run <= runs; run++) {
      // A copy per run: nothing a run leaves (state, caches of the site) helps the next.
      const site = join(temp, `site-${run}`);
      cpSync(corpus, site, { recursive: true });
      const started = performance.now();
      const page = await openWorkbench(browser, `${server.url}/?${new URLSearchParams({ folder: site })}`);
      const workbench = performance.now() - started;
      // When the extension has started: its status item is there (it shows it on activation).
      const active = page
        .locator('.statusbar-item', { hasText: 'Postlint' })
        .first()
        .waitFor({ state: 'attached' })
        .then(() => performance.now() - started);
      try {
        await page.keyboard.press('Control+P');
        await page.locator('.quick-input-widget input.input').fill(post);
        await page.locator('.quick-input-list .monaco-list-row', { hasText: post }).first().waitFor();
        const opened = performance.now();
        await page.keyboard.press('Enter');
        await page.locator('.editor-instance .monaco-editor .squiggly-error, .editor-instance .monaco-editor .squiggly-warning').first().waitFor({ state: 'attached' });
        const shown = performance.now() - opened;
        toSquiggle.push(shown);
        const activeAt = await active;
        console.log(
          `run ${run}/${runs}: workbench ${(workbench / 1000).toFixed(2)} s; post opened at ${((opened - started) / 1000).toFixed(2)} s, ` +
            `extension active at ${(activeAt / 1000).toFixed(2)} s, first squiggle at ${((opened - started + shown) / 1000).toFixed(2)} s: ${Math.round(shown)} ms after opening`,
        );
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
    // --keep: code-server's logs stay, Postlint's output among them, with the server's own times.
    if (values.keep) console.log(`kept ${temp}`);
    else rmSync(temp, { recursive: true, force: true });
  }
  const result = median(toSquiggle);
  console.log(`median: ${Math.round(result)} ms from opening ${post} to its first squiggle (goal: within ${GOAL_MS} ms): ${result <= GOAL_MS ? 'met' : 'missed'}`);
  return result <= GOAL_MS ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`editor-start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
