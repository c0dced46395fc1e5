import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bodyFindings, fixUntilStable, postWith } from '../helpers/link-fixes';
import { hugoSite } from '../helpers/memory-workspace';

const RULE = 'link-no-scheme';

const findings = (body: string) => bodyFindings(RULE, body);

test('link-no-scheme: a www. or host.tld destination without https://', async () => {
  const { diagnostics, ranges } = await findings(
    [
      'The [slides](www.slides.example/talk-2016) and [the repo](github.com/garden/seeds).',
      '<a href="www.html.example/x">map</a>',
      '{{< button link="www.button.example/join" text="Join" >}}',
      '![Logo](www.img.example/logo.png)',
      '',
    ].join('\n'),
  );
  assert.deepEqual(ranges, ['www.slides.example/talk-2016', 'github.com/garden/seeds', 'www.html.example/x', 'www.button.example/join', 'www.img.example/logo.png']);
  assert.equal(diagnostics[0].severity, 'error');
  assert.match(diagnostics[0].message, /“www\.slides\.example\/talk-2016” has no scheme, so it is a relative link\..*add “https:\/\/” in front/);
  assert.equal(diagnostics[0].fixes[0].safe, true);
});

test('link-no-scheme: an e-mail address as a destination needs mailto:', async () => {
  const { diagnostics, ranges } = await findings('[Write to us](team@garden.example)\n');
  assert.deepEqual(ranges, ['team@garden.example']);
  assert.match(diagnostics[0].message, /write “mailto:team@garden\.example”\./);
  assert.equal(diagnostics[0].fixes[0].edits[0].newText, 'mailto:');
});

test('link-no-scheme: --fix adds the scheme, once for a shared definition, and the rule is then quiet', async () => {
  const site = hugoSite({ 'content/blog/p.md': postWith('[a](www.a.example/x) [b][def] [c][def] [d](team@garden.example)\n\n[def]: www.b.example\n') });
  const { text, left } = await fixUntilStable(site, 'content/blog/p.md', RULE);
  assert.equal(text, postWith('[a](https://www.a.example/x) [b][def] [c][def] [d](mailto:team@garden.example)\n\n[def]: https://www.b.example\n'));
  assert.equal(left, 0);
});

test('link-no-scheme: bare www. in prose (GFM links it), relative files and real URLs are fine', async () => {
  const { diagnostics } = await findings(
    [
      'Visit www.garden.example today, or <https://auto.example/>.',
      '[Post](../other-post/) [Image](chart.png) [Notes](notes.md) [Script](setup.sh) [Top](#top) [Root](/about/)',
      '[Site](https://www.garden.example/) [Mail](mailto:a@b.example) [Proto](//cdn.example/x.js)',
      '`[code](www.code.example)`',
      '<!-- [old](www.comment.example) -->',
      '',
    ].join('\n'),
  );
  assert.deepEqual(diagnostics, []);
});

test('link-no-scheme: a scheme in any case is a scheme; www. and the top-level domain in any case still need one', async () => {
  const { diagnostics, ranges } = await findings(
    [
      '[A](HTTP://www.upper.example/x) [B](Https://example.com/) [C](hTTps://example.org/) [D](MAILTO:team@garden.example)',
      '[E](WWW.Shout.example/x) [F](Garden.COM/seeds)',
      '',
    ].join('\n'),
  );
  assert.deepEqual(ranges, ['WWW.Shout.example/x', 'Garden.COM/seeds']);
  assert.deepEqual(diagnostics.map((d) => d.message), [
    "“WWW.Shout.example/x” has no scheme, so it is a relative link. The browser looks for it under this post’s own address: add “https://” in front.",
    "“Garden.COM/seeds” has no scheme, so it is a relative link. The browser looks for it under this post’s own address: add “https://” in front.",
  ]);
});

