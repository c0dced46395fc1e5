import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import picomatch from 'picomatch';
import { compileGlobs, escapeGlob, globBases, globMatcher, globProblem, MAX_MATCHED_PATH } from '../../schemas/globs';
import { PRESETS } from '../../schemas/presets';
import { ConfigError } from '../../server/engine/config/config';
import { configDiagnostics } from '../../server/engine/config/config-diagnostics';
import { runCli } from '../helpers/cli';
import { CORPUS, corpusTest } from '../helpers/corpus';
import { diskSites } from '../helpers/disk-site';
import fc from '../helpers/fast-check';
import { checkPost, hugoSite, serviceFor, SITE } from '../helpers/memory-workspace';

// Globs come with the site's .postlintrc.json and the file names with its files: a pull
// request writes both. picomatch's backtracking RegExps took 2.6 s for `*a*a*a*a*a*a*b`
// against a name of 80 `a`s, doubling with each `a`; Postlint's globs run on RE2.

/** Fails fast on the first `a` that is not followed by a `b`: exponential for a backtracking matcher. */
const HOSTILE_POSTS = 'content/**/*a*a*a*a*a*a*a*a*b.md';
const HOSTILE_IGNORE = '**/*a*a*a*a*a*a*a*a*c*.md';
const HOSTILE_KIND_FILES = '**/*a*a*a*a*a*a*a*a*d.md';
/** Matches no glob above: each gives up only after trying every way to split its `a`s. */
const LONG_NAME = `${'a'.repeat(200)}.md`;
/** A post (it ends in `b.md`) that the ignore and kind globs must try and refuse. */
const LONG_POST = `${'a'.repeat(100)}b.md`;
const SHORT_POST = 'aaaaaaaab.md';
const IGNORED_POST = 'aaaaaaaacb.md';
const KIND_POST = 'aaaaaaaadb.md';

const POST = (title: string) => `---\ntitle: ${title}\ndate: 2026-01-05\n---\n\nHello.\n`;
const HOSTILE_CONFIG = JSON.stringify({
  posts: [HOSTILE_POSTS],
  ignore: [HOSTILE_IGNORE],
  kinds: { 'event-recap': { files: [HOSTILE_KIND_FILES, '**/*db.md'] } },
});

const picomatchOf = (globs: string[], nocase = false) => picomatch(globs, { dot: true, nocase });

describe('hostile globs end, with the right answer', () => {
  test('the measured cases: false for the name that made picomatch backtrack, true for one that fits', () => {
    const sixAs = compileGlobs(['*a*a*a*a*a*a*b']);
    assert.deepEqual([sixAs('a'.repeat(80)), sixAs(`${'a'.repeat(80)}b`)], [false, true]);
    const deep = compileGlobs(['**/*a*a*a*a*a*a*a*a*b.md']);
    assert.deepEqual([deep(`x/${'a'.repeat(200)}.md`), deep(`x/y/${'a'.repeat(200)}b.md`)], [false, true]);
  });

  test(`a path longer than ${MAX_MATCHED_PATH} characters, which names no file, matches nothing`, () => {
    const anything = compileGlobs(['**']);
    assert.deepEqual([anything('a'.repeat(MAX_MATCHED_PATH)), anything('a'.repeat(MAX_MATCHED_PATH + 1))], [true, false]);
  });

  test('engine: postsAmong and kinds with hostile posts, ignore and kind globs', async () => {
    const workspace = hugoSite({ '.postlintrc.json': HOSTILE_CONFIG });
    const service = serviceFor(workspace);
    const path = (name: string) => `${SITE}/content/posts/${name}`;
    assert.deepEqual(await service.postsAmong([LONG_NAME, LONG_POST, SHORT_POST, IGNORED_POST, KIND_POST].map(path)), [LONG_POST, SHORT_POST, KIND_POST].map(path));
    const kinds = await Promise.all([LONG_POST, KIND_POST].map(async (name) => service.settingsFor(path(name), POST('A post'))));
    assert.deepEqual(
      kinds.map((settings) => [settings.kind, settings.kindSource]),
      [
        ['post', 'default'],
        ['event-recap', 'file name'],
      ],
    );
  });

  test("engine: link-broken-local's ignore globs with a hostile link target", async () => {
    const hostileLink = `/${'a'.repeat(200)}/`;
    const workspace = hugoSite({
      '.postlintrc.json': JSON.stringify({ rules: { 'link-broken-local': ['error', { ignore: ['/*a*a*a*a*a*a*a*a*b/', '/Generated/**'] }] } }),
      'content/posts/p.md': `---\ntitle: A post\ndate: 2026-01-05\n---\n\n[One](${hostileLink}), [two](/generated/report/) and [three](/aaaaaaaab/).\n`,
    });
    const diagnostics = await checkPost(workspace, 'content/posts/p.md');
    assert.deepEqual(
      diagnostics.map((d) => [d.ruleId, d.range.start.character]),
      [['link-broken-local', 6]],
    );
  });

  const sites = diskSites('postlint-globs-');

  test('CLI: `postlint check` walks a site with hostile globs and hostile names, ends by itself, and checks exactly the posts', async () => {
    const root = sites.site('hostile', {
      '.postlintrc.json': HOSTILE_CONFIG,
      [`content/posts/${LONG_NAME}`]: POST('Not a post'),
      [`content/posts/${LONG_POST}`]: POST('A long name'),
      [`content/posts/${SHORT_POST}`]: '---\ntitle: A short name\n---\n\nNo date.\n',
      [`content/posts/${IGNORED_POST}`]: '---\ntitle: Ignored\n---\n\nNo date.\n',
    });
    for (const args of [['check', '--format', 'json'], ['check', '--format', 'json', 'content']]) {
      const run = await runCli(args, root, {}, 20_000);
      assert.equal(run.signal, null, `${args.join(' ')} ended on its own`);
      assert.equal(run.code, 1, run.stderr);
      const reports = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
      assert.deepEqual(
        reports.map((report) => [relative(root, report.filePath), report.messages.map((message) => message.ruleId)]),
        [
          [`content/posts/${LONG_POST}`, []],
          [`content/posts/${SHORT_POST}`, ['frontmatter-schema']],
        ],
        args.join(' '),
      );
    }
  });
});

