import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitPost } from '../../server/engine/frontmatter/frontmatter';
import { render } from '../helpers/rendered-page';
import { RULES } from '../../server/engine/rules';
import type { ExternalVerdict } from '../../server/engine/links/external';
import { fixUntilStable, fixUntilStableWith, postWith } from '../helpers/link-fixes';
import { hugoSite } from '../helpers/memory-workspace';

// A safe fix is one `--fix` applies with no person looking, so it must not change what
// the page means: each rule's safe fixes are applied to a post, both versions are
// rendered by a CommonMark renderer with GFM's autolinks (markdown-it with linkify),
// and the rendered documents are compared: the same elements in the same order, and
// every link's target the same, but for the one change the rule is there to make.

/** Each rule with safe fixes: a post its safe fixes change, and how a link's target may change (none where the rule only rewrites how it is written). */
const CASES: {
  rule: string;
  body: string;
  config?: string;
  /** What the dead-link check found, for link-dead. */
  verdicts?: Record<string, ExternalVerdict>;
  target?: (before: string) => string;
  alt?: (before: string) => string;
}[] = [
  { rule: 'link-bare-url', body: 'The tide table is at https://harbour.example/tides#today, and the map at https://harbour.example/map?zoom=3.\n' },
  { rule: 'link-insecure', body: 'See [the club](http://harbour.example/club) and ![the quay](http://harbour.example/quay.png).\n', config: '{ "rules": { "link-insecure": ["warn", { "httpsHosts": ["harbour.example"] }] } }', target: (url) => url.replace(/^http:/, 'https:') },
  { rule: 'link-tracking-params', body: 'Read [the notice](https://harbour.example/notice?id=4&utm_source=mail#dates).\n', target: (url) => url.replace('&utm_source=mail', '') },
  { rule: 'link-no-scheme', body: 'Write to [the harbour master](www.harbour.example/contact).\n', target: (url) => `https://${url}` },
  {
    rule: 'link-malformed',
    body: 'The [rota](https://harbour.example/rota%20list.pdf), the [chart](<https://harbour.example/chart 2.pdf>) and <a href="https://harbour.example/tide table.pdf">the tides</a>.\n',
    target: (url) => url.replace('tide table', 'tide%20table'),
  },
  { rule: 'image-alt-redundant', body: '![Image of the old lighthouse at dusk](/img/lighthouse.jpg)\n', alt: (alt) => alt.replace(/^Image of t/, 'T') },
  { rule: 'text-mojibake', body: 'Thanks to Jim\u221a\u00a9nez for the photos.\n' },
  {
    rule: 'link-dead',
    body: 'See [the tides](http://harbour.example/tides#today "Tide table"), ![the quay](<http://harbour.example/quay.png>) and https://harbour.example/map.\n',
    verdicts: {
      'http://harbour.example/tides': { kind: 'redirected', status: 301, finalUrl: 'https://harbour.example/tides', safe: true },
      'http://harbour.example/quay.png': { kind: 'redirected', status: 308, finalUrl: 'https://harbour.example/quay.png', safe: true },
      'https://harbour.example/map': { kind: 'redirected', status: 301, finalUrl: 'https://harbour.example/map/', safe: true },
    },
    target: (url) => url.replace(/^http:/, 'https:').replace(/\/map$/, '/map/'),
  },
];

test('every rule with safe fixes has a render case here', () => {
  const withSafeFixes = RULES.filter((rule) => rule.meta.fixable === 'safe' || rule.meta.fixable === 'safe or editor').map((rule) => rule.meta.id);
  const bodyRules = withSafeFixes.filter((id) => !id.startsWith('frontmatter-'));
  assert.deepEqual(CASES.map((c) => c.rule).sort(), bodyRules.sort(), 'front matter rules are checked below: they never touch the body');
});

for (const { rule, body, config, verdicts, target, alt } of CASES) {
  test(`${rule}: its safe fixes keep the rendered page, and change only what the rule is for`, async () => {
    const post = postWith(body);
    const site = hugoSite({ 'content/blog/p.md': post, ...(config ? { '.postlintrc.json': config } : {}) });
    const externalVerdicts = verdicts && new Map(Object.entries(verdicts));
    const { text } = await fixUntilStableWith({ externalVerdicts }, site, 'content/blog/p.md', rule);
    assert.notEqual(text, post, 'the case has something to fix');
    const before = render(post);
    const after = render(text);
    assert.deepEqual(after.structure, before.structure, 'the same elements in the same order');
    assert.deepEqual(after.hrefs, before.hrefs.map(target ?? ((url) => url)), 'every link leads where it did, but for the rule\u2019s change');
    assert.deepEqual(after.srcs, before.srcs.map(target ?? ((url) => url)), 'every image is the same file');
    assert.deepEqual(after.alts, before.alts.map(alt ?? ((text) => text)));
  });
}

test('frontmatter-key-case and frontmatter-unknown-key: a safe rename leaves the body as it is', async () => {
  const post = '---\nTitle: Rope care\ndate: 2025-02-03\n---\n\nSee [the knots](https://harbour.example/knots).\n';
  const site = hugoSite({ 'content/blog/p.md': post, '.postlintrc.json': '{ "rules": { "frontmatter-key-case": "warn" } }' });
  const { text } = await fixUntilStable(site, 'content/blog/p.md', 'frontmatter-key-case', 'frontmatter-unknown-key');
  assert.match(text, /^---\ntitle: Rope care\n/);
  assert.equal(text.slice(splitPost(text).bodyStart), post.slice(splitPost(post).bodyStart));
});
