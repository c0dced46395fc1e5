/**
 * A small Hugo site (a lighthouse keepers' blog) whose posts trip every rule at least
 * once, and both findings that are no rule: `internal-error` (a paragraph of more
 * `[` than the parser takes) and a file too large to check (with `--max-file-size 1`).
 * The report formats are tested on it, so that each rule's message, range and fixes
 * reach them. A test checks that it still trips every rule as rules are added (all but
 * link-dead, which needs the network).
 */
export const EVERY_RULE_SITE: Record<string, string> = {
  'hugo.yaml': 'baseURL: https://lighthouse.example/\ntitle: Lighthouse Keepers\n',
  // Off in the hugo preset: turned on to be tripped.
  '.postlintrc.json': '{ "rules": { "frontmatter-key-case": "warn" } }\n',
  'data/authors.yaml': 'ada:\n  name: Ada Lantern\n',
  'layouts/_default/single.html': '<article>\n  <h1>{{ .Title }}</h1>\n  {{ .Content }}\n</article>\n',
  'layouts/shortcodes/note.html': '<aside>{{ .Inner }}</aside>\n',
  'static/img/lamp.jpg': '',
  'content/blog/_index.md': '---\ntitle: Blog\n---\n',
  'content/blog/2024-05-01-lamp-room.md': [
    '---',
    'Title: The lamp room',
    'date: 2024-05-02',
    'author: adda',
    'descripton: The room at the top.',
    'draft: maybe',
    '---',
    '',
    '# The lamp room',
    '',
    'Read about it [here](https://keepers.example/lamps/) and [](https://keepers.example/x).',
    'An [empty link]() and a bare one: https://keepers.example/guide in the text.',
    'The [old site](http://keepers.example/) and [tracked](https://keepers.example/?utm_source=feed).',
    'See [the map](www.keepers.example/map) and <a href="https://keepers.example/a b">notes</a>.',
    'A [missing page](/blog/no-such-post/) and [a section](/blog/2024-05-01-lamp-room/#nowhere).',
    '',
    '#### Too deep',
    '',
    '<img src="/img/lamp.jpg">',
    '',
    '![](/img/lamp.jpg)',
    '',
    '![IMG_2041.jpg](/img/lamp.jpg)',
    '',
    '![Image of the lamp](/img/lamp.jpg)',
    '',
    `![A long description of the great lamp that goes on and on about the brass fittings, the lens, the clockwork, the keeper's chair, the oil cans, and the view over the bay at night](/img/lamp.jpg)`,
    '',
    '{{< note "unclosed >}}',
    '',
    '{{< beacon >}}',
    '',
    'Thanks to Jim\u221a\u00a9nez for the lens.',
    '',
  ].join('\n'),
  'content/blog/welcome-gull-labs.md': '---\ntitle: Welcome, Gull Labs\ndate: 2024-06-01\nauthor: ada\npostlint_kind: member-welcome\n---\n\n[[intro: Say who the new member is.]]\n',
  'content/blog/plain.md': 'No front matter here, only prose.\n',
  'content/blog/broken.md': '---\ntitle: "Broken\ndate: 2024-01-01\n---\nText.\n',
  'content/blog/brackets.md': `---\ntitle: Brackets\ndate: 2024-02-02\n---\n\n${'['.repeat(5001)}\n`,
  // Over 1 MB: with --max-file-size 1 it is not checked at all.
  'content/blog/huge.md': `---\ntitle: Huge\ndate: 2024-02-03\n---\n\n${'word '.repeat(240_000)}\n`,
};

/** The CLI's arguments for it: every finding, the too-large file's included. */
export const EVERY_RULE_ARGS = ['--max-file-size', '1'];
