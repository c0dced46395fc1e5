import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPost, hugoSite, only, rangeText } from '../helpers/memory-workspace';

async function findings(text: string, files: Record<string, string> = {}) {
  const site = hugoSite({ 'content/blog/p.md': text, 'static/img/a.jpg': '', ...files });
  const diagnostics = only(await checkPost(site, 'content/blog/p.md'), 'template-structure');
  return { diagnostics, ranges: diagnostics.map((d) => rangeText(text, d)), messages: diagnostics.map((d) => d.message) };
}

const WELCOME = '---\ntitle: Welcome, Fern\ndate: 2025-01-01\npostlint_kind: member-welcome\n---\nFern joins us.\n';
const RECAP = '---\ntitle: Summit recap\ndate: 2025-01-01\npostlint_kind: event-recap\neventUrl: https://summit.example/2025\n---\n';

test('template-structure: a member welcome without representatives or About, on the kind key', async () => {
  const { ranges, messages, diagnostics } = await findings(`${WELCOME}\n## Their work\n\nText.\n`);
  assert.deepEqual(ranges, ['member-welcome', 'member-welcome']);
  assert.match(messages[0], /no representatives section/);
  assert.match(messages[1], /no "About" section/);
  assert.equal(diagnostics[0].severity, 'warning');
});

test('template-structure: a complete member welcome, and plain posts, give nothing', async () => {
  assert.deepEqual((await findings(`${WELCOME}\n## TODO Representatives\n\n- A\n\n## About TODO\n\nText.\n`)).ranges, []);
  assert.deepEqual((await findings('---\ntitle: Just a post\ndate: 2025-01-01\n---\nNo sections.\n')).ranges, []);
});

test('template-structure: the About section must be the site\u2019s standard text, typography aside', async () => {
  const files = { 'data/postlint/about.md': 'We are the "Garden Network": we share tools.\n' };
  const same = `${WELCOME}\n## Representatives\n\n- A\n\n## About us\n\nWe are the \u201cGarden Network\u201d:  we share tools.\n`;
  assert.deepEqual((await findings(same, files)).ranges, []);
  const other = `${WELCOME}\n## Representatives\n\n- A\n\n## About us\n\nWe are an older text.\n\n## Contact\n\nmail\n`;
  const { ranges, diagnostics } = await findings(other, files);
  assert.deepEqual(ranges, ['We are an older text.']);
  assert.equal(diagnostics[0].fixes[0].edits[0].newText, 'We are the "Garden Network": we share tools.');
  assert.equal(diagnostics[0].fixes[0].safe, false);
});

test('template-structure: an event recap needs an image and a link to the event', async () => {
  const { messages } = await findings(`${RECAP}The summit was fun.\n`);
  assert.equal(messages.length, 2);
  assert.match(messages[0], /no image/);
  assert.match(messages[1], /never links to the event/);
  const good = `${RECAP}We met at [the summit](https://summit.example/2025/).\n\n![People in a hall](/img/a.jpg)\n`;
  assert.deepEqual((await findings(good)).ranges, []);
  const noUrl = '---\ntitle: Recap\ndate: 2025-01-01\npostlint_kind: event-recap\n---\nWe met at [the summit](https://summit.example/).\n\n![People](/img/a.jpg)\n';
  assert.deepEqual((await findings(noUrl)).ranges, [], 'without eventUrl, an external link in the opening will do');
});

test('template-structure: an event recap\u2019s link to the event counts with the scheme and host in any case', async () => {
  const image = '\n\n![People in a hall](/img/a.jpg)\n';
  const toEventUrl = `${RECAP}We met at [the summit](HTTPS://Summit.Example/2025/).${image}`;
  assert.deepEqual((await findings(toEventUrl)).messages, [], 'the same address as eventUrl, written in capitals');
  const noUrl = '---\ntitle: Recap\ndate: 2025-01-01\npostlint_kind: event-recap\n---\n';
  assert.deepEqual((await findings(`${noUrl}We met at [the summit](Https://summit.example/).${image}`)).messages, [], 'an external link in the opening, Https://');
  assert.deepEqual((await findings(`${noUrl}We met at [the summit](MAILTO:team@summit.example).${image}`)).messages, [
    'This event recap never links to the event in its opening: link the event\u2019s name to its page.',
  ]);
});
