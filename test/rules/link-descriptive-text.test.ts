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
  assert.match(diagnostics[0].message, /Link text `here` does not say where the link leads.*name the target/);
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
