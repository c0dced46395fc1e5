/// <reference lib="dom" />
// The functions passed to page.evaluate run in the workbench page: they use the DOM's types.
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium: Playwright's own browser download cannot be reached here. */
export const CHROMIUM = '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

/** Every wait on the workbench gives up after this long, saying what it waited for. */
export const UI_TIMEOUT = 45_000;

/** Opens VS Code's workbench at `url` and waits until it shows its editor area. */
export async function openWorkbench(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1100 } });
  page.setDefaultTimeout(UI_TIMEOUT);
  // tsx compiles this file keeping function names: the functions passed to page.evaluate then call
  // esbuild's __name helper, which the page lacks.
  await page.addInitScript('globalThis.__name = (target) => target;');
  await page.goto(url);
  await page.locator('.monaco-workbench .part.editor').waitFor();
  await page.locator('.monaco-workbench .part.statusbar').waitFor();
  return page;
}

/**
 * Waits until `read`, run in the page, returns a value that `ready` accepts, and returns it. On
 * timeout the error shows the last value read, so that a failure says what the UI showed instead.
 */
export async function waitForUi<T>(page: Page, what: string, read: () => T, ready: (value: T) => boolean, timeoutMs = UI_TIMEOUT): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  // Each round waits for the page to change (a DOM mutation) or 250 ms, never a fixed sleep.
  while (Date.now() < deadline) {
    last = (await page.evaluate(read)) as T;
    if (ready(last)) return last;
    await page.evaluate(() => new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => done());
      const timer = setTimeout(() => done(), 250);
      function done() {
        observer.disconnect();
        clearTimeout(timer);
        resolve();
      }
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    }));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; the workbench showed: ${JSON.stringify(last)}`);
}

/** Quick Open (Ctrl+P): opens a file of the folder by name and waits for its editor tab. */
export async function quickOpen(page: Page, fileName: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor();
  await input.fill(fileName);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor();
  await page.locator('.editor-instance .monaco-editor.focused').waitFor();
}

/** The command palette (F1): runs a command by its title. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** The lines of the active editor, as it renders them (spaces as VS Code draws them, made plain). */
export function editorLines(page: Page, what: string, ready: (lines: string[]) => boolean): Promise<string[]> {
  return waitForUi(
    page,
    what,
    () => {
      const lines = [...document.querySelectorAll<HTMLElement>('.editor-instance .monaco-editor.focused .view-lines .view-line')];
      return lines
        .map((line) => ({ top: parseFloat(line.style.top), text: (line.textContent ?? '').replace(/\u00a0/g, ' ') }))
        .sort((a, b) => a.top - b.top)
        .map((line) => line.text);
    },
    ready,
  );
}

export interface ProblemsFile {
  file: string;
  /** The rule ids (codes) of its problems, in the panel's order. */
  codes: string[];
}

/** The Problems panel's rows, file by file (it is a tree: files at level 1, their problems at level 2). */
export function problemsPanel(page: Page, what: string, ready: (files: ProblemsFile[]) => boolean, timeoutMs = UI_TIMEOUT): Promise<ProblemsFile[]> {
  return waitForUi(
    page,
    what,
    () => {
      const rows = [...document.querySelectorAll<HTMLElement>('.markers-panel .monaco-list-row')].sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index));
      const files: { file: string; codes: string[] }[] = [];
      for (const row of rows) {
        if (row.getAttribute('aria-level') === '1') files.push({ file: row.querySelector('.label-name')?.textContent ?? '', codes: [] });
        else files.at(-1)?.codes.push(row.querySelector('.marker-code')?.textContent ?? '');
      }
      return files;
    },
    ready,
    timeoutMs,
  );
}
