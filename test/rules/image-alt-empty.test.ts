import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPost, hugoSite, only, rangeText } from '../helpers/memory-workspace';

const FRONT = '---\ntitle: Harbour day\ndate: 2025-03-01\nauthor: alice\n---\n\n';

async function empty(body: string) {
  const text = FRONT + body;
  const diagnostics = only(await checkPost(hugoSite({ 'content/blog/p.md': text }), 'content/blog/p.md'), 'image-alt-empty');
  return { text, diagnostics };
}

test('image-alt-empty: `![](…)` is reported on its brackets', async () => {
  const { text, diagnostics } = await empty('The quay at noon: ![](/img/quay.png) and ![ ](/img/pier.png)\n');
  assert.deepEqual(diagnostics.map((d) => rangeText(text, d)), ['![]', '![ ]']);
  assert.equal(diagnostics[0].severity, 'error');
  assert.match(diagnostics[0].message, /no alt text\. Screen readers skip it/);
  assert.match(diagnostics[0].message, /between the brackets/);
});

test('image-alt-empty: alt="" on <img> and on shortcodes is reported on the attribute', async () => {
  const { text, diagnostics } = await empty(
    '<img src="/img/a.png" alt="">\n\n<img alt=\'\' src="/img/b.png">\n\n<img src="/img/c.png" alt>\n\n{{< img src="/img/d.png" alt="" >}}\n\n<img src="/img/e.png" alt="&nbsp;">\n',
  );
  assert.deepEqual(diagnostics.map((d) => rangeText(text, d)), ['alt=""', "alt=''", 'alt', 'alt=""', 'alt="&nbsp;"']);
  assert.match(diagnostics[0].message, /empty “alt”.*“role="presentation"”/);
});

test('image-alt-empty: decorative images may have an empty alt', async () => {
  const { diagnostics } = await empty(
    '<img src="/img/rule.svg" alt="" role="presentation">\n\n<img src="/img/dots.svg" alt="" aria-hidden="true">\n\n<img src="/img/wave.svg" alt="" role="none">\n',
  );
  assert.deepEqual(diagnostics, []);
});

test('image-alt-empty: alt text, a missing alt, code, comments and front matter are not reported', async () => {
  const text =
    '---\ntitle: Harbour day\ndate: 2025-03-01\nauthor: alice\nimages: ["![](/img/x.png)"]\n---\n\n![Nets on the quay](/img/nets.png)\n\n<img src="/img/a.png">\n\nWrite `![](/img/b.png)` for nothing.\n\n```\n![](/img/c.png)\n<img src="/img/d.png" alt="">\n```\n\n<!-- ![](/img/e.png) -->\n';
  const diagnostics = only(await checkPost(hugoSite({ 'content/blog/p.md': text }), 'content/blog/p.md'), 'image-alt-empty');
  assert.deepEqual(diagnostics, []);
});

test('image-alt-empty: each kind of image gets its own full message', async () => {
  const { diagnostics } = await empty('![](/img/a.png)\n\n<img src="/img/b.png" alt="">\n\n{{< img src="/img/c.png" alt="" >}}\n');
  const markdown =
    'This image has no alt text. Screen readers skip it as if it were decoration: write what it shows between the brackets.';
  const attribute =
    'This image has an empty “alt”, which tells screen readers to skip it. Write what it shows, or mark it “role="presentation"” if it is only decoration.';
  assert.deepEqual(diagnostics.map((d) => d.message), [markdown, attribute, attribute]);
});

test('image-alt-empty: spaces around the `=` of an HTML attribute are part of the reported attribute', async () => {
  const { text, diagnostics } = await empty('<img src="/img/a.png" alt = "">\n\n<img src="/img/b.png" alt= \'\'>\n\n<img src="/img/c.png" alt ="">\n');
  assert.deepEqual(diagnostics.map((d) => rangeText(text, d)), ['alt = ""', "alt= ''", 'alt =""']);
});

test('image-alt-empty: a shortcode alt written as an empty raw string (backquotes) is reported on the whole parameter', async () => {
  const { text, diagnostics } = await empty('{{< figure src="/img/a.png" alt=`` >}}\n');
  assert.deepEqual(diagnostics.map((d) => rangeText(text, d)), ['alt=``']);
});
