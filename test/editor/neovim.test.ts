import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { CLI, REPO } from '../helpers/cli';

const temp = mkdtempSync(join(tmpdir(), 'postlint-nvim-'));
after(() => rmSync(temp, { recursive: true, force: true }));

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });

/** Another editor: Neovim's own LSP client attaches the server and receives its diagnostics. */
// In CI a missing Neovim fails the run (.ci/install-editors installs it): a skipped editor test would let CI shrink silently.
const nvimMissing = nvim.status === 0 ? false : 'nvim is not installed: run bash .ci/install-editors';

test('Neovim receives the server\u2019s diagnostics', { skip: process.env.CI ? false : nvimMissing, timeout: 60_000 }, async () => {
  if (nvimMissing) assert.fail(`${nvimMissing} (CI is set, so the test fails instead of skipping)`);
  const site = join(REPO, 'examples', 'site');
  const out = join(temp, 'diagnostics.txt');
  const post = join(site, 'content', 'blog', 'front-matter-typos.md');
  const child = spawn('nvim', ['--headless', '-n', '-i', 'NONE', '-u', join(__dirname, 'neovim-init.lua'), post], {
    env: { ...process.env, POSTLINT_CLI: CLI, POSTLINT_NVIM_OUT: out, POSTLINT_SITE: site },
    stdio: 'ignore',
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  assert.equal(code, 0);
  const lines = readFileSync(out, 'utf8').split('\n').sort();
  assert.deepEqual(lines.map((line) => line.split(' ')[1]).sort(), ['author-unknown', 'frontmatter-key-case', 'frontmatter-schema', 'frontmatter-schema']);
  assert.ok(lines.some((line) => line.startsWith('2:1 frontmatter-key-case “Title” is spelt “title”')), lines.join('\n'));
});
