import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bodyFindings } from '../helpers/link-fixes';

const RULE = 'link-empty-url';

const findings = (body: string) => bodyFindings(RULE, body);

test('link-empty-url: an empty destination points at the parentheses', async () => {
  const { diagnostics, ranges } = await findings('Download [the planting calendar]() and [the map](<>) today.\n');
  assert.deepEqual(ranges, ['()', '<>']);
  assert.equal(diagnostics[0].severity, 'error');
  assert.match(diagnostics[0].message, /This link has no URL, so it leads nowhere\. Write the address/);
  assert.deepEqual(diagnostics[0].fixes, []);
});

test('link-empty-url: a bare # leads to the top of the page', async () => {
  const { diagnostics, ranges } = await findings('See [the schedule](#) and <a href="#">the map</a>.\n');
  assert.deepEqual(ranges, ['#', '#']);
  assert.match(diagnostics[0].message, /points to “#”/);
});

test('link-empty-url: HTML href and shortcode parameters point at the attribute', async () => {
  const { ranges } = await findings('Our <a href="">garden plan</a> and <a HREF=\'\'>another</a>.\n\n{{< button link="" text="Sign up" >}}\n');
  assert.deepEqual(ranges, ['href=""', "HREF=''", 'link=""']);
});

test('link-empty-url: a reference definition with no URL is reported once, however many links use it', async () => {
  const { ranges } = await findings('[One][deck] and [two][deck].\n\n[deck]: <>\n');
  assert.deepEqual(ranges, ['<>']);
});

test('link-empty-url: an image with an empty source', async () => {
  const { diagnostics, ranges } = await findings('![Seed packets]()\n\n<img src="" alt="Seeds">\n\n{{< img src="" alt="Seeds" >}}\n');
  assert.deepEqual(ranges, ['()', 'src=""', 'src=""']);
  assert.match(diagnostics[0].message, /This image has no source/);
});

test('link-empty-url: real destinations, fragments and commented-out links are fine', async () => {
  const { diagnostics } = await findings(
    [
      '[Top](#top), [the guide](https://guide.example/), [a page](../other/).',
      '<!-- ![Source]() -->',
      '<!-- [draft]() -->',
      '`[code]()`',
      '{{< img alt="The theme supplies the source" >}}',
      '',
    ].join('\n'),
  );
  assert.deepEqual(diagnostics, []);
});

test('link-empty-url: blank destinations; an image may point at #, a link may not', async () => {
  const { diagnostics, ranges } = await findings('[a]( ) ![d](#) <a href=" # ">e</a> <img alt="x"> <img src=" " alt="y">\n');
  // `( )` holds a blank, not an empty pair: the finding points at the link text.
  assert.deepEqual(ranges, ['a', ' # ', ' ']);
  assert.deepEqual(diagnostics.map((d) => d.message), [
    'This link has no URL, so it leads nowhere. Write the address it should lead to, or remove the link and keep its text.',
    'This link points to “#”, which only jumps to the top of the page. Write the address it should lead to, or remove the link and keep its text.',
    'This image has no source, so it shows nothing. Write the path or URL of the image file.',
  ]);
});

test('link-empty-url: a blank image source points at the image, a blank link destination at its text', async () => {
  const { diagnostics, ranges } = await findings('![Seeds]( ) [Plan]( )\n');
  assert.deepEqual(ranges, ['![Seeds]( )', 'Plan']);
  assert.deepEqual(diagnostics.map((d) => d.message), [
    'This image has no source, so it shows nothing. Write the path or URL of the image file.',
    'This link has no URL, so it leads nowhere. Write the address it should lead to, or remove the link and keep its text.',
  ]);
});
