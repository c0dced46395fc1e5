import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bodyFindings, fixUntilStable, postWith } from '../helpers/link-fixes';
import { checkPost, hugoSite, only, rangeText } from '../helpers/memory-workspace';

const RULE = 'link-insecure';

const findings = (body: string, options: { config?: string; baseURL?: string } = {}) => bodyFindings(RULE, body, options);

test('link-insecure: http:// in every kind of link and image source', async () => {
  const { diagnostics, ranges } = await findings(
    [
      'See [the co-op](http://coop.example/about) and http://bare.example/ and <http://auto.example/>.',
      '![Field](http://img.example/field.jpg)',
      '<a href="http://html.example/">the map</a> <img src="http://img.example/b.png" alt="B">',
      '{{< button link="http://button.example/" text="Join" >}}',
      '',
    ].join('\n'),
  );
  assert.deepEqual(ranges, [
    'http://coop.example/about',
    'http://bare.example/',
    'http://auto.example/',
    'http://img.example/field.jpg',
    'http://html.example/',
    'http://img.example/b.png',
    'http://button.example/',
  ]);
  assert.equal(diagnostics[0].severity, 'warning');
  assert.match(diagnostics[0].message, /Insecure link “http:\/\/coop\.example\/about”: it travels unencrypted\. .*use “https:\/\/” if coop\.example serves it.*allowHosts/);
  assert.match(diagnostics[3].message, /Insecure image/);
});

test('link-insecure: the upgrade is an editor suggestion for unknown hosts, and edits only the scheme', async () => {
  const { text, diagnostics } = await findings('[Old page](http://old.example/p)\n');
  const [fix] = diagnostics[0].fixes;
  assert.equal(fix.safe, false);
  assert.equal(fix.edits.length, 1);
  assert.equal(fix.edits[0].newText, 'https');
  assert.equal(text.split('\n')[fix.edits[0].range.start.line].slice(fix.edits[0].range.start.character, fix.edits[0].range.end.character), 'http');
});

test('link-insecure: safe for httpsHosts and for the site\u2019s own https host (with or without www.)', async () => {
  const body = '[A](http://www.example.org/blog/) [B](http://docs.known.example/x) [C](http://elsewhere.example/)\n';
  const { diagnostics } = await findings(body, { config: '{ "rules": { "link-insecure": ["warn", { "httpsHosts": ["docs.known.example"] }] } }' });
  assert.deepEqual(diagnostics.map((d) => d.fixes[0].safe), [true, true, false]);
  assert.match(diagnostics[0].message, /example\.org serves https, so use “https:\/\/”\./);
  const plain = await findings('[A](http://example.org/blog/)\n', { baseURL: 'http://example.org/' });
  assert.equal(plain.diagnostics[0].fixes[0].safe, false, 'a site published over http gives no promise');
});

test('link-insecure: --fix upgrades the safe ones, once per reference definition, and stops', async () => {
  const body = '[One][home] and [two][home] and [C](http://elsewhere.example/)\n\n[home]: http://example.org/\n';
  const site = hugoSite({ 'content/blog/p.md': postWith(body) });
  const before = only(await checkPost(site, 'content/blog/p.md'), RULE);
  assert.deepEqual(before.map((d) => rangeText(postWith(body), d)), ['http://elsewhere.example/', 'http://example.org/']);
  assert.equal(before[1].range.start.line, 7, 'on the definition');
  const { text, left } = await fixUntilStable(site, 'content/blog/p.md', RULE);
  assert.equal(text, postWith('[One][home] and [two][home] and [C](http://elsewhere.example/)\n\n[home]: https://example.org/\n'));
  assert.equal(left, 1, 'only the unknown host is left, for a person');
});

test('link-insecure: with tracking parameters on the same URL, both fixes apply', async () => {
  const site = hugoSite({ 'content/blog/p.md': postWith('[Talk](http://example.org/talk?utm_source=news&id=7#notes)\n') });
  const { text, left } = await fixUntilStable(site, 'content/blog/p.md', RULE, 'link-tracking-params');
  assert.equal(text, postWith('[Talk](https://example.org/talk?id=7#notes)\n'));
  assert.equal(left, 0);
  assert.equal(only(await checkPost(site, 'content/blog/p.md'), 'link-tracking-params').length, 0);
});

test('link-insecure: localhost, allowHosts, https and relative links are fine', async () => {
  const { diagnostics } = await findings(
    [
      '[Dev](http://localhost:1313/) [Loop](http://127.0.0.1:8080/x) [v6](http://[::1]/)',
      '[Legacy](http://legacy.example/) [Sub](http://a.wild.example/) [S](https://secure.example/) [Rel](../other/)',
      '`http://code.example/`',
      '<!-- [old](http://comment.example/) -->',
      '',
    ].join('\n'),
    { config: '{ "rules": { "link-insecure": ["warn", { "allowHosts": ["legacy.example", "*.wild.example"] }] } }' },
  );
  assert.deepEqual(diagnostics, []);
});