test('link-no-scheme: every listed top-level domain marks a host, and the host ends at /, ? or #', async () => {
  const { ranges } = await findings(
    [
      '[A](garden.net/x) [B](garden.org) [C](garden.io/x) [D](garden.dev) [E](garden.edu/x) [F](garden.gov)',
      '[G](a.com) [H](x-y.com/p) [I](garden.org?x=1) [J](garden.org#top) [K](www.garden.example?x) [L](www.garden.example#x)',
      '',
    ].join('\n'),
  );
  assert.deepEqual(ranges, [
    'garden.net/x', 'garden.org', 'garden.io/x', 'garden.dev', 'garden.edu/x', 'garden.gov',
    'a.com', 'x-y.com/p', 'garden.org?x=1', 'garden.org#top', 'www.garden.example?x', 'www.garden.example#x',
  ]);
});

test('link-no-scheme: a lone www, a name that is no host name, or a colon later in a host path', async () => {
  const { ranges } = await findings(
    [
      '[A](www/page) [B](my_site.com/x) [C](a..com) [D](-a.com) [E](a-.com) [F](garden.md) [G](garden.example/www.x.com)',
      '[H](www.garden.example/a:b)',
      '',
    ].join('\n'),
  );
  // Only the last is an address: its colon comes after the host, so it is no scheme.
  assert.deepEqual(ranges, ['www.garden.example/a:b']);
});

test('link-no-scheme: e-mail addresses: any case, several domain labels; not without a dot or with a path', async () => {
  const { diagnostics, ranges } = await findings(
    '[A](Team@Garden.Example) [B](team@mail.garden.example) [C](team@garden) [D](team@garden.example/x) [E](<a b@garden.example>) [F](.team@garden.example)\n',
  );
  assert.deepEqual(ranges, ['Team@Garden.Example', 'team@mail.garden.example']);
  assert.deepEqual(diagnostics.map((d) => d.message), [
    '“Team@Garden.Example” has no “mailto:”, so it is a relative link. It leads to a page that does not exist: write “mailto:Team@Garden.Example”.',
    '“team@mail.garden.example” has no “mailto:”, so it is a relative link. It leads to a page that does not exist: write “mailto:team@mail.garden.example”.',
  ]);
});

test('link-no-scheme: an e-mail autolink or a bare address in prose already works', async () => {
  const { diagnostics } = await findings('Write to <team@garden.example> or bare@garden.example today.\n');
  assert.deepEqual(diagnostics, []);
});

test('link-no-scheme: a templated destination is left to Hugo', async () => {
  const { diagnostics } = await findings('[Post](www.garden.example/{{.Params.slug}})\n');
  assert.deepEqual(diagnostics, []);
});

test('link-no-scheme: a padded attribute is reported without its blanks, and the fix is complete', async () => {
  const { diagnostics, ranges } = await findings('<a href="  www.pad.example/x   ">pad</a> [m](team@garden.example)\n');
  assert.deepEqual(ranges, ['www.pad.example/x', 'team@garden.example']);
  // The body is line 5; `<a href="  ` is 11 characters, and `[m](` ends at 45.
  const at = (character: number) => ({ line: 5, character });
  assert.deepEqual(diagnostics.map((d) => d.fixes), [
    [{ title: 'Add “https://”', safe: true, preferred: true, edits: [{ range: { start: at(11), end: at(11) }, newText: 'https://' }] }],
    [{ title: 'Add “mailto:”', safe: true, preferred: true, edits: [{ range: { start: at(45), end: at(45) }, newText: 'mailto:' }] }],
  ]);
});

test('link-no-scheme: a host alone, with any top-level domain of the IANA list or a trailing dot, is a host; a file name is a file', async () => {
  const { ranges } = await findings('See [the archive](ii.nz), [the club](harbour.example.org.) and [its museum](tide.museum/exhibits). Also [my notes](notes.md) and [the script](setup.sh).\n');
  assert.deepEqual(ranges, ['ii.nz', 'harbour.example.org.', 'tide.museum/exhibits']);
});
