import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { splitPost } from '../../server/engine/frontmatter/frontmatter';
import { readKeysAsHugo } from '../../server/engine/frontmatter/key-case';
import { frontMatterDates } from '../../server/engine/site/front-matter-dates';
import type { Problem, RuleContext } from '../../server/engine/rule';
import rule from '../../server/engine/rules/frontmatter-schema';
import { checkPost, hugoSite, only, rangeText } from '../helpers/memory-workspace';
import { FIRST_SENTENCE_MAX, firstSentence } from '../helpers/message-style';

async function schemaProblems(text: string, baseURL?: string) {
  const site = hugoSite({ 'content/blog/p.md': text }, { baseURL });
  return only(await checkPost(site, 'content/blog/p.md'), 'frontmatter-schema').map((d) => ({ text: rangeText(text, d), message: d.message }));
}

const TODO = 'https://todogroup.org';
const NO_DATE =
  'The hugo preset requires a date, and Hugo finds none for this post. It takes the page date from “date”, “publishDate”, “pubdate”, “published”, “lastmod” or “modified”: add “date:” to the front matter.';

test('frontmatter-schema: a missing required key is reported on the opening ---', async () => {
  const problems = await schemaProblems('---\ntitle: Only a title\n---\nBody\n');
  assert.deepEqual(problems.map((p) => p.text), ['---']);
  assert.match(problems[0].message, /requires a date, and Hugo finds none/);
});

test('frontmatter-schema: keys are read in any case, as Hugo reads them: `Title:` is the title, and its value is checked (named as written)', async () => {
  assert.deepEqual(await schemaProblems('---\nTitle: Capital\nDATE: 2025-01-01\n---\n'), []);
  assert.deepEqual(await schemaProblems('---\nTitle: Capital\nDate: 2025-02-30\nDRAFT: "no"\n---\n'), [
    { text: '2025-02-30', message: '“Date” is not a real date: found “2025-02-30”. Write a date such as 2025-03-14, optionally with a time such as 2025-03-14T09:30:00Z.' },
    { text: '"no"', message: '“DRAFT” should be true or false: found “"no"”.' },
  ]);
  // The todogroup preset's tidy title and description length apply to `Title:` and `Description:` too.
  assert.deepEqual(await schemaProblems('---\nTitle: " Spaced"\ndate: 2025-01-01\nAuthor: alice\nDescription: Too short.\n---\n', TODO), [
    { text: '" Spaced"', message: '“Title” has spaces at its start or end: found “" Spaced"”. Remove them.' },
    { text: 'Too short.', message: '“Description” is too short: found “Too short.”. It should be at least 50 characters.' },
  ]);
});

test('frontmatter-schema: wrong types are reported on the value, naming key, found and expected', async () => {
  const problems = await schemaProblems('---\ntitle: A\ndate: 2025-01-01\ndraft: "no"\ntags: gardening\nweight: 1.5\n---\n');
  assert.deepEqual(
    problems.map((p) => p.text),
    ['"no"', 'gardening', '1.5'],
  );
  assert.match(problems[0].message, /“draft” should be true or false: found “"no"”/);
  assert.match(problems[1].message, /“tags” should be a list: found “gardening”/);
  assert.match(problems[2].message, /“weight” should be a whole number/);
});

test('frontmatter-schema: dates must exist in the calendar, quoted or not, with or without time', async () => {
  const bad = await schemaProblems('---\ntitle: A\ndate: 2025-02-30\n---\n');
  assert.deepEqual(bad.map((p) => p.text), ['2025-02-30']);
  assert.match(bad[0].message, /is not a real date/);
  for (const date of ['2024-02-29', '"2025-01-18"', '2025-01-18T09:30:00Z', '2025-01-18T09:30:00-07:00', '2025-01-18 09:30:00', '!!timestamp 2025-01-18']) {
    assert.deepEqual(await schemaProblems(`---\ntitle: A\ndate: ${date}\n---\n`), [], date);
  }
  assert.equal((await schemaProblems('---\ntitle: A\ndate: 18/01/2025\n---\n')).length, 1);
});

