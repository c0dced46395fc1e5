import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { after } from 'node:test';
import { runCli } from '../helpers/cli';
import { TODO_SITE, copyCorpus, corpusTest } from '../helpers/corpus';
import { BARE_URLS } from './known-defects';

const temp = mkdtempSync(join(tmpdir(), 'postlint-fix-corpus-'));
after(() => rmSync(temp, { recursive: true, force: true }));

const BLOG = join('content', 'en', 'blog');

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

interface Fingerprint {
  bytes: Buffer;
  mtimeMs: number;
}

function fingerprints(root: string): Map<string, Fingerprint> {
  return new Map(filesUnder(root).map((path) => [relative(root, path), { bytes: readFileSync(path), mtimeMs: statSync(path).mtimeMs }]));
}

/**
 * The oracle: what `--fix` must make of each post, written from the corpus README's
 * known defects and from reading the posts, never from Postlint's own fixes.
 * Safe fixes are the ones that cannot change what a reader gets.
 */

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A bare URL becomes an autolink, `<url>`: the same link, with its end no longer guessed. */
function wrapBareUrls(name: string, text: string): string {
  const lines = text.split('\n');
  for (const [file, line, url] of BARE_URLS.filter(([file]) => file === name)) {
    // The URL itself, not inside a longer one, a Markdown destination or an attribute.
    const bare = new RegExp(`(?<![(<"=\\w/])${escapeRegExp(url)}(?![\\w/-])`, 'g');
    const wrapped = lines[line - 1].replace(bare, `<${url}>`);
    assert.notEqual(wrapped, lines[line - 1], `${file}:${line} holds ${url}`);
    lines[line - 1] = wrapped;
  }
  return lines.join('\n');
}

/** The `si` tracking parameter (README: 13 YouTube links) goes; the other parameters stay. */
function dropSiParameter(text: string): string {
  return text.replace(/([?&])si=[^&\s)"]*(&?)/g, (_, separator: string, next: string) => (separator === '?' ? (next ? '?' : '') : next));
}

/** Links to the site itself (baseURL https://todogroup.org) take the scheme the site serves. */
const ownSiteHttps = (text: string) => text.replaceAll('http://todogroup.org', 'https://todogroup.org');

/** The one-post defects: `Title:` (README) and the scheme-less slideshare link (README). */
const ONE_POST_FIXES: Record<string, [string, string][]> = {
  'ospology-the-study-of-ospos.md': [['\nTitle:', '\ntitle:']],
  'linuxcon-japan-keynote.md': [['(www.slideshare.net/', '(https://www.slideshare.net/']],
};

function fixedByHand(name: string, text: string): string {
  let fixed = wrapBareUrls(name, dropSiParameter(ownSiteHttps(text)));
  for (const [from, to] of ONE_POST_FIXES[name] ?? []) {
    assert.ok(fixed.includes(from), `${name} holds ${from}`);
    fixed = fixed.replace(from, to);
  }
  return fixed;
}

/** What `--fix` must leave: the file's bytes fixed by hand for a blog post, else unchanged. */
function expectedAfterFix(path: string, bytes: Buffer): Buffer {
  const isPost = path.startsWith(BLOG) && path.endsWith('.md') && basename(path) !== '_index.md';
  return isPost ? Buffer.from(fixedByHand(basename(path), bytes.toString('utf8'))) : bytes;
}

const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;

interface Report {
  messages: { ruleId: string }[];
  fixableErrorCount: number;
  fixableWarningCount: number;
}

function countsByRule(reports: Report[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const message of reports.flatMap((report) => report.messages)) counts.set(message.ruleId, (counts.get(message.ruleId) ?? 0) + 1);
  return counts;
}

corpusTest('check --fix on a copy of the TODO Group site makes exactly the hand-written fixes, and a second run changes nothing', { timeout: 240_000 }, async () => {
  const root = join(temp, 'todogroup.org');
  copyCorpus(TODO_SITE, root, { preserveTimestamps: true });
  const before = fingerprints(root);
  const blogText = [...before].filter(([path]) => path.startsWith(BLOG)).map(([, { bytes }]) => bytes.toString('utf8')).join('\n');
  // The oracle's premises, counted here by our own expressions: the README's counts.
  assert.equal(count(blogText, /[?&]si=/g), 13, 'README: 13 links carry si=');
  assert.equal(BARE_URLS.length, 17, 'README: 17 bare URLs');
  assert.equal(count(blogText, /http:\/\//g), 99, 'README: 99 http:// links');
  const ownSiteHttp = count(blogText, /http:\/\/todogroup\.org/g);
  assert.equal(ownSiteHttp, 45, 'http:// links to todogroup.org itself, counted with grep');

  const first = await runCli(['check', '--fix', '--format', 'json'], root);
  assert.equal(first.stderr, '');
  assert.equal(first.code, 1, 'errors no fix can mend are left (unknown authors, for one)');

  const afterFirst = fingerprints(root);
  assert.deepEqual([...afterFirst.keys()], [...before.keys()], 'no file appeared or vanished (no temporary file left)');
  const changed: string[] = [];
  for (const [path, old] of before) {
    const now = afterFirst.get(path)!;
    const expected = expectedAfterFix(path, old.bytes);
    assert.equal(now.bytes.toString('utf8'), expected.toString('utf8'), `${path} after --fix`);
    if (expected.equals(old.bytes)) assert.equal(now.mtimeMs, old.mtimeMs, `${path}: not changed, so not written`);
    else changed.push(path);
  }
  assert.equal(changed.length, 48, 'the posts the hand-written fixes touch');

  // What the fixes mended is no longer reported; the rest is.
  const reports = JSON.parse(first.stdout) as Report[];
  assert.equal(reports.length, 136);
  const left = countsByRule(reports);
  for (const ruleId of ['link-tracking-params', 'link-bare-url', 'link-no-scheme', 'frontmatter-unknown-key', 'image-alt-redundant']) assert.equal(left.get(ruleId), undefined, ruleId);
  assert.equal(left.get('link-insecure'), 99 - ownSiteHttp, 'the http:// links to other sites stay: only their owner knows they serve https');
  assert.equal(left.get('frontmatter-schema'), 2, 'the two titles with stray spaces (README)');
  for (const report of reports) assert.equal(report.fixableErrorCount + report.fixableWarningCount, 0, 'no safe fix is left');

  const second = await runCli(['check', '--fix', '--format', 'json'], root);
  assert.equal(second.code, first.code);
  const withoutOutput = (stdout: string) => (JSON.parse(stdout) as { output?: string }[]).map((report) => ({ ...report, output: undefined }));
  assert.deepEqual(withoutOutput(second.stdout), withoutOutput(first.stdout), 'the same findings, and no fixed text this time');
  assert.equal((JSON.parse(second.stdout) as { output?: string }[]).filter((report) => report.output !== undefined).length, 0);
  const afterSecond = fingerprints(root);
  assert.deepEqual([...afterSecond.keys()], [...afterFirst.keys()]);
  for (const [path, now] of afterSecond) {
    const then = afterFirst.get(path)!;
    assert.ok(now.bytes.equals(then.bytes) && now.mtimeMs === then.mtimeMs, `${path}: changed by the second --fix`);
  }
});
