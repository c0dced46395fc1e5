import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bodyFindings, fixUntilStable, postWith } from '../helpers/link-fixes';
import { hugoSite } from '../helpers/memory-workspace';

const RULE = 'link-tracking-params';

const findings = (body: string, config?: string) => bodyFindings(RULE, body, { config });

async function fixed(body: string, config?: string): Promise<{ text: string; left: number }> {
  const files: Record<string, string> = { 'content/blog/p.md': postWith(body) };
  if (config !== undefined) files['.postlintrc.json'] = config;
  return fixUntilStable(hugoSite(files), 'content/blog/p.md', RULE);
}

test('link-tracking-params: campaign and click identifiers, one finding per URL naming them all', async () => {
  const { diagnostics, ranges } = await findings(
    [
      'Read [the story](https://news.example/story?utm_source=newsletter&utm_medium=email&page=2).',
      'Shared from social: https://shop.example/seeds?fbclid=IwAR0abc',
      '![Chart](https://img.example/c.png?gclid=xyz)',
      '<a href="https://mail.example/?id=4&amp;mc_cid=11&amp;mc_eid=22">the issue</a>',
      '',
    ].join('\n'),
  );
  assert.deepEqual(ranges, [
    'https://news.example/story?utm_source=newsletter&utm_medium=email&page=2',
    'https://shop.example/seeds?fbclid=IwAR0abc',
    'https://img.example/c.png?gclid=xyz',
    'https://mail.example/?id=4&amp;mc_cid=11&amp;mc_eid=22',
  ]);
  assert.equal(diagnostics[0].severity, 'warning');
  assert.match(diagnostics[0].message, /This link carries the tracking parameters “utm_source” and “utm_medium”\. .*Remove them/);
  assert.match(diagnostics[2].message, /This image source carries the tracking parameter “gclid”\./);
  assert.equal(diagnostics[0].fixes[0].safe, true);
});

test('link-tracking-params: si only on YouTube and Spotify', async () => {
  const { diagnostics, ranges } = await findings(
    [
      '[Talk](https://youtu.be/abc123?si=Zx9) [Full](https://www.youtube.com/watch?v=abc123&si=Q1) [Song](https://open.spotify.com/track/1?si=ee)',
      '[Music](https://music.youtube.com/watch?v=k&si=m) [Units](https://units.example/convert?si=metric)',
      '',
    ].join('\n'),
  );
  assert.equal(ranges.length, 4);
  assert.ok(diagnostics.every((d) => /“si”/.test(d.message)));
  assert.ok(!ranges.some((r) => r.includes('units.example')));
});

test('link-tracking-params: --fix drops only the parameters, byte for byte, keeping the others and the fragment', async () => {
  const { text, left } = await fixed(
    [
      '[a](https://youtu.be/abc?si=Zx9&t=120) [b](https://x.example/p?utm_source=a&q=caf%C3%A9+au+lait&utm_medium=b#part-2)',
      '[c](https://x.example/p?utm_campaign=spring#top) <a href="https://x.example/?id=4&amp;fbclid=1&amp;lang=fr">d</a>',
      '{{< button link="https://x.example/join?ref_src=tw&from=home" text="Join" >}}',
      '',
    ].join('\n'),
  );
  assert.equal(
    text,
    postWith(
      [
        '[a](https://youtu.be/abc?t=120) [b](https://x.example/p?q=caf%C3%A9+au+lait#part-2)',
        '[c](https://x.example/p#top) <a href="https://x.example/?id=4&amp;lang=fr">d</a>',
        '{{< button link="https://x.example/join?from=home" text="Join" >}}',
        '',
      ].join('\n'),
    ),
  );
  assert.equal(left, 0);
});

test('link-tracking-params: a shared reference definition is reported and fixed once', async () => {
  const body = '[One][talk], [two][talk].\n\n[talk]: https://youtu.be/abc?si=Zx9\n';
  const { ranges } = await findings(body);
  assert.deepEqual(ranges, ['https://youtu.be/abc?si=Zx9']);
  const { text, left } = await fixed(body);
  assert.equal(text, postWith('[One][talk], [two][talk].\n\n[talk]: https://youtu.be/abc\n'));
  assert.equal(left, 0);
});

