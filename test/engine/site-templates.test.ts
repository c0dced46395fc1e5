import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLanguageService } from '../../server/engine/language-service';
import { FIXED_NOW, hugoSite, rangeText, SITE } from '../helpers/memory-workspace';

/**
 * `useSiteTemplates: false` (an untrusted folder in the editor): the site's own template
 * files and "About" text are never read; the built-in templates apply.
 */

const BUILTIN = {
  'member-welcome': '---\ntitle: "[[title]]"\ndate: [[date]]\npostlint_kind: member-welcome\n---\nBuilt-in welcome of [[org]].\n\n## About [[site]]\n\n[[about]]\n',
  'event-recap': '---\ntitle: "[[title]]"\ndate: [[date]]\npostlint_kind: event-recap\n---\nBuilt-in recap of [[event]].\n',
};

const SITE_FILES = {
  '.postlintrc.json': JSON.stringify({ templates: { 'member-welcome': 'templates/welcome.md', 'event-recap': 'templates/recap.md' } }),
  'templates/welcome.md': '---\ntitle: "[[title]]"\ndate: [[date]]\npostlint_kind: member-welcome\n---\nOur own welcome of [[org]]. [[intro: Say in your own words who joins and why they joined us]]\n\n## About us\n\n[[about]]\n',
  'templates/recap.md': '---\ntitle: "[[title]]"\ndate: [[date]]\npostlint_kind: event-recap\n---\nOur own recap of [[event]].\n',
  'data/postlint/about.md': 'We are the Garden Network.\n',
};

function service(useSiteTemplates: boolean | undefined, files: Record<string, string> = SITE_FILES) {
  const workspace = hugoSite({ 'hugo.yaml': 'baseURL: https://example.org/\ntitle: Garden Network\n', ...files });
  return { workspace, service: createLanguageService({ workspace, now: () => FIXED_NOW, templates: BUILTIN, useSiteTemplates }) };
}

async function newPostText(useSiteTemplates: boolean | undefined, kind: 'member-welcome' | 'event-recap', files?: Record<string, string>) {
  const { plan } = await service(useSiteTemplates, files).service.planNewPost(`${SITE}/content/blog`, {
    kind,
    title: 'Hello',
    org: 'Fern Labs',
    event: 'Apple Day',
    date: '2026-03-04',
  });
  return plan.text;
}

test('site templates: by default (and when true) the site\u2019s own templates and About text make new posts', async () => {
  const welcome = '---\ntitle: "Hello"\ndate: 2026-03-04\npostlint_kind: member-welcome\n---\nOur own welcome of Fern Labs. [[intro: Say in your own words who joins and why they joined us]]\n\n## About us\n\nWe are the Garden Network.\n';
  for (const useSiteTemplates of [undefined, true]) {
    assert.equal(await newPostText(useSiteTemplates, 'member-welcome'), welcome);
    assert.equal(await newPostText(useSiteTemplates, 'event-recap'), '---\ntitle: "Hello"\ndate: 2026-03-04\npostlint_kind: event-recap\n---\nOur own recap of Apple Day.\n');
  }
});

test('site templates: when false, new posts take the built-in templates and no About text', async () => {
  assert.equal(
    await newPostText(false, 'member-welcome'),
    '---\ntitle: "Hello"\ndate: 2026-03-04\npostlint_kind: member-welcome\n---\nBuilt-in welcome of Fern Labs.\n\n## About Garden Network\n\n[[about]]\n',
  );
  assert.equal(await newPostText(false, 'event-recap'), '---\ntitle: "Hello"\ndate: 2026-03-04\npostlint_kind: event-recap\n---\nBuilt-in recap of Apple Day.\n');
  // `templates.about` names the About file as well: it is not read either.
  const namedAbout = { '.postlintrc.json': '{ "templates": { "about": "about-us.md" } }', 'about-us.md': 'We are the Garden Network.\n' };
  const builtinWelcome = '---\ntitle: "Hello"\ndate: 2026-03-04\npostlint_kind: member-welcome\n---\nBuilt-in welcome of Fern Labs.\n\n## About Garden Network\n\n';
  assert.equal(await newPostText(true, 'member-welcome', namedAbout), `${builtinWelcome}We are the Garden Network.\n`);
  assert.equal(await newPostText(false, 'member-welcome', namedAbout), `${builtinWelcome}[[about]]\n`);
});

