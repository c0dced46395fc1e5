import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLanguageService } from '../../server/engine/language-service';
import { checkPost, FIXED_NOW, MemoryWorkspace, hugoSite, only, rangeText, SITE } from '../helpers/memory-workspace';

async function findings(text: string, templates: Record<string, string> = {}) {
  const workspace: MemoryWorkspace = hugoSite({ 'content/blog/p.md': text });
  const service = createLanguageService({ workspace, now: () => FIXED_NOW, templates });
  const diagnostics = only((await service.check(`${SITE}/content/blog/p.md`, text)).diagnostics, 'template-placeholder');
  return { diagnostics, ranges: diagnostics.map((d) => rangeText(text, d)) };
}

const FRONT = '---\ntitle: A\ndate: 2025-01-01\nauthor: alice\n---\n';

test('template-placeholder: each placeholder left, in the body and the front matter, with its hint', async () => {
  const text = `---\ntitle: "[[title]]"\ndate: 2025-01-01\nauthor: alice\n---\nWe welcome [[org]]. [[intro: Say who they are.]]\n`;
  const { diagnostics, ranges } = await findings(text);
  assert.deepEqual(ranges, ['[[title]]', '[[org]]', '[[intro: Say who they are.]]']);
  assert.equal(diagnostics[0].severity, 'error');
  assert.equal(diagnostics[2].message, 'The placeholder “[[intro]]” is still here. Replace it with your own text: Say who they are.');
});

test('template-placeholder: placeholders in code, in HTML comments and in YAML comments are not the post', async () => {
  const text = `---\ntitle: A\ndate: 2025-01-01\n# [[note]] for editors\n---\n\`[[literal]]\`\n\n<!-- [[hidden]] -->\n\n\`\`\`\n[[block]]\n\`\`\`\n`;
  assert.deepEqual((await findings(text)).ranges, []);
});

test('template-placeholder: "TODO" is an organisation, not a placeholder; lorem ipsum is filler', async () => {
  const { ranges } = await findings(`${FRONT}TODO welcomes new members. TODO: nothing here is a placeholder.\n\nLorem ipsum dolor sit amet.\n`);
  assert.deepEqual(ranges, ['Lorem ipsum']);
});

test('template-placeholder: a template hint left without its brackets is guidance, not text', async () => {
  const template = '---\ntitle: "[[title]]"\n---\n[[intro: In one or two sentences, say who the member is.]]\n';
  const text = `---\ntitle: A\ndate: 2025-01-01\npostlint_kind: member-welcome\n---\nIn one or two sentences, say who the member is.\n\n## Representatives\n\n## About us\n\nUs.\n`;
  const { ranges, diagnostics } = await findings(text, { 'member-welcome': template });
  assert.deepEqual(ranges, ['In one or two sentences, say who the member is.']);
  assert.match(diagnostics[0].message, /template\u2019s guidance/);
});

test('template-placeholder: other rules stay quiet about text that is still a placeholder', async () => {
  const text = `${FRONT}![[[alt: Describe the image]]]([[image]]) and [a link]([[url]]).\n`;
  const workspace = hugoSite({ 'content/blog/p.md': text });
  const service = createLanguageService({ workspace, now: () => FIXED_NOW });
  const all = (await service.check(`${SITE}/content/blog/p.md`, text)).diagnostics;
  assert.deepEqual([...new Set(all.map((d) => d.ruleId))], ['template-placeholder']);
});

test('template-placeholder: the message names the placeholder, and its hint without the dots and spaces at its end', async () => {
  const text = `${FRONT}We welcome [[org]]. [[intro: Say who. they are . ..]]\n`;
  assert.deepEqual((await findings(text)).diagnostics.map((d) => d.message), [
    'The placeholder “[[org]]” is still here. Replace it with your own text.',
    'The placeholder “[[intro]]” is still here. Replace it with your own text: Say who. they are.',
  ]);
});

const HINT = 'In one or two sentences, say who the member is.';
const WELCOME_TEMPLATE = `---\ntitle: "[[title]]"\n---\n[[intro: ${HINT}]]\n`;
const GUIDANCE = `\u201c${HINT}\u201d is the template\u2019s guidance, not the post\u2019s text. Replace it with your own words.`;

