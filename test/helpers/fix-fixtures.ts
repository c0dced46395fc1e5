import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { readSnapshot, type Snapshot } from '../../server/cli/fix-files';

/** Posts and checks shared by the `--fix` tests of the CLI and of the fix writer. */

/**
 * Hugo reads keys in any case, so the hugo preset leaves `Title:` alone; these sites turn
 * `frontmatter-key-case` on, whose renames are the safe fixes the tests rely on.
 */
export const KEY_CASE_CONFIG = { '.postlintrc.json': '{ "rules": { "frontmatter-key-case": "warn" } }' };

/** Two case-only key renames: the safe fixes these tests rely on (with KEY_CASE_CONFIG). No links, so no other rule's fixes. */
export const FIXABLE = '---\nTitle: Capital keys\nDate: 2025-01-01\n---\nA body with no links.\n';
export const FIXED = '---\ntitle: Capital keys\ndate: 2025-01-01\n---\nA body with no links.\n';
export const CLEAN = '---\ntitle: Clean\ndate: 2025-01-01\n---\nNothing to fix.\n';
export const UNSAFE_ONLY = '---\ntitle: Misspelt\ndate: 2025-01-01\ndescripton: A key only a person should rename.\n---\nBody.\n';

const LONG_AGO = new Date('2020-02-02T02:02:02Z');

/** Sets the file's times far in the past, so that any write shows in its modification time. */
export function age(path: string): void {
  utimesSync(path, LONG_AGO, LONG_AGO);
}

/** Bytes and modification time: what "untouched" means. */
export function fingerprint(path: string): { bytes: string; mtimeMs: number } {
  return { bytes: readFileSync(path).toString('base64'), mtimeMs: statSync(path).mtimeMs };
}

/** The file as --fix reads it (within its own folder); the test fails if it is refused. */
export function snapshotOf(path: string): Snapshot {
  const snapshot = readSnapshot(path);
  assert.ok(!('refused' in snapshot), `${path} is read`);
  return snapshot;
}

/** The fix writer's temporary files left in a folder: there must never be any. */
export function tempFilesIn(folder: string): string[] {
  return readdirSync(folder).filter((name) => name.includes('.postlint-'));
}
