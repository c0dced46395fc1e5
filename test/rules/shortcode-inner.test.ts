import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPost, hugoSite } from '../helpers/memory-workspace';

const LAYOUTS = {
  // Prints its inner text as code: what is inside is not Markdown.
  'layouts/shortcodes/terminal.html': '<pre class="terminal"><code>{{ .Inner }}</code></pre>\n',
  // Renders its inner text as Markdown.
  'layouts/shortcodes/aside.html': '<aside>{{ .Inner | markdownify }}</aside>\n',
  'layouts/_shortcodes/panel.html': '<div class="panel">{{ .Page.RenderString .Inner }}</div>\n',
  'layouts/_default/single.html': '<h1>{{ .Title }}</h1>{{ .Content }}\n',
};

async function rulesOn(body: string): Promise<string[]> {
  const text = `---\ntitle: Mooring lines\ndate: 2025-02-03\n---\n\n${body}`;
  const diagnostics = await checkPost(hugoSite({ ...LAYOUTS, 'content/blog/p.md': text }), 'content/blog/p.md');
  return diagnostics.map((diagnostic) => diagnostic.ruleId);
}

test('shortcode inner text: a {{< >}} shortcode whose template prints it raw holds no headings, links or prose', async () => {
  const body = '{{< terminal >}}\n# list the moorings\ncurl http://harbour.example/moorings\n#### not a heading either\n{{< /terminal >}}\n';
  assert.deepEqual(await rulesOn(body), []);
});

test('shortcode inner text: a template that renders Markdown (markdownify, RenderString) makes its inner text Markdown', async () => {
  assert.deepEqual(await rulesOn('{{< aside >}}\nSee http://harbour.example/moorings for the list.\n{{< /aside >}}\n'), ['link-bare-url', 'link-insecure']);
  assert.deepEqual(await rulesOn('{{< panel >}}\n#### Four levels down\n{{< /panel >}}\n'), ['heading-increment']);
});

test('shortcode inner text: with {{% %}} the inner text is Markdown whatever the template does', async () => {
  assert.deepEqual(await rulesOn('{{% terminal %}}\n#### Four levels down\n{{% /terminal %}}\n'), ['heading-increment']);
});

test('shortcode inner text: a shortcode whose template is not at hand keeps its inner text read as Markdown', async () => {
  assert.deepEqual(await rulesOn('{{< unknown-box >}}\n#### Four levels down\n{{< /unknown-box >}}\n'), ['shortcode-unknown', 'heading-increment']);
});

test('shortcode inner text: a heading inside a raw shortcode on another page is no anchor to link to', async () => {
  const other = '---\ntitle: Terminal notes\ndate: 2025-02-03\n---\n\n## Real heading\n\n{{< terminal >}}\n## not a heading\n{{< /terminal >}}\n';
  const text = '---\ntitle: Mooring lines\ndate: 2025-02-03\n---\n\nSee [the notes](/blog/other/#real-heading) and [the comment](/blog/other/#not-a-heading).\n';
  const diagnostics = await checkPost(hugoSite({ ...LAYOUTS, 'content/blog/other.md': other, 'content/blog/p.md': text }), 'content/blog/p.md');
  assert.deepEqual(
    diagnostics.filter((d) => d.ruleId === 'link-broken-fragment').map((d) => d.range.start.character),
    [text.split('\n')[5].indexOf('/blog/other/#not-a-heading')],
  );
});