test('frontmatter-schema: nested values point at the item', async () => {
  const problems = await schemaProblems('---\ntitle: A\ndate: 2025-01-01\ntags:\n  - fine\n  - 42\n---\n');
  assert.deepEqual(problems.map((p) => p.text), ['42']);
  assert.match(problems[0].message, /“tags\[1\]” should be text: found the number 42/);
});

test('frontmatter-schema (todogroup): stray spaces in titles, author required', async () => {
  const trailing = await schemaProblems('---\ntitle: "Spaces after "\nauthor: alice\ndate: 2025-01-01\n---\n', TODO);
  assert.deepEqual(trailing.map((p) => p.text), ['"Spaces after "']);
  assert.match(trailing[0].message, /has spaces at its start or end/);
  const double = await schemaProblems('---\ntitle: "Two  spaces"\nauthor: alice\ndate: 2025-01-01\n---\n', TODO);
  assert.match(double[0].message, /has double spaces/);
  const noAuthor = await schemaProblems('---\ntitle: Fine\ndate: 2025-01-01\n---\n', TODO);
  assert.match(noAuthor[0].message, /requires “author”/);
});

test('frontmatter-schema (todogroup): description length', async () => {
  const short = await schemaProblems('---\ntitle: A\nauthor: alice\ndate: 2025-01-01\ndescription: Too short.\n---\n', TODO);
  assert.match(short[0].message, /at least 50 characters/);
  const good = 'A description long enough for search engines to show in full.';
  assert.deepEqual(await schemaProblems(`---\ntitle: A\nauthor: alice\ndate: 2025-01-01\ndescription: ${good}\n---\n`, TODO), []);
});

test('frontmatter-schema: a good post of each kind gives nothing; a kind key with a typo does', async () => {
  assert.deepEqual(await schemaProblems('---\ntitle: A\ndate: 2025-01-01\npostlint_kind: member-welcome\nmember: Orchard Labs\n---\n'), []);
  assert.deepEqual(await schemaProblems('---\ntitle: A\ndate: 2025-01-01\npostlint_kind: event-recap\nevent: Summit\neventUrl: https://example.org/s\n---\n'), []);
  const typo = await schemaProblems('---\ntitle: A\ndate: 2025-01-01\npostlint_kind: event-recaps\n---\n');
  assert.deepEqual(typo.map((p) => p.text), ['event-recaps']);
  assert.match(typo[0].message, /one of “post”, “member-welcome” or “event-recap”/);
});

test('frontmatter-schema: not run when the YAML itself is broken (frontmatter-syntax says it)', async () => {
  assert.deepEqual(await schemaProblems('---\ntitle: "A\ndate: 2025-01-01\n---\n'), []);
  // YAML that parses but cannot be read (too many aliases) is not checked either.
  assert.deepEqual(await schemaProblems(`---\ntitle: A\ndate: 2025-01-01\nx: &x [1]\ny: [${Array(101).fill('*x').join(', ')}]\n---\n`), []);
});

/**
 * Dates as Hugo reads them (Go's time.Parse): the day must exist in its month, with
 * 29 February only in leap years (every fourth year, but not centuries unless divisible
 * by 400); hours 00-23, minutes and seconds 00-59 (Go has no leap second). Each row:
 * the value as written, and whether it is a real date.
 */
