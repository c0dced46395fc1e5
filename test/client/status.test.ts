import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as vscode from 'vscode';
import { PostlintStatus } from '../../client/status';

/** A stand-in for VS Code's status bar item: what it shows. */
function item() {
  return { text: '', tooltip: '' as string | undefined, backgroundColor: undefined as unknown, name: '', command: '', shown: false, show() { this.shown = true; } };
}

const ERROR = { id: 'statusBarItem.errorBackground' } as vscode.ThemeColor;

test('status: one item, always shown, says each state; a click shows the output', () => {
  const shown = item();
  const status = new PostlintStatus(shown as unknown as vscode.StatusBarItem, ERROR);
  const seen = () => [shown.text, shown.backgroundColor === ERROR];
  assert.equal(shown.shown, true);
  assert.equal(shown.command, 'postlint.showOutput');
  assert.deepEqual(seen(), ['$(sync~spin) Postlint', false]);
  status.serverState('running');
  assert.deepEqual(seen(), ['$(check) Postlint', false]);
  // A whole-site check, as the server reports it (postlint/siteCheck).
  status.siteCheckProgress({ checked: 0, total: 0, done: false });
  assert.deepEqual(seen(), ['$(sync~spin) Postlint: finding posts\u2026', false]);
  status.siteCheckProgress({ checked: 40, total: 136, done: false });
  assert.deepEqual(seen(), ['$(sync~spin) Postlint: 40/136', false]);
  assert.match(shown.tooltip!, /40 of 136/);
  status.siteCheckProgress({ checked: 136, total: 136, done: true });
  assert.deepEqual(seen(), ['$(check) Postlint', false]);
  // Ready, with the counts of Postlint's problems, kept per document as they change.
  status.problemsOf('file:///a.md', 2, 1);
  status.problemsOf('file:///b.md', 0, 3);
  assert.deepEqual(seen(), ['$(check) Postlint $(error) 2 $(warning) 4', false]);
  assert.match(shown.tooltip!, /2 errors and 4 warnings in the posts it has checked/);
  status.problemsOf('file:///a.md', 0, 0);
  assert.deepEqual(seen(), ['$(check) Postlint $(error) 0 $(warning) 3', false]);
  status.problemsOf('file:///b.md', 0, 0);
  assert.deepEqual(seen(), ['$(check) Postlint', false]);
  // A broken config outweighs a check under way, and its words are in the tooltip.
  status.siteCheckProgress({ checked: 1, total: 10, done: false });
  status.config('/site/.postlintrc.json: invalid configuration: rules.link-insecur: there is no rule');
  assert.deepEqual(seen(), ['$(error) Postlint', true]);
  assert.match(shown.tooltip!, /rules\.link-insecur: there is no rule\. Click for the output\./);
  status.siteCheckProgress({ checked: 10, total: 10, done: true });
  status.config(undefined);
  assert.deepEqual(seen(), ['$(check) Postlint', false]);
  // A server that stopped outweighs everything.
  status.config('broken');
  status.serverState('stopped');
  assert.deepEqual(seen(), ['$(circle-slash) Postlint', false]);
});
