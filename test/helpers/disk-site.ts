import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';

export const MINIMAL_HUGO_CONFIG = 'baseURL: https://example.org/\n';

/** A post with a title, a date and `body`: the shape the CLI's tests of whole runs give their posts. */
export function datedPost(title: string, body: string): string {
  return `---\ntitle: ${title}\ndate: 2025-01-01\n---\n\n${body}\n`;
}

/** Writes `files` (paths from `root`) with their folders. */
export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/**
 * Hugo sites on disk, for tests that run the CLI or the server: each in a folder of
 * one temporary folder (its real path, so that paths the CLI prints compare equal),
 * removed when the test file ends.
 */
export function diskSites(prefix: string): { temp: string; site(name: string, files: Record<string, string | Buffer>): string } {
  const temp = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  after(() => rmSync(temp, { recursive: true, force: true }));
  return {
    temp,
    site(name, files) {
      const root = join(temp, name);
      writeFiles(root, { 'hugo.yaml': MINIMAL_HUGO_CONFIG, ...files });
      return root;
    },
  };
}