const DATE_TABLE: [string, boolean][] = [
  ['2024-02-29', true],
  ['2025-02-29', false],
  ['1900-02-29', false],
  ['2000-02-29', true],
  ['2100-02-29', false],
  ['2024-02-30', false],
  ['2025-02-28', true],
  ['2025-01-31', true],
  ['2025-01-32', false],
  ['2025-03-31', true],
  ['2025-03-32', false],
  ['2025-04-30', true],
  ['2025-04-31', false],
  ['2025-05-31', true],
  ['2025-05-32', false],
  ['2025-06-30', true],
  ['2025-06-31', false],
  ['2025-07-31', true],
  ['2025-07-32', false],
  ['2025-08-31', true],
  ['2025-08-32', false],
  ['2025-09-30', true],
  ['2025-09-31', false],
  ['2025-10-31', true],
  ['2025-10-32', false],
  ['2025-11-30', true],
  ['2025-11-31', false],
  ['2025-12-31', true],
  ['2025-12-32', false],
  ['2025-00-10', false],
  ['2025-13-01', false],
  ['2025-01-00', false],
  ['2025-01-01T00:00:00Z', true],
  ['2025-01-01T23:59:59Z', true],
  ['2025-01-01T24:00:00Z', false],
  ['2025-01-01T24:00', false],
  ['2025-01-01 24:00:00', false],
  ['2025-01-01T23:60:00Z', false],
  ['2025-01-01T23:59:60Z', false],
  ['2025-01-01T12:30:59.999+02:00', true],
  ['2024-02-29T23:59:59-07:00', true],
  ['2025-02-29T10:00:00Z', false],
  ['"2025-02-29"', false],
  ["'2000-02-29'", true],
];

test('frontmatter-schema: a table of calendar dates and times, each with its exact verdict and message', async () => {
  for (const [written, real] of DATE_TABLE) {
    const expected = real
      ? []
      : [{ text: written, message: `“date” is not a real date: found “${written}”. Write a date such as 2025-03-14, optionally with a time such as 2025-03-14T09:30:00Z.` }];
    assert.deepEqual(await schemaProblems(`---\ntitle: A\ndate: ${written}\n---\n`), expected, written);
  }
});

/** Each row: front matter lines after `title` and `date`, the text reported, and the whole message. */
const TYPE_TABLE: [string, string, string][] = [
  ['weight: "x"', '"x"', '“weight” should be a number: found “"x"”.'],
  ['weight: 1.5', '1.5', '“weight” should be a whole number: found the number 1.5.'],
  ['draft: "no"', '"no"', '“draft” should be true or false: found “"no"”.'],
  ['draft: yes', 'yes', '“draft” should be true or false: found “yes”. Hugo before 0.152 read “yes” as true, later versions read it as text, which counts as false: write true.'],
  ['draft: Off', 'Off', '“draft” should be true or false: found “Off”. Hugo before 0.152 read “Off” as false, later versions read it as text, which counts as false: write false.'],
  ['tags: gardening', 'gardening', '“tags” should be a list: found “gardening”.'],
  ['tags: {a: 1}', '{a: 1}', '“tags” should be a list: found a set of key-value pairs.'],
  ['linkTitle: [a, b]', '[a, b]', '“linkTitle” should be text: found a list.'],
  ['linkTitle: true', 'true', '“linkTitle” should be text: found “true”.'],
  ['params: x', 'x', '“params” should be a set of key-value pairs: found “x”.'],
  ['lastmod: 42', '42', '“lastmod” should be a date such as 2025-03-14: found the number 42.'],
  ['slug: a b', 'a b', '“slug” is not one URL segment: found “a b”. Write it with no spaces or slashes.'],
  [
    'url: https://example.org/blog/a/',
    'https://example.org/blog/a/',
    '“url” has “http://” or “https://”, which stops Hugo’s build: found “https://example.org/blog/a/”. Write the post’s path on the site, without the scheme and host.',
  ],
];

test('frontmatter-schema: an optional key written with no value is a warning on the key, whatever its type; a required one stays an error', async () => {
  const text = '---\ntitle: A\ndate: 2025-01-01\nDescription:\ndraft:\ntags:\n---\n';
  const site = hugoSite({ 'content/blog/p.md': text });
  const found = only(await checkPost(site, 'content/blog/p.md'), 'frontmatter-schema').map((d) => [rangeText(text, d), d.severity, d.message]);
  const empty = (key: string) => `“${key}” is empty, which Hugo reads as if the key were not there. Write its value, or remove the key.`;
  assert.deepEqual(found, [
    ['Description', 'warning', empty('Description')],
    ['draft', 'warning', empty('draft')],
    ['tags', 'warning', empty('tags')],
  ]);
  const required = '---\ntitle:\ndate: 2025-01-01\n---\n';
  const untitled = only(await checkPost(hugoSite({ 'content/blog/p.md': required }), 'content/blog/p.md'), 'frontmatter-schema');
  assert.deepEqual(untitled.map((d) => [rangeText(required, d), d.severity, d.message]), [['', 'error', '“title” should be text: found an empty value.']]);
});

