import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPost, hugoSite, only, rangeText } from '../helpers/memory-workspace';

const FRONT = '---\ntitle: Harbour day\ndate: 2025-03-01\nauthor: alice\n---\n\n';

async function missing(body: string) {
  const text = FRONT + body;
  const diagnostics = only(await checkPost(hugoSite({ 'content/blog/p.md': text }), 'content/blog/p.md'), 'image-alt-missing');
  return { text, diagnostics };
}

/** The text after applying a diagnostic's first fix. */
function applied(text: string, diagnostic: { fixes: { edits: { range: { start: { line: number; character: number } }; newText: string }[] }[] }): string {
  const lines = text.split('\n');
  const edit = diagnostic.fixes[0].edits[0];
  const line = lines[edit.range.start.line];
  lines[edit.range.start.line] = line.slice(0, edit.range.start.character) + edit.newText + line.slice(edit.range.start.character);
  return lines.join('\n');
}

test('image-alt-missing: an <img> with no alt, with a snippet to type the description into', async () => {
  const { text, diagnostics } = await missing('Boats at dawn: <img src="/img/boats-dawn.jpg" width="600">\n');
  const [diagnostic, ...rest] = diagnostics;
  assert.equal(rest.length, 0);
  assert.equal(diagnostic.severity, 'error');
  assert.equal(rangeText(text, diagnostic), '<img src="/img/boats-dawn.jpg" width="600">');
  assert.match(diagnostic.message, /no “alt” attribute\./);
  assert.match(diagnostic.message, /the file name \(“boats-dawn\.jpg”\)/);
  const [fix] = diagnostic.fixes;
  assert.equal(fix.safe, false, 'a person has to write the description: never applied by --fix');
  assert.equal(fix.edits[0].newText, ' alt="${1:describe the image}"');
  assert.match(applied(text, diagnostic), /<img alt="\$\{1:describe the image\}" src="\/img\/boats-dawn\.jpg"/);
});

