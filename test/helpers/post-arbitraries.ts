import fc from './fast-check';
import { joinedPieces, MARKDOWN_PIECES } from './markdown-arbitraries';

/**
 * Generators of whole posts for the engine's property tests (test/fuzz/): front
 * matter in every format Hugo reads, well formed or broken, and a body of Markdown,
 * shortcodes and text that trips the rules with fixes. Each piece is chosen to reach
 * some code; the random strings between them reach what no one thought of.
 */

/** Keys as posts write them: the schema's, in other cases, misspelt, and unknown. */
const KEYS = ['title', 'Title', 'TITLE', 'date', 'Date', 'author', 'authors', 'tags', 'draft', 'description', 'descripton', 'slug', 'url', 'image', 'kind', 'params', 'publishDate', 'lastmod', 'weight', 'postlint_kind', 'eventUrl', 'x'];

/** Values for them: right, of the wrong type, mojibake, insecure, placeholders. */
const VALUES = [
  'A title', '"Quoted: title"', "'single'", '2025-01-01', '2024-06-30', '2025-13-45', '2024-02-30T10:00:00Z', 'member-welcome', 'event-recap', 'https://summit.example/',
  'alice', 'writer-one', 'true', 'yes', '42', '-1.5', '[a, b]', '{a: 1}', '', '~', 'null', 'CafÃ© crÃ¨me', 'http://example.org/x', '"[[title]]"', '"[[date]]"',
];

/** What breaks YAML, TOML or JSON when it lands in a block. */
const BREAKERS = ['"', "'", ':', ': :', '\t', '  ', '- ', '[', '{', '}', ']', ',', '#', '&a', '*a', '|', '>', '!!binary', '---', '+++', '=', '\\', '\ud800', '\r', '\ufeff', '[[title]]'];

const scalarEntry = fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES)).map(([key, value]) => `${key}: ${value}`);
/** A key holding a list or a map, on the lines below it; and comments, which may disable rules. */
const nestedEntry = fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom('\n  - alice\n  - bob', '\n  - [[tag]]', '\n  key: value\n  deep:\n    x: 1', ' |\n  Block text.', ' >-\n  Folded.')).map(([key, value]) => `${key}:${value}`);
const commentLine = fc.constantFrom('# a comment', '# postlint-disable-next-line author-unknown', '# postlint-disable-next-line frontmatter-key-case');
const yamlLines = fc.array(fc.oneof({ weight: 5, arbitrary: scalarEntry }, { weight: 1, arbitrary: nestedEntry }, { weight: 1, arbitrary: commentLine }), { maxLength: 8 });

const tomlLine = fc
  .tuple(fc.constantFrom(...KEYS), fc.constantFrom('"A title"', '2025-01-01', '2025-01-01T10:00:00Z', 'true', '42', '["a", "b"]', '"http://example.org/x"', "'''multi", '[[resources]]', '"CafÃ©"'))
  .map(([key, value]) => (value.startsWith('[[') ? value : `${key} = ${value}`));

const jsonMember = fc
  .tuple(fc.constantFrom(...KEYS), fc.constantFrom('"A title"', '"2025-01-01"', 'true', '42', '["a"]', '{"a": 1}', 'null', '"CafÃ©"'))
  .map(([key, value]) => `"${key}": ${value}`);

const validYaml = yamlLines.map((lines) => `---\n${lines.map((line) => `${line}\n`).join('')}---\n`);
const toml = fc.array(tomlLine, { maxLength: 6 }).map((lines) => `+++\n${lines.map((line) => `${line}\n`).join('')}+++\n`);
const json = fc.array(jsonMember, { maxLength: 6 }).map((members) => `{\n  ${members.join(',\n  ')}\n}\n`);

/** A block of some format with a breaker or a random string put in somewhere, or its closing line cut. */
const broken = fc
  .tuple(fc.oneof(validYaml, toml, json), fc.oneof(fc.constantFrom(...BREAKERS), fc.string({ maxLength: 4 })), fc.nat(), fc.boolean())
  .map(([block, breaker, at, cutEnd]) => {
    const whole = block.slice(0, at % (block.length + 1)) + breaker + block.slice(at % (block.length + 1));
    return cutEnd ? whole.slice(0, whole.lastIndexOf('\n', whole.length - 2) + 1) : whole;
  });

/** Openers Hugo reads in ways a person may not expect. */
const oddOpeners = fc.constantFrom('', '---', '---\n', '----\ntitle: x\n----\n', '--- yaml\ntitle: x\n---\n', '------\ntitle: x\n---\n', '+++\n', '{\n', '#+title: Org\n\n', '\ufeff---\ntitle: x\n---\n', '---\n---\n');

export const frontMatter = fc.oneof(
  { weight: 4, arbitrary: validYaml },
  { weight: 2, arbitrary: broken },
  { weight: 1, arbitrary: toml },
  { weight: 1, arbitrary: json },
  { weight: 1, arbitrary: oddOpeners },
);

