import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPost, hugoSite, only, rangeText } from '../helpers/memory-workspace';

const FRONT = '---\ntitle: Notes from the orchard\ndate: 2025-04-02\nauthor: alice\n---\n';
const POST = 'content/blog/p.md';

async function findings(body: string, files: Record<string, string> = {}) {
  const text = FRONT + body;
  const diagnostics = only(await checkPost(hugoSite({ ...files, [POST]: text }), POST), 'shortcode-syntax');
  return { text, diagnostics, spans: diagnostics.map((d) => rangeText(text, d)) };
}

test('shortcode-syntax: a tag that is never closed', async () => {
  const { diagnostics, spans } = await findings('See {{< gallery dir="/img/pears"\n\nand the rest.\n');
  assert.equal(diagnostics.length, 1);
  assert.equal(spans[0], '{{< gallery');
  assert.match(diagnostics[0].message, /is not closed with “>}}”/);
  assert.match(diagnostics[0].message, /End the tag with “>}}”/);
  assert.equal(diagnostics[0].severity, 'error');
});

test('shortcode-syntax: an unbalanced quote in a parameter', async () => {
  const { diagnostics, spans } = await findings('{{< figure src="/img/pear.jpg alt="A pear" >}}\n');
  // `src="/img/pear.jpg alt="` is one quoted value; the quote after `A pear` opens another that never closes.
  assert.deepEqual(spans, ['" >}}']);
  assert.equal(
    diagnostics[0].message,
    'Unbalanced quote: this shortcode parameter value is never closed on its line. End the value with a quote on the same line, or write it between backticks to let it span lines; Hugo stops the build on it.',
  );
  const { diagnostics: raw, spans: rawSpans } = await findings('{{< note text=`never ends >}}\n');
  assert.equal(raw.length, 1);
  assert.equal(rawSpans[0], '`never ends >}}');
  assert.match(raw[0].message, /End the value with a backtick/);
});

test('shortcode-syntax: named and positional parameters mixed', async () => {
  const { diagnostics, spans } = await findings('{{< video intro.mp4 width="300" >}}\n');
  assert.equal(diagnostics.length, 1);
  assert.equal(spans[0], 'width="300"');
  assert.match(diagnostics[0].message, /Give every parameter a name, or none/);
});

test('shortcode-syntax: a closing tag with no opening tag', async () => {
  const { diagnostics, spans } = await findings('Text.\n\n{{< /aside >}}\n');
  assert.deepEqual(spans, ['{{< /aside >}}']);
  assert.match(diagnostics[0].message, /closes a “aside” shortcode that is not open\. Remove it, or add “\{\{< aside >\}\}”/);
});

test('shortcode-syntax: a closing tag after its shortcode was already closed', async () => {
  const { spans } = await findings('{{< aside >}}Hi{{< /aside >}} and {{% /aside %}}\n');
  assert.deepEqual(spans, ['{{% /aside %}}']);
});

test('shortcode-syntax: crossed pairs are reported once, on the closing tag that crosses', async () => {
  const { diagnostics, spans } = await findings('{{< box >}}\n{{< tint >}}\nInside.\n{{< /box >}}\n{{< /tint >}}\n');
  assert.deepEqual(spans, ['{{< /box >}}']);
  assert.match(diagnostics[0].message, /“\{\{< \/box >\}\}” comes while “tint” is still open\. “tint” was opened inside “box” on line 7: close it first/);
});

test('shortcode-syntax: built-in paired shortcodes need their closing tag', async () => {
  const { diagnostics, spans } = await findings('{{< details summary="More" >}}\nHidden text.\n');
  assert.deepEqual(spans, ['{{< details summary="More" >}}']);
  assert.match(diagnostics[0].message, /“\{\{< details >\}\}” is never closed\. Add “\{\{< \/details >\}\}” after its content/);
});

test("shortcode-syntax: a site shortcode whose template reads .Inner needs its closing tag; others do not", async () => {
  const files = {
    'layouts/shortcodes/callout.html': '<div class="callout">{{ .Inner | markdownify }}</div>\n',
    'layouts/shortcodes/media/clip.html': '<video>{{ .InnerDeindent }}</video>\n',
    'layouts/shortcodes/badge.html': '<span>{{ .Get 0 }}</span>\n',
  };
  const { spans } = await findings('{{< callout >}}\nLook.\n\n{{< media/clip >}}\n\n{{< badge new >}}\n', files);
  assert.deepEqual(spans, ['{{< callout >}}', '{{< media/clip >}}']);
});

test('shortcode-syntax: an opening tag used twice and closed once leaves the first open', async () => {
  const { spans } = await findings('{{< aside >}} one {{< aside >}} two {{< /aside >}}\n');
  assert.deepEqual(spans, ['{{< aside >}}']);
});

