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
  assert.match(diagnostics[0].message, /This link has no text: .*Write what the link leads to/);
  assert.deepEqual(diagnostics[0].fixes, []);
});

test('link-empty-text: punctuation-only text points at the text', async () => {
  const { diagnostics, ranges } = await findings('Tools: [Atlas](https://atlas.example/)[, ](https://atlas.example/) and [\u2014](https://b.example/).\n');
  assert.deepEqual(ranges, [', ', '\u2014']);
  assert.match(diagnostics[0].message, /only punctuation \(`,`\): write words that say where it leads/);
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