test('link-tracking-params: params adds (with * prefixes), allow removes', async () => {
  const config = '{ "rules": { "link-tracking-params": ["warn", { "params": ["campaign_*", "src"], "allow": ["utm_*"] }] } }';
  const { ranges } = await findings('[a](https://a.example/?campaign_id=1) [b](https://b.example/?src=x) [c](https://c.example/?utm_source=y)\n', config);
  assert.deepEqual(ranges, ['https://a.example/?campaign_id=1', 'https://b.example/?src=x']);
});

test('link-tracking-params: ordinary parameters, look-alike names, code and comments are fine', async () => {
  const { diagnostics } = await findings(
    [
      '[Search](https://s.example/?q=utm_source&page=2) [Ref](https://github.example/repo?ref=main) [Video](https://youtu.be/x?t=30)',
      '[Mail](mailto:team@garden.example?subject=utm_source) [Site](/blog/?lang=fr)',
      '`https://code.example/?utm_source=a`',
      '<!-- [old](https://comment.example/?fbclid=1) -->',
      '',
    ].join('\n'),
  );
  assert.deepEqual(diagnostics, []);
});

test('link-tracking-params: http and https in any case are web links; other schemes in any case are left alone', async () => {
  const { diagnostics, ranges } = await findings(
    [
      '[News](HTTPS://news.example/story?utm_source=x&page=2) [Old](Http://old.example/?fbclid=1) [Talk](hTTps://WWW.YouTube.COM/watch?v=abc&si=Q1)',
      '[Mail](MAILTO:team@garden.example?utm_source=x) [Mail2](mailto:team@garden.example?utm_source=x) [Chat](XMPP:room@chat.example?utm_source=x)',
      '',
    ].join('\n'),
  );
  assert.deepEqual(ranges, [
    'HTTPS://news.example/story?utm_source=x&page=2',
    'Http://old.example/?fbclid=1',
    'hTTps://WWW.YouTube.COM/watch?v=abc&si=Q1',
  ]);
  assert.deepEqual(diagnostics.map((d) => d.message), [
    single('utm_source'),
    single('fbclid'),
    single('si'),
  ]);
  const { text, left } = await fixed('[News](HTTPS://news.example/story?utm_source=x&page=2) [Talk](hTTps://WWW.YouTube.COM/watch?v=abc&si=Q1)\n');
  assert.equal(text, postWith('[News](HTTPS://news.example/story?page=2) [Talk](hTTps://WWW.YouTube.COM/watch?v=abc)\n'));
  assert.equal(left, 0);
});

/** Every campaign and click identifier the rule knows by default, written out by hand so the test does not trust the rule's list. */
const KNOWN = [
  'utm_source', 'utm_content', 'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'mc_cid', 'mc_eid',
  'igshid', 'igsh', 'ref_src', 'ref_url', '_hsenc', '_hsmi', '__hstc', '__hssc', '__hsfp', 'hsctatracking', 'mkt_tok',
  'yclid', 'ysclid', 'twclid', 'ttclid', 'li_fat_id', 's_kwcid', 'oly_anon_id', 'oly_enc_id', 'vero_id', 'wickedid',
  'rb_clickid', '_gl',
];

const single = (name: string, what = 'link') =>
  `This ${what} carries the tracking parameter “${name}”. It records who shared or clicked it and adds nothing for readers. Remove it; the address leads to the same page.`;

test('link-tracking-params: each default identifier is reported on any host', async () => {
  const body = KNOWN.map((name, i) => `[l${i}](https://any.example/p?${name}=1)`).join('\n') + '\n';
  const { diagnostics, ranges } = await findings(body);
  assert.deepEqual(ranges, KNOWN.map((name) => `https://any.example/p?${name}=1`));
  assert.deepEqual(diagnostics.map((d) => d.message), KNOWN.map((name) => single(name)));
});