/** Body pieces that look like front matter, or like shortcodes of every kind, closed or not. */
const FRONT_MATTER_ISH = ['---\n', '+++\n', 'title: x\n', 'date: 2025-01-01\n', '{\n', '}\n', '"title": "x"', '[[title]]', '[[ date ]]', '[[x'];
const SHORTCODE_ISH = [
  '{{< youtube id="abc" >}}', '{{< youtube abc >}}', '{{% details "Open" %}}', '{{% /details %}}', '{{< details >}}', '{{< /details >}}', '{{< ref "other.md" >}}',
  '{{< relref "other.md#part-one" >}}', '{{< figure src="cat.jpg" alt="Image of a cat" >}}', '{{< figure src="/images/x.png" >}}', '{{< unknown-code x=1 >}}',
  '{{<', '{{< /', '>}}', '{{< x y="', '{{% ', '%}}', '{{</* raw */>}}', '{{< highlight go >}}', '{{< /highlight >}}', '{{< x\n>}}',
];

/** Links, images and text that trip the rules with fixes (safe and not) and the site's pages and files. */
const RULE_BAIT = [
  '[the other post](/blog/other/)', '[part one](/blog/other/#part-one)', '[missing](/blog/missing/)', '[here](#heading)', '[click here](https://c.example)',
  '[own site](http://example.org/about/)', '[secure](http://secure.example/a)', '[insecure](http://plain.example/)', '[no scheme](www.noscheme.example/p)',
  '[tracked](https://t.example/p?utm_source=news&x=1&fbclid=abc#f)', '[video](https://www.youtube.com/watch?v=x&si=abc)', '[space](<https://s.example/a b>)',
  '![Image of a cat](/images/cat.png)', '![photo of a dog](dog.jpg)', '![IMG_0001.jpg](/images/cat.png)', '![](/images/cat.png)', '![x]()', '[](https://e.example)',
  'CafÃ© crÃ¨me', 'Ã©', 'â€™', 'http://bare.example/p', 'https://bare.example/a_(b)', '<img src="/images/cat.png" alt="Picture of a cat">', '<a href="http://example.org/">o</a>',
  '[me](/blog/2025-01-01-fuzz/#heading)', '[me again](2025-01-01-fuzz.md#part-one)', '{{< ref "2025-01-01-fuzz.md#a-title" >}}',
  '[ref][other]', '[other]: http://example.org/other/', '<!-- postlint-disable -->', '<!-- postlint-enable -->', '<!-- postlint-disable-next-line link-insecure -->',
];

/** Lines that only count at the start of a line: headings, the sections of the templates' kinds. */
const LINES = ['# Heading', '#### Deep', '# A title', '## Part one {#part-one}', '## Part one', '## TODO Representatives', '## About TODO', '## Highlights', '- A person', '```', '~~~'].map(
  (line) => `\n${line}\n`,
);

/** A piece of a body: inline pieces most often, a line of its own one time in four. */
export const bodyPiece = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...MARKDOWN_PIECES, ...FRONT_MATTER_ISH, ...SHORTCODE_ISH, ...RULE_BAIT) }, { weight: 1, arbitrary: fc.constantFrom(...LINES) });

/** Lone surrogates, joined pairs, and the characters line counting and UTF-16 columns trip on. */
const unicode = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit)),
  fc.constantFrom('\u2028', '\u2029', '\u0085', '\u000b', '\u000c', '\u200b', '\ufeff', '\u0000', 'e\u0301', '👩‍👩‍👧', '🏳️‍🌈'),
);

export const body = fc.oneof(
  { weight: 6, arbitrary: joinedPieces(bodyPiece, 80) },
  { weight: 1, arbitrary: fc.array(fc.oneof(joinedPieces(bodyPiece, 10), unicode), { maxLength: 12 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
);

/** Line breaks as a post may have them: LF, CRLF throughout, or a mix. */
function withLineBreaks(text: string, style: 'lf' | 'crlf' | 'mixed'): string {
  if (style === 'lf') return text;
  if (style === 'crlf') return text.replace(/\r?\n/g, '\r\n');
  let count = 0;
  return text.replace(/\n/g, () => (count++ % 2 === 0 ? '\r\n' : '\n'));
}

/** A whole post: front matter (or none) and a body, with its line breaks in some style. */
export const post = fc
  .tuple(frontMatter, body, fc.constantFrom<'lf' | 'crlf' | 'mixed'>('lf', 'lf', 'crlf', 'mixed'))
  .map(([front, text, style]) => withLineBreaks(front + text, style));

/** Runs of the characters that make parsers backtrack or nest, and lines repeated. */
const REPEATED = ['[', '*', '_', '>', '- ', '`', '```\n', '{{<', '{{< x >}}', '<!--', '-->', '| a | b |\n', '|---|---|\n', '[a](', '*a', '> - ', '\\', '<', '![', '](', '#', '\n', ' ', 'Ã©', '\ud800', 'https://a.example/', '[[', ':'];

const run = fc.tuple(fc.constantFrom(...REPEATED), fc.integer({ min: 1, max: 60_000 })).map(([unit, times]) => unit.repeat(times));

/**
 * A large post, up to about 200 KB (`maxKb`): repeated units and runs of markup, whole
 * lines repeated, or a small post repeated many times.
 */
export function largePost(maxKb = 200): fc.Arbitrary<string> {
  const limit = maxKb * 1024;
  const repeatedPost = fc.tuple(post, fc.integer({ min: 1, max: 2000 })).map(([text, times]) => text.repeat(times));
  const runs = fc.array(fc.oneof(run, joinedPieces(bodyPiece, 20)), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));
  return fc.tuple(frontMatter, fc.oneof(runs, repeatedPost)).map(([front, text]) => (front + text).slice(0, limit));
}
