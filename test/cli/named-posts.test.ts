import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli } from '../helpers/cli';
import { diskSites } from '../helpers/disk-site';

const { site } = diskSites('postlint-named-');

const PAGE = (title: string) => `---\ntitle: ${title}\ndate: 2025-02-03\n---\n\nA few words about ${title.toLowerCase()}.\n`;

/** A Hugo blog whose posts live in `content/news/`, a folder no preset guesses. */
const NEWS_SITE = {
  'content/news/_index.md': '---\ntitle: News\n---\n',
  'content/news/ferry-timetable.md': PAGE('Ferry timetable'),
  'content/news/harbour-open-day/index.md': PAGE('Harbour open day'),
  'content/news/harbour-open-day/notes.md': 'Notes for the organisers, never published.\n',
  'content/news/harbour-open-day/map.png': '',
  'content/about.md': PAGE('About'),
};

test('check <folder>: every content page in a folder the user names is a post, whatever its name', async () => {
  const root = site('news', NEWS_SITE);
  const result = await runCli(['check', 'content/news', '--format', 'json'], root);
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(
    JSON.parse(result.stdout).map((report: { filePath: string }) => report.filePath.slice(root.length + 1)),
    ['content/news/ferry-timetable.md', 'content/news/harbour-open-day/index.md'],
    'not the list page, not the bundle\u2019s resource',
  );
});

test('check <glob>: a glob names content pages the same way; _index.md is no post', async () => {
  const root = site('news-glob', NEWS_SITE);
  const result = await runCli(['check', 'content/news/**/*.md', '--format', 'json'], root);
  assert.deepEqual(
    JSON.parse(result.stdout).map((report: { filePath: string }) => report.filePath.slice(root.length + 1)),
    ['content/news/ferry-timetable.md', 'content/news/harbour-open-day/index.md'],
  );
});

test('check <folder> with no post: the message says what it holds and what to do', async () => {
  const root = site('news-empty', {
    'content/lists/_index.md': '---\ntitle: Lists\n---\n',
    'content/news/open-day/index.md': PAGE('Open day'),
    'content/news/open-day/extras/agenda.md': 'Agenda.\n',
    'archive/old.md': PAGE('Old'),
  });
  const result = await runCli(['check', 'content/lists', 'content/news/open-day/extras', 'archive'], root);
  assert.equal(result.code, 2);
  const advice = 'Name a folder of content pages, or say which files are posts with `posts` in .postlintrc.json';
  assert.equal(
    result.stderr,
    [
      `postlint: content/lists: no post matched: it holds 1 list page (\`_index.md\`). ${advice}`,
      `postlint: content/news/open-day/extras: no post matched: it holds 1 page bundle resource. ${advice}`,
      `postlint: archive: no post matched: it holds 1 file outside the content folders. ${advice}`,
      '',
    ].join('\n'),
  );
  const named = await runCli(['check', 'content/news/open-day/extras/agenda.md'], root);
  assert.match(named.stdout, /frontmatter-missing/, 'a file named on its own is checked, whatever it is');
});

test('check with no arguments on a Hugo site: a section of dated pages is a blog, whatever its name; docs are not', async () => {
  const dated = (title: string, date: string) => `---\ntitle: ${title}\ndate: ${date}\n---\n\nWords.\n`;
  const root = site('dated-sections', {
    'content/updates/_index.md': '---\ntitle: Updates\n---\n',
    'content/updates/new-pier.md': dated('New pier', '2025-01-10'),
    'content/updates/winter-hours.md': dated('Winter hours', '2024-11-02'),
    'content/updates/2023/regatta.md': '---\ntitle: Regatta\n---\n\nNo date, but its folder is a year.\n',
    'content/updates/2023-06-01-crew.md': '---\ntitle: Crew\n---\n\nDated by its name.\n',
    'content/manual/knots.md': '---\ntitle: Knots\n---\n\nNo dates in a manual.\n',
    'content/manual/sails.md': '---\ntitle: Sails\n---\n\nNone here.\n',
    'content/manual/ropes.md': dated('Ropes', '2022-02-02'),
  });
  const result = await runCli(['check', '--format', 'json'], root);
  const files = JSON.parse(result.stdout).map((report: { filePath: string }) => report.filePath.slice(root.length + 1));
  assert.ok(files.includes('content/updates/new-pier.md'), files.join(', '));
  assert.ok(!files.some((file: string) => file.startsWith('content/manual/')), 'one dated page of three does not make a blog');
  assert.ok(!files.includes('content/updates/_index.md'));
});