test('link-insecure: the scheme is matched in any case (HTTP://, Http://, hTTp://), and the fix edits it as written', async () => {
  const { text, diagnostics, ranges } = await findings(
    [
      '[Upper](HTTP://upper.example/a) [Title](Http://title.example/b) ![Mixed](hTTp://mixed.example/c.png)',
      '<a href="HTTP://html.example/">map</a> [Secure](HTTPS://secure.example/) [Odd](hTTps://odd.example/) <img src="Https://img.example/x.png" alt="X">',
      '',
    ].join('\n'),
  );
  assert.deepEqual(ranges, ['HTTP://upper.example/a', 'Http://title.example/b', 'hTTp://mixed.example/c.png', 'HTTP://html.example/']);
  assert.deepEqual(diagnostics.map((d) => d.message), [
    "Insecure link “HTTP://upper.example/a”: it travels unencrypted. Browsers may warn; use “https://” if upper.example serves it (most sites do), or add the host to the rule’s allowHosts if it does not.",
    "Insecure link “Http://title.example/b”: it travels unencrypted. Browsers may warn; use “https://” if title.example serves it (most sites do), or add the host to the rule’s allowHosts if it does not.",
    "Insecure image “hTTp://mixed.example/c.png”: it travels unencrypted. Browsers may warn; use “https://” if mixed.example serves it (most sites do), or add the host to the rule’s allowHosts if it does not.",
    "Insecure link “HTTP://html.example/”: it travels unencrypted. Browsers may warn; use “https://” if html.example serves it (most sites do), or add the host to the rule’s allowHosts if it does not.",
  ]);
  const lines = text.split('\n');
  const replaced = diagnostics.map((d) => {
    const { range, newText } = d.fixes[0].edits[0];
    return [lines[range.start.line].slice(range.start.character, range.end.character), newText];
  });
  assert.deepEqual(replaced, [['HTTP', 'https'], ['Http', 'https'], ['hTTp', 'https'], ['HTTP', 'https']]);
});

test('link-insecure: hosts compare in any case: allowHosts, httpsHosts and an upper-case https baseURL', async () => {
  const config = '{ "rules": { "link-insecure": ["warn", { "allowHosts": ["legacy.example"], "httpsHosts": ["docs.known.example"] }] } }';
  const body = '[L](HTTP://LEGACY.Example/) [D](HTTP://Docs.Known.Example/x) [O](HTTP://WWW.EXAMPLE.ORG/blog/) [U](http://Unknown.Example/)\n';
  const { diagnostics, ranges } = await findings(body, { config, baseURL: 'HTTPS://Example.org/' });
  assert.deepEqual(ranges, ['HTTP://Docs.Known.Example/x', 'HTTP://WWW.EXAMPLE.ORG/blog/', 'http://Unknown.Example/']);
  assert.deepEqual(diagnostics.map((d) => [d.message, d.fixes[0].safe]), [
    ['Insecure link “HTTP://Docs.Known.Example/x”: it travels unencrypted. docs.known.example serves https, so use “https://”.', true],
    ['Insecure link “HTTP://WWW.EXAMPLE.ORG/blog/”: it travels unencrypted. www.example.org serves https, so use “https://”.', true],
    [
      "Insecure link “http://Unknown.Example/”: it travels unencrypted. Browsers may warn; use “https://” if unknown.example serves it (most sites do), or add the host to the rule’s allowHosts if it does not.",
      false,
    ],
  ]);
});

test('link-insecure: --fix turns an upper-case HTTP:// into https://, keeping the rest as written', async () => {
  const site = hugoSite({ 'content/blog/p.md': postWith('[Home](HTTP://Example.org/Blog/)\n') });
  const { text, left } = await fixUntilStable(site, 'content/blog/p.md', RULE);
  assert.equal(text, postWith('[Home](https://Example.org/Blog/)\n'));
  assert.equal(left, 0);
});

test('link-insecure: every loopback form is fine, but only the exact forms', async () => {
  const { ranges } = await findings(
    [
      '[A](http://app.localhost:3000/) [B](http://0.0.0.0:8000/) [C](http://127.10.20.30/)',
      '[D](http://1127.0.0.1/) [E](http://127.0.0.1.evil.example/) [F](http://localhost.evil.example/) [G](http://mylocalhost/)',
      '',
    ].join('\n'),
  );
  assert.deepEqual(ranges, ['http://1127.0.0.1/', 'http://127.0.0.1.evil.example/', 'http://localhost.evil.example/', 'http://mylocalhost/']);
});

test('link-insecure: http:// only at the start, not in a template, and not without a host', async () => {
  const { diagnostics } = await findings('[A](https://x.example/?u=http://y.example/) [B](http://x.example/{{.Params.slug}}) [C](http:///x)\n');
  assert.deepEqual(diagnostics, []);
});

test('link-insecure: a padded attribute is reported without its blanks, and the fix is complete', async () => {
  const { diagnostics, ranges } = await findings('<a href="  http://pad.example/ ">pad</a>\n');
  assert.deepEqual(ranges, ['http://pad.example/']);
  // The body is line 5; `<a href="  ` is 11 characters.
  const at = (character: number) => ({ line: 5, character });
  assert.deepEqual(diagnostics[0].fixes, [
    { title: 'Use “https://”', safe: false, preferred: true, edits: [{ range: { start: at(11), end: at(15) }, newText: 'https' }] },
  ]);
});

