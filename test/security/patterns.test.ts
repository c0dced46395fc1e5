import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { titlePatternProblem } from '../../schemas/patterns';
import { PRESETS, todogroupPreset } from '../../schemas/presets';
import { ConfigError } from '../../server/engine/config/config';
import { configDiagnostics } from '../../server/engine/config/config-diagnostics';
import { MAX_MATCHED_TITLE, resolveKind } from '../../server/engine/config/kinds';
import { matchRedirect, parseRedirectsFile } from '../../server/engine/site/redirects';
import { quoted } from '../../server/engine/text/quote';
import { runCli } from '../helpers/cli';
import { corpusTest, TODO_BLOG } from '../helpers/corpus';
import { MemoryWorkspace, serviceFor } from '../helpers/memory-workspace';
import { diskSites } from '../helpers/disk-site';

// A pull request writes `.postlintrc.json`, the posts and `_redirects`. None of them may
// hang a check: patterns from them run on RE2, in time linear in the text they are
// tried on, or are built from escaped text only.

/** RegExp's `^(a+)+$` tries every split of a run of `a`s that ends in anything else: 2^40 for this title, hours. */
const EXPONENTIAL = '^(a+)+$';
const MATCHING_TITLE = 'a'.repeat(30);
const HOSTILE_TITLE = `${'a'.repeat(40)}!`;

const POST = (title: string) => `---\ntitle: ${title}\ndate: 2026-01-05\n---\n\nHello.\n`;
const CONFIG = (titles: string[]) => JSON.stringify({ kinds: { 'event-recap': { titles } } });
const PATTERN_SYNTAX = '(RE2 syntax: no look-around or back-references)';

const { site } = diskSites('postlint-patterns-');


/** Runs the built CLI, killed after 20 s: a hang shows as a signal, not as a stuck test. */
const runBounded = (args: string[], cwd: string) => runCli(args, cwd, {}, 20_000);

async function printedKind(root: string, post: string): Promise<[string, string]> {
  const run = await runBounded(['print-config', post], root);
  assert.equal(run.signal, null, 'print-config ended on its own');
  assert.equal(run.code, 0, run.stderr);
  const printed = JSON.parse(run.stdout) as { kind: string; kindSource: string };
  return [printed.kind, printed.kindSource];
}

describe('title patterns in the engine', () => {
  test('^(a+)+$ decides the kind of a matching title and of a title that makes it backtrack, and returns', async () => {
    const workspace = new MemoryWorkspace({ '/s/hugo.yaml': 'title: x\n', '/s/.postlintrc.json': CONFIG([EXPONENTIAL]) });
    const service = serviceFor(workspace);
    const matching = await service.settingsFor('/s/content/posts/a.md', POST(MATCHING_TITLE));
    assert.deepEqual([matching.kind, matching.kindSource], ['event-recap', 'title']);
    const hostile = await service.settingsFor('/s/content/posts/b.md', POST(HOSTILE_TITLE));
    assert.deepEqual([hostile.kind, hostile.kindSource], ['post', 'default']);
  });

  test('patterns stay case-insensitive and Unicode-aware, as they were with RegExp', () => {
    const matchers = [{ kind: 'event-recap' as const, titles: ['^résumé\\s', '^.$', '\\p{Greek}+ recap'] }];
    const kindOf = (title: string) => resolveKind({ title }, 'content/posts/x.md', matchers).kind;
    assert.deepEqual(
      ['RÉSUMÉ of the summit', '😀', 'ΣΥΝΈΔΡΙΟ recap', 'resume of the summit', '😀😀'].map(kindOf),
      ['event-recap', 'event-recap', 'event-recap', 'post', 'post'],
    );
  });

  test(`titles longer than ${MAX_MATCHED_TITLE} characters are not tried on title patterns`, () => {
    const matchers = [{ kind: 'event-recap' as const, titles: ['^a+$'] }];
    const kindOf = (title: string) => resolveKind({ title }, 'content/posts/x.md', matchers);
    assert.deepEqual(kindOf('a'.repeat(MAX_MATCHED_TITLE)), { kind: 'event-recap', source: 'title' });
    assert.deepEqual(kindOf('a'.repeat(MAX_MATCHED_TITLE + 1)), { kind: 'post', source: 'default' });
  });

  test('a look-around or a back-reference is a ConfigError naming the key path, on one line', async () => {
    const workspace = new MemoryWorkspace({
      '/s/hugo.yaml': 'title: x\n',
      '/s/.postlintrc.json': CONFIG(['\\brecap\\b', '(?<!pre)view', '(\\w+) \\1']),
      '/s/content/posts/a.md': POST('Recap'),
    });
    await assert.rejects(serviceFor(workspace).check('/s/content/posts/a.md', POST('Recap')), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(
        error.detail,
        `kinds.event-recap.titles.1: “(?<!pre)view” is not a pattern Postlint accepts. Look-around at “(?<!pre)view” ${PATTERN_SYNTAX}; ` +
          `kinds.event-recap.titles.2: “(\\\\w+) \\\\1” is not a pattern Postlint accepts. Back-reference at “\\\\1” ${PATTERN_SYNTAX}`,
      );
      return true;
    });
  });

  test('a pattern RE2 cannot parse is named with the part it stops at, line breaks escaped', () => {
    assert.deepEqual(
      ['(?=x)', '[a-', '(a\nb', '\\u00e9', 'a{1001}', '\\x{e9}', '(?P<year>\\d{4})'].map(titlePatternProblem),
      [
        'look-around at “(?=”',
        'missing closing ] at “[a-”',
        'missing closing ) at “(a\\nb”',
        'invalid escape sequence at “\\\\u” (RE2 writes \\u00e9 as \\x{e9})',
        'invalid repeat count at “{1001}”',
        undefined,
        undefined,
      ],
    );
  });

  test('the editor shows the problem on the pattern itself', () => {
    const line = '  "kinds": { "event-recap": { "titles": ["ok", "(?=x)"] } }';
    const start = line.indexOf('"(?=x)"');
    assert.deepEqual(
      configDiagnostics(`{\n${line}\n}\n`).map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, d.message]),
      [[1, start, start + '"(?=x)"'.length, `“(?=x)” is not a pattern Postlint accepts. Look-around at “(?=” ${PATTERN_SYNTAX}.`]],
    );
  });
});