test('check with no arguments: dated docs are not a blog (a docs section, pages of type docs or ordered by weight, in year folders too, one stamped date); pages named by their dates are', async () => {
  const page = (title: string, front: string) => `---\ntitle: ${title}\n${front}\n---\n\nWords.\n`;
  const root = site('dated-docs', {
    // A theme's archetype gave every docs page a date: the section's name says what it is.
    'content/docs/install.md': page('Install', 'date: 2024-01-02'),
    'content/docs/configure.md': page('Configure', 'date: 2024-01-05'),
    'content/docs/upgrade.md': page('Upgrade', 'date: 2024-02-01'),
    // Ordered by hand, as docs are; dated all the same.
    'content/plugins/cache.md': page('cache', 'weight: 3\ndate: 2025-03-01'),
    'content/plugins/forward.md': page('forward', 'weight: 1\ndate: 2025-04-11'),
    'content/plugins/log.md': page('log', 'weight: 2\ndate: 2025-05-20'),
    // A build step stamped one date into every page.
    'content/reference/api.md': page('API', 'date: "2025-12-11T04:36:33"'),
    'content/reference/cli.md': page('CLI', 'date: "2025-12-11T04:36:33"'),
    'content/reference/errors.md': page('Errors', 'date: "2025-12-11T04:36:33"'),
    // A blog by any other name: dated on different days, one post pinned with a weight.
    'content/journal/first-light.md': page('First light', 'date: 2025-01-10\nweight: 1'),
    'content/journal/low-tide.md': page('Low tide', 'date: 2025-02-14'),
    'content/journal/storm.md': page('Storm', 'date: 2025-03-03'),
    // Named by their dates: a blog's posts, even where a theme's archetype gave each a weight.
    'content/log/2025-01-02-launch.md': page('Launch', 'weight: 10'),
    'content/log/2025-02-02-refit.md': page('Refit', 'weight: 10'),
    'content/log/2025-03-02-crossing.md': page('Crossing', 'weight: 10'),
    // A folder per year of an event's pages, laid out as docs: no blog, though the folders are years.
    'content/gatherings/2024/spring/venue.md': page('Venue', 'type: docs\nweight: 4'),
    'content/gatherings/2024/spring/faq.md': page('FAQ', 'Type: Docs\nweight: 7'),
    'content/gatherings/2025/autumn/schedule.md': page('Schedule', 'type: docs\nweight: 2\ndate: 2025-09-30'),
    // The same, ordered by hand with no type: still no blog.
    'content/meetups/2024/harbour/agenda.md': page('Agenda', 'weight: 1'),
    'content/meetups/2024/harbour/travel.md': page('Travel', 'weight: 2'),
    'content/meetups/2025/estuary/agenda.md': page('Agenda', 'weight: 1'),
  });
  const result = await runCli(['check', '--format', 'json'], root);
  const files: string[] = JSON.parse(result.stdout).map((report: { filePath: string }) => report.filePath.slice(root.length + 1));
  assert.deepEqual(files, [
    'content/journal/first-light.md',
    'content/journal/low-tide.md',
    'content/journal/storm.md',
    'content/log/2025-01-02-launch.md',
    'content/log/2025-02-02-refit.md',
    'content/log/2025-03-02-crossing.md',
  ]);
});

test('check with no arguments: a Markdown file inside a leaf bundle is a resource of its page, never a post', async () => {
  const root = site('bundle-resources', {
    'content/blog/boat-trip/index.md': PAGE('Boat trip'),
    'content/blog/boat-trip/packing-list.md': 'A list for the crew, published by nobody.\n',
    'content/blog/boat-trip/photos/captions.md': 'Captions.\n',
    'content/blog/harbour.md': PAGE('Harbour'),
  });
  const result = await runCli(['check', '--format', 'json'], root);
  assert.deepEqual(
    JSON.parse(result.stdout).map((report: { filePath: string }) => report.filePath.slice(root.length + 1)),
    ['content/blog/boat-trip/index.md', 'content/blog/harbour.md'],
  );
});

