import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { toFileReport } from '../../server/cli/report';
import { checkCorpusBlog, corpusMissing, TODO_BLOG, TODO_SITE } from '../helpers/corpus';
import { REPO, runCli } from '../helpers/cli';
import { createLanguageService } from '../../server/engine/service';
import { NodeWorkspace } from '../../server/cli/node-workspace';

/** The CLI is an adapter: its JSON must be the engine's diagnostics, number for number. */
test('CLI and engine agree on the real blog', { skip: corpusMissing() }, async () => {
  const { code, stdout, stderr } = await runCli(['check', '--format', 'json', 'content/en/blog'], TODO_SITE);
  assert.ok(code === 0 || code === 1, stderr);
  const fromCli = JSON.parse(stdout) as { filePath: string }[];
  const fromEngine = [...(await checkCorpusBlog())].map(([name, diagnostics]) => toFileReport(join(TODO_BLOG, name), diagnostics));
  assert.equal(fromCli.length, 136);
  assert.deepEqual(fromCli, fromEngine);
});

test('CLI and engine agree on the example site', async () => {
  const site = join(REPO, 'examples', 'site');
  const { stdout } = await runCli(['check', '--format', 'json', '.'], site);
  const fromCli = JSON.parse(stdout) as { filePath: string }[];
  const service = createLanguageService({ workspace: new NodeWorkspace() });
  const fromEngine = [];
  for (const { filePath } of fromCli) {
    const result = await service.check(filePath, readFileSync(filePath, 'utf8'));
    fromEngine.push(toFileReport(filePath, result.diagnostics));
  }
  assert.ok(fromCli.length > 0);
  assert.deepEqual(fromCli, fromEngine);
});