test('frontmatter-schema: each kind of wrong value gets its exact expectation and description of what was found', async () => {
  for (const [line, text, message] of TYPE_TABLE) {
    assert.deepEqual(await schemaProblems(`---\ntitle: A\ndate: 2025-01-01\n${line}\n---\n`), [{ text, message }], line);
  }
});

test('frontmatter-schema: a url without a leading slash is a path from the site\u2019s root, as Hugo reads it; only http(s) URLs, which stop the build, are reported', async () => {
  // Hugo 0.111 publishes `Url: post/16-lessons` at public/post/16-lessons/index.html.
  for (const url of ['post/16-lessons', 'Url: post/16-lessons/', '/post/16-lessons/', 'notes.html', 'HTTPS://example.org/a/', 'ftp.example.org/a']) {
    const line = url.startsWith('Url:') ? url : `url: ${url}`;
    assert.deepEqual(await schemaProblems(`---\ntitle: A\ndate: 2025-01-01\n${line}\n---\n`), [], line);
  }
  assert.equal((await schemaProblems('---\ntitle: A\ndate: 2025-01-01\nurl: http://example.org/a/\n---\n')).length, 1);
});

test('frontmatter-schema: a kind key with a typo lists the kinds in full', async () => {
  assert.deepEqual(await schemaProblems('---\ntitle: A\ndate: 2025-01-01\npostlint_kind: recap\n---\n'), [
    { text: 'recap', message: '“postlint_kind” is not one of the values it takes: found “recap”. Write one of “post”, “member-welcome” or “event-recap”.' },
  ]);
});

test('frontmatter-schema: missing keys give the whole message', async () => {
  assert.deepEqual(await schemaProblems('---\ntitle: A\n---\n'), [
    { text: '---', message: NO_DATE },
  ]);
  // Both missing: one message each, in the schema's order of keys.
  assert.deepEqual((await schemaProblems('---\nslug: a\n---\n')).map((p) => p.message), [
    'The hugo preset requires “title”, which is missing. Add “title:” to the front matter.',
    NO_DATE,
  ]);
});

test('frontmatter-schema: a found value of up to 48 characters is shown whole; a longer one keeps its start and end', async () => {
  const fortyEight = `"${'a'.repeat(23)}${'b'.repeat(23)}"`;
  assert.deepEqual(await schemaProblems(`---\ntitle: A\ndate: 2025-01-01\nweight: ${fortyEight}\n---\n`), [
    { text: fortyEight, message: `“weight” should be a number: found “${fortyEight}”.` },
  ]);
  const fortyNine = `"${'a'.repeat(24)}${'b'.repeat(23)}"`;
  assert.deepEqual(await schemaProblems(`---\ntitle: A\ndate: 2025-01-01\nweight: ${fortyNine}\n---\n`), [
    { text: fortyNine, message: `“weight” should be a number: found “"${'a'.repeat(24)}${'b'.repeat(7)}…${'b'.repeat(14)}"”.` },
  ]);
});

