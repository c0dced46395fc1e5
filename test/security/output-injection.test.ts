import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { escapeLeadingPath, escapeText, safeJson } from '../../server/cli/formatters/escape';
import { runCli, type CliResult } from '../helpers/cli';
import fc from '../helpers/fast-check';
import { diskSites } from '../helpers/disk-site';

// A pull request controls post text, front matter keys, URLs and file names: none of
// them may forge a line of the CLI's output (a GitHub Actions command) or reach the
// terminal as a control sequence.

/** Every character the escaper must never let through raw (the line feed that ends lines is checked apart). */
const UNSAFE_CHAR = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
/** The same, less the line feed that separates the CLI's own lines. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

const { site } = diskSites('postlint-output-');


/** What GitHub's runner would take as a command: `::` after leading blanks, or the legacy `##[` anywhere. */
function assertNothingForged(result: CliResult): void {
  for (const [stream, text] of [['stdout', result.stdout], ['stderr', result.stderr]] as const) {
    for (const line of text.split('\n')) {
      assert.ok(!line.trimStart().startsWith('::'), `${stream} has a line that reads as a workflow command: ${JSON.stringify(line)}`);
      assert.ok(!line.includes('##['), `${stream} has a legacy workflow command: ${JSON.stringify(line)}`);
    }
    assert.equal(RAW_CONTROL.exec(text)?.[0], undefined, `${stream} holds a raw control character`);
  }
}

const UNKNOWN_KEY_CONFIG = JSON.stringify({ rules: { 'frontmatter-unknown-key': ['warn', { mode: 'all' }] } });
const FORGED = '\n::error file=README.md,line=1::forged';

