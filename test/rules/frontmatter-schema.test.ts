import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPost, hugoSite, only, rangeText } from '../helpers/memory-workspace';

async function schemaProblems(text: string, baseURL?: string) {
  const site = hugoSite({ 'content/blog/p.md': text }, { baseURL });
  return only(await checkPost(site, 'content/blog/p.md'), 'frontmatter-schema').map((d) => ({ text: rangeText(text, d), message: d.message }));
}

const TODO = 'https://todogroup.org';

test('frontmatter-schema: a missing required key is reported on the opening ---', async () => {
  const problems = await schemaProblems('---\ntitle: Only a title\n---\nBody\n');
  assert.deepEqual(problems.map((p) => p.text), ['---']);
  assert.match(problems[0].message, /requires `date`, which is missing/);
});

test('frontmatter-schema: `Title:` gives a missing `title` that names the capitalised key', async () => {
  const problems = await schemaProblems('---\nTitle: Capital\ndate: 2025-01-01\n---\n');
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /`title`.*missing.*found `Title`: write the key in lower case/);
});

test('frontmatter-schema: wrong types are reported on the value, naming key, found and expected', async () => {
  const problems = await schemaProblems('---\ntitle: A\ndate: 2025-01-01\ndraft: "no"\ntags: gardening\nweight: 1.5\n---\n');
  assert.deepEqual(
    problems.map((p) => p.text),
    ['"no"', 'gardening', '1.5'],
  );
  assert.match(problems[0].message, /`draft` should be true or false; found `"no"`/);
  assert.match(problems[1].message, /`tags` should be a list; found `gardening`/);
  assert.match(problems[2].message, /`weight` should be a whole number/);
});

test('frontmatter-schema: dates must exist in the calendar, quoted or not, with or without time', async () => {
  const bad = await schemaProblems('---\ntitle: A\ndate: 2025-02-30\n---\n');
  assert.deepEqual(bad.map((p) => p.text), ['2025-02-30']);
  assert.match(bad[0].message, /real date/);
  for (const date of ['2024-02-29', '"2025-01-18"', '2025-01-18T09:30:00Z', '2025-01-18T09:30:00-07:00', '2025-01-18 09:30:00', '!!timestamp 2025-01-18']) {
    assert.deepEqual(await schemaProblems(`---\ntitle: A\ndate: ${date}\n---\n`), [], date);
  }
  assert.equal((await schemaProblems('---\ntitle: A\ndate: 18/01/2025\n---\n')).length, 1);
});

test('frontmatter-schema: nested values point at the item', async () => {
  const problems = await schemaProblems('---\ntitle: A\ndate: 2025-01-01\ntags:\n  - fine\n  - 42\n---\n');
  assert.deepEqual(problems.map((p) => p.text), ['42']);
  assert.match(problems[0].message, /`tags\[1\]` should be text; found the number 42/);
});

test('frontmatter-schema (todogroup): stray spaces in titles, author required', async () => {
  const trailing = await schemaProblems('---\ntitle: "Spaces after "\nauthor: alice\ndate: 2025-01-01\n---\n', TODO);
  assert.deepEqual(trailing.map((p) => p.text), ['"Spaces after "']);
  assert.match(trailing[0].message, /without spaces at its start or end/);
  const double = await schemaProblems('---\ntitle: "Two  spaces"\nauthor: alice\ndate: 2025-01-01\n---\n', TODO);
  assert.match(double[0].message, /without double spaces/);
  const noAuthor = await schemaProblems('---\ntitle: Fine\ndate: 2025-01-01\n---\n', TODO);
  assert.match(noAuthor[0].message, /requires `author`/);
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
  assert.match(typo[0].message, /one of `post`, `member-welcome`, `event-recap`/);
});

test('frontmatter-schema: not run when the YAML itself is broken (frontmatter-syntax says it)', async () => {
  assert.deepEqual(await schemaProblems('---\ntitle: "A\ndate: 2025-01-01\n---\n'), []);
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
      : [{ text: written, message: `\`date\` should be a real date such as 2025-03-14, optionally with a time such as 2025-03-14T09:30:00Z; found \`${written}\`.` }];
    assert.deepEqual(await schemaProblems(`---\ntitle: A\ndate: ${written}\n---\n`), expected, written);
  }
});