test('frontmatter-schema (todogroup): lengths and empty titles are phrased with their numbers', async () => {
  const long = 'x'.repeat(161);
  assert.deepEqual(await schemaProblems(`---\ntitle: A\nauthor: alice\ndate: 2025-01-01\ndescription: ${long}\n---\n`, TODO), [
    { text: long, message: `“description” is too long: found “${'x'.repeat(32)}…${'x'.repeat(15)}”. It should be at most 160 characters.` },
  ]);
  assert.deepEqual(await schemaProblems('---\ntitle: A\nauthor: alice\ndate: 2025-01-01\ndescription: Too short.\n---\n', TODO), [
    { text: 'Too short.', message: '“description” is too short: found “Too short.”. It should be at least 50 characters.' },
  ]);
  assert.deepEqual(await schemaProblems('---\ntitle: ""\nauthor: alice\ndate: 2025-01-01\n---\n', TODO), [
    { text: '""', message: '“title” is too short: found “""”. It should be at least 1 character.' },
  ]);
  assert.deepEqual(await schemaProblems('---\ntitle: A\ndate: 2025-01-01\n---\n', TODO), [
    { text: '---', message: 'The todogroup preset requires “author”, which is missing. Add “author:” to the front matter.' },
  ]);
});

test('frontmatter-schema (TOML): a value is shown on its line; one inside a list or a table cannot be, and says so', async () => {
  const inList = '+++\ntitle = "A"\ndate = 2025-01-01\ntags = ["a", 1]\n+++\n';
  assert.deepEqual(await schemaProblems(inList), [{ text: '["a", 1]', message: '“tags[1]” should be text: found nothing.' }]);
  const table = '+++\ntitle = "A"\ndate = 2025-01-01\n[tags]\na = 1\n+++\n';
  assert.deepEqual(await schemaProblems(table), [{ text: '+++', message: '“tags” should be a list: found nothing.' }]);
  const plain = '+++\ntitle = "A"\ndate = 2025-01-01\ndraft = "no"\n+++\n';
  assert.deepEqual(await schemaProblems(plain), [{ text: '"no"', message: '“draft” should be true or false: found “"no"”.' }]);
});

test('frontmatter-schema: a post without front matter is left to frontmatter-missing', async () => {
  assert.deepEqual(await schemaProblems('# No front matter\n'), []);
});

/**
 * The rule against a schema of the test's own: the presets have no nested objects, no
 * list or number limits and no whole-object checks, but the rule phrases them all.
 */
function problemsFor(schema: z.ZodObject, text: string): { text: string; message: string }[] {
  const problems: Problem[] = [];
  const written = splitPost(text).frontMatter;
  const frontMatter = written && readKeysAsHugo(written, schema.shape);
  const site = { dates: frontMatterDates({}) };
  const context = { post: { text, frontMatter, path: '/s/content/posts/p.md' }, schema, site, preset: { name: 'hugo', required: [] }, report: (problem: Problem) => problems.push(problem) };
  void rule.check(context as unknown as RuleContext<Record<string, never>>);
  return problems.map((problem) => ({ text: text.slice(problem.span.start, problem.span.end), message: problem.message }));
}

test('frontmatter-schema: limits on lists and numbers, and nested keys, are phrased too', () => {
  const schema = z.object({
    tags: z.array(z.string()).min(2).max(3).optional(),
    rating: z.number().min(1).max(5).optional(),
    one: z.array(z.string()).min(1).optional(),
    seo: z.object({ image: z.string(), when: z.date().optional(), box: z.object({}).optional() }).optional(),
  });
  assert.deepEqual(problemsFor(schema, '---\ntags: [a]\nrating: 0\none: []\n---\n'), [
    { text: '[a]', message: '“tags” has too few items: found a list. It should have at least 2 items.' },
    { text: '0', message: '“rating” is too small: found the number 0. It should be at least 1.' },
    { text: '[]', message: '“one” has too few items: found a list. It should have at least 1 item.' },
  ]);
  assert.deepEqual(problemsFor(schema, '---\ntags: [a, b, c, d]\nrating: 6\n---\n'), [
    { text: '[a, b, c, d]', message: '“tags” has too many items: found a list. It should have at most 3 items.' },
    { text: '6', message: '“rating” is too large: found the number 6. It should be at most 5.' },
  ]);
  assert.deepEqual(problemsFor(schema, '---\nseo:\n  image: 7\n  when: soon\n  box: 1\n---\n'), [
    { text: '7', message: '“seo.image” should be text: found the number 7.' },
    { text: 'soon', message: '“seo.when” should be a date: found “soon”.' },
    { text: '1', message: '“seo.box” should be a set of key-value pairs: found the number 1.' },
  ]);
  // A long key and a long value are shortened in the middle so that the first sentence stays within 100 characters, emoji counted as editors count them.
  const long = z.object({ 'settings-for-the-newsletter-footer': z.record(z.string(), z.unknown()).optional() });
  const [shortened] = problemsFor(long, `---\nsettings-for-the-newsletter-footer: "${'x'.repeat(40)}${'🎉'.repeat(12)}"\n---\n`);
  assert.equal(shortened.message, '“settings-for-the…-footer” should be a set of key-value pairs: found “"xxxxxxxxxxxxxxxxx…🎉🎉🎉🎉"”.');
  assert.ok(firstSentence(shortened.message).length <= FIRST_SENTENCE_MAX);
  // A nested key that is missing is shown on the value that lacks it, not as a missing top-level key.
  assert.deepEqual(problemsFor(schema, '---\nseo: {}\n---\n'), [{ text: '{}', message: '“seo.image” should be text: found nothing.' }]);
});