test('shortcode-syntax: well-formed posts have no findings', async () => {
  const body = [
    '{{< img src="/img/a.png" alt="A pear tree in bloom" >}}',
    '{{< details summary="Why" >}}Because.{{< /details >}}',
    '{{< details summary="Short" />}}',
    '{{% aside %}}**Bold** words.{{% /aside %}}',
    '{{< box >}}{{< tint >}}x{{< /tint >}}{{< /box >}}',
    '{{< highlight go >}}',
    'fmt.Println("{{< not a tag")',
    '{{< /highlight >}}',
    '{{< button link="https://example.org" text="Join" >}}',
    '',
  ].join('\n');
  const { diagnostics } = await findings(body, { 'layouts/shortcodes/aside.html': '{{ .Inner }}' });
  assert.deepEqual(diagnostics, []);
});

test('shortcode-syntax: nothing is reported inside code spans, fenced code or front matter', async () => {
  const text = '---\ntitle: "About {{< broken"\ndate: 2025-04-02\nauthor: alice\n---\n'
    + 'Write `{{< /aside >}}` to close it.\n\n```md\n{{< details >}}\n{{< img src="x\n```\n\n    {{< /indented >}}\n';
  const diagnostics = only(await checkPost(hugoSite({ [POST]: text }), POST), 'shortcode-syntax');
  assert.deepEqual(diagnostics, []);
});

test('shortcode-syntax: an HTML comment does not hide a broken shortcode from Hugo, and the message says so', async () => {
  const { diagnostics, spans } = await findings('Text.\n\n<!-- {{< /gone >}} -->\n');
  assert.deepEqual(spans, ['{{< /gone >}}']);
  assert.match(diagnostics[0].message, /An HTML comment does not hide a shortcode from Hugo: write “\{\{<\/\* … \*\/>\}\}”/);
});

test('shortcode-syntax: shortcode comments are not tags; an unclosed one is reported', async () => {
  assert.deepEqual((await findings('{{</* details */>}} shows the syntax.\n')).diagnostics, []);
  const { diagnostics, spans } = await findings('{{</* details >}} is not closed.\n');
  assert.equal(spans[0], '{{</*');
  assert.match(diagnostics[0].message, /Close the comment with “\*\/>}}”/);
});

test('shortcode-syntax: each problem of the scanner comes with its own advice, word for word', async () => {
  const messages = async (body: string) => (await findings(body)).diagnostics.map((d) => d.message);
  assert.deepEqual(await messages('Text {{< >}} here.\n'), [
    'Shortcode “{{<” has no name (unexpected character “>”). Write the shortcode\'s name after the braces, or put the braces in a code span to show them as text; Hugo stops the build on it.',
  ]);
  assert.deepEqual(await messages('Text {{<`x`>}} here.\n'), [
    'Shortcode “{{<” has no name (unexpected backtick). Write the shortcode\'s name after the braces, or put the braces in a code span to show them as text; Hugo stops the build on it.',
  ]);
  assert.deepEqual(await messages('{{< figure src= >}}\n'), [
    'Shortcode “{{< figure” is not closed with “>}}”. Parameter “src” has no value. Give the parameter a value, in quotes when it has spaces; Hugo stops the build on it.',
  ]);
  assert.deepEqual(await messages('Text {{< gallery dir="x"\n'), [
    'Shortcode “{{< gallery” is not closed with “>}}”. The text ends first. End the tag with “>}}” (or “%}}” after “{{%”); Hugo stops the build on it.',
  ]);
  assert.deepEqual(await messages('{{< video intro.mp4 width="300" >}}\n'), [
    'Shortcode “video” mixes named and positional parameters. Give every parameter a name, or none; Hugo stops the build on it.',
  ]);
  assert.deepEqual(await messages('{{< note text=`never ends >}}\n'), [
    'Unbalanced quote: this shortcode parameter, a raw string between backticks, is never closed. End the value with a backtick; Hugo stops the build on it.',
  ]);
  assert.deepEqual(await messages('{{</* details >}} is not closed.\n'), [
    'Shortcode comment “{{</*” is never closed with “*/>}}”. Close the comment with “*/>}}” (or “*/%}}”); Hugo stops the build on it.',
  ]);
});