test('check with no arguments on a site in several languages: a bundle\'s translated index is a post, a translated list page is not; a link to a translation resolves', async () => {
  const root = site('translated-bundles', {
    'hugo.yaml': 'baseURL: https://boats.example/\ndefaultContentLanguage: en\nlanguages:\n  en: {weight: 1}\n  de: {weight: 2}\npermalinks:\n  blog: /b/:slug/\n',
    'content/blog/_index.md': '---\ntitle: Blog\n---\n',
    'content/blog/_index.de.md': '---\ntitle: Blog\n---\n',
    'content/blog/boat-trip/index.md': PAGE('Boat trip'),
    'content/blog/boat-trip/index.de.md': '---\ntitle: Bootsfahrt\nslug: bootsfahrt\ndate: 2025-02-03\n---\n\nEin paar Worte.\n',
    'content/blog/boat-trip/notes.de.md': 'Notizen, die niemand veröffentlicht.\n',
    'content/blog/harbour.de.md': '---\ntitle: Hafen\ndate: 2025-02-04\n---\n\nSiehe [die Fahrt](/de/b/bootsfahrt/) und [die englische](/b/boat-trip/).\n',
  });
  const result = await runCli(['check', '--format', 'json'], root);
  const reports: { filePath: string; messages: unknown[] }[] = JSON.parse(result.stdout);
  assert.deepEqual(
    reports.map((report) => report.filePath.slice(root.length + 1)),
    ['content/blog/boat-trip/index.de.md', 'content/blog/boat-trip/index.md', 'content/blog/harbour.de.md'],
  );
  assert.deepEqual(reports.flatMap((report) => report.messages), [], result.stdout);
});

test('check with no arguments on a site where the preset finds no post: the message says what to do', async () => {
  const root = site('no-posts', { 'content/about.md': PAGE('About'), 'content/guides/knots.md': '---\ntitle: Knots\n---\n' });
  const result = await runCli(['check'], root);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /no post matched: the preset found none where it looks for posts; name a folder, or say which files are posts with `posts` in \.postlintrc\.json/);
});

test('check with no arguments: posts ending in .markdown or .mdown, Hugo\u2019s other Markdown suffixes, are posts too', async () => {
  const root = site('markdown-suffixes', {
    'content/blog/_index.markdown': '---\ntitle: Blog\n---\n',
    'content/blog/harbour.md': PAGE('Harbour'),
    'content/blog/lighthouse.markdown': PAGE('Lighthouse'),
    'content/blog/regatta/index.mdown': PAGE('Regatta'),
    'content/blog/regatta/crew-notes.markdown': 'Notes the bundle carries, never published.\n',
    'content/news/2025-03-01-pier.markdown': PAGE('Pier'),
    'content/news/2025-03-02-moorings.mdown': PAGE('Moorings'),
    'content/news/2025-03-03-buoys.md': PAGE('Buoys'),
  });
  const result = await runCli(['check', '--format', 'json'], root);
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(
    JSON.parse(result.stdout).map((report: { filePath: string }) => report.filePath.slice(root.length + 1)),
    [
      'content/blog/harbour.md',
      'content/blog/lighthouse.markdown',
      'content/blog/regatta/index.mdown',
      'content/news/2025-03-01-pier.markdown',
      'content/news/2025-03-02-moorings.mdown',
      'content/news/2025-03-03-buoys.md',
    ],
    'the blog folder and a dated section, not the list page nor the bundle\u2019s resource',
  );
});