test('frontmatter-schema: a required key written in another case is that key, camel case included; its value is checked under the schema\'s spelling, named as written', () => {
  const schema = z.object({ eventUrl: z.url(), title: z.string() });
  assert.deepEqual(problemsFor(schema, '---\neventurl: https://example.org/\nTitle: A\n---\n'), []);
  assert.deepEqual(problemsFor(schema, '---\nEVENTURL: 42\nTitle: A\n---\n'), [{ text: '42', message: '“EVENTURL” should be text: found the number 42.' }]);
});

/** Every finding of a post at `path` whose site's Hugo config adds `hugoConfig`. */
async function allFindings(path: string, text: string, options: { hugoConfig?: string; baseURL?: string } = {}) {
  const site = hugoSite({ [path]: text }, { baseURL: options.baseURL });
  site.files.set('/site/hugo.yaml', `baseURL: ${options.baseURL ?? 'https://example.org/'}\n${options.hugoConfig ?? ''}`);
  return (await checkPost(site, path)).map((d) => `${d.ruleId} ${rangeText(text, d)}: ${d.message}`);
}

test('frontmatter-schema: the required date is a page date Hugo finds; `publishdate` (or `pubdate`, `lastmod`…) alone is one', async () => {
  for (const key of ['publishdate', 'publishDate', 'pubdate', 'published', 'lastmod', 'modified', 'Lastmod']) {
    assert.deepEqual(await allFindings('content/blog/p.md', `---\ntitle: A\n${key}: 2025-01-01\n---\n`), [], key);
  }
  // In the todogroup preset too, whose key-case rule asks for the schema's spelling, nothing more.
  const todo = await allFindings('content/en/blog/p.md', '---\ntitle: A\nauthor: alice\npublishdate: 2025-01-01\n---\n', { baseURL: TODO });
  assert.deepEqual(todo.map((line) => line.split(':')[0]), ['frontmatter-key-case publishdate']);
});

test('frontmatter-schema: a date key whose value is not a date is reported on its value, not as a missing date too', async () => {
  assert.deepEqual(await allFindings('content/blog/p.md', '---\ntitle: A\npublishdate: soon\n---\n'), [
    'frontmatter-schema soon: “publishdate” is not a real date: found “soon”. Write a date such as 2025-03-14, optionally with a time such as 2025-03-14T09:30:00Z.',
  ]);
  assert.deepEqual(await allFindings('content/blog/p.md', '---\ntitle: A\ndate:\n---\n'), ['frontmatter-schema : “date” should be a date such as 2025-03-14: found an empty value.']);
});