test('shortcode-syntax: pairing messages quote the tags as written, with their delimiters, word for word', async () => {
  const messages = async (body: string) => (await findings(body)).diagnostics.map((d) => d.message);
  assert.deepEqual(await messages('Text.\n\n{{% /aside %}}\n'), [
    '“{{% /aside %}}” closes a “aside” shortcode that is not open. Remove it, or add “{{% aside %}}” where its content starts; Hugo stops the build on it.',
  ]);
  assert.deepEqual(await messages('{{% details summary="More" %}}\nHidden text.\n'), [
    '“{{% details %}}” is never closed. Add “{{% /details %}}” after its content, or end the tag with “/%}}” when it has none; Hugo stops the build on it.',
  ]);
  assert.deepEqual((await findings('{{% details summary="More" /%}}\n')).diagnostics, [], 'the self-closing form the message offers');
  assert.deepEqual(await messages('{{< box >}}\n{{< tint >}}\nInside.\n{{< /box >}}\n{{< /tint >}}\n'), [
    '“{{< /box >}}” comes while “tint” is still open. “tint” was opened inside “box” on line 7: close it first, as shortcodes must nest; Hugo stops the build on it.',
  ]);
});

test('shortcode-syntax: the note about HTML comments is added only to problems inside a comment', async () => {
  const { diagnostics, spans } = await findings('{{< /first >}}<!-- {{< /gone >}} -->{{< /left >}}\n');
  assert.deepEqual(spans, ['{{< /first >}}', '{{< /gone >}}', '{{< /left >}}']);
  assert.deepEqual(diagnostics.map((d) => d.message), [
    '“{{< /first >}}” closes a “first” shortcode that is not open. Remove it, or add “{{< first >}}” where its content starts; Hugo stops the build on it.',
    '“{{< /gone >}}” closes a “gone” shortcode that is not open. Remove it, or add “{{< gone >}}” where its content starts; Hugo stops the build on it. An HTML comment does not hide a shortcode from Hugo: write “{{</* … */>}}” to comment one out.',
    '“{{< /left >}}” closes a “left” shortcode that is not open. Remove it, or add “{{< left >}}” where its content starts; Hugo stops the build on it.',
  ]);
});

test('shortcode-syntax: the backtick advice is for raw-string quotes, not for a shortcode named raw-string', async () => {
  assert.deepEqual((await findings('{{< raw-string intro.mp4 width="300" >}}\n')).diagnostics.map((d) => d.message), [
    'Shortcode “raw-string” mixes named and positional parameters. Give every parameter a name, or none; Hugo stops the build on it.',
  ]);
});

test('shortcode-syntax: a later opening tag of the same name does not pair an opening tag', async () => {
  const files = { 'layouts/shortcodes/badge.html': '<span>{{ .Get 0 }}</span>\n' };
  assert.deepEqual((await findings('{{< badge new >}} and {{< badge old >}}\n', files)).diagnostics, []);
});

test('shortcode-syntax: a `{{< >}}` tag never closed is told to close itself with "/>}}"', async () => {
  assert.deepEqual((await findings('{{< details summary="More" >}}\nHidden text.\n')).diagnostics.map((d) => d.message), [
    '“{{< details >}}” is never closed. Add “{{< /details >}}” after its content, or end the tag with “/>}}” when it has none; Hugo stops the build on it.',
  ]);
});

test('shortcode-syntax: in a CRLF post, an unclosed raw string ends its range before the line break (found by test/fuzz)', async () => {
  // Past the \r, the range ended one unit beyond its line as an editor counts it.
  const { diagnostics, spans } = await findings('{{< note text=`never ends\r\nmore\r\n');
  assert.deepEqual(spans, ['`never ends']);
  assert.deepEqual(diagnostics[0].range.end, { line: 5, character: 25 });
});

test('shortcode-syntax: a long shortcode name is shortened in the middle, so that each first sentence stays short (checked by checkPost)', async () => {
  const long = `${'a'.repeat(60)}-${'b'.repeat(60)}`;
  const other = `${'c'.repeat(60)}-${'d'.repeat(60)}`;
  const body = [`{{< /${long} >}}`, `{{< ${long} >}}\n{{< ${other} >}}\n{{< /${long} >}}\n{{< /${other} >}}`, `{{< ${long} a x="1" >}}`, `{{< ${long} x= >}}`].join('\n\n');
  const { diagnostics } = await findings(`${body}\n`);
  assert.deepEqual(
    diagnostics.map((d) => d.message.split('. ')[0]),
    [
      `“{{< /${'a'.repeat(19)}…${'b'.repeat(7)} >}}” closes a “${'a'.repeat(13)}…${'b'.repeat(6)}” shortcode that is not open`,
      `“{{< /${'a'.repeat(20)}…${'b'.repeat(8)} >}}” comes while “${'c'.repeat(18)}…${'d'.repeat(9)}” is still open`,
      `Shortcode “${'a'.repeat(26)}…${'b'.repeat(13)}” mixes named and positional parameters`,
      `Shortcode “{{< ${'a'.repeat(22)}…${'b'.repeat(13)}” is not closed with “>}}”`,
    ],
  );
});