describe("the presets' own patterns on RE2", () => {
  // As the todogroup preset wrote them for RegExp(…, 'iu'), before RE2.
  const REGEXP_PATTERNS = ['\\bgeneral member\\b', '\\bbecomes a todo member\\b', '^welcoming\\s.+\\sto the todo group$'].map((pattern) => new RegExp(pattern, 'iu'));
  const regExpKind = (title: string) => (REGEXP_PATTERNS.some((pattern) => pattern.test(title.trim())) ? 'member-welcome' : 'post');
  const presetKind = (title: string) => resolveKind({ title }, 'content/en/blog/x.md', todogroupPreset.kinds).kind;

  test('every preset pattern compiles under RE2', () => {
    const problems = Object.values(PRESETS).flatMap((preset) => preset.kinds.flatMap((matcher) => (matcher.titles ?? []).map((pattern) => [pattern, titlePatternProblem(pattern)])));
    assert.deepEqual(problems.filter(([, problem]) => problem !== undefined), []);
  });

  test('they recognise the titles RegExp recognised, no-break spaces included', () => {
    const titles = [
      'Welcoming Acme Corp to the TODO Group',
      'WELCOMING ACME CORP TO THE TODO GROUP',
      'Welcoming\u00a0Acme\u00a0to the TODO Group',
      'Welcoming Ünïcödé 😀 to the todo group',
      'Welcoming to the TODO Group',
      'Welcoming Acme to the TODO Group!',
      'Acme becomes a TODO member',
      'New General Member: Acme',
      'General membership meeting',
      'The generalmember program',
      'Welcoming our new ambassadors',
    ];
    assert.deepEqual(titles.map(presetKind), titles.map(regExpKind));
    assert.deepEqual(titles.map(presetKind), [
      'member-welcome',
      'member-welcome',
      'member-welcome',
      'member-welcome',
      'post',
      'post',
      'member-welcome',
      'member-welcome',
      'post',
      'post',
      'post',
    ]);
  });

  corpusTest("they recognise the TODO Group blog's titles as RegExp did", {}, () => {
    const titles = readdirSync(TODO_BLOG)
      .filter((name) => name.endsWith('.md') && name !== '_index.md')
      .map((name) => readFileSync(join(TODO_BLOG, name), 'utf8').split(/^---\s*$/m)[1])
      .map((block) => (parseYaml(block ?? '') as { title?: unknown } | null)?.title)
      .filter((title): title is string => typeof title === 'string');
    assert.equal(titles.length, 135, 'README: 136 posts, one of which spells its key `Title`');
    assert.deepEqual(titles.map(presetKind), titles.map(regExpKind));
  });
});

describe('_redirects rules', () => {
  test('a comment line of # with a carriage return is skipped at once; rules keep working', () => {
    const text = `${'#'.repeat(200_000)}\r\n/old/* /new/:splat 301 # moved\r\n/people/:name /team/:name\r\n`;
    const rules = parseRedirectsFile(text, 'static/_redirects');
    assert.deepEqual(
      rules.map((rule) => [rule.from, rule.to, rule.status]),
      [
        ['/old/*', '/new/:splat', 301],
        ['/people/:name', '/team/:name', 301],
      ],
    );
    assert.equal(matchRedirect(rules, '/old/a/b')?.target, '/new/a/b');
    assert.equal(matchRedirect(rules, '/people/ada')?.target, '/team/ada');
  });

  test('regex syntax in a rule is matched as text', () => {
    const rules = parseRedirectsFile('/(a+)+$/[x]/a.*b /text\n', 'static/_redirects');
    assert.equal(matchRedirect(rules, '/(a+)+$/[x]/a.*b')?.target, '/text');
    assert.equal(matchRedirect(rules, '/aaa/x/a-b'), undefined);
  });
});

