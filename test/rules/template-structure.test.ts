import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLanguageService } from '../../server/engine/language-service';
import { FIXED_NOW, SITE, checkPost, hugoSite, only, rangeText } from '../helpers/memory-workspace';

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
  assert.match(messages[1], /no “About” section/);
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
  assert.match(messages[1], /never links to its “eventUrl”/);
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
    NO_OPENING_LINK,
  ]);
});

const NO_REPRESENTATIVES =
  'This member welcome has no representatives section. Add a heading such as “## Representatives” naming the people who will represent the member.';
const NO_ABOUT = 'This member welcome has no “About” section. End it with a heading such as “## About <your site>” and the site\u2019s standard text.';
const ABOUT_DIFFERS = 'This “About” section differs from the site\'s standard text. Use the standard text in “data/postlint/about.md”, so every post says the same.';
const NO_IMAGE = 'This event recap has no image. Add a photo of the event, with alt text saying what it shows.';
const NO_OPENING_LINK = 'This event recap never links to the event in its opening. Link the event\u2019s name to its page.';

test('template-structure: a kind found by title is reported on the title, by file name on the opening line, without front matter at the start', async () => {
  const kinds = { '.postlintrc.json': '{ "kinds": { "member-welcome": { "titles": ["^Welcome"], "files": ["content/blog/p.md"] } } }' };
  const byTitle = await findings('---\ntitle: Welcome, Fern\ndate: 2025-01-01\n---\nFern joins us.\n', kinds);
  assert.deepEqual(byTitle.ranges, ['Welcome, Fern', 'Welcome, Fern']);
  assert.deepEqual(byTitle.messages, [NO_REPRESENTATIVES, NO_ABOUT]);
  const byFile = await findings('---\ndate: 2025-01-01\n---\nFern joins us.\n', kinds);
  assert.deepEqual(byFile.ranges, ['---', '---']);
  assert.deepEqual(byFile.diagnostics[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
  const bare = await findings('Fern joins us.\n', kinds);
  assert.deepEqual(bare.diagnostics.map((d) => d.range), [
    { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  ]);
});

test('template-structure: which headings name representatives and which start an About section', async () => {
  const about = '## About us\n\nText.\n';
  const reported = async (heading: string) => (await findings(`${WELCOME}\n## ${heading}\n\n- A\n\n${about}`)).messages;
  assert.deepEqual(await reported('Our representatives'), [], 'anywhere in the heading');
  assert.deepEqual(await reported('REPRESENTATIVE'), [], 'one, in capitals');
  assert.deepEqual(await reported('Misrepresentatives'), [NO_REPRESENTATIVES], 'inside another word');
  assert.deepEqual(await reported('Representativeness'), [NO_REPRESENTATIVES], 'the start of a longer word');
  const aboutHeading = async (heading: string) => (await findings(`${WELCOME}\n## Representatives\n\n- A\n\n## ${heading}\n\nText.\n`)).messages;
  assert.deepEqual(await aboutHeading('ABOUT US'), []);
  assert.deepEqual(await aboutHeading('Learn about us'), [NO_ABOUT], 'About must start the heading');
  assert.deepEqual(await aboutHeading('Aboutness'), [NO_ABOUT], 'a word of its own');
});

const ABOUT_FILE = 'data/postlint/about.md';
const welcomeWithAbout = (section: string) => `${WELCOME}\n## Representatives\n\n- A\n\n## About us\n${section}`;

test('template-structure: the About section runs from the line after its heading to the next heading of its level, subsections included', async () => {
  const files = { [ABOUT_FILE]: 'We share tools.\n\n### Members\n\nAll of us.\n' };
  const same = welcomeWithAbout('We share tools.\n\n### Members\n\nAll of us.\n\n## Contact\n\nmail\n');
  assert.deepEqual((await findings(same, files)).messages, []);
  const other = welcomeWithAbout('We share old tools.\n\n### Members\n\nAll of us.\n\n## Contact\n\nmail\n');
  const { ranges, messages, diagnostics } = await findings(other, files);
  assert.deepEqual(ranges, ['We share old tools.\n\n### Members\n\nAll of us.']);
  assert.deepEqual(messages, [ABOUT_DIFFERS]);
  assert.deepEqual(diagnostics[0].fixes.map((fix) => [fix.title, fix.preferred]), [['Replace with the site\u2019s standard “About” text', true]]);
});

test('template-structure: an About section with no text is reported empty, where its text belongs', async () => {
  const files = { [ABOUT_FILE]: 'We share tools.\n' };
  const emptyThenHeading = welcomeWithAbout('\n\n## Contact\n');
  const line = emptyThenHeading.split('\n').indexOf('## About us') + 1;
  const [found] = (await findings(emptyThenHeading, files)).diagnostics;
  assert.deepEqual(found.range, { start: { line, character: 0 }, end: { line, character: 0 } });
  assert.equal(found.fixes[0].edits[0].newText, 'We share tools.');
  const atTheEnd = `${WELCOME}\n## Representatives\n\n- A\n\n## About us`;
  const [last] = (await findings(atTheEnd, files)).diagnostics;
  const lastLine = atTheEnd.split('\n').length - 1;
  assert.deepEqual(last.range, { start: { line: lastLine, character: 11 }, end: { line: lastLine, character: 11 } });
  assert.equal(last.message, ABOUT_DIFFERS);
});

test('template-structure: every typographic quote, dash and run of spaces counts as its plain form', async () => {
  const files = { [ABOUT_FILE]: 'The \'Garden\' \'Net\', "we" "share" 1-2-3 tools.\n' };
  const typographic = welcomeWithAbout('The \u2018Garden\u2019 \u201aNet\u2032, \u201cwe\u201d \u201eshare\u2033 1\u20132\u20143\n  tools.\n');
  assert.deepEqual((await findings(typographic, files)).messages, []);
  const otherWords = welcomeWithAbout('The \u2018Garden\u2019 \u201aNet\u2032, \u201cwe\u201d \u201eshare\u2033 1\u20132\u20143 ideas.\n');
  assert.deepEqual((await findings(otherWords, files)).messages, [ABOUT_DIFFERS]);
});

test('template-structure: the About text is not compared without a standard text, with site templates off, or while it is a placeholder', async () => {
  const differs = welcomeWithAbout('Our own words.\n');
  assert.deepEqual((await findings(differs)).messages, [], 'no standard text file');
  assert.deepEqual((await findings(differs, { [ABOUT_FILE]: ' \n\n' })).messages, [], 'a standard text file with only blank lines');
  const placeholder = welcomeWithAbout('[[about: the site\u2019s standard text]]\n');
  assert.deepEqual((await findings(placeholder, { [ABOUT_FILE]: 'We share tools.\n' })).messages, []);
  const workspace = hugoSite({ 'content/blog/p.md': differs, [ABOUT_FILE]: 'We share tools.\n' });
  const service = createLanguageService({ workspace, now: () => FIXED_NOW, useSiteTemplates: false });
  assert.deepEqual(only((await service.check(`${SITE}/content/blog/p.md`, differs)).diagnostics, 'template-structure'), []);
});

test('template-structure: the standard About text can live where the config says', async () => {
  const files = { '.postlintrc.json': '{ "templates": { "about": "data/about.txt" } }', 'data/about.txt': 'We share tools.\n' };
  assert.deepEqual((await findings(welcomeWithAbout('We share tools.\n'), files)).messages, []);
  assert.deepEqual((await findings(welcomeWithAbout('We share nothing.\n'), files)).messages, [
    'This “About” section differs from the site\'s standard text. Use the standard text in “data/about.txt”, so every post says the same.',
  ]);
});

test('template-structure: an event recap’s findings, word for word, on the kind key', async () => {
  const { ranges, messages } = await findings(`${RECAP}The summit was fun.\n`);
  assert.deepEqual(ranges, ['event-recap', 'event-recap']);
  assert.deepEqual(messages, [
    NO_IMAGE,
    "This event recap never links to its “eventUrl”, “https://summit.example/2025”. Link the event's name to it in the opening.",
  ]);
});

test('template-structure: a link matches eventUrl with trailing slashes and spaces aside, its path, query and fragment as written', async () => {
  const image = '\n\n![People in a hall](/img/a.jpg)\n';
  const recap = (eventUrl: string, url: string) =>
    `---\ntitle: Summit recap\ndate: 2025-01-01\npostlint_kind: event-recap\neventUrl: "${eventUrl}"\n---\nWe met at [the summit](${url}).${image}`;
  const linked = async (eventUrl: string, url: string) => (await findings(recap(eventUrl, url))).messages.length === 0;
  assert.equal(await linked('https://summit.example/2025', 'https://summit.example/2025///'), true);
  assert.equal(await linked('  https://summit.example/2025/  ', 'https://summit.example/2025'), true);
  assert.equal(await linked('https://summit.example/2025/Agenda', 'HTTPS://SUMMIT.EXAMPLE/2025/Agenda'), true);
  assert.equal(await linked('https://summit.example/2025/Agenda', 'https://summit.example/2025/agenda'), false, 'the path keeps its case');
  assert.equal(await linked('https://summit.example?Year=2025', 'https://summit.example?year=2025'), false, 'so does the query');
  assert.equal(await linked('https://summit.example#Day-1', 'https://summit.example#day-1'), false, 'and the fragment');
  assert.equal(await linked('https://summit.example/2025', 'https://summit.example/2024'), false);
  assert.equal(await linked('https://summit.example/2025', '[[event-url]]'), true, 'a placeholder is the template-placeholder rule\u2019s');
});

test('template-structure: without a usable eventUrl, only an external link before the first heading counts', async () => {
  const image = '\n\n![People in a hall](/img/a.jpg)\n';
  const recap = (eventUrl: string, body: string) => `---\ntitle: Summit recap\ndate: 2025-01-01\npostlint_kind: event-recap\n${eventUrl}---\n${body}${image}`;
  assert.deepEqual((await findings(recap('eventUrl: ""\n', 'We met at [the summit](https://summit.example/).'))).messages, [], 'an empty eventUrl');
  assert.deepEqual((await findings(recap('eventUrl: 2025\n', 'We met.'))).messages, [NO_OPENING_LINK], 'an eventUrl that is no text');
  assert.deepEqual((await findings(recap('', 'We met.\n\n## Day one\n\nSee [the summit](https://summit.example/).'))).messages, [NO_OPENING_LINK]);
  assert.deepEqual((await findings(recap('', 'We met [here](https://summit.example/).\n\n## Day one\n\nTalks.'))).messages, []);
  assert.deepEqual((await findings(recap('', 'See [our last post](/blog/older/).'))).messages, [NO_OPENING_LINK]);
});

test('template-structure: spaces count as one, but never as none; a comment before "About" leaves it the heading’s first word', async () => {
  const files = { [ABOUT_FILE]: 'We share tools.\n' };
  assert.deepEqual((await findings(welcomeWithAbout('We sharetools.\n'), files)).messages, [ABOUT_DIFFERS]);
  const commented = `${WELCOME}\n## Representatives\n\n- A\n\n## <!-- keep --> About us\n\nWe share tools.\n`;
  assert.deepEqual((await findings(commented, files)).messages, []);
});

test('template-structure: each folder’s config may name its own standard About text, and each post is compared with its own', async () => {
  const workspace = hugoSite({
    [ABOUT_FILE]: 'We share tools.\n',
    'data/members-about.md': 'We welcome members.\n',
    'content/blog/members/.postlintrc.json': '{ "templates": { "about": "data/members-about.md" } }',
    'content/blog/p.md': welcomeWithAbout('We share tools.\n'),
    'content/blog/members/q.md': welcomeWithAbout('We welcome members.\n'),
  });
  const service = createLanguageService({ workspace, now: () => FIXED_NOW });
  for (const path of ['content/blog/p.md', 'content/blog/members/q.md']) {
    const full = `${SITE}/${path}`;
    assert.deepEqual(only((await service.check(full, workspace.files.get(full)!)).diagnostics, 'template-structure'), [], path);
  }
});

test('template-structure: a link to another host, or a relative address that only holds a scheme, is not the event', async () => {
  const image = '\n\n![People in a hall](/img/a.jpg)\n';
  const recap = (eventUrl: string, body: string) => `---\ntitle: Summit recap\ndate: 2025-01-01\npostlint_kind: event-recap\neventUrl: "${eventUrl}"\n---\n${body}${image}`;
  const messages = async (eventUrl: string, url: string) => (await findings(recap(eventUrl, `We met at [the summit](${url}).`))).messages;
  const never = (eventUrl: string) => `This event recap never links to its “eventUrl”, “${eventUrl}”. Link the event's name to it in the opening.`;
  assert.deepEqual(await messages('https://summit.example/2025', 'https://other.example/2025'), [never('https://summit.example/2025')]);
  assert.deepEqual(await messages('/go/https://Summit.example', '/go/https://summit.example'), [never('/go/https://Summit.example')]);
});

test('template-structure: without eventUrl, one external link in the opening is enough among others', async () => {
  const text = '---\ntitle: Recap\ndate: 2025-01-01\npostlint_kind: event-recap\n---\nWe met at [the summit](https://summit.example/), see [last year](/blog/older/).\n\n![People](/img/a.jpg)\n';
  assert.deepEqual((await findings(text)).messages, []);
});

test('template-structure: an event recap by file name, with no front matter or with front matter that does not parse', async () => {
  const kinds = { '.postlintrc.json': '{ "kinds": { "event-recap": { "files": ["content/blog/p.md"] } } }' };
  assert.deepEqual((await findings('We met.\n', kinds)).messages, [NO_IMAGE, NO_OPENING_LINK]);
  const broken = await findings('---\ntitle: [unclosed\n---\nWe met.\n', kinds);
  assert.deepEqual(broken.messages, [NO_IMAGE, NO_OPENING_LINK]);
  assert.deepEqual(broken.ranges, ['---', '---']);
});

test('template-structure: without eventUrl, a link that is the first heading is not in the opening', async () => {
  const text = '---\ntitle: Recap\ndate: 2025-01-01\npostlint_kind: event-recap\n---\n[The summit](https://summit.example/)\n---\n\nWe met.\n\n![People](/img/a.jpg)\n';
  assert.deepEqual((await findings(text)).messages, [NO_OPENING_LINK]);
});

test('template-structure: an eventUrl of spaces only counts as none', async () => {
  const text = '---\ntitle: Recap\ndate: 2025-01-01\npostlint_kind: event-recap\neventUrl: "  "\n---\nWe met at [the summit](https://summit.example/).\n\n![People](/img/a.jpg)\n';
  assert.deepEqual((await findings(text)).messages, []);
});

test('template-structure: a long eventUrl is shortened in the middle, keeping the first sentence short', async () => {
  const eventUrl = `https://summit.example/${'long-path/'.repeat(8)}2025`;
  const { messages } = await findings(`---\ntitle: Summit recap\ndate: 2025-01-01\npostlint_kind: event-recap\neventUrl: ${eventUrl}\n---\nWe met.\n\n![People](/img/a.jpg)\n`);
  assert.deepEqual(messages, ["This event recap never links to its “eventUrl”, “https://summit.example/long-p…long-path/2025”. Link the event's name to it in the opening."]);
});