describe('the stylish output and stderr', () => {
  test('a front matter key with a newline and ::error is quoted on its own line, escaped', async () => {
    const root = site('key', {
      '.postlintrc.json': UNKNOWN_KEY_CONFIG,
      'content/blog/key.md': '---\ntitle: Key\ndate: 2025-01-01\n"\\n::error file=README.md,line=1::forged": x\n---\nBody.\n',
    });
    const result = await runCli(['check', '--no-color'], root);
    assertNothingForged(result);
    assert.equal(result.stderr, '');
    assert.equal(result.code, 0);
    assert.equal(
      result.stdout,
      [
        '',
        'content/blog/key.md',
        '  4:1  warning  Unknown front matter key “\\n::error file=README.md,line=1::forged”. The hugo preset does not read it: remove it, or allow it in .postlintrc.json (rules.frontmatter-unknown-key.allow).  frontmatter-unknown-key',
        '',
        '\u2716 1 problem (0 errors, 1 warning)',
        '',
      ].join('\n'),
    );
  });

  test('a legacy `##[error]` key and a right-to-left override are shown escaped', async () => {
    const root = site('legacy', {
      '.postlintrc.json': UNKNOWN_KEY_CONFIG,
      'content/blog/legacy.md': '---\ntitle: Legacy\ndate: 2025-01-01\n"##[error]forged": x\n"\\u202Egpj.exe": y\n---\nBody.\n',
    });
    const result = await runCli(['check', '--no-color'], root);
    assertNothingForged(result);
    assert.ok(result.stdout.includes('Unknown front matter key “#\\x23[error]forged”'), result.stdout);
    assert.ok(result.stdout.includes('Unknown front matter key “\\u202egpj.exe”'), result.stdout);
  });

  test('site data the YAML parser warns about (an unknown tag, an ESC) prints nothing: no warning quoting the file', async () => {
    const root = site('data', {
      // js-yaml refuses the unknown tag, so `yaml` reads the file, and would warn with its text.
      'data/authors.yaml': 'alice: !!js/function "f\x1b[31m"\n"\\n::error file=README.md::forged": !!js/undefined ""\n',
      'content/blog/data.md': '---\ntitle: Data\ndate: 2025-01-01\nauthor: alice\n---\nBody.\n',
    });
    const result = await runCli(['check', '--no-color'], root);
    assertNothingForged(result);
    assert.deepEqual([result.code, result.stdout, result.stderr], [0, '', '']);
  });

  test('a URL with ESC and a bidi override in a link is quoted escaped', async () => {
    const root = site('url', {
      'content/blog/url.md': '---\ntitle: Url\ndate: 2025-01-01\n---\nSee [the red page](http://example.com/a\x1b[31m) and [the file](http://example.com/\u202egpj.exe).\n',
    });
    const result = await runCli(['check', '--no-color'], root);
    assertNothingForged(result);
    assert.ok(result.stdout.includes('Insecure link “http://example.com/a\\x1b[31m”'), result.stdout);
    assert.ok(result.stdout.includes('Insecure link “http://example.com/\\u202egpj.exe”'), result.stdout);
  });

  test('a post file name with a newline and ::error is printed as one escaped line', async () => {
    const root = site('name', { '.postlintrc.json': UNKNOWN_KEY_CONFIG, [`content/blog/a${FORGED}.md`]: '---\ntitle: Name\ndate: 2025-01-01\nbad: 1\n---\nBody.\n' });
    const result = await runCli(['check', '--no-color'], root);
    assertNothingForged(result);
    assert.equal(result.stdout.split('\n')[1], 'content/blog/a\\n::error file=README.md,line=1::forged.md');
  });

  test('a post file name starting with :: is printed as ./::…, not at the start of its line', async () => {
    const root = site('leading', { '.postlintrc.json': UNKNOWN_KEY_CONFIG, 'content/blog/::error file=README.md,line=1::forged.md': '---\ntitle: Name\ndate: 2025-01-01\nbad: 1\n---\nBody.\n' });
    const result = await runCli(['check', '--no-color', '.'], join(root, 'content/blog'));
    assertNothingForged(result);
    assert.equal(result.stdout.split('\n')[1], './::error file=README.md,line=1::forged.md');
  });

  test('a file name with a newline on stderr stays on the postlint: line', async () => {
    const root = site('missing', {});
    const result = await runCli(['check', '--no-color', `gone${FORGED}.md`], root);
    assertNothingForged(result);
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'postlint: gone\\n::error file=README.md,line=1::forged.md: no such file or folder\n');
  });

  test('--fix-dry-run: the diff keeps its lines, and an ESC inside one is escaped', async () => {
    const post = '---\ntitle: Fix\ndate: 2025-01-01\n---\nRead [the page](http://example.org/page) \x1b[31mnow\x1b[0m.\n';
    const root = site('dry-run', { 'content/blog/fix.md': post });
    const result = await runCli(['check', '--no-color', '--fix-dry-run'], root);
    assertNothingForged(result);
    const diff = [
      '--- content/blog/fix.md',
      '+++ content/blog/fix.md (fixed)',
      '@@ -5 +5 @@',
      '-Read [the page](http://example.org/page) \\x1b[31mnow\\x1b[0m.',
      '+Read [the page](https://example.org/page) \\x1b[31mnow\\x1b[0m.',
      '',
    ].join('\n');
    assert.equal(result.stdout.slice(0, diff.length), diff);
    assert.equal(readFileSync(join(root, 'content/blog/fix.md'), 'utf8'), post, 'a dry run writes nothing');
  });

  test('--fix-dry-run with colours: the diff keeps its own colours, the post\'s ESC is escaped', async () => {
    const post = '---\ntitle: Fix\ndate: 2025-01-01\n---\nRead [the page](http://example.org/page) \x1b[31mnow\x1b[0m.\n';
    const root = site('colour', { 'content/blog/fix.md': post });
    // util.styleText colours a pipe only when forced.
    const result = await runCli(['check', '--color', '--fix-dry-run'], root, { FORCE_COLOR: '1' });
    const diff = [
      '\x1b[1m--- content/blog/fix.md\x1b[22m',
      '\x1b[1m+++ content/blog/fix.md (fixed)\x1b[22m',
      '\x1b[36m@@ -5 +5 @@\x1b[39m',
      '\x1b[31m-Read [the page](http://example.org/page) \\x1b[31mnow\\x1b[0m.\x1b[39m',
      '\x1b[32m+Read [the page](https://example.org/page) \\x1b[31mnow\\x1b[0m.\x1b[39m',
      '',
    ].join('\n');
    assert.equal(result.stdout.slice(0, diff.length), diff);
  });
});

describe('--format json', () => {
  test('the parsed message holds the raw key; the printed JSON holds no raw control or command', async () => {
    const root = site('json', {
      '.postlintrc.json': UNKNOWN_KEY_CONFIG,
      'content/blog/json.md': '---\ntitle: Json\ndate: 2025-01-01\n"\\n::error file=README.md,line=1::forged": x\n"##[error]\\u202E\\x85": y\n---\nBody.\n',
    });
    const result = await runCli(['check', '--format', 'json'], root);
    assertNothingForged(result);
    assert.equal(result.code, 0);
    assert.equal(result.stdout.split('\n').length, 2, 'one line of JSON and the final newline');
    const [report] = JSON.parse(result.stdout) as { messages: { message: string }[] }[];
    const advice = '. The hugo preset does not read it: remove it, or allow it in .postlintrc.json (rules.frontmatter-unknown-key.allow).';
    assert.deepEqual(
      report.messages.map((message) => message.message),
      [`Unknown front matter key “${FORGED}”${advice}`, `Unknown front matter key “##[error]\u202e\u0085”${advice}`],
    );
  });
});