describe('the CLI', () => {
  test('^(a+)+$ against a title of a backtracking run of a: the check ends, and the kinds are right', async () => {
    const root = site('exponential', {
      '.postlintrc.json': CONFIG([EXPONENTIAL]),
      'content/blog/matching.md': POST(MATCHING_TITLE),
      'content/blog/hostile.md': POST(HOSTILE_TITLE),
    });
    assert.deepEqual(await printedKind(root, 'content/blog/matching.md'), ['event-recap', 'title']);
    assert.deepEqual(await printedKind(root, 'content/blog/hostile.md'), ['post', 'default']);
    const run = await runBounded(['check', '--format', 'json'], root);
    assert.equal(run.signal, null, 'the check ended on its own');
    assert.equal(run.code, 0, run.stderr);
    const findings = (JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string }[] }[]).map((report) => [
      report.filePath.slice(root.length + 1),
      report.messages.map((message) => message.ruleId),
    ]);
    // An event recap is held to its template: a photo, and a link to the event.
    assert.deepEqual(findings, [
      ['content/blog/hostile.md', []],
      ['content/blog/matching.md', ['template-structure', 'template-structure']],
    ]);
  });

  const REFUSED: [string, string, string][] = [
    // what, the pattern, how the message ends (JSON-escaped parts, as printed)
    ['a look-around pattern', '(?=recap)', `“(?=recap)” is not a pattern Postlint accepts. Look-around at “(?=” ${PATTERN_SYNTAX}`],
    ['a back-reference pattern', '(a)\\1', `“(a)\\\\1” is not a pattern Postlint accepts. Back-reference at “\\\\1” ${PATTERN_SYNTAX}`],
  ];
  for (const [what, pattern, message] of REFUSED) {
    test(`${what}: exit 2 and one line naming the key path`, async () => {
      const root = site(what.replaceAll(' ', '-'), { '.postlintrc.json': CONFIG([pattern]), 'content/blog/a.md': POST('Recap') });
      const run = await runBounded(['check'], root);
      assert.deepEqual([run.signal, run.code, run.stdout], [null, 2, '']);
      assert.equal(run.stderr, `postlint: ${root}/.postlintrc.json: invalid configuration: kinds.event-recap.titles.0: ${message}\n`);
    });
  }

  test('hostile redirects (200 placeholders and a splat, stars, a comment of # and \\r, a target of ? and \\n) against long links: the check ends', async () => {
    const placeholders = Array.from({ length: 200 }, (_, index) => `:p${index}`).join('/');
    const longPath = `/${'seg/'.repeat(300)}`;
    const widePath = `/${'a'.repeat(100_000)}/`;
    const body = `[Long](${longPath}), [wide](${widePath}) and [trap](/trap).`;
    const root = site('redirects', {
      'static/_redirects': [`/${placeholders}/* /landing/:splat 301`, `/${'*/'.repeat(500)}* /stars`, `${'#'.repeat(200_000)}\r`, ''].join('\n'),
      'netlify.toml': `[[redirects]]\nfrom = "/trap"\nto = "/blog/other/${'?'.repeat(200_000)}\\n"\n`,
      'content/blog/other.md': POST('Other'),
      'content/blog/links.md': POST('Links').replace('Hello.', body),
    });
    const run = await runBounded(['check', '--format', 'json', 'content/blog/links.md'], root);
    assert.equal(run.signal, null, 'the check ended on its own');
    assert.equal(run.code, 1, run.stderr);
    const [report] = JSON.parse(run.stdout) as { messages: { ruleId: string; column: number; message: string }[] }[];
    // The long link is redirected to /landing/ and its last 100 segments, which is no page; the wide
    // one matches no rule; the trap lands on /blog/other/ once its query is cut off.
    // The paths are shortened in the middle: in the first sentence to 60 characters, after it to 80.
    const CHECK = "Check the address against the page’s file name or its “url”, “slug” and “aliases”.";
    assert.deepEqual(
      report.messages.map((message) => [message.ruleId, message.column, message.message]),
      [
        [
          'link-broken-local',
          body.indexOf(longPath) + 1,
          `${quoted(longPath, 60)} leads to no page of this site. “static/_redirects” redirects it (${quoted(`/${placeholders}/*`, 80)} → “/landing/:splat”) to ${quoted(`/landing/${'seg/'.repeat(100)}`, 80)}, and no page is served there. ${CHECK}`,
        ],
        ['link-broken-local', body.indexOf(widePath) + 1, `No page of this site is served at ${quoted(widePath, 60)}. ${CHECK}`],
      ],
    );
  });
});