test('check <folder> whose pages a content adapter makes: the message names the adapter and says there is nothing to check', async () => {
  const root = site('content-adapter', {
    'content/releases/_index.md': '---\ntitle: Releases\n---\n',
    'content/releases/_content.gotmpl': '{{/* Pages made from data/releases.json when the site is built. */}}\n',
    'content/catalogue/boats/_content.gotmpl': '{{/* Boats from a feed. */}}\n',
    'content/catalogue/sails/_content.gotmpl': '{{/* Sails from a feed. */}}\n',
    'content/catalogue/oars/_content.gotmpl': '{{/* Oars from a feed. */}}\n',
    'content/catalogue/ropes/_content.gotmpl': '{{/* Ropes from a feed. */}}\n',
    'notes/_content.gotmpl': 'Outside the content folder: no adapter to Hugo.\n',
  });
  const result = await runCli(['check', 'content/releases', 'content/catalogue', 'notes'], root);
  assert.equal(result.code, 2, 'still a folder with nothing to check, as ESLint exits 2 on a pattern that matches no file');
  const build = 'from which Hugo makes its pages when the site is built, so there is no Markdown post here to check. Name a folder of Markdown posts instead';
  assert.equal(
    result.stderr,
    [
      `postlint: content/releases: no post matched: it holds 1 list page (\`_index.md\`) and the content adapter \`content/releases/_content.gotmpl\`, ${build}`,
      `postlint: content/catalogue: no post matched: it holds the content adapters \`content/catalogue/boats/_content.gotmpl\`, \`content/catalogue/oars/_content.gotmpl\`, \`content/catalogue/ropes/_content.gotmpl\` and 1 more, ${build}`,
      'postlint: notes: no post matched: it holds no Markdown files',
      '',
    ].join('\n'),
  );
});

/** A Hugo blog that also writes pages in Org-mode and AsciiDoc, which Hugo 0.111 builds (/posts/tide-tables/ from the .org file). */
const MIXED_SITE = {
  'content/posts/harbour-lights.md': PAGE('Harbour lights'),
  'content/posts/tide-tables.org': '#+title: Tide tables\n#+date: 2025-02-03\n\nWhen the *tide* turns.\n',
  'content/posts/mooring.adoc': '= Mooring\n:date: 2025-02-04\n\nRopes and knots.\n',
};

test('check <an Org-mode file>: Hugo builds it, Postlint does not read it: no error, no advice to rewrite it, exit 2 naming it', async () => {
  const root = site('org-only', MIXED_SITE);
  const result = await runCli(['check', 'content/posts/tide-tables.org', 'content/posts/mooring.adoc'], root);
  assert.equal(result.code, 2);
  assert.equal(result.stdout, '');
  assert.equal(
    result.stderr,
    'postlint: content/posts/tide-tables.org content/posts/mooring.adoc: no post matched: they are Org-mode and AsciiDoc content, which Hugo builds ' +
      'but Postlint does not read (Postlint checks Markdown posts: .md, .mdown, .markdown). Name Markdown posts to check\n',
  );
});

test('check <an Org-mode file> <a Markdown post>: the post is checked, the other is said not to be, and the exit code is the post\u2019s', async () => {
  const root = site('org-and-md', MIXED_SITE);
  const result = await runCli(['check', 'content/posts/tide-tables.org', 'content/posts/harbour-lights.md', '--format', 'json'], root);
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(
    JSON.parse(result.stdout).map((report: { filePath: string }) => report.filePath.slice(root.length + 1)),
    ['content/posts/harbour-lights.md'],
  );
  assert.equal(
    result.stderr,
    'postlint: content/posts/tide-tables.org: not checked: it is Org-mode content, which Hugo builds but Postlint does not read ' +
      '(Postlint checks Markdown posts: .md, .mdown, .markdown)\n',
  );
});

test('check with no path, where the config\u2019s `posts` takes in a whole folder: its Org-mode and AsciiDoc pages are not posts, nor counted as checked', async () => {
  const root = site('org-no-path', { ...MIXED_SITE, '.postlintrc.json': '{ "posts": ["content/posts/**"] }' });
  const result = await runCli(['check', '--format', 'json', '--output-file', 'report.json'], root);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^1 file checked;/m);
  const printed = await runCli(['print-config', 'content/posts/tide-tables.org'], root);
  assert.equal(JSON.parse(printed.stdout).isPost, false);
});
