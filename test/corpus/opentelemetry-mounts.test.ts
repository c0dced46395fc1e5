import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLanguageService } from '../../server/engine/language-service';
import { readSite } from '../../server/engine/site/site';
import { SitePages } from '../../server/engine/site/site-pages';
import type { Workspace } from '../../server/engine/types';
import { NodeWorkspace } from '../../server/node/node-workspace';
import { CORPUS, corpusTest } from '../helpers/corpus';

// The OpenTelemetry site mounts its content (config/_default/module.yaml). Its repository
// ignores that file: its build writes it from module-template.yaml, adding mounts for a
// git submodule that a checkout does not have. The corpus has the template only, so
// these tests add what the build writes, without the submodule's mounts, over the disk.

const SITE = join(CORPUS, 'opentelemetry.io');
const MODULE_FILE = join(SITE, 'config', '_default', 'module.yaml');

/** The disk, with the one file the site's build would have written. */
function withBuiltModuleFile(disk: Workspace, text: string): Workspace {
  return {
    readFile: async (path) => (path === MODULE_FILE ? text : disk.readFile(path)),
    stat: async (path) => (path === MODULE_FILE ? 'file' : disk.stat(path)),
    readDirectory: async (path) => {
      const entries = await disk.readDirectory(path);
      return path === join(SITE, 'config', '_default') ? [...entries, { name: 'module.yaml', kind: 'file' }] : entries;
    },
    within: (root) => withBuiltModuleFile(disk.within?.(root) ?? disk, text),
  };
}

function builtSite(): Workspace {
  return withBuiltModuleFile(new NodeWorkspace(), readFileSync(join(SITE, 'config', '_default', 'module-template.yaml'), 'utf8'));
}

corpusTest('opentelemetry.io: pages are served where the content mounts put them, in every language', { corpus: SITE }, async () => {
  const workspace = builtSite();
  const pages = await SitePages.load(workspace, await readSite(workspace, SITE));
  assert.equal(pages.pageOfUrl('/docs/languages/go/')?.file, join(SITE, 'content/en/docs/languages/go/_index.md'));
  assert.equal(pages.pageOfUrl('/ja/docs/languages/go/')?.file, join(SITE, 'content/ja/docs/languages/go/_index.md'));
  assert.equal(pages.pageOfUrl('/en/docs/languages/go/'), undefined, 'content/en is mounted at the root, not under /en/');
  const spec = pages.resolve('/docs/specs/otel/trace/api/');
  assert.deepEqual(spec, { found: true, unverified: 'mounted from “tmp/otel/specification”, which is not on disk' }, 'a page the absent submodule provides: not verified, never broken');
});

corpusTest('opentelemetry.io: the blog\u2019s local links are all found or said to be unverifiable, with why', { corpus: SITE }, async () => {
  const service = createLanguageService({ workspace: builtSite() });
  const blog = join(SITE, 'content', 'en', 'blog');
  const posts = await service.postsAmong(
    (await new NodeWorkspace().readDirectory(join(blog, '2024'))).filter((entry) => entry.kind === 'file').map((entry) => join(blog, '2024', entry.name)),
  );
  assert.ok(posts.length > 20, `the 2024 posts (${posts.length})`);
  const reasons = new Map<string, number>();
  for (const post of posts) {
    const result = await service.check(post, readFileSync(post, 'utf8'));
    assert.deepEqual(result.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'link-broken-local').map((diagnostic) => diagnostic.message), [], post);
    for (const { reason } of result.unverified) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  assert.ok(reasons.size > 0, 'the posts link into the submodule\u2019s pages');
  for (const reason of reasons.keys()) {
    assert.match(reason, /^mounted from “tmp\/[a-z/.-]+”, which is not on disk$|^the site writes its “_redirects” at build time/, 'only what cannot be seen in the checkout');
  }
});

corpusTest('opentelemetry.io as checked out: the missing module.yaml makes missing addresses unverifiable, naming the file', { corpus: SITE }, async () => {
  const service = createLanguageService({ workspace: new NodeWorkspace() });
  const post = join(SITE, 'content', 'en', 'blog', '2023', 'cloud-foundry.md');
  const result = await service.check(post, readFileSync(post, 'utf8'));
  assert.deepEqual(result.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'link-broken-local'), []);
  assert.ok(result.unverified.length > 0);
  assert.match(result.unverified[0].reason, /^“config\/_default\/module\.yaml”, which the site makes at build time/);
});
