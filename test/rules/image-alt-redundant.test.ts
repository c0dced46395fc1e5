import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applySafeFixes } from '../../server/engine/fixes';
import { checkPost, hugoSite, only, rangeText } from '../helpers/memory-workspace';

const FRONT = '---\ntitle: Harbour day\ndate: 2025-03-01\nauthor: alice\n---\n\n';

async function redundant(body: string, config?: string) {
  const text = FRONT + body;
  const files: Record<string, string> = { 'content/blog/p.md': text };
  if (config) files['.postlintrc.json'] = config;
  const diagnostics = await checkPost(hugoSite(files), 'content/blog/p.md');
  return { text, diagnostics, found: only(diagnostics, 'image-alt-redundant') };
}

test('image-alt-redundant: the opening words are reported, and dropped by a safe fix that keeps the capital', async () => {
  const { text, found } = await redundant('![Image of fishing boats at dawn](/img/a.png)\n');
  const [diagnostic, ...rest] = found;
  assert.equal(rest.length, 0);
  assert.equal(diagnostic.severity, 'warning');
  assert.equal(rangeText(text, diagnostic), 'Image of');
  assert.match(diagnostic.message, /begins with “Image of”\. Screen readers already announce an image/);
  assert.equal(diagnostic.fixes[0].safe, true);
  assert.equal(applySafeFixes(text, found).text, `${FRONT}![Fishing boats at dawn](/img/a.png)\n`);
});

test('image-alt-redundant: every form, in <img> and shortcodes too, case-insensitive', async () => {
  const body = [
    '![picture of the lighthouse](/img/a.png)',
    '![A photo of the night market](/img/b.png)',
    '<img src="/img/c.png" alt="an image of two cranes">',
    '{{< img src="/img/d.png" alt="Screenshot of the booking form" >}}',
    '![A screen shot of the tide table](/img/g.png)',
    '{{< figure src="/img/e.png" alt="GRAPHIC OF tide times" >}}',
    '![The photograph of the old ferry](/img/f.png)',
    '',
  ].join('\n\n');
  const { text, found } = await redundant(body);
  assert.deepEqual(found.map((d) => rangeText(text, d)), ['picture of', 'A photo of', 'an image of', 'GRAPHIC OF', 'The photograph of'], 'a screenshot is news to a listener: not reported');
  const fixed = applySafeFixes(text, found).text;
  for (const expected of ['![the lighthouse]', '![The night market]', 'alt="two cranes"', 'alt="Screenshot of the booking form"', '![A screen shot of the tide table]', 'alt="Tide times"', '![The old ferry]']) {
    assert.ok(fixed.includes(expected), `${expected} in\n${fixed}`);
  }
});

test('image-alt-redundant: where the written alt does not begin plainly with the words, it is reported with no fix', async () => {
  const { found } = await redundant('<img src="/img/a.png" alt="Image&#32;of a quay">\n');
  assert.equal(found.length, 1);
  assert.deepEqual(found[0].fixes, []);
});

test('image-alt-redundant: the words alone, or elsewhere in the alt, or describing the subject, are fine', async () => {
  const { found } = await redundant(
    [
      '![Photo](/img/a.png)',
      '![Harbour map, with an image of the old town inset](/img/b.png)',
      '![Photographers at the image-of-the-year awards](/img/c.png)',
      '![Imagery of the coast from a drone](/img/d.png)',
      '<img src="/img/e.png" alt="Image of a gull" aria-hidden="true">',
      '`![Image of code](/img/f.png)`',
      '<!-- ![Photo of a comment](/img/g.png) -->',
      '',
    ].join('\n\n'),
  );
  assert.deepEqual(found, []);
});

test('image-alt-redundant: gives way to image-alt-filename, unless that rule is off', async () => {
  assert.equal((await redundant('![Photo of IMG_0042.jpg](/img/a.png)\n')).found.length, 0);
  assert.equal((await redundant('![Photo of IMG_0042.jpg](/img/a.png)\n', '{ "rules": { "image-alt-filename": "off" } }')).found.length, 1);
});

test('image-alt-redundant: the fix is titled with the words it removes and is the preferred one', async () => {
  const { found } = await redundant('![Image of boats](/img/a.png)\n');
  // Body line 6: `![` ends at character 2; "Image of b" ends at 12, and "b" becomes "B".
  assert.deepEqual(found[0].fixes, [
    {
      title: 'Remove \u201cImage of\u201d',
      safe: true,
      preferred: true,
      edits: [{ range: { start: { line: 6, character: 2 }, end: { line: 6, character: 12 } }, newText: 'B' }],
    },
  ]);
});

test('image-alt-redundant: spaces written before the words are kept, and a digit after them is left as it is', async () => {
  const { text, found } = await redundant('<img src="/img/a.png" alt="  image of 3 boats">\n');
  assert.deepEqual(found.map((d) => rangeText(text, d)), ['image of']);
  // `<img src="/img/a.png" alt="` is 27 characters; two spaces; "image of " is 9 more.
  assert.deepEqual(found[0].fixes[0].edits, [{ range: { start: { line: 6, character: 29 }, end: { line: 6, character: 38 } }, newText: '' }]);
  assert.equal(applySafeFixes(text, found).text, `${FRONT}<img src="/img/a.png" alt="  3 boats">\n`);
});

test('image-alt-redundant: only an opening that starts with a capital passes it on to the next word', async () => {
  const { text, found } = await redundant('![the Photo of boats](/img/a.png)\n');
  assert.deepEqual(found.map((d) => rangeText(text, d)), ['the Photo of']);
  assert.equal(applySafeFixes(text, found).text, `${FRONT}![boats](/img/a.png)\n`);
});

test('image-alt-redundant: an opening written with a character reference is reported on the whole alt, with the full message', async () => {
  const { text, found } = await redundant('<img src="/img/a.png" alt="Image&#32;of a quay">\n\n<img src="/img/b.png">\n');
  assert.deepEqual(
    found.map((d) => [rangeText(text, d), d.message]),
    [['Image&#32;of a quay', 'Alt text “Image of a quay” begins with “Image of”. Screen readers already announce an image, so start with what it shows.']],
  );
});

test('image-alt-redundant: a long alt is quoted as far as the first sentence has room for', async () => {
  const { found } = await redundant('![The photograph of the old ferry leaving the north quay at dawn, with the lighthouse behind it](/img/a.png)\n');
  assert.deepEqual(
    found.map((d) => d.message),
    // Room for 56 characters: the alt's first 55, less the space they end in, and the ellipsis.
    ['Alt text “The photograph of the old ferry leaving the north quay…” begins with “The photograph of”. Screen readers already announce an image, so start with what it shows.'],
  );
  assert.equal(found[0].fixes[0].title, 'Remove “The photograph of”');
});