test('link-tracking-params: host-specific names count only on their hosts, bare domains and subdomains alike', async () => {
  const tracked = [
    'https://youtube.com/watch?v=a&si=1', 'https://x.com/u/status/1?s=20', 'https://x.com/u/status/1?t=Ab',
    'https://twitter.com/u/status/1?s=20', 'https://mobile.twitter.com/u/status/1?t=Ab',
    'https://linkedin.com/posts/a?trk=feed', 'https://www.linkedin.com/posts/a?trackingId=Q1',
  ];
  // A site-relative link has no host: it must not pass for any of the hosts above.
  const elsewhere = ['https://other.example/?s=20&t=Ab&trk=x&trackingid=y', 'https://notyoutube.com/?si=1', '/search/?si=1&s=2&t=3&trk=4'];
  const { diagnostics, ranges } = await findings([...tracked, ...elsewhere].map((url, i) => `[l${i}](${url})`).join('\n') + '\n');
  assert.deepEqual(ranges, tracked);
  assert.deepEqual(diagnostics.map((d) => d.message), ['si', 's', 't', 's', 't', 'trk', 'trackingId'].map((name) => single(name)));
});

test('link-tracking-params: names match ignoring case and Markdown escapes, each reported once as first written', async () => {
  const { diagnostics } = await findings(
    '[a](https://a.example/?UTM_Source=x&utm_source=y) [b](https://b.example/?utm\\_medium=z&FBCLID=1&fbclid=2)\n',
  );
  assert.deepEqual(diagnostics.map((d) => d.message), [
    'This link carries the tracking parameters “UTM_Source” and “utm_source”. They record who shared or clicked it and add nothing for readers. Remove them; the address leads to the same page.',
    'This link carries the tracking parameters “utm\\_medium”, “FBCLID” and “fbclid”. They record who shared or clicked it and add nothing for readers. Remove them; the address leads to the same page.',
  ]);
});

test('link-tracking-params: the fix is titled with the names, preferred and safe, and replaces only the query', async () => {
  const { text, diagnostics } = await findings('![Chart](https://img.example/c.png?a=1&gclid=x&fbclid=y#f)\n');
  assert.equal(diagnostics.length, 1);
  assert.equal(
    diagnostics[0].message,
    'This image source carries the tracking parameters “gclid” and “fbclid”. They record who shared or clicked it and add nothing for readers. Remove them; the address leads to the same page.',
  );
  const [fix] = diagnostics[0].fixes;
  assert.equal(fix.title, 'Remove “gclid”, “fbclid”');
  assert.equal(fix.preferred, true);
  assert.equal(fix.safe, true);
  assert.equal(fix.edits.length, 1);
  assert.equal(fix.edits[0].newText, '?a=1');
  const { start, end } = fix.edits[0].range;
  assert.equal(start.line, end.line);
  assert.equal(text.split('\n')[start.line].slice(start.character, end.character), '?a=1&gclid=x&fbclid=y');
});

test('link-tracking-params: &AMP; in any case separates, empty names are kept, site-relative links count', async () => {
  const { text, left } = await fixed(
    '<a href="https://x.example/?id=4&AMP;fbclid=1&AmP;lang=fr">d</a> [e](https://x.example/?&=v&fbclid=1) [f](/blog/?utm_source=x&p=2)\n',
  );
  assert.equal(text, postWith('<a href="https://x.example/?id=4&AmP;lang=fr">d</a> [e](https://x.example/?&=v) [f](/blog/?p=2)\n'));
  assert.equal(left, 0);
});

test('link-tracking-params: configured params and allow entries match ignoring case and surrounding spaces', async () => {
  const config = '{ "rules": { "link-tracking-params": ["warn", { "params": [" SRC "], "allow": [" FBCLID "] }] } }';
  const { ranges } = await findings('[a](https://a.example/?src=x) [b](https://b.example/?fbclid=y) [c](https://c.example/?gclid=z)\n', config);
  assert.deepEqual(ranges, ['https://a.example/?src=x', 'https://c.example/?gclid=z']);
});