test('link-insecure: the site\u2019s own host is read from a padded baseURL, and only a leading www. is set aside', async () => {
  const own = await findings('[A](http://example.org/x)\n', { baseURL: '"  https://example.org/"' });
  assert.deepEqual(own.diagnostics.map((d) => [d.message, d.fixes[0].safe]), [
    ['Insecure link “http://example.org/x”: it travels unencrypted. example.org serves https, so use “https://”.', true],
  ]);
  const shop = await findings('[B](http://shop.www.example.org/) [C](http://www.shop.example.org/)\n', { baseURL: 'https://shop.example.org/' });
  assert.deepEqual(shop.diagnostics.map((d) => [d.message, d.fixes[0].safe]), [
    [
      "Insecure link “http://shop.www.example.org/”: it travels unencrypted. Browsers may warn; use “https://” if shop.www.example.org serves it (most sites do), or add the host to the rule’s allowHosts if it does not.",
      false,
    ],
    ['Insecure link “http://www.shop.example.org/”: it travels unencrypted. www.shop.example.org serves https, so use “https://”.', true],
  ]);
});

test('link-insecure: a site without a baseURL has no own host, and no hosts are allowed or known unless configured', async () => {
  const site = hugoSite({ 'hugo.yaml': 'title: No base\n', 'content/blog/p.md': postWith('[A](http://example.org/x)\n') });
  const diagnostics = only(await checkPost(site, 'content/blog/p.md'), RULE);
  assert.deepEqual(diagnostics.map((d) => [d.message, d.fixes[0].safe]), [
    ["Insecure link “http://example.org/x”: it travels unencrypted. Browsers may warn; use “https://” if example.org serves it (most sites do), or add the host to the rule’s allowHosts if it does not.", false],
  ]);
});

test('link-insecure: a long URL is shortened in the middle in the first sentence; the host is named whole', async () => {
  const url = 'http://events.example.org/sites/events/files/slides/Running%20a%20Successful%20Open%20Source%20Project%20-%20Slides.pdf';
  const { diagnostics } = await findings(`[Slides](${url})\n`);
  assert.deepEqual(diagnostics.map((d) => d.message), [
    'Insecure link “http://events.example.org/sites/events…ct%20-%20Slides.pdf”: it travels unencrypted. Browsers may warn; use “https://” if events.example.org serves it (most sites do), or add the host to the rule’s allowHosts if it does not.',
  ]);
});

test('link-insecure: addresses that exist only on a private network are fine: RFC 1918, link-local, CGNAT, IPv6 unique-local and link-local', async () => {
  const { ranges } = await findings(
    [
      '[lab VM](http://10.5.0.2:30128) [router](http://192.168.1.1/) [NAS](http://172.16.0.9/) [edge](http://172.31.255.254/)',
      '[link-local](http://169.254.10.20/) [CGNAT](http://100.64.0.1/) [CGNAT end](http://100.127.255.254/)',
      '[ULA](http://[fd12:3456::1]:8080/) [fc](http://[fc00::2]/) [v6 link-local](http://[fe80::1]/) [mapped](http://[::ffff:10.0.0.7]/)',
      '',
    ].join('\n'),
  );
  assert.deepEqual(ranges, []);
});

test('link-insecure: public addresses next to the private ranges are still reported', async () => {
  const { ranges } = await findings(
    [
      '[a](http://11.0.0.1/) [b](http://172.32.0.1/) [c](http://172.15.255.255/) [d](http://192.169.0.1/)',
      '[e](http://100.128.0.1/) [f](http://169.255.0.1/) [g](http://[2001:db8::1]/) [h](http://[::ffff:8.8.8.8]/) [i](http://10.0.0.1.evil.example/)',
      '',
    ].join('\n'),
  );
  assert.deepEqual(ranges, [
    'http://11.0.0.1/',
    'http://172.32.0.1/',
    'http://172.15.255.255/',
    'http://192.169.0.1/',
    'http://100.128.0.1/',
    'http://169.255.0.1/',
    'http://[2001:db8::1]/',
    'http://[::ffff:8.8.8.8]/',
    'http://10.0.0.1.evil.example/',
  ]);
});

test('link-insecure: special-use private names are fine (.local, .home.arpa, .internal, a cluster’s .svc.cluster.local); look-alikes and .lan are not', async () => {
  const { ranges } = await findings(
    [
      '[printer](http://printer.local/) [pod](http://grafana.monitoring.svc.cluster.local:3000/) [home](http://nas.home.arpa/) [corp](http://wiki.internal/) [dot](http://printer.local./)',
      '[a](http://local.example/) [b](http://mylocal/) [c](http://home.arpa.example/) [d](http://internal.example.org/) [e](http://router.lan/)',
      '',
    ].join('\n'),
  );
  assert.deepEqual(ranges, ['http://local.example/', 'http://mylocal/', 'http://home.arpa.example/', 'http://internal.example.org/', 'http://router.lan/']);
});
