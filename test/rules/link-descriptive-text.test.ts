import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bodyFindings } from '../helpers/link-fixes';

const RULE = 'link-descriptive-text';

const findings = (body: string, config?: string) => bodyFindings(RULE, body, { config });

test('link-descriptive-text: "here", "click here", "read more" and friends, whatever their case and punctuation', async () => {
  const { diagnostics, ranges } = await findings(
    [
      'The seed list is [here](https://seeds.example/).',
      'To join, [Click Here!](https://join.example/)',
      'Our partner ([website](https://partner.example/)) and [**Read more…**](https://blog.example/more).',
      'See [ this ](https://this.example/) or <a href="https://html.example/">link</a>.',
      '{{< button link="https://button.example/" text="More" >}}',
      '',
    ].join('\n'),
  );
  assert.deepEqual(ranges, ['here', 'Click Here!', 'website', '**Read more…**', ' this ', 'link', 'More']);
  assert.equal(diagnostics[0].severity, 'warning');
  assert.match(diagnostics[0].message, /Link text “here” does not say where the link leads\. .*name the target/);
  assert.deepEqual(diagnostics[0].fixes, []);
});

test('link-descriptive-text: texts that name their target are fine', async () => {
  const { diagnostics } = await findings(
    [
      'Read [the 2025 harvest report](https://report.example/), written in [Go](https://go.example/).',
      'The form is [here on the co-op site](https://coop.example/) and [this survey](https://survey.example/).',
      'Bare https://bare.example/ has no text to judge.',
      '',
    ].join('\n'),
  );
  assert.deepEqual(diagnostics, []);
});

test('link-descriptive-text: the phrases option replaces the default list', async () => {
  const { ranges } = await findings('[here](https://a.example/) and [ici](https://b.example/) and [Voir plus](https://c.example/)\n', '{ "rules": { "link-descriptive-text": ["warn", { "phrases": ["ici", "voir plus"] }] } }');
  assert.deepEqual(ranges, ['ici', 'Voir plus']);
});

test('link-descriptive-text: nothing in code or comments', async () => {
  const { diagnostics } = await findings('`[here](https://a.example/)`\n\n    [here](https://b.example/)\n\n<!-- [here](https://c.example/) -->\n');
  assert.deepEqual(diagnostics, []);
});

/** The message the rule gives for a link whose text, trimmed, is `said`. */
const messageFor = (said: string) =>
  `Link text “${said}” does not say where the link leads. Screen readers often list links out of their sentence: use words that name the target, such as the page’s title.`;

test('link-descriptive-text: every phrase of the default list is reported', async () => {
  const phrases = ['here', 'click here', 'click', 'click this', 'right here', 'go here', 'link', 'this link', 'link here', 'this', 'this page', 'read more', 'more', 'learn more', 'see more', 'more info', 'more information', 'website', 'this website'];
  const body = phrases.map((p, i) => `Item ${i}: [${p}](https://p${i}.example/).`).join('\n') + '\n';
  const { ranges } = await findings(body);
  assert.deepEqual(ranges, phrases);
});

test('link-descriptive-text: the message quotes the text without its outer blanks', async () => {
  const { diagnostics } = await findings('See [ this ](https://this.example/) and [here](https://here.example/).\n');
  assert.deepEqual(
    diagnostics.map((d) => d.message),
    [messageFor('this'), messageFor('here')],
  );
});

test('link-descriptive-text: runs of punctuation and blanks at either end, and runs of inner blanks, do not hide a phrase', async () => {
  const { ranges } = await findings(
    ['One [..here](https://a.example/).', 'Two [here?!](https://b.example/).', 'Three [click  here](https://c.example/).', 'Four [click\u00a0 here](https://d.example/).', ''].join('\n'),
  );
  assert.deepEqual(ranges, ['..here', 'here?!', 'click  here', 'click\u00a0 here']);
});

test('link-descriptive-text: inner punctuation and missing blanks make another text, not a phrase', async () => {
  const { diagnostics } = await findings('A [click-here](https://a.example/) and a [clickhere](https://b.example/) and a [read.more](https://c.example/).\n');
  assert.deepEqual(diagnostics, []);
});

test('link-descriptive-text: case is compared by lower case, so a dotless ı or ß stays a different letter', async () => {
  // Upper-casing would turn `lınk` into `LINK` and `ß` into `SS`, matching phrases they are not.
  const { ranges } = await findings('A [lınk](https://a.example/) and [ß](https://b.example/) and [ss](https://c.example/).\n', '{ "rules": { "link-descriptive-text": ["warn", { "phrases": ["link", "ss"] }] } }');
  assert.deepEqual(ranges, ['ss']);
});

test('link-descriptive-text: long runs of punctuation around a phrase do not count as words', async () => {
  // 20 marks make these texts longer than the longest phrase, yet they hold only "here".
  const bangs = `here${'!'.repeat(20)}`;
  const ellipses = `here${'\u2026'.repeat(20)}`;
  const { ranges } = await findings(`A [${bangs}](https://a.example/) and [${ellipses}](https://b.example/).\n`);
  assert.deepEqual(ranges, [bangs, ellipses]);
});

test('link-descriptive-text: a text exactly as long as the longest configured phrase is still compared', async () => {
  const { ranges } = await findings('[ici](https://a.example/) and [icix](https://b.example/)\n', '{ "rules": { "link-descriptive-text": ["warn", { "phrases": ["ici"] }] } }');
  assert.deepEqual(ranges, ['ici']);
});

test('link-descriptive-text: a configured phrase of punctuation only never matches a text of punctuation only', async () => {
  // Such a phrase normalises to nothing; so does the text `?`, which names nothing to compare.
  const { ranges } = await findings('[?](https://a.example/) and [ici](https://b.example/)\n', '{ "rules": { "link-descriptive-text": ["warn", { "phrases": ["...", "ici"] }] } }');
  assert.deepEqual(ranges, ['ici']);
});

test('link-descriptive-text: declares itself not fixable, since only the author can name the target', async () => {
  const { default: rule } = await import('../../server/engine/rules/link-descriptive-text');
  assert.equal(rule.meta.fixable, false);
});