test('site templates: when false, a template file the config names is not read, so a missing one is no error', async () => {
  const missing = { '.postlintrc.json': '{ "templates": { "event-recap": "templates/none.md" } }' };
  await assert.rejects(newPostText(true, 'event-recap', missing), /templates\.event-recap: \/site\/templates\/none\.md does not exist or cannot be read/);
  assert.equal(await newPostText(false, 'event-recap', missing), '---\ntitle: "Hello"\ndate: 2026-03-04\npostlint_kind: event-recap\n---\nBuilt-in recap of Apple Day.\n');
});

test('site templates: when false, checks neither compare the About section with the site\u2019s text nor know its template\u2019s guidance', async () => {
  const post =
    '---\ntitle: Welcome, Fern\ndate: 2025-01-01\npostlint_kind: member-welcome\n---\nFern joins. Say in your own words who joins and why they joined us.\n\n' +
    '## Representatives\n\n- Ann\n\n## About us\n\nWe are an older text.\n';
  const findings = async (useSiteTemplates: boolean) => {
    const { service: engine } = service(useSiteTemplates, { ...SITE_FILES, 'content/blog/p.md': post });
    const { diagnostics } = await engine.check(`${SITE}/content/blog/p.md`, post);
    return diagnostics.map((d) => [d.ruleId, rangeText(post, d)]);
  };
  assert.deepEqual(await findings(true), [
    ['template-placeholder', 'Say in your own words who joins and why they joined us'],
    ['template-structure', 'We are an older text.'],
  ]);
  assert.deepEqual(await findings(false), []);
});

test('site templates: with no About file, a new post takes the About section of the newest post of its kind, as the site writes it now', async () => {
  const welcome = (date: string, about: string) => `---\ntitle: "Welcoming someone"\ndate: ${date}\npostlint_kind: member-welcome\n---\nHello.\n\n## About the Garden Network\n\n${about}\n\n## Next\n\nMore.\n`;
  const files = {
    'content/blog/old-welcome.md': welcome('2021-05-01', 'We were a small club.'),
    'content/blog/new-welcome.md': welcome('2025-09-30', 'We are the Garden Network,\nsince 2019.'),
    // Newer, but another kind: its About section is not a welcome's.
    'content/blog/recap.md': '---\ntitle: "A recap"\ndate: 2026-01-01\npostlint_kind: event-recap\n---\n## About the fair\n\nApples.\n',
    // Newer, but a welcome without an About section: passed over.
    'content/blog/bare-welcome.md': '---\ntitle: "Welcoming others"\ndate: 2026-02-01\npostlint_kind: member-welcome\n---\nHi.\n',
  };
  const builtinWelcome = '---\ntitle: "Hello"\ndate: 2026-03-04\npostlint_kind: member-welcome\n---\nBuilt-in welcome of Fern Labs.\n\n## About Garden Network\n\n';
  assert.equal(await newPostText(true, 'member-welcome', files), `${builtinWelcome}We are the Garden Network,\nsince 2019.\n`);
  // The site's own file, where it has one, comes first; untrusted, neither is read.
  assert.equal(await newPostText(true, 'member-welcome', { ...files, 'data/postlint/about.md': 'Our standard text.\n' }), `${builtinWelcome}Our standard text.\n`);
  assert.equal(await newPostText(false, 'member-welcome', files), `${builtinWelcome}[[about]]\n`);
  // No post of the kind has one: the placeholder stays for the author.
  assert.equal(await newPostText(true, 'member-welcome', { 'content/blog/bare-welcome.md': files['content/blog/bare-welcome.md'] }), `${builtinWelcome}[[about]]\n`);
});
