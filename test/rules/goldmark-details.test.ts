import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bodyFindings } from '../helpers/link-fixes';

// Details of how Hugo's Goldmark reads a body, each of which once gave a false finding.

test('a backslash escape in a link destination is decoded, as Goldmark decodes it: #valid\\_heading names #valid_heading', async () => {
  const { ranges } = await bodyFindings('link-broken-fragment', '## valid_heading\n\nSee [it](#valid\\_heading) and [that](#valid&#95;heading), but not [this](#missing\\_one).\n');
  assert.deepEqual(ranges, ['#missing\\_one']);
});

test('an explicit {#id} before the closing #s of an ATX heading is its id', async () => {
  const { ranges } = await bodyFindings('link-broken-fragment', '## Tides and times {#tides} ##\n\nSee [the tides](#tides), not [the title](#tides-and-times-tides).\n');
  assert.deepEqual(ranges, ['#tides-and-times-tides']);
});

test('a bare URL keeps its query or fragment, as Goldmark links it; the safe fix wraps all of it', async () => {
  const { diagnostics, ranges } = await bodyFindings('link-bare-url', 'Install it: https://example.com#install. Then (https://example.com/a?x=1).\n');
  assert.deepEqual(ranges, ['https://example.com#install', 'https://example.com/a?x=1']);
  assert.deepEqual(diagnostics[0].fixes[0].edits.map((edit) => edit.newText), ['<', '>']);
  assert.equal(diagnostics[0].fixes[0].edits[1].range.start.character - diagnostics[0].fixes[0].edits[0].range.start.character, 'https://example.com#install'.length);
});

test('brackets nest in a link\u2019s text: [link [nested] link](url) is one link, not a bare URL', async () => {
  const { ranges } = await bodyFindings('link-bare-url', 'The [guide [second edition] for crews](https://harbour.example/guide) is out.\n');
  assert.deepEqual(ranges, []);
  const text = await bodyFindings('link-descriptive-text', 'Read [more [here]](https://harbour.example/more).\n');
  assert.deepEqual(text.ranges, [], 'its text is the whole bracketed run, `more [here]`, which says something');
});