describe('escapeText', () => {
  const cases: [string, string, string][] = [
    ['line feed', 'a\nb', 'a\\nb'],
    ['carriage return', 'a\rb', 'a\\rb'],
    ['tab', 'a\tb', 'a\\tb'],
    ['NUL', '\u0000', '\\x00'],
    ['ESC', '\x1b[31mred', '\\x1b[31mred'],
    ['vertical tab and form feed', '\v\f', '\\x0b\\x0c'],
    ['unit separator, the last C0', '\x1f', '\\x1f'],
    ['DEL', '\x7f', '\\x7f'],
    ['the first C1', '\x80', '\\x80'],
    ['NEL', '\u0085', '\\x85'],
    ['8-bit CSI', '\x9b31m', '\\x9b31m'],
    ['the last C1', '\x9f', '\\x9f'],
    ['line separator', 'a\u2028b', 'a\\u2028b'],
    ['paragraph separator', 'a\u2029b', 'a\\u2029b'],
    ['bidi embeddings and overrides', '\u202a\u202b\u202c\u202d\u202e', '\\u202a\\u202b\\u202c\\u202d\\u202e'],
    ['bidi isolates', '\u2066\u2067\u2068\u2069', '\\u2066\\u2067\\u2068\\u2069'],
    ['the legacy command marker', '##[error]x', '#\\x23[error]x'],
    ['a longer run of #', '###[', '##\\x23['],
    ['a forged workflow command', 'key\n::error file=README.md::x', 'key\\n::error file=README.md::x'],
  ];
  for (const [name, input, expected] of cases) {
    test(name, () => assert.equal(escapeText(input), expected));
  }

  test('printable text, backslashes and neighbours of the escaped ranges stay as they are', () => {
    const kept = 'C:\\posts\\a.md \\n é \u00a0 \u200e \u2027 \u202f \u2065 \u206a 😀 #[x] ## [ ~';
    assert.equal(escapeText(kept), kept);
  });

  test('escapeLeadingPath: a name that would start a line with :: gets ./ before it', () => {
    assert.equal(escapeLeadingPath('::error::x.md'), './::error::x.md');
    assert.equal(escapeLeadingPath(' \u00a0::error::x.md'), './ \u00a0::error::x.md');
    assert.equal(escapeLeadingPath('\n::error::x.md'), '\\n::error::x.md');
    assert.equal(escapeLeadingPath('content/::error::x.md'), 'content/::error::x.md');
    assert.equal(escapeLeadingPath(':x.md'), ':x.md');
  });

  test('safeJson: the characters escapeText escapes become \\u escapes that parse back', () => {
    assert.equal(safeJson({ m: '##[\u2028\u0085\x1b\u202e' }), '{"m":"#\\u0023[\\u2028\\u0085\\u001b\\u202e"}');
    assert.equal(safeJson({ a: ['x'] }, 2), '{\n  "a": [\n    "x"\n  ]\n}');
  });
});

describe('escaping, for any text', () => {
  // Mostly the characters that matter, so that every class and the `##[` marker come up often.
  const risky = fc.constantFrom('\n', '\r', '\t', '\x1b', '\x00', '\x7f', '\x85', '\x9b', '\u2028', '\u2029', '\u202e', '\u2066', '\u2069', '#', '[', ':', ' ', '\\', 'x');
  const text = fc.oneof(fc.string({ unit: fc.oneof(risky, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }));

  test('escapeText leaves no escaped character, no line break and no ##[', () => {
    fc.assert(
      fc.property(text, (input) => {
        const escaped = escapeText(input);
        assert.equal(UNSAFE_CHAR.exec(escaped)?.[0], undefined);
        assert.ok(!escaped.includes('##['));
      }),
    );
  });

  test('escapeText changes nothing in text with no such character', () => {
    fc.assert(
      fc.property(text, (input) => {
        const clean = input.replace(new RegExp(UNSAFE_CHAR, 'gu'), '').replace(/#+\[/g, '#[');
        assert.equal(escapeText(clean), clean);
      }),
    );
  });

  test('escapeLeadingPath never begins a line with ::', () => {
    fc.assert(fc.property(text, (input) => assert.ok(!escapeLeadingPath(input).trimStart().startsWith('::'))));
  });

  test('safeJson parses back to the same text and prints none of the escaped characters', () => {
    fc.assert(
      fc.property(text, (input) => {
        const json = safeJson({ message: input });
        assert.equal((JSON.parse(json) as { message: string }).message, input);
        assert.equal(UNSAFE_CHAR.exec(json)?.[0], undefined);
        assert.ok(!json.includes('##['));
      }),
    );
  });
});
