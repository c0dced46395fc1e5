import assert from 'node:assert/strict';
import { test } from 'node:test';
import { altLength } from '../../server/engine/text/alt-text';
import { checkPost, hugoSite, only, rangeText } from '../helpers/memory-workspace';

const FRONT = '---\ntitle: Harbour day\ndate: 2025-03-01\nauthor: alice\n---\n\n';

async function tooLong(body: string, config?: string) {
  const text = FRONT + body;
  const files: Record<string, string> = { 'content/blog/p.md': text };
  if (config) files['.postlintrc.json'] = config;
  const found = only(await checkPost(hugoSite(files), 'content/blog/p.md'), 'image-alt-length');
  return { text, found };
}

const SENTENCE = 'Fishing boats moored three deep along the north quay at dusk, their nets hung out to dry, ';
const LONG = `${SENTENCE}${SENTENCE}while gulls circle the fish market.`; // 215 characters

test('image-alt-length: an alt over 150 characters is reported on the alt text, with its length', async () => {
  const { text, found } = await tooLong(`![${LONG}](/img/a.png)\n`);
  const [diagnostic, ...rest] = found;
  assert.equal(rest.length, 0);
  assert.equal(diagnostic.severity, 'warning');
  assert.equal(rangeText(text, diagnostic), LONG);
  assert.match(diagnostic.message, new RegExp(`is ${[...LONG].length} characters long, more than 150`));
  assert.match(diagnostic.message, /caption/);
});

test('image-alt-length: <img> and shortcodes too; the limit is the `max` option', async () => {
  const alt = 'A gull on a bollard, looking at the camera';
  const body = `<img src="/img/a.png" alt="${alt}">\n\n{{< img src="/img/b.png" alt="${alt}" >}}\n`;
  assert.equal((await tooLong(body)).found.length, 0);
  const { text, found } = await tooLong(body, '{ "rules": { "image-alt-length": ["warn", { "max": 30 }] } }');
  assert.deepEqual(found.map((d) => rangeText(text, d)), [alt, alt]);
  assert.match(found[0].message, /is 42 characters long, more than 30/);
});

test('image-alt-length: characters are what a reader sees: emoji, flags and accents written as two code points count once', () => {
  assert.equal(altLength('🇯🇵 port'), 6);
  assert.equal(altLength('👩‍👩‍👧 family'), 8);
  assert.equal(altLength('Cafe\u0301'), 4);
  assert.equal(altLength('Café'), 4);
});

test('image-alt-length: exactly at the limit, references decoded and spaces collapsed, is fine', async () => {
  const atLimit = 'x'.repeat(150);
  const spaced = `${'word '.repeat(29)}   end`; // 148 characters once spaces are collapsed
  const coded = `${'a'.repeat(145)}&amp;&amp;`; // 147 characters once decoded
  const { found } = await tooLong(`![${atLimit}](/img/a.png)\n\n<img src="/img/b.png" alt="${spaced}">\n\n<img src="/img/c.png" alt="${coded}">\n`);
  assert.deepEqual(found, []);
});

test('image-alt-length: gives way to a file name or a redundant opening; code and comments are not read', async () => {
  const { found } = await tooLong(
    [
      `![photo_${'x'.repeat(150)}](/img/a.png)`,
      `![Image of ${LONG}](/img/b.png)`,
      `\`![${LONG}](/img/c.png)\``,
      `<!-- ![${LONG}](/img/d.png) -->`,
      `<img src="/img/e.png" alt="${LONG}" aria-hidden="true">`,
      '',
    ].join('\n\n'),
  );
  assert.deepEqual(found, []);
});

test('image-alt-length: the message quotes as much of a long alt as its first sentence has room for, and gives the exact count', async () => {
  const { found } = await tooLong(`![${LONG}](/img/a.png)\n`);
  assert.deepEqual(
    found.map((d) => d.message),
    [
      // 100 characters to the full stop: the alt's first 49 and an ellipsis.
      'Alt text “Fishing boats moored three deep along the north q…” is 215 characters long, more than 150. Say what the image shows in a sentence, and move the details to a caption or the text around it.',
    ],
  );
});

test('image-alt-length: a long alt is cut between characters, not inside an emoji, and a quotation mark the cut leaves open is closed', async () => {
  const fish = '\u{1F41F}';
  const { found } = await tooLong(
    `![${fish.repeat(80)}](/img/a.png)\n\n![The “Harbour Festival” poster beside the “Night Market banner, ${'and more words '.repeat(8)}](/img/b.png)\n`,
    '{ "rules": { "image-alt-length": ["warn", { "max": 60 }] } }',
  );
  assert.deepEqual(
    found.map((d) => d.message),
    [
      // 52 UTF-16 units of room: 25 fish (50 units) and an ellipsis.
      `Alt text “${fish.repeat(25)}…” is 80 characters long, more than 60. Say what the image shows in a sentence, and move the details to a caption or the text around it.`,
      // 51 of room: 49 characters of the alt, the ellipsis and the ” that closes “Night M….
      'Alt text “The “Harbour Festival” poster beside the “Night M…”” is 182 characters long, more than 60. Say what the image shows in a sentence, and move the details to a caption or the text around it.',
    ],
  );
});

test('image-alt-length: an emoji written as two UTF-16 units counts once, so 149 letters and a fish make exactly 150', async () => {
  const fish = '\u{1F41F}';
  const atLimit = `${'x'.repeat(149)}${fish}`; // 151 UTF-16 units, 150 characters
  const over = `${'y'.repeat(150)}${fish}`; // 152 UTF-16 units, 151 characters
  const { text, found } = await tooLong(`![${atLimit}](/img/a.png)\n\n![${over}](/img/b.png)\n`);
  assert.deepEqual(found.map((d) => rangeText(text, d)), [over]);
  assert.match(found[0].message, / is 151 characters long, more than 150\. Say what/);
});

test('image-alt-length: an <img> with no alt at all, or an empty one, is not this rule\u2019s business', async () => {
  const { found } = await tooLong('<img src="/img/a.png">\n\n<img src="/img/b.png" alt="">\n\n![](/img/c.png)\n', '{ "rules": { "image-alt-length": ["warn", { "max": 1 }] } }');
  assert.deepEqual(found, []);
});