test('link-tracking-params: a name without a value counts; a ? in the fragment or a templated URL is left alone', async () => {
  const { diagnostics, ranges } = await findings(
    '[a](https://a.example/?fbclid&x=1) [b](https://b.example/#top?utm_source=x) {{< button link="https://c.example/{{ .Site.Params.x }}?utm_source=x" >}}\n',
  );
  assert.deepEqual(ranges, ['https://a.example/?fbclid&x=1']);
  assert.deepEqual(diagnostics.map((d) => d.message), [single('fbclid')]);
  assert.equal(diagnostics[0].fixes[0].edits[0].newText, '?x=1');
});

test('link-tracking-params: a blank configured name flags nothing, not even parameters without a name', async () => {
  const config = '{ "rules": { "link-tracking-params": ["warn", { "params": [""] }] } }';
  const { diagnostics } = await findings('[a](https://a.example/?=x&b=1) [b](https://b.example/?&&c=2)\n', config);
  assert.deepEqual(diagnostics, []);
});

test('link-tracking-params: names that only begin like a known one, and schemes that only contain http, are left alone', async () => {
  const { diagnostics } = await findings(
    '[a](https://a.example/?fbclix=1&units=2&utm=3) [b](git+https://b.example/repo?utm_source=x) [c](httpx://c.example/?fbclid=1)\n',
  );
  assert.deepEqual(diagnostics, []);
});

test('link-tracking-params: declares itself fixable, as every finding carries a safe fix', async () => {
  const { default: rule } = await import('../../server/engine/rules/link-tracking-params');
  assert.equal(rule.meta.fixable, 'safe');
});

test('link-tracking-params: campaign tags that name this site as their source are its own attribution, not reported; click ids still are', async () => {
  const body = '[Register](https://events.example/fair?utm_source=example&utm_medium=blog) [Tickets](https://events.example/t?utm_source=example&fbclid=abc) [Copied](https://events.example/x?utm_source=newsletter)\n';
  const { ranges, diagnostics } = await bodyFindings('link-tracking-params', body);
  assert.deepEqual(ranges, ['https://events.example/t?utm_source=example&fbclid=abc', 'https://events.example/x?utm_source=newsletter']);
  assert.match(diagnostics[0].message, /This link carries the tracking parameter “fbclid”\./);
  assert.equal(diagnostics[0].fixes[0].edits[0].newText, '?utm_source=example');
});

test('link-tracking-params: the campaign tags Unsplash asks for on a photo credit are kept; other hosts, and click ids on Unsplash, are still reported', async () => {
  const body =
    'Photo by [A. Gardener](https://unsplash.com/@gardener?utm_source=my_blog&utm_medium=referral) on [Unsplash](https://www.unsplash.com/photos/abc?utm_content=creditCopyText&utm_medium=referral&utm_source=unsplash). ' +
    '[Elsewhere](https://unsplash.example/p?utm_source=x) [Clicked](https://unsplash.com/@gardener?utm_source=my_blog&gclid=1)\n';
  const { ranges, diagnostics } = await bodyFindings('link-tracking-params', body);
  assert.deepEqual(ranges, ['https://unsplash.example/p?utm_source=x', 'https://unsplash.com/@gardener?utm_source=my_blog&gclid=1']);
  assert.equal(diagnostics[1].fixes[0].edits[0].newText, '?utm_source=my_blog');
});

test('link-tracking-params: names too many for the first sentence are counted there and listed after it', async () => {
  const { diagnostics } = await findings('[Story](https://news.example/s?utm_source=a&utm_medium=b&utm_campaign=c&utm_content=d&utm_term=e&fbclid=f)\n');
  assert.deepEqual(
    diagnostics.map((d) => [d.message, d.fixes[0].title]),
    [
      [
        'This link carries 6 tracking parameters. They (“utm_source”, “utm_medium”, “utm_campaign”, “utm_content”, “utm_term” and “fbclid”) record who shared or clicked it and add nothing for readers. Remove them; the address leads to the same page.',
        'Remove “utm_source”, “utm_medium”, “utm_campaign”, “utm_content”, “utm_term”, “fbclid”',
      ],
    ],
  );
});