test('frontmatter-schema: the site\'s `frontmatter.date` setting decides where the date comes from, the file name included', async () => {
  const byName = 'frontmatter:\n  date: [":filename", ":default"]\n';
  assert.deepEqual(await allFindings('content/blog/2024-05-01-post.md', '---\ntitle: A\n---\n', { hugoConfig: byName }), []);
  assert.deepEqual(await allFindings('content/blog/2024-05-01-trip/index.md', '---\ntitle: A\n---\n', { hugoConfig: byName }), []);
  assert.deepEqual(await allFindings('content/blog/post.md', '---\ntitle: A\n---\n', { hugoConfig: byName }), [
    'frontmatter-schema ---: The hugo preset requires a date, and Hugo finds none for this post. It takes the page date from “date”, “publishDate”, “pubdate”, “published”, “lastmod”, “modified” or a file name that starts with the date (“YYYY-MM-DD-”): add “date:” to the front matter.',
  ]);
  // Without `:filename`, a dated file name is no date to Hugo.
  assert.deepEqual((await allFindings('content/blog/2024-05-01-post.md', '---\ntitle: A\n---\n')).map((line) => line.split(':')[0]), ['frontmatter-schema ---']);
  // A site that dates pages by `lastmod` only: `date` alone is no page date.
  assert.deepEqual(await allFindings('content/blog/p.md', '---\ntitle: A\ndate: 2025-01-01\n---\n', { hugoConfig: 'frontMatter:\n  Date: [LastMod]\n' }), [
    'frontmatter-schema ---: The hugo preset requires a date, and Hugo finds none for this post. It takes the page date from “lastmod” or “modified”: add “lastmod:” to the front matter.',
  ]);
  // The file's modification time always gives one; git does where the site turns git info on.
  assert.deepEqual(await allFindings('content/blog/p.md', '---\ntitle: A\n---\n', { hugoConfig: 'frontmatter:\n  date: [":fileModTime"]\n' }), []);
  assert.deepEqual(await allFindings('content/blog/p.md', '---\ntitle: A\n---\n', { hugoConfig: 'enableGitInfo: true\nfrontmatter:\n  date: [":git"]\n' }), []);
  assert.deepEqual(await allFindings('content/blog/p.md', '---\ntitle: A\n---\n', { hugoConfig: 'frontmatter:\n  date: [":git"]\n' }), [
    "frontmatter-schema ---: The hugo preset requires a date, and Hugo finds none for this post. Give it one as the site's “frontmatter.date” setting says.",
  ]);
});

test('frontmatter-schema: in the hugo preset, author and authors take the forms themes read: names, lists, and maps of details', async () => {
  const front = (lines: string) => `---\ntitle: A\ndate: 2025-01-01\n${lines}\n---\n`;
  assert.deepEqual(await schemaProblems(front('author: Ada Lovelace\nauthors: [ada, bob]')), []);
  assert.deepEqual(await schemaProblems(front('author:\n  name: Ada Lovelace\n  link: https://example.org/ada')), []);
  assert.deepEqual(await schemaProblems(front('authors:\n  - name: Ada\n    link: https://example.org/ada\n  - bob')), []);
  assert.deepEqual(await schemaProblems(front('author: 12\nauthors: [true]')), [
    { text: '12', message: '“author” is not in a form it takes: found the number 12. It should be text, a set of key-value pairs or a list.' },
    { text: 'true', message: '“authors[0]” is not in a form it takes: found “true”. It should be text or a set of key-value pairs.' },
  ]);
  // The todogroup preset's layouts look the author up in data/authors: one key, as text.
  const [problem] = await schemaProblems(front('author:\n  name: Alice'), TODO);
  assert.equal(problem.message, '“author” should be text: found a set of key-value pairs.');
});

test('frontmatter-schema: a backtick in the value found is shown as ˋ, so that the message holds no Markdown (checked by checkPost)', async () => {
  assert.deepEqual(await schemaProblems('---\ntitle: "Using `kubectl` "\nauthor: alice\ndate: 2025-01-01\n---\n', TODO), [
    { text: '"Using `kubectl` "', message: '“title” has spaces at its start or end: found “"Using ˋkubectlˋ "”. Remove them.' },
  ]);
});
