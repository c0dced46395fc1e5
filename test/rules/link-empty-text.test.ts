import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bodyFindings } from '../helpers/link-fixes';
import { checkPost, hugoSite, only } from '../helpers/memory-workspace';

const RULE = 'link-empty-text';

const findings = (body: string) => bodyFindings(RULE, body);

test('link-empty-text: empty and blank link text points at the brackets', async () => {
  const { diagnostics, ranges } = await findings('The map tool [](https://maps.example/) and [ ](https://maps.example/b) and [\u00a0](https://maps.example/c).\n');
  assert.deepEqual(ranges, ['[]', '[ ]', '[\u00a0]']);
  assert.equal(diagnostics[0].severity, 'error');
  assert.match(diagnostics[0].message, /This link has no text\. .*: write what the link leads to/);
  assert.deepEqual(diagnostics[0].fixes, []);
});

test('link-empty-text: punctuation-only text points at the text', async () => {
  const { diagnostics, ranges } = await findings('Tools: [Atlas](https://atlas.example/)[, ](https://atlas.example/) and [\u2014](https://b.example/).\n');
  assert.deepEqual(ranges, [', ', '\u2014']);
  assert.match(diagnostics[0].message, /only punctuation \(“,”\)\. Write words that say where it leads/);
});

test('link-empty-text: reference links, HTML anchors and button shortcodes', async () => {
  const { ranges } = await findings(
    [
      'See [][guide] for more.',
      '',
      '[guide]: https://guide.example/',
      '',
      'Or <a href="https://one.example/"></a> and <a href="https://two.example/">  </a>.',
      '',
      '{{< button link="https://three.example/" text="" >}}',
      '',
    ].join('\n'),
  );
  assert.deepEqual(ranges, ['[]', '<a href="https://one.example/"></a>', '<a href="https://two.example/">  </a>', 'text=""']);
});

test('link-empty-text: a link holding only an image without alt text', async () => {
  const { diagnostics, ranges } = await findings('[![](/img/logo.png)](https://partner.example/)\n');
  assert.deepEqual(ranges, ['![](/img/logo.png)']);
  assert.match(diagnostics[0].message, /only an image without alt text/);
});

test('link-empty-text: links with words, named links and text-less constructs are fine', async () => {
  const { diagnostics } = await findings(
    [
      '[The harvest report](https://report.example/) and [![Partner logo](/img/p.png)](https://partner.example/).',
      '<a href="https://icons.example/" aria-label="Icon gallery"></a>',
      'Bare https://bare.example/ and <https://auto.example/> show their URL.',
      '{{< button link="https://three.example/" text="Register" >}}',
      '{{< iframe src="https://embed.example/" >}}',
      '[C++](https://isocpp.example/) is a name, not punctuation.',
      '',
    ].join('\n'),
  );
  assert.deepEqual(diagnostics, []);
});

test('link-empty-text: nothing in code, comments or front matter', async () => {
  const text = '---\ntitle: A post\ndate: 2025-01-01\nauthor: alice\ndescription: "[](https://fm.example/)"\n---\n' +
    'Inline `[](https://code.example/)` code.\n\n```\n[](https://fence.example/)\n```\n\n<!-- [](https://comment.example/) -->\n';
  const diagnostics = only(await checkPost(hugoSite({ 'content/blog/p.md': text }), 'content/blog/p.md'), RULE);
  assert.deepEqual(diagnostics, []);
});

const NO_TEXT =
  'This link has no text. Readers see nothing to click and screen readers announce only the address: write what the link leads to as its text, or remove the link.';

test('link-empty-text: a zero-width space is nothing to read; text that only starts or ends with punctuation is fine', async () => {
  const { diagnostics, ranges } = await findings('[a.](https://a.example/) [.a](https://b.example/) [\u200b](https://c.example/)\n');
  assert.deepEqual(ranges, ['\u200b']);
  assert.deepEqual(diagnostics.map((d) => d.message), ['The text of this link is only an invisible character (U+200B ZERO WIDTH SPACE). Write words that say where it leads, or remove the link.']);
});

test('link-empty-text: aria-labelledby names a link too; an empty or blank aria-label does not', async () => {
  const { diagnostics, ranges } = await findings(
    '<a href="https://d.example/" aria-labelledby="cap"></a> <a href="https://e.example/" aria-label=""></a> <a href="https://f.example/" aria-label="  "></a>\n',
  );
  assert.deepEqual(ranges, ['<a href="https://e.example/" aria-label=""></a>', '<a href="https://f.example/" aria-label="  "></a>']);
  assert.deepEqual(diagnostics.map((d) => d.message), [NO_TEXT, NO_TEXT]);
});

test('link-empty-text: only an image inside the link text makes it an image link', async () => {
  const { diagnostics, ranges } = await findings('![](/img/x.png) [](https://g.example/) [![](/img/a.png) \u2026](https://h.example/)\n');
  assert.deepEqual(ranges, ['[]', '![](/img/a.png) \u2026']);
  assert.deepEqual(diagnostics.map((d) => d.message), [
    NO_TEXT,
    'The text of this link is only punctuation (“\u2026”). Write words that say where it leads, or remove the link.',
  ]);
});

