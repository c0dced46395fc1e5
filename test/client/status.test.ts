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
  status.checkStarted();
  status.checkStarted();
  status.checkEnded();
  assert.deepEqual(seen(), ['$(sync~spin) Postlint: checking site\u2026', false], 'until the last check ends');
  status.checkEnded();
  assert.deepEqual(seen(), ['$(check) Postlint', false]);
  // A broken config outweighs a check under way, and its words are in the tooltip.
  status.checkStarted();
  status.config('/site/.postlintrc.json: invalid configuration: rules.link-insecur: there is no rule');
  assert.deepEqual(seen(), ['$(error) Postlint', true]);
  assert.match(shown.tooltip!, /rules\.link-insecur: there is no rule\. Click for the output\./);
  status.checkEnded();
  status.config(undefined);
  assert.deepEqual(seen(), ['$(check) Postlint', false]);
  // A server that stopped outweighs everything.
  status.config('broken');
  status.serverState('stopped');
  assert.deepEqual(seen(), ['$(circle-slash) Postlint', false]);
});
