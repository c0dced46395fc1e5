import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Diagnostic } from '../../server/engine/types';
import { checkCorpusBlog, corpusTest, TODO_BLOG, TODO_SITE } from '../helpers/corpus';
import { REPO, runCli } from '../helpers/cli';
import { createLanguageService } from '../../server/engine/language-service';
import { NodeWorkspace } from '../../server/node/node-workspace';

/**
 * ESLint's result for one file, written here from ESLint's documented format, not
 * with the CLI's formatter: a formatter that dropped or miscounted something would
 * otherwise agree with itself. Lines and columns are 1-based; a warning is 1, an
 * error 2; a finding is fixable when one of its fixes is safe (what --fix applies).
 */
function eslintResult(filePath: string, diagnostics: Diagnostic[]) {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  const fixable = (list: Diagnostic[]) => list.filter((d) => d.fixes.some((fix) => fix.safe)).length;
  return {
    filePath,
    messages: diagnostics.map((d) => ({
      ruleId: d.ruleId,
      severity: d.severity === 'error' ? 2 : 1,
      message: d.message,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
    })),
    suppressedMessages: [],
    errorCount: errors.length,
    fatalErrorCount: 0,
    warningCount: warnings.length,
    fixableErrorCount: fixable(errors),
    fixableWarningCount: fixable(warnings),
    usedDeprecatedRules: [],
  };
}

/** The CLI is an adapter: its JSON must be the engine's diagnostics, number for number. */
corpusTest('CLI and engine agree on the real blog', {}, async () => {
  const { code, stdout, stderr } = await runCli(['check', '--format', 'json', 'content/en/blog'], TODO_SITE);
  assert.equal(code, 1, stderr);
  const fromCli = JSON.parse(stdout) as { filePath: string }[];
  const fromEngine = [...(await checkCorpusBlog())].map(([name, diagnostics]) => eslintResult(join(TODO_BLOG, name), diagnostics));
  assert.equal(fromCli.length, 136, 'README: 136 posts');
  assert.deepEqual(fromCli, fromEngine);
});

/** The example site's posts, by reading content/blog (about.md is a page, not a post). */
const EXAMPLE_POSTS = [
  '2025-03-01-spring-update.md',
  '2025-06-12-harvest-summit-recap.md',
  'broken-yaml.md',
  'front-matter-typos.md',
  'no-front-matter.md',
  'welcome-orchard-labs.md',
];

test('CLI and engine agree on the example site', async () => {
  const site = join(REPO, 'examples', 'site');
  const { code, stdout } = await runCli(['check', '--format', 'json', '.'], site);
  assert.equal(code, 1);
  const fromCli = JSON.parse(stdout) as { filePath: string }[];
  const service = createLanguageService({ workspace: new NodeWorkspace() });
  const fromEngine = [];
  for (const name of EXAMPLE_POSTS) {
    const filePath = join(site, 'content', 'blog', name);
    const result = await service.check(filePath, readFileSync(filePath, 'utf8'));
    fromEngine.push(eslintResult(filePath, result.diagnostics));
  }
  assert.deepEqual(fromCli, fromEngine);
});
