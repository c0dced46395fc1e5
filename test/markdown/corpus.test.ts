import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { parseBody } from '../../server/engine/markdown/index.js';
import type { BodyModel } from '../../server/engine/markdown/index.js';
import { corpusTest } from '../helpers/corpus';
import { corpusBlogDir, loadCorpus } from './corpus.js';

// Facts checked by reading the files of the todogroup.org corpus
// (content/en/blog, 136 posts + _index.md).

describe('todogroup.org blog corpus', () => {
  const posts = loadCorpus();

  corpusTest('parses every post and agrees with facts counted by hand', { corpus: corpusBlogDir() }, () => {
    assert.equal(posts!.filter((p) => p.name !== '_index.md').length, 136);
    const models = new Map<string, BodyModel>();
    for (const p of posts!) {
      const m = parseBody(p.text, p.bodyStart);
      models.set(p.name, m);
      for (const l of m.links) {
        assert.ok(l.span.start >= p.bodyStart && l.span.end <= p.text.length, `${p.name}: link span`);
        if (l.source !== 'reference') assert.equal(p.text.slice(l.urlSpan.start, l.urlSpan.end), l.url, `${p.name}: url span`);
      }
    }
    const all = [...models.values()];
    const count = (f: (m: BodyModel) => number) => all.reduce((n, m) => n + f(m), 0);
    const shortcodes = (name: string) => count((m) => m.shortcodes.filter((s) => s.name === name).length);

    // Shortcodes: 16 button (the brief said 17; the blog has 16), 2 iframe, 5 img, 2 tweet, 1 youtube_enhanced.
    assert.equal(shortcodes('button'), 16);
    assert.equal(shortcodes('iframe'), 2);
    assert.equal(shortcodes('img'), 5);
    assert.equal(shortcodes('tweet'), 2);
    assert.equal(shortcodes('youtube_enhanced'), 1);
    assert.equal(count((m) => m.shortcodeProblems.length), 0);
    // Every button and iframe shortcode yields one link.
    assert.equal(count((m) => m.links.filter((l) => l.source === 'shortcode').length), 18);

    // 96 images in all (90 Markdown, 5 img shortcodes, 1 <img>).
    assert.equal(count((m) => m.images.length), 96);
    assert.equal(count((m) => m.images.filter((i) => i.source === 'shortcode').length), 5);
    assert.equal(count((m) => m.images.filter((i) => i.source === 'html').length), 1);

    // 17 bare URLs (e-mail addresses, which GFM also links, aside).
    assert.equal(count((m) => m.links.filter((l) => l.source === 'bare' && !l.url.includes('@')).length), 17);
    // 99 http:// links in 41 posts; 13 links with the si= tracking parameter.
    assert.equal(count((m) => m.links.filter((l) => l.url.startsWith('http://')).length), 99);
    assert.equal(all.filter((m) => m.links.some((l) => l.url.startsWith('http://'))).length, 41);
    assert.equal(count((m) => m.links.filter((l) => /[?&]si=/.test(l.url)).length), 13);
    // 26 links whose whole text is "here" (25) or "website" (1).
    const here = count((m) => m.links.filter((l) => l.text !== undefined && /^\s*here\s*$/i.test(l.text)).length);
    const website = count((m) => m.links.filter((l) => l.text !== undefined && /^\s*website\s*$/i.test(l.text)).length);
    assert.deepEqual([here, website], [25, 1]);
  });

  corpusTest('finds the img shortcode without alt in ospo-survey-2023.md, and no image in its comment', { corpus: corpusBlogDir() }, () => {
    const post = posts!.find((p) => p.name === 'ospo-survey-2023.md')!;
    const m = parseBody(post.text, post.bodyStart);
    const img = m.images.filter((i) => i.source === 'shortcode' && i.shortcode === 'img');
    assert.equal(img.length, 1);
    assert.equal(img[0].alt, undefined);
    assert.equal(img[0].src, '/img/blog/ospo-survey-2023-banner-wide.png');
    assert.equal(post.text.slice(img[0].span.start, img[0].span.end), '{{< img src="/img/blog/ospo-survey-2023-banner-wide.png" >}}');
    // `<!-- ![Source]() -->` is a comment, never an image.
    assert.deepEqual(
      m.comments.map((c) => c.text),
      [' ![Source]() '],
    );
    assert.equal(m.images.length, 1);
  });

  corpusTest('finds the two kepler.gl links with blank or punctuation-only text', { corpus: corpusBlogDir() }, () => {
    const post = posts!.find((p) => p.name === 'why-we-run-an-open-source-program-uber.md')!;
    const m = parseBody(post.text, post.bodyStart);
    const kepler = m.links.filter((l) => l.url === 'https://kepler.gl/');
    assert.equal(kepler.length, 4); // two more say "kepler.gl"
    const bare = kepler.filter((l) => l.text !== undefined && /^[\s\p{P}]*$/u.test(l.text));
    assert.deepEqual(
      bare.map((l) => l.text),
      [' ', ', '],
    );
    assert.deepEqual(
      bare.map((l) => post.text.slice(l.span.start, l.span.end)),
      ['[ ](https://kepler.gl/)', '[, ](https://kepler.gl/)'],
    );
  });

  corpusTest('keeps an empty destination and a scheme-less www link as written', { corpus: corpusBlogDir() }, () => {
    const goals = posts!.find((p) => p.name === 'todogroup-strategic-goals-2026.md')!;
    const keynote = posts!.find((p) => p.name === 'linuxcon-japan-keynote.md')!;
    const deck = parseBody(goals.text, goals.bodyStart).links.filter((l) => l.text === 'Overview Deck');
    assert.equal(deck.length, 1);
    assert.equal(deck[0].url, '');
    const www = parseBody(keynote.text, keynote.bodyStart).links.filter((l) => l.source === 'markdown' && l.url.startsWith('www.slideshare.net/'));
    assert.equal(www.length, 1);
  });
});
