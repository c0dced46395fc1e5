import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { nodeLanguageService } from '../../server/node/language-service';
import { runCli } from '../helpers/cli';
import { copyCorpus, corpusTest, TODO_BLOG, TODO_SITE } from '../helpers/corpus';

const temp = mkdtempSync(join(tmpdir(), 'postlint-new-'));
after(() => rmSync(temp, { recursive: true, force: true }));

/** A small Hugo site of our own, with the images the sample values point at. */
function site(name: string, extra: Record<string, string> = {}): string {
  const root = join(temp, name);
  const files: Record<string, string> = {
    'hugo.yaml': 'baseURL: https://garden.example/\ntitle: Community Garden Network\n',
    'data/authors.yaml': 'editors:\n  name: The editors\nrosa:\n  name: Rosa Lind\n',
    'static/img/blog/orchard-team.jpg': '',
    'static/img/blog/summit-hall.jpg': '',
    'content/blog/_index.md': '---\ntitle: Blog\n---\n',
    ...extra,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** Sample values, in our own words, for every placeholder `postlint new` leaves. */
const SAMPLES: Record<string, string> = {
  author: 'editors',
  intro: 'Orchard Labs builds open tools for small farms.',
  work: 'Its engineers maintain two sensor drivers and review every release with the community.',
  'focus-1': 'A policy for contributing upstream',
  'focus-2': 'Training for new maintainers',
  'focus-3': 'A shared format for harvest logs',
  'image-alt': 'Three engineers testing a soil sensor in a greenhouse',
  image: '/img/blog/orchard-team.jpg',
  'representative-1': 'Ana Lind, open source lead',
  'representative-2': 'Tom Berg, engineer',
  about: 'The Community Garden Network helps gardens share tools and knowledge.',
  'event-url': 'https://events.garden.example/summit-2026/',
  'event-date': '12 May 2026',
  attendance: 'about 80 people',
  location: 'Lisbon',
  summary: 'Growers and maintainers compared notes on shared tools.',
  'photo-alt': 'Attendees listening to a talk in a bright hall',
  photo: '/img/blog/summit-hall.jpg',
  'talk-1-title': 'Keeping harvest data private',
  'talk-1': 'Rosa Lind showed how growers can share yields without sharing locations.',
  'talk-2-title': 'Maintaining drivers together',
  'talk-2': 'Two maintainers explained how they split reviews between companies.',
  'recording-url': 'https://video.garden.example/summit-2026',
  'slides-url': 'https://slides.garden.example/summit-2026',
  next: 'The next summit is in the autumn; the call for talks opens in June.',
  thanks: 'Thank you to our hosts at the city library and to every speaker.',
};

/**
 * Placeholders, `[[name]]` or `[[name: hint]]`, found by the test's own expression
 * (the syntax docs/templates.md gives), not by the engine's parser.
 */
const PLACEHOLDER = /\[\[([a-z][a-z0-9-]*)(?::[^\]]*)?\]\]/g;
const placeholderNames = (text: string) => [...text.matchAll(PLACEHOLDER)].map((match) => match[1]);
const fillByHand = (text: string) => text.replace(PLACEHOLDER, (whole, name: string) => SAMPLES[name] ?? whole);

/**
 * The placeholders `postlint new` leaves, in order, read from schemas/templates/*.md:
 * the command fills the title, date, organisation or event, the author when given
 * and the site's name; the author stays for the event recap, given no --author.
 */
const MEMBER_WELCOME_LEFT = ['intro', 'work', 'focus-1', 'focus-2', 'focus-3', 'image-alt', 'image', 'representative-1', 'representative-2', 'about'];
const EVENT_RECAP_LEFT = ['event-url', 'event-date', 'attendance', 'location', 'event-url', 'summary', 'photo-alt', 'photo', 'talk-1-title', 'talk-1', 'talk-2-title', 'talk-2', 'recording-url', 'slides-url', 'next', 'thanks'];
const LEFT: Record<string, string[]> = { 'member-welcome': MEMBER_WELCOME_LEFT, 'event-recap': ['author', ...EVENT_RECAP_LEFT] };

/** The placeholder each finding covers, by name: `[[intro: …]]` is `intro`. */
function coveredNames(text: string, ranges: { start: { line: number; character: number }; end: { line: number; character: number } }[]): string[] {
  const lines = text.split('\n');
  return ranges.map((range) => {
    assert.equal(range.start.line, range.end.line, 'a placeholder is on one line');
    const covered = lines[range.start.line].slice(range.start.character, range.end.character);
    return placeholderNames(covered).length === 1 && covered.startsWith('[[') && covered.endsWith(']]') ? placeholderNames(covered)[0] : `not a placeholder: ${covered}`;
  });
}

const ARGS: Record<string, string[]> = {
  'member-welcome': ['--title', 'Welcoming Orchard Labs as a New Member', '--org', 'Orchard Labs', '--author', 'rosa'],
  'event-recap': ['--title', 'Garden Summit 2026: Highlights', '--event', 'Garden Summit 2026', '--date', '2026-05-14'],
};

for (const kind of ['member-welcome', 'event-recap']) {
  test(`new ${kind}: filled with sample values, the post has no finding at all`, async () => {
    const root = site(`filled-${kind}`);
    const { code, stdout, stderr } = await runCli(['new', kind, ...ARGS[kind]], root);
    assert.equal(code, 0, stderr);
    const path = stdout.trim();
    assert.equal(stdout.split('\n').length, 2, 'exactly one line');
    assert.ok(path.startsWith(join(root, 'content', 'blog')), path);
    const written = readFileSync(path, 'utf8');
    assert.deepEqual(placeholderNames(written), LEFT[kind]);
    const filled = fillByHand(written);
    assert.deepEqual(placeholderNames(filled), [], 'every placeholder has a sample value');
    const result = await nodeLanguageService().check(path, filled);
    assert.deepEqual(result.diagnostics.map((d) => `${d.ruleId}: ${d.message}`), []);
  });

  test(`new ${kind}: left as written, the only findings are one template-placeholder per placeholder`, async () => {
    const root = site(`defaults-${kind}`);
    const { stdout } = await runCli(['new', kind, ...ARGS[kind]], root);
    const path = stdout.trim();
    const text = readFileSync(path, 'utf8');
    const diagnostics = (await nodeLanguageService().check(path, text)).diagnostics;
    assert.deepEqual([...new Set(diagnostics.map((d) => d.ruleId))], ['template-placeholder']);
    assert.deepEqual(coveredNames(text, diagnostics.map((d) => d.range)), LEFT[kind]);
  });
}

test('new: writes the title, date, author and kind into valid front matter, quoting what YAML needs', async () => {
  const root = site('quotes');
  const { stdout } = await runCli(['new', 'member-welcome', '--title', 'Welcoming "Fern & Co" \\ Friends', '--org', 'Fern & Co', '--date', '2026-02-03'], root);
  const text = readFileSync(stdout.trim(), 'utf8');
  assert.match(text, /^---\ntitle: "Welcoming \\"Fern & Co\\" \\\\ Friends"\n/);
  assert.match(text, /\ndate: 2026-02-03\n/);
  assert.match(text, /\npostlint_kind: member-welcome\n/);
  assert.ok(stdout.trim().endsWith('/welcoming-fern-co-friends.md'));
});

test('new: the config chooses the folder, a date prefix, the author and the About text', async () => {
  const root = site('configured', {
    '.postlintrc.json': '{ "templates": { "folder": "content/news", "datePrefix": true, "author": "editors", "siteName": "the Network" } }',
    'data/postlint/about.md': 'The Network is a place for gardens to share.\n',
  });
  const { code, stdout } = await runCli(['new', 'member-welcome', '--title', 'Hello Fern', '--org', 'Fern', '--date', '2026-02-03'], root);
  assert.equal(code, 0);
  assert.equal(stdout.trim(), join(root, 'content', 'news', '2026-02-03-hello-fern.md'));
  const text = readFileSync(stdout.trim(), 'utf8');
  assert.match(text, /author: "editors"/);
  assert.match(text, /## About the Network\n\nThe Network is a place for gardens to share.\n/);
});

test('new: exit 2 with one line when the file exists, an option is missing, or no site is found', async () => {
  const root = site('errors');
  const first = await runCli(['new', 'event-recap', '--title', 'Twice', '--event', 'E'], root);
  assert.equal(first.code, 0);
  const before = readFileSync(first.stdout.trim(), 'utf8');
  const again = await runCli(['new', 'event-recap', '--title', 'Twice', '--event', 'Other'], root);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /exists: Postlint never overwrites a post\n$/);
  assert.equal(readFileSync(first.stdout.trim(), 'utf8'), before, 'the existing post is untouched');

  for (const args of [['event-recap', '--title', 'No event'], ['member-welcome', '--org', 'X'], ['party', '--title', 'X'], ['event-recap', '--title', 'X', '--event', 'E', '--date', '2026-02-30']]) {
    const result = await runCli(['new', ...args], root);
    assert.equal(result.code, 2, args.join(' '));
    assert.equal(result.stderr.trim().split('\n').length, 1);
    assert.equal(result.stdout, '');
  }
  const nowhere = mkdtempSync(join(temp, 'nosite-'));
  const lost = await runCli(['new', 'event-recap', '--title', 'X', '--event', 'E'], nowhere);
  assert.equal(lost.code, 2);
  assert.match(lost.stderr, /no Hugo site found/);
  const out = await runCli(['new', 'event-recap', '--title', 'X', '--event', 'E', '--out', 'drafts/x.md'], nowhere);
  assert.equal(out.code, 0, 'with --out, no site is needed');
  assert.ok(existsSync(join(nowhere, 'drafts', 'x.md')));
});

corpusTest('new on a copy of the TODO Group site: only template-placeholder findings, one per placeholder', {}, async () => {
  const root = join(temp, 'todogroup');
  copyCorpus(TODO_SITE, root);
  // The todogroup preset gives the author (todogroup), so only the recap's own placeholders stay.
  // The site names no About file: a welcome takes the About section of its newest welcome (2025-12-24).
  const commands: [string[], string[]][] = [
    [['member-welcome', '--title', 'Welcoming Fabrikam as a New TODO Group General Member', '--org', 'Fabrikam'], MEMBER_WELCOME_LEFT.filter((name) => name !== 'about')],
    [['event-recap', '--title', 'OSPO Meetup Lisbon: Highlights', '--event', 'OSPO Meetup Lisbon'], EVENT_RECAP_LEFT],
  ];
  for (const [args, left] of commands) {
    const { code, stdout, stderr } = await runCli(['new', ...args], root);
    assert.equal(code, 0, stderr);
    const path = stdout.trim();
    assert.ok(path.startsWith(join(root, 'content', 'en', 'blog')), path);
    const check = await runCli(['check', '--format', 'json', path], root);
    const [report] = JSON.parse(check.stdout) as { messages: { ruleId: string; line: number; column: number; endLine: number; endColumn: number }[] }[];
    const text = readFileSync(path, 'utf8');
    assert.deepEqual([...new Set(report.messages.map((m) => m.ruleId))], ['template-placeholder']);
    const ranges = report.messages.map((m) => ({ start: { line: m.line - 1, character: m.column - 1 }, end: { line: m.endLine - 1, character: m.endColumn - 1 } }));
    assert.deepEqual(coveredNames(text, ranges), left);
    assert.match(text, /^---\ntitle: ".*"\nauthor: "todogroup"\n/);
    if (args[0] === 'member-welcome') {
      const newest = readFileSync(join(TODO_BLOG, 'todo-member-george-washington-university.md'), 'utf8');
      const about = newest.slice(newest.search(/^## About/m)).split('\n').slice(1).join('\n').trim();
      assert.ok(about.length > 100 && text.trimEnd().endsWith(about), 'the newest welcome\u2019s About text ends the new post');
    }
  }
});

test('new: a site brings its own template through .postlintrc.json; a missing one is a config error', async () => {
  const root = site('own-template', {
    '.postlintrc.json': '{ "templates": { "event-recap": "templates/recap.md" } }',
    'templates/recap.md': '---\ntitle: "[[title]]"\ndate: [[date]]\npostlint_kind: event-recap\n---\nOur own outline for [[event]].\n',
  });
  const { code, stdout } = await runCli(['new', 'event-recap', '--title', 'Own', '--event', 'Apple Day', '--date', '2026-09-01'], root);
  assert.equal(code, 0);
  assert.equal(readFileSync(stdout.trim(), 'utf8'), '---\ntitle: "Own"\ndate: 2026-09-01\npostlint_kind: event-recap\n---\nOur own outline for Apple Day.\n');
  const broken = site('missing-template', { '.postlintrc.json': '{ "templates": { "event-recap": "templates/none.md" } }' });
  const missing = await runCli(['new', 'event-recap', '--title', 'X', '--event', 'E'], broken);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /invalid configuration: templates\.event-recap: .*none\.md does not exist/);
});
