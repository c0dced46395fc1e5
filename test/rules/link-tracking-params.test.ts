import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bodyFindings, fixUntilStable, postWith } from '../helpers/link-fixes';
import { hugoSite, only } from '../helpers/memory-workspace';

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
  assert.match(diagnostics[0].message, /Tracking parameters `utm_source`, `utm_medium` in this link: .*Remove them/);
  assert.match(diagnostics[2].message, /Tracking parameter `gclid` in this image source/);
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
  assert.ok(diagnostics.every((d) => /`si`/.test(d.message)));
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
    'Tracking parameter `utm_source` in this link: it records who shared or clicked it and adds nothing for readers. Remove it; the address leads to the same page.',
    'Tracking parameter `fbclid` in this link: it records who shared or clicked it and adds nothing for readers. Remove it; the address leads to the same page.',
    'Tracking parameter `si` in this link: it records who shared or clicked it and adds nothing for readers. Remove it; the address leads to the same page.',
  ]);
  const { text, left } = await fixed('[News](HTTPS://news.example/story?utm_source=x&page=2) [Talk](hTTps://WWW.YouTube.COM/watch?v=abc&si=Q1)\n');
  assert.equal(text, postWith('[News](HTTPS://news.example/story?page=2) [Talk](hTTps://WWW.YouTube.COM/watch?v=abc)\n'));
  assert.equal(left, 0);
});