describe('globs match as picomatch ({ dot: true }) did', () => {
  const SAMPLE_PATHS = [
    'content/posts/a.md',
    'content/post/2024/a.md',
    'content/blog/x/y/z.md',
    'content/blog/_index.md',
    'content/blog/.draft.md',
    'content/.hidden/blog/a.md',
    'content/en/blog/a.md',
    'content/en/blog/2020/index.md',
    'content/en/blog/_index.md',
    'content/ja/blog/a.markdown',
    'content/en/news/a.md',
    'content/blogs/a.md',
    'blog/a.md',
    'posts/a.md',
    'a.md',
    '_index.md',
    'content/en/blog/a.md.bak',
    'static/blog/a.md',
  ];

  /** Every glob of the presets, with `{contentDir}` as the engine fills it in. */
  function presetGlobs(): string[] {
    const globs = Object.values(PRESETS).flatMap((preset) => [
      ...preset.posts.flatMap((glob) => ['content', 'content/en', '.'].map((dir) => glob.replaceAll('{contentDir}', dir).replace(/^\.\//, ''))),
      ...preset.notPosts,
      ...preset.kinds.flatMap((kind) => kind.files ?? []),
    ]);
    return [...new Set(globs)];
  }

  function filesUnder(root: string): string[] {
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'));
  }

  const disagreements = (globs: string[], paths: string[]) =>
    globs.flatMap((glob) => {
      const ours = compileGlobs([glob]);
      const theirs = picomatchOf([glob]);
      return paths.filter((path) => ours(path) !== theirs(path)).map((path) => [glob, path, ours(path)]);
    });

  test('every preset glob compiles and agrees on sample paths', () => {
    assert.deepEqual(presetGlobs().map(globProblem).filter(Boolean), []);
    assert.deepEqual(disagreements(presetGlobs(), SAMPLE_PATHS), []);
  });

  corpusTest('every preset glob agrees on every file of the corpus sites', {}, () => {
    // The corpus sites hold no .postlintrc.json of their own: the presets' globs are theirs.
    // The READMEs' counts of Markdown files under content/: the whole site was read.
    for (const [site, markdownPages] of [['todogroup.org', 306], ['opentelemetry.io', 1812]] as const) {
      const paths = filesUnder(join(CORPUS, site));
      assert.equal(paths.filter((path) => path.startsWith('content/') && path.endsWith('.md')).length, markdownPages, site);
      assert.deepEqual(disagreements(presetGlobs(), paths), [], site);
    }
  });

  // Globs and paths over a small alphabet, in the syntax both read the same way. Paths are
  // as the engine makes them: no `.` or `..` segment, no empty one, no trailing `/`.
  const name = fc.stringMatching(/^[ab.-]{1,4}$/).filter((text) => text !== '.' && text !== '..');
  const path = fc.array(name, { minLength: 1, maxLength: 4 }).map((names) => names.join('/'));
  const braceText = fc.stringMatching(/^[ab.]{1,2}(?:\/[ab.]{1,2})?$/).filter((text) => !text.includes('..') && !text.split('/').includes('.'));
  const atom = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('a', 'b', '.', '-') },
    { weight: 2, arbitrary: fc.constantFrom('*', '?') },
    { weight: 1, arbitrary: fc.constantFrom('[ab]', '[^a]', '[a-b]', '[.]', '[^.-]', '[-a]', '[]a]', '[[:alpha:]]', '\\*', '\\a') },
    { weight: 1, arbitrary: fc.array(braceText, { minLength: 2, maxLength: 3 }).map((texts) => `{${texts.join(',')}}`) },
  );
  const segment = fc.oneof(
    { weight: 1, arbitrary: fc.constant('**') },
    { weight: 4, arbitrary: fc.array(atom, { minLength: 1, maxLength: 4 }).map((atoms) => atoms.join('')).filter((text) => !text.includes('**')) },
  );
  const glob = fc.array(segment, { minLength: 1, maxLength: 4 }).map((segments) => segments.join('/'));

  test('property: random globs and paths get the same answer', () => {
    fc.assert(
      fc.property(glob, path, (pattern, candidate) => {
        fc.pre(globProblem(pattern) === undefined);
        assert.equal(compileGlobs([pattern])(candidate), picomatchOf([pattern])(candidate), `${pattern} on ${candidate}`);
      }),
      { numRuns: 3000 },
    );
  });

  test('property: case-insensitive globs (link-broken-local) get the same answer as nocase', () => {
    const mixedPath = path.chain((lower) => fc.array(fc.boolean(), { minLength: lower.length, maxLength: lower.length }).map((upper) => [...lower].map((char, at) => (upper[at] ? char.toUpperCase() : char)).join('')));
    fc.assert(
      fc.property(glob, mixedPath, (pattern, candidate) => {
        fc.pre(globProblem(pattern) === undefined);
        assert.equal(compileGlobs([pattern], { caseInsensitive: true })(candidate), picomatchOf([pattern], true)(candidate), `${pattern} on ${candidate}`);
      }),
      { numRuns: 1000 },
    );
  });

  test('braces, globstars and classes, case by case', () => {
    const cases: [string, string, boolean][] = [
      ['a/**', 'a', true],
      ['a*/**', 'ab', false],
      ['**/a', 'a', true],
      ['a/**/b', 'a/b', true],
      ['a/**/**/b', 'a/x/y/b', true],
      ['{a,}b', 'b', true],
      ['{a}', '{a}', true],
      ['{a,b/c}/d', 'b/c/d', true],
      ['a{b,c{d,e}}', 'ace', true],
      ['*{a,}*', 'b', true],
      ['{[,],b}', ',', true],
      ['./a/*', 'a/b', true],
      ['*.*', 'a.', false],
      ['*.md', '.md', true],
      ['[]a]', ']', true],
      ['[[:digit:]]x', '7x', true],
      ['\\*', '*', true],
      ['a/b\\{c\\}', 'a/b{c}', true],
    ];
    assert.deepEqual(
      cases.map(([pattern, candidate]) => compileGlobs([pattern])(candidate)),
      cases.map(([, , expected]) => expected),
    );
    assert.deepEqual(
      cases.map(([pattern, candidate]) => picomatchOf([pattern])(candidate)),
      cases.map(([, , expected]) => expected),
    );
  });

  test('where Postlint reads a glob as gitignore and the shell do, not as picomatch did', () => {
    // picomatch reads `[!a]` as "! or a" unless told `posix`; `**` inside braces as `*` next to a brace.
    const cases: [string, string, boolean, boolean][] = [
      ['[!a]', 'b', true, false],
      ['[!a]', 'a', false, true],
      ['a/{**,x}/b', 'a/b', true, false],
      ['{**/a,b}', 'a', true, false],
    ];
    assert.deepEqual(
      cases.map(([pattern, candidate]) => [compileGlobs([pattern])(candidate), picomatchOf([pattern])(candidate)]),
      cases.map(([, , ours, theirs]) => [ours, theirs]),
    );
  });
});

describe('globs Postlint does not accept are config errors', () => {
  test('each problem is named, with what to write instead', () => {
    const problems = ['', '!drafts/**', '*.+(md|markdown)', 'content/post (1).md', 'a|b', 'a\\', 'content/[ab', 'content/{a,b', '**.md', 'a/***/b', '{1..3}', '[z-a]', '[a/b]', '[[:letter:]]', '{a,b}'.repeat(10)];
    assert.deepEqual(problems.map(globProblem), [
      'it is empty',
      'a leading ! (negation) is not supported: write \\! for a name that starts with !',
      'extglobs such as “+(” are not supported: use {a,b} for alternatives',
      '“(” is not supported: write \\( for the character itself, {a,b} for alternatives',
      '“|” is not supported: write \\| for the character itself, {a,b} for alternatives',
      'it ends with a lone \\: write \\\\ for a backslash',
      'a [ is never closed: write \\[ for the character itself',
      'a { is never closed: write \\{ for the character itself',
      '** must be a whole segment, as in a/**/b: within a name, * already matches any characters',
      '** must be a whole segment, as in a/**/b: within a name, * already matches any characters',
      'ranges such as {1..3} are not supported: list the values, as in {1,2,3}',
      'the range z-a is reversed: write a-z',
      'a [...] class cannot match /: write the folders with /',
      '[:letter:] is not a character class: use one of [:alnum:] [:alpha:] [:ascii:] [:blank:] [:cntrl:] [:digit:] [:graph:] [:lower:] [:print:] [:punct:] [:space:] [:upper:] [:word:] [:xdigit:]',
      undefined,
    ]);
    assert.equal(globProblem('{a/b,c}'.repeat(10)), 'it is longer than 1000 characters, each of its {a,b} alternatives spelt out: write a shorter glob, or fewer alternatives');
  });

  test('the engine refuses them on load, naming the key path, on one line', async () => {
    const SYNTAX = 'Globs take *, ? and [...] within a name, ** as a whole segment, {a,b}, \\ to escape';
    const config = {
      posts: ['content/**/*.md', 'content/**/*.+(md|markdown)'],
      ignore: ['!keep.md'],
      kinds: { 'event-recap': { files: ['**/recap-[0-9.md'] } },
      rules: { 'link-broken-local': ['error', { ignore: ['/old/{1..9}/'] }] },
    };
    const workspace = hugoSite({ '.postlintrc.json': JSON.stringify(config), 'content/posts/a.md': POST('A post') });
    await assert.rejects(serviceFor(workspace).postsAmong([`${SITE}/content/posts/a.md`]), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(
        error.detail,
        [
          `rules.link-broken-local.1.ignore.0: “/old/{1..9}/” is not a glob Postlint accepts. Ranges such as {1..3} are not supported: list the values, as in {1,2,3}. ${SYNTAX}`,
          `posts.1: “content/**/*.+(md|markdown)” is not a glob Postlint accepts. Extglobs such as “+(” are not supported: use {a,b} for alternatives. ${SYNTAX}`,
          `ignore.0: “!keep.md” is not a glob Postlint accepts. A leading ! (negation) is not supported: write \\! for a name that starts with !. ${SYNTAX}`,
          `kinds.event-recap.files.0: “**/recap-[0-9.md” is not a glob Postlint accepts. A [ is never closed: write \\[ for the character itself. ${SYNTAX}`,
        ].join('; '),
      );
      assert.doesNotMatch(error.detail, /\n/);
      return true;
    });
  });

  test('a glob that leads out of the site is still named for that', () => {
    const text = '{ "posts": ["../**/*.md", "content/**/*.md"] }';
    assert.deepEqual(
      configDiagnostics(text).map((d) => d.message),
      ['“../**/*.md” leads out of the site. Write it from the site root, with no leading “/” and no “..”.'],
    );
  });
});

describe('the folders the CLI walks for the post globs', () => {
  test('the part of each glob before its first wildcard, braces across folders spelt out', () => {
    assert.deepEqual(
      ['content/en/{posts,post,blog}/**/*.md', 'content/*/blog/**/*.md', '**/_index.md', 'content/a.md', '{docs,content/news}/**', 'blog\\*/x/*.md'].map(globBases),
      [['content/en'], ['content'], [''], ['content'], ['docs', 'content/news'], ['blog*/x']],
    );
  });
});

test('escapeGlob: a folder name with glob characters matches itself alone, as a glob', () => {
  for (const name of ['news [2024]', 'a{b,c}', 'star*', 'what?', 'back\\slash', '!important', '(draft)']) {
    const matches = globMatcher([`content/${escapeGlob(name)}/**/*.md`]);
    assert.equal(matches(`content/${name}/post.md`), true, name);
    assert.equal(matches('content/other/post.md'), false, name);
  }
});