test('template-placeholder: a hint left twice is reported twice, word for word; a hint still in its placeholder, or in a plain post, is not', async () => {
  const welcome = (body: string) => `---\ntitle: A\ndate: 2025-01-01\npostlint_kind: member-welcome\n---\n${body}\n`;
  const twice = welcome(`${HINT} ${HINT}\n\n\`code\` then ${HINT}`);
  const { ranges, diagnostics } = await findings(twice, { 'member-welcome': WELCOME_TEMPLATE });
  assert.deepEqual(ranges, [HINT, HINT, HINT]);
  assert.deepEqual(diagnostics.map((d) => d.message), [GUIDANCE, GUIDANCE, GUIDANCE]);
  const inside = welcome(`[[intro: ${HINT}]] and [[org]] ${HINT}`);
  assert.deepEqual((await findings(inside, { 'member-welcome': WELCOME_TEMPLATE })).ranges, [`[[intro: ${HINT}]]`, '[[org]]', HINT]);
  const plain = `${FRONT}${HINT}\n`;
  assert.deepEqual((await findings(plain, { 'member-welcome': WELCOME_TEMPLATE })).ranges, [], 'a plain post has no template');
});

test('template-placeholder: lorem ipsum in any case, as words of their own, in the front matter and after code', async () => {
  const text = '---\ntitle: LOREM IPSUM\ndate: 2025-01-01\nauthor: alice\n---\n`x` lorem Ipsum, and loremipsum or lorem ipsums.\n';
  const { ranges, diagnostics } = await findings(text);
  assert.deepEqual(ranges, ['LOREM IPSUM', 'lorem Ipsum']);
  assert.deepEqual(diagnostics.map((d) => d.message), [
    'Filler text (\u201clorem ipsum\u201d) is still here. Replace it with the post\u2019s own words.',
    'Filler text (\u201clorem ipsum\u201d) is still here. Replace it with the post\u2019s own words.',
  ]);
});

test('template-placeholder: whether a hint is inside a placeholder looks back 80 characters, far into the text too', async () => {
  const welcome = (body: string) => `---\ntitle: A\ndate: 2025-01-01\npostlint_kind: member-welcome\n---\n${body}\n`;
  const filler = (length: number) => 'word '.repeat(length / 5);
  const afterClosed = welcome(`[[org]] ${filler(100)}${HINT}`);
  assert.deepEqual((await findings(afterClosed, { 'member-welcome': WELCOME_TEMPLATE })).ranges, ['[[org]]', HINT]);
  const insideFar = welcome(`${filler(300)}[[org]] ${filler(200)}[[intro: ${HINT}]]`);
  assert.deepEqual((await findings(insideFar, { 'member-welcome': WELCOME_TEMPLATE })).ranges, ['[[org]]', `[[intro: ${HINT}]]`]);
});

test('template-placeholder: a post without a template has no guidance to find', async () => {
  assert.deepEqual((await findings(`${FRONT}${HINT}\n`)).ranges, []);
});

test('template-placeholder: a TOML array of tables ([[resources]]) is front matter syntax, not a placeholder', async () => {
  const text = '+++\ntitle = "Nets"\ndate = 2025-01-02\n[[resources]]  # the post\u2019s images\nsrc = "a.png"\n+++\n\nBody with [[left-over]].\n';
  const found = only(await checkPost(hugoSite({ 'content/blog/p.md': text }), 'content/blog/p.md'), 'template-placeholder');
  assert.deepEqual(found.map((d) => /“(.*?)”/.exec(d.message)?.[1]), ['[[left-over]]']);
});

test('template-placeholder: a long hint left in the post is shortened in the middle, keeping the first sentence short', async () => {
  const hint = 'Say in two or three sentences what the member does, who uses it, and why they joined.';
  const template = `---\ntitle: "[[title]]"\n---\n[[intro: ${hint}]]\n`;
  const text = `---\ntitle: A\ndate: 2025-01-01\npostlint_kind: member-welcome\n---\n${hint}\n`;
  assert.deepEqual((await findings(text, { 'member-welcome': template })).diagnostics.map((d) => d.message), [
    '“Say in two or three sentences wh…hy they joined.” is the template’s guidance, not the post’s text. Replace it with your own words.',
  ]);
});

test('template-placeholder: a backtick in a hint is shown as ˋ, so that the message holds no Markdown (checked by checkPost)', async () => {
  const text = '---\ntitle: "[[title: Name the `kubectl` plugin]]"\ndate: 2025-01-01\nauthor: alice\n---\nText.\n';
  assert.deepEqual((await findings(text)).diagnostics.map((d) => d.message), ['The placeholder “[[title]]” is still here. Replace it with your own text: Name the ˋkubectlˋ plugin.']);
});
