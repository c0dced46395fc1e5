import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLanguageService } from '../../server/engine/language-service';
import { NodeWorkspace } from '../../server/node/node-workspace';
import { CORPUS, checkCorpusBlog, corpusTest } from '../helpers/corpus';
import { assertMessageStyle } from '../helpers/message-style';

/**
 * Every message the real blogs get reads in the Problems panel: plain text (values in
 * typographic quotes, no Markdown), and a first sentence, saying what is wrong, of at most
 * 100 characters however long the URL or alt text it names. The rule tests hold each
 * wording to the same style (test/helpers/memory-workspace.ts); these are the real posts.
 */

corpusTest('message style: every finding on the TODO Group blog', { timeout: 120_000 }, async () => {
  for (const diagnostics of (await checkCorpusBlog()).values()) for (const diagnostic of diagnostics) assertMessageStyle(diagnostic);
});

const OTEL_BLOG = join(CORPUS, 'opentelemetry.io', 'content', 'en', 'blog');

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(folder, name));
}

corpusTest('message style: every finding on the OpenTelemetry blog', { corpus: OTEL_BLOG, timeout: 120_000 }, async () => {
  const service = createLanguageService({ workspace: new NodeWorkspace() });
  for (const path of markdownFiles(OTEL_BLOG)) {
    for (const diagnostic of (await service.check(path, readFileSync(path, 'utf8'))).diagnostics) assertMessageStyle(diagnostic);
  }
});
