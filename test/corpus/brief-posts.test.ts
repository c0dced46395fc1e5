import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';
import { BRIEF_POSTS, corpusTest } from '../helpers/corpus';

const FRONT_MATTER_RULES = new Set(['frontmatter-missing', 'frontmatter-syntax', 'frontmatter-schema', 'frontmatter-unknown-key', 'frontmatter-key-case', 'author-unknown', 'date-filename-mismatch']);

/**
 * The brief's four posts, named explicitly, so each is checked as a post although
 * it is a .txt file outside any Hugo site (the hugo preset applies). Expected by
 * reading them: the member welcome and the event recap have sound front matter;
 * the newsletter and the press release have none.
 */
corpusTest('brief posts: front matter findings', { corpus: BRIEF_POSTS }, async () => {
  const files = readdirSync(BRIEF_POSTS).filter((name) => name.endsWith('.txt')).sort();
  assert.equal(files.length, 4);
  const { code, stdout, stderr } = await runCli(['check', '--format', 'json', ...files], BRIEF_POSTS);
  assert.equal(code, 1, stderr);
  const reports = JSON.parse(stdout) as { filePath: string; messages: { ruleId: string; message: string; line: number; column: number; endLine: number; endColumn: number }[] }[];
  const found = reports.flatMap((report) =>
    report.messages
      .filter((m) => FRONT_MATTER_RULES.has(m.ruleId))
      .map((m) => `${report.filePath.slice(BRIEF_POSTS.length + 1)}:${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId}: ${m.message}`),
  );
  // On the whole first line: "# OSPO Newsletter 39" and "Skip to main content", 20 characters each.
  const noFrontMatter = 'frontmatter-missing: This post has no front matter. Start it with a “---” block holding at least its “title” and “date”.';
  assert.deepEqual(found, [`002_72cabfba64c8e116.txt:1:1-1:21 ${noFrontMatter}`, `003_32eb46823486e9b6.txt:1:1-1:21 ${noFrontMatter}`]);
  assert.deepEqual(reports.map((r) => join(BRIEF_POSTS, files[reports.indexOf(r)])), reports.map((r) => r.filePath));
});
