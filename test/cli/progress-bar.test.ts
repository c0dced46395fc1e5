import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ProgressBar, progressLine, wantsProgressBar } from '../../server/cli/progress-bar';

/** A terminal that keeps what is written to it. */
function terminal(isTTY = true) {
  const written: string[] = [];
  const stream = { isTTY, write: (text: string) => written.push(text) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

test('progress line: the bar fills with the share done, and failures are named once there are any', () => {
  assert.equal(progressLine('external links', 0, 8, 0), 'external links [------------------------] 0/8');
  assert.equal(progressLine('external links', 4, 8, 1), 'external links [############------------] 4/8, 1 failing');
  assert.equal(progressLine('external links', 0, 0, 0), 'external links [########################] 0/0');
});

test('the bar is redrawn at most ten times a second, but always at the end, and cleared after', () => {
  const { stream, written } = terminal();
  let now = 1_000;
  const bar = new ProgressBar(stream, 'links', () => now);
  bar.update(1, 10, 0);
  now += 50;
  bar.update(2, 10, 0);
  now += 60;
  bar.update(3, 10, 0);
  now += 1;
  bar.update(10, 10, 0);
  assert.deepEqual(
    written.map((line) => line.replace(/\x1b\[K$/, '').replace(/^\r/, '')),
    ['links [##----------------------] 1/10', 'links [#######-----------------] 3/10', 'links [########################] 10/10'],
  );
  bar.clear();
  assert.equal(written.at(-1), '\r\x1b[K');
});

test('a bar only on a terminal, and never in CI', () => {
  assert.equal(wantsProgressBar(terminal(true).stream, {}), true);
  assert.equal(wantsProgressBar(terminal(true).stream, { CI: 'true' }), false);
  assert.equal(wantsProgressBar(terminal(false).stream, {}), false);
});
