import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkCorpusBlog, corpusMissing, TODO_BLOG } from '../helpers/corpus';
import type { Diagnostic } from '../../server/engine/types';

/**
 * The link and image defects the corpus README counts by hand, found by the CLI's
 * engine on the real blog. Thresholds are the issue's: each rule must find at
 * least that many of the known cases, and the named ones exactly.
 */
test('todogroup corpus: the known link and image defects are found', { skip: corpusMissing() }, async () => {
  const results = await checkCorpusBlog();
  const all: { name: string; d: Diagnostic; covered: string }[] = [];
  for (const [name, diagnostics] of results) {
    const lines = readFileSync(join(TODO_BLOG, name), 'utf8').split('\n');
    for (const d of diagnostics) {
      const covered = d.range.start.line === d.range.end.line ? lines[d.range.start.line].slice(d.range.start.character, d.range.end.character) : '';
      all.push({ name, d, covered });
    }
  }
  const of = (ruleId: string) => all.filter((item) => item.d.ruleId === ruleId);

  assert.ok(of('link-insecure').length >= 90, `link-insecure: ${of('link-insecure').length}`);
  const si = of('link-tracking-params').filter((item) => /[?&]si=/.test(item.covered) || /`si`/.test(item.d.message));
  assert.equal(si.length, 13, 'the 13 YouTube links with si=');

  const vague = of('link-descriptive-text').filter((item) => /^(here|website)$/i.test(item.covered.trim()));
  assert.ok(vague.length >= 24, `"here"/"website" links: ${vague.length}`);

  const kepler = of('link-empty-text').filter((item) => item.name === 'why-we-run-an-open-source-program-uber.md');
  assert.ok(kepler.length >= 1, 'the blank-text kepler.gl link');

  assert.equal(of('link-empty-url').filter((item) => item.name === 'todogroup-strategic-goals-2026.md').length, 1, '[Overview Deck]()');
  assert.ok(of('link-no-scheme').some((item) => item.name === 'linuxcon-japan-keynote.md' && item.covered.startsWith('www.slideshare.net')), 'www.slideshare.net');

  assert.ok(of('image-alt-filename').length >= 42, `file-name or default alts: ${of('image-alt-filename').length}`);
  assert.ok(of('image-alt-empty').some((item) => item.name === 'open-source-program-management-tools.md'), 'the empty alt');
  assert.ok(of('image-alt-missing').some((item) => item.name === 'ospo-survey-2023.md'), 'the img shortcode without alt');

  const broken = of('link-broken-local').filter((item) => item.name === 'ospo-roadshow-china.md' && item.covered.startsWith('/images/blog/'));
  assert.equal(broken.length, 3, 'the three /images/blog/ images');

  assert.equal(of('text-mojibake').length, 0, 'the corpus has no mojibake');
  assert.ok(!all.some((item) => item.name === 'ospo-survey-2023.md' && item.d.ruleId === 'link-empty-url'), 'the commented-out ![Source]() never fires');
});