test('link-empty-text: HTML with an aria-label inside a shortcode parameter does not name the shortcode\u2019s link', async () => {
  const { diagnostics, ranges } = await findings('{{< button title="<span aria-label=\'Join\'>" link="https://x.example/" text="" >}}\n');
  assert.deepEqual(ranges, ['text=""']);
  assert.deepEqual(diagnostics.map((d) => d.message), [NO_TEXT]);
});

test('link-empty-text: blank text around an image without alt is an image link; blank text alone is no text', async () => {
  const { diagnostics, ranges } = await findings('[ ![](/img/logo.png) ](https://x.example/) [ ](https://y.example/)\n');
  assert.deepEqual(ranges, [' ![](/img/logo.png) ', '[ ]']);
  assert.deepEqual(diagnostics.map((d) => d.message), [
    'This link shows only an image without alt text, so it has no name. Give the image alt text that says where the link leads.',
    NO_TEXT,
  ]);
});

test('link-empty-text: an empty HTML anchor is pointed at whole, even when the word text appears in it', async () => {
  const { ranges } = await findings('<a href="https://text.example/"></a>\n');
  assert.deepEqual(ranges, ['<a href="https://text.example/"></a>']);
});

test('link-empty-text: an image that is all a link shows is reported once, by this rule, whose advice fits a link; with this rule off the image rules report it', async () => {
  const body = 'See [![](lab.png)](https://lab.example/), <a href="https://lab.example/"><img src="lab.png"></a>, <a href="https://lab.example/"><img src="lab.png" alt=""></a> and [![](lab.png) the lab](https://lab.example/).\n';
  const text = `---\ntitle: Linked images\ndate: 2025-01-01\n---\n\n${body}`;
  const imageRules = ['link-empty-text', 'image-alt-missing', 'image-alt-empty'];
  const found = async (files: Record<string, string>) =>
    (await checkPost(hugoSite({ 'content/blog/p.md': text, ...files }), 'content/blog/p.md'))
      .filter((d) => imageRules.includes(d.ruleId))
      .map((d) => `${d.ruleId} ${d.range.start.character}`);
  // Where each image starts: the two Markdown ones, then the two <img>.
  const [markdown, html] = ['![](lab.png)', '<img src'].map((image) => [body.indexOf(image), body.lastIndexOf(image)]);
  assert.deepEqual(await found({}), [`link-empty-text ${markdown[0]}`, `link-empty-text ${html[0]}`, `link-empty-text ${html[1]}`, `image-alt-empty ${markdown[1]}`]);
  const alone = await found({ '.postlintrc.json': '{ "rules": { "link-empty-text": "off" } }' });
  assert.deepEqual(alone, [`image-alt-empty ${markdown[0]}`, `image-alt-missing ${html[0]}`, `image-alt-empty ${body.indexOf('alt=""')}`, `image-alt-empty ${markdown[1]}`]);
});

test('link-empty-text: invisible characters are named, never quoted as an empty-looking “”', async () => {
  const { diagnostics } = await findings(
    [
      'Add the token secret[\u200b\u200b](https://docs.example/secret)',
      '[\u200d\u2060\u200b\u2060](https://b.example/) [\u200e\u200f\u202a\u202c\u2066](https://g.example/) [\u2062](https://c.example/) [\u00ad\u200b](https://d.example/)',
      '[,\u200b](https://e.example/) [\u00a0.\u00a0,](https://f.example/)',
      '',
    ].join('\n'),
  );
  const only = (what: string) => `The text of this link is only ${what}. Write words that say where it leads, or remove the link.`;
  assert.deepEqual(
    diagnostics.map((d) => d.message),
    [
      only('invisible characters (U+200B ZERO WIDTH SPACE)'),
      only('invisible characters (U+200D, U+2060, U+200B)'),
      only('invisible characters (U+200E, U+200F, U+202A, U+202C, \u2026)'),
      only('an invisible character (U+2062)'),
      only('invisible characters (U+00AD, U+200B)'),
      only('punctuation and invisible characters (“,U+200B”)'),
      only('punctuation and invisible characters (“.U+00A0,”)'),
    ],
  );
});

test('link-empty-text: an inline HTML <img> with an alt names the Markdown link around it, as it names an HTML <a>', async () => {
  const { ranges } = await findings(
    [
      'Badge: [<img src="/img/status.svg" alt="Build status" height="20">](https://ci.example/).',
      '',
      'A file name is still a name: [<img src="/img/owl.png" alt="owl.png" />](/img/owl.png).',
      '',
      'Raw: <a href="https://ci.example/"><img src="/img/status.svg" alt="Build status"></a>',
      '',
      '<a href="https://ci.example/b"><img src="/img/b.svg" alt="Second build"></a>',
      '',
      'Reference: [<img src="/img/status.svg" alt="Nightly build">][ci]',
      '',
      '[ci]: https://ci.example/nightly',
      '',
      'No alt: [<img src="/img/owl.png">](/img/owl.png) and [<img src="/img/owl.png" alt="">](/img/owl.png).',
      '',
    ].join('\n'),
  );
  assert.deepEqual(ranges, ['<img src="/img/owl.png">', '<img src="/img/owl.png" alt="">']);
});