test('image-alt-missing: img and figure shortcodes with no alt parameter; a figure with a caption has one, as Hugo takes the caption for it', async () => {
  const { text, diagnostics } = await missing(
    '{{< img src="/img/net.png" width="300" >}}\n\n{{< figure src="/img/crane.png" title="Crane" >}}\n\n{{< figure src="/img/quay.png" caption="The quay at dawn" >}}\n',
  );
  assert.deepEqual(
    diagnostics.map((d) => rangeText(text, d)),
    ['{{< img src="/img/net.png" width="300" >}}', '{{< figure src="/img/crane.png" title="Crane" >}}'],
  );
  assert.match(diagnostics[0].message, /“img” shortcode has no “alt” parameter\./);
  assert.match(applied(text, diagnostics[0]), /\{\{< img alt="\$\{1:describe the image\}" src=/);
  assert.match(applied(text, diagnostics[1]), /\{\{< figure alt="\$\{1:describe the image\}" src=/);
});

test('image-alt-missing: a shortcode with positional parameters is reported, with no fix (Hugo refuses to mix them)', async () => {
  const { diagnostics } = await missing('{{< img "/img/net.png" >}}\n');
  assert.equal(diagnostics.length, 1);
  assert.deepEqual(diagnostics[0].fixes, []);
});

test('image-alt-missing: a decorative image with no alt is offered alt=""', async () => {
  const { diagnostics } = await missing('<img src="/img/wave-divider.svg" role="presentation">\n');
  assert.equal(diagnostics.length, 1);
  assert.match(diagnostics[0].message, /marked decorative/);
  assert.equal(diagnostics[0].fixes[0].edits[0].newText, ' alt=""');
});

test('image-alt-missing: images with an alt, even an empty one, and Markdown images are not its business', async () => {
  const { diagnostics } = await missing(
    [
      '<img src="/img/a.png" alt="Fishing nets drying on the quay">',
      '<img src="/img/b.png" alt="">',
      '{{< img src="/img/c.png" alt="A lighthouse in fog" >}}',
      '![](/img/d.png) ![Gulls](/img/e.png)',
      '',
    ].join('\n\n'),
  );
  assert.deepEqual(diagnostics, []);
});

test('image-alt-missing: never in code spans, fenced code, HTML comments or front matter', async () => {
  const text = '---\ntitle: Harbour day\ndate: 2025-03-01\nauthor: alice\ndescription: \'<img src="/img/x.png">\'\n---\n\nUse `<img src="/img/a.png">` in templates.\n\n```html\n<img src="/img/b.png">\n{{< img src="/img/c.png" >}}\n```\n\n<!-- <img src="/img/d.png"> -->\n';
  const diagnostics = only(await checkPost(hugoSite({ 'content/blog/p.md': text }), 'content/blog/p.md'), 'image-alt-missing');
  assert.deepEqual(diagnostics, []);
});

const ADVICE = 'add “alt="…"” saying what the image shows (or “alt=""” with “role="presentation"” if it is only decoration).';

test('image-alt-missing: the fixes are titled for what they add, and preferred', async () => {
  const { diagnostics } = await missing('<img src="/img/a.png">\n\n<img src="/img/rule.svg" role="presentation">\n');
  // Both tags start a body line (6 and 8): `<img` ends at character 4.
  assert.deepEqual(
    diagnostics.map((d) => d.fixes),
    [
      [
        {
          title: 'Add an “alt” attribute',
          safe: false,
          preferred: true,
          edits: [{ range: { start: { line: 6, character: 4 }, end: { line: 6, character: 4 } }, newText: ' alt="${1:describe the image}"' }],
        },
      ],
      [{ title: 'Add “alt=""”', safe: false, preferred: true, edits: [{ range: { start: { line: 8, character: 4 }, end: { line: 8, character: 4 } }, newText: ' alt=""' }] }],
    ],
  );
  assert.equal(diagnostics[1].message, 'This <img> has no “alt” attribute, although it is marked decorative. Add “alt=""” so that screen readers skip it.');
});

test('image-alt-missing: with no file name to quote, the message says so plainly; a query and fragment are not part of the name', async () => {
  const { diagnostics } = await missing('<img width="600">\n\n<img src="/img/x.png?v=2#top">\n');
  assert.deepEqual(
    diagnostics.map((d) => d.message),
    [
      `This <img> has no “alt” attribute. Screen readers get the file name or nothing: ${ADVICE}`,
      `This <img> has no “alt” attribute. Screen readers get the file name (“x.png”) or nothing: ${ADVICE}`,
    ],
  );
});

test('image-alt-missing: a shortcode with no parameters gets the fix; one mixing positional and named ones gets none', async () => {
  const { text, diagnostics } = await missing('{{< img >}}\n\n{{< figure "/img/a.png" title="Nets" >}}\n');
  assert.deepEqual(diagnostics.map((d) => rangeText(text, d)), ['{{< img >}}', '{{< figure "/img/a.png" title="Nets" >}}']);
  assert.equal(diagnostics[0].message, `This “img” shortcode has no “alt” parameter. Screen readers get the file name or nothing: ${ADVICE}`);
  // `{{< img` ends at character 7 of body line 6.
  assert.deepEqual(diagnostics[0].fixes[0].edits, [{ range: { start: { line: 6, character: 7 }, end: { line: 6, character: 7 } }, newText: ' alt="${1:describe the image}"' }]);
  assert.deepEqual(diagnostics[1].fixes, []);
});

test('image-alt-missing: a decorative shortcode is told so in its first sentence; a long file name is quoted with its middle left out', async () => {
  const name = `harbour-${'festival-'.repeat(10)}poster.png`;
  const { diagnostics } = await missing(`{{< figure src="/img/quay.png" role="presentation" >}}\n\n<img src="/img/${name}">\n`);
  assert.deepEqual(
    diagnostics.map((d) => d.message),
    [
      'This “figure” shortcode has no “alt” parameter, although it is marked decorative. Add “alt=""” so that screen readers skip it.',
      // 80 characters of the name: its first 53, an ellipsis and its last 26.
      `This <img> has no “alt” attribute. Screen readers get the file name (“harbour-${'festival-'.repeat(5)}…stival-festival-poster.png”) or nothing: ${ADVICE}`,
    ],
  );
});

test('image-alt-missing: an <img> in a figure whose figcaption has text is a warning that says the caption is read out', async () => {
  const { text, diagnostics } = await missing(
    [
      'Our stall on the first morning.',
      '<figure>',
      '    <img src="/img/market-stall.png"/>',
      '    <figcaption><div class="figure-title">The market stall</div></figcaption>',
      '</figure>',
      '',
      '<figure><img src="/img/crates.png"></figure>',
      '',
    ].join('\n'),
  );
  assert.deepEqual(
    diagnostics.map((d) => [rangeText(text, d), d.severity]),
    [
      ['<img src="/img/market-stall.png"/>', 'warning'],
      ['<img src="/img/crates.png">', 'error'],
    ],
  );
  assert.equal(
    diagnostics[0].message,
    'This <img> has no “alt” attribute. Its figure’s caption is read out, but the image itself may be announced by the file name (“market-stall.png”): add “alt="…"” saying what it shows, if only in a few words.',
  );
  assert.match(applied(text, diagnostics[0]), /<img alt="\$\{1:describe the image\}" src="\/img\/market-stall\.png"/);
});

test('image-alt-missing: a figure whose caption is Markdown between HTML blocks counts as captioned; a blank caption does not', async () => {
  const { diagnostics } = await missing(
    ['<figure>', '<img src="/img/nets.png">', '', '<figcaption>', '', 'Nets *drying* on the quay', '', '</figcaption>', '</figure>', '', '<figure><img src="/img/ropes.png"><figcaption> </figcaption></figure>', ''].join('\n'),
  );
  assert.deepEqual(
    diagnostics.map((d) => d.severity),
    ['warning', 'error'],
  );
});

test('image-alt-missing: a decorative image in a captioned figure is still asked for alt="", as an error', async () => {
  const { diagnostics } = await missing('<figure><img src="/img/wave.svg" role="presentation"><figcaption>Waves</figcaption></figure>\n');
  assert.equal(diagnostics[0].severity, 'error');
  assert.match(diagnostics[0].message, /marked decorative/);
});

test('image-alt-missing: a site shortcode whose template takes the caption for alt, as Hugo\'s figure does, is spared when it has a caption; one that shows it only in a figcaption is a warning; one that does neither an error', async () => {
  const body =
    '{{% img src="/img/net.png" caption="Nets drying on the quay" %}}\n\n{{< figure src="/img/crane.png" caption="The crane" >}}\n\n{{< img src="/img/rope.png" >}}\n';
  const text = FRONT + body;
  const site = hugoSite({
    'content/blog/p.md': text,
    // Copied from Hugo's old figure, as many sites did: the caption when there is no alt.
    'layouts/shortcodes/img.html': '<figure><img src="{{ .Get "src" }}" alt="{{ with .Get "alt" }}{{ . }}{{ else }}{{ .Get "caption" }}{{ end }}" /><figcaption>{{ .Get "caption" }}</figcaption></figure>',
    // The site's own figure replaces Hugo's: the image has no alt, the caption is shown beneath it.
    'layouts/shortcodes/figure.html': '<figure><img src="{{ .Get "src" }}"{{ with .Get "alt" }} alt=\'{{ . }}\'{{ end }}>{{ with .Get "caption" }}<figcaption>{{ . }}</figcaption>{{ end }}</figure>',
  });
  const found = only(await checkPost(site, 'content/blog/p.md'), 'image-alt-missing').map((d) => [rangeText(text, d), d.severity, d.message.split('.')[1]]);
  assert.deepEqual(found, [
    ['{{< figure src="/img/crane.png" caption="The crane" >}}', 'warning', ' Its figure’s caption is read out, but the image itself may be announced by the file name (“crane'],
    ['{{< img src="/img/rope.png" >}}', 'error', ' Screen readers get the file name (“rope'],
  ]);
});
