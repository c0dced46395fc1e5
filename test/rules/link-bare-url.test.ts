import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bodyFindings, fixUntilStable, postWith } from '../helpers/link-fixes';
import { checkPost, hugoSite } from '../helpers/memory-workspace';

const RULE = 'link-bare-url';

const findings = (body: string) => bodyFindings(RULE, body);

test('link-bare-url: a URL pasted into prose, without the sentence punctuation after it', async () => {
  const { diagnostics, ranges } = await findings('The seed library lives at https://seeds.example/library?lang=fr. Come by!\n');
  assert.deepEqual(ranges, ['https://seeds.example/library?lang=fr']);
  assert.equal(diagnostics[0].severity, 'warning');
  assert.match(diagnostics[0].message, /Bare URL “https:\/\/seeds\.example\/library\?lang=fr” is a link only because GFM guesses where it ends\. Give it text/);
  const [fix] = diagnostics[0].fixes;
  assert.equal(fix.safe, true);
  assert.deepEqual(fix.edits.map((e) => e.newText), ['<', '>']);
});

test('link-bare-url: --fix wraps the URL in angle brackets, and the result is clean', async () => {
  const site = hugoSite({ 'content/blog/p.md': postWith('Visit https://a.example/x and (https://b.example/y).\n') });
  const { text, left } = await fixUntilStable(site, 'content/blog/p.md', RULE);
  assert.equal(text, postWith('Visit <https://a.example/x> and (<https://b.example/y>).\n'));
  assert.equal(left, 0);
});

test('link-bare-url: with an http:// fix on the same URL, both apply in turn', async () => {
  const site = hugoSite({ 'content/blog/p.md': postWith('Our home: http://example.org/about?utm_source=x\n') });
  const { text, left } = await fixUntilStable(site, 'content/blog/p.md', RULE, 'link-insecure', 'link-tracking-params');
  assert.equal(text, postWith('Our home: <https://example.org/about>\n'));
  assert.equal(left, 0);
});

test('link-bare-url: a bare www. address is reported; adding https:// is left to a person', async () => {
  const { diagnostics, ranges } = await findings('Our old site www.garden.example still works.\n');
  assert.deepEqual(ranges, ['www.garden.example']);
  const [fix] = diagnostics[0].fixes;
  assert.equal(fix.safe, false);
  assert.deepEqual(fix.edits.map((e) => e.newText), ['<https://', '>']);
  assert.match(diagnostics[0].message, /\(“\[words naming the page\]\(https:\/\/www\.garden\.example\)”\)/, 'the advice is a link that works, not a relative one');
});

test('link-bare-url: e-mail addresses, autolinks, links with text, code and comments are fine', async () => {
  const { diagnostics } = await findings(
    [
      'Write to team@garden.example or <mailto:team@garden.example>.',
      'See <https://auto.example/> and [the guide](https://guide.example/).',
      'In code: `https://code.example/`.',
      '',
      '```',
      'https://fence.example/',
      '```',
      '',
      '<!-- https://comment.example/ -->',
      '',
    ].join('\n'),
  );
  assert.deepEqual(diagnostics, []);
});

/** Each finding as its message and fixes, with edits as [line, start, end, newText]. */
function summary(diagnostics: Awaited<ReturnType<typeof findings>>['diagnostics']) {
  return diagnostics.map((d) => [
    d.message,
    d.fixes.map((f) => [f.title, f.safe, f.preferred, f.edits.map((e) => [e.range.start.line, e.range.start.character, e.range.end.character, e.newText])]),
  ]);
}

const bare = (url: string, href = /^www\./i.test(url) ? `https://${url}` : url) =>
  `Bare URL “${url}” is a link only because GFM guesses where it ends. Give it text that says what it is (“[words naming the page](${href})”), or at least wrap it in angle brackets.`;

test('link-bare-url: a www. address with a colon in its path still has no scheme; the fixes are complete', async () => {
  const { diagnostics } = await findings('See www.example.org/a:b and xmpp:team@garden.example now.\n');
  assert.deepEqual(summary(diagnostics), [
    [bare('www.example.org/a:b'), [['Write it as “<https://www.example.org/a:b>”', false, true, [[5, 4, 4, '<https://'], [5, 23, 23, '>']]]]],
    [bare('xmpp:team@garden.example'), [['Wrap it in angle brackets: “<xmpp:team@garden.example>”', true, true, [[5, 28, 28, '<'], [5, 52, 52, '>']]]]],
  ]);
});

test('link-bare-url: in a footnote an upper-case scheme is linked too, and is a scheme', async () => {
  const { diagnostics } = await findings('A claim.[^1]\n\n[^1]: HTTPS://Up.example/x\n');
  assert.deepEqual(summary(diagnostics), [
    [bare('HTTPS://Up.example/x'), [['Wrap it in angle brackets: “<HTTPS://Up.example/x>”', true, true, [[7, 6, 6, '<'], [7, 26, 26, '>']]]]],
  ]);
});

test('link-bare-url: an address already in angle brackets in a footnote is an autolink: nothing to report, nothing to wrap again', async () => {
  const { diagnostics } = await findings('A claim.[^1] Another.[^2]\n\n[^1]:\n    <https://report.example/market>\n\n[^2]: <https://other.example/x>\n');
  assert.deepEqual(summary(diagnostics), []);
});

test('link-bare-url: a long URL is shortened in the first sentence, and whole in the link the advice shows', async () => {
  const url = 'https://seeds.example/library/catalogue/heirloom-tomatoes?lang=fr&page=2';
  const { diagnostics } = await findings(`The catalogue: ${url}\n`);
  assert.deepEqual(summary(diagnostics), [
    [
      `Bare URL “https://seeds.example/libr…ng=fr&page=2” is a link only because GFM guesses where it ends. Give it text that says what it is (“[words naming the page](${url})”), or at least wrap it in angle brackets.`,
      [['Wrap it in angle brackets: “<https://seeds.example/library/catalogue…oes?lang=fr&page=2>”', true, true, [[5, 15, 15, '<'], [5, 87, 87, '>']]]],
    ],
  ]);
});

test('link-bare-url: a URL in quotes, whose closing quote (and the ) before it) GFM takes into the address, is wrapped without them, in the editor only; --fix leaves it', async () => {
  const body = 'Quoted "https://q.example/b" and \'https://s.example/c\' and "Revert (https://p.example/pull/6)" here, but "https://w.example/wiki/A_(b)" too.\n';
  const { diagnostics, ranges } = await findings(body);
  assert.deepEqual(ranges, ['https://q.example/b"', "https://s.example/c'", 'https://p.example/pull/6)"', 'https://w.example/wiki/A_(b)"']);
  assert.equal(
    diagnostics[0].message,
    'Bare URL “https://q.example/b"” takes in the “"” after it, so the link leads nowhere. GFM counts quotes as part of an address: put the address in angle brackets, “<https://q.example/b>”.',
  );
  const wrapped = (index: number) => {
    const [start, end] = diagnostics[index].fixes[0].edits.map((edit) => edit.range.start.character);
    return `${body.slice(start, end)} (safe: ${diagnostics[index].fixes[0].safe})`;
  };
  assert.deepEqual([0, 1, 2, 3].map(wrapped), [
    'https://q.example/b (safe: false)',
    'https://s.example/c (safe: false)',
    'https://p.example/pull/6 (safe: false)',
    'https://w.example/wiki/A_(b) (safe: false)',
  ]);
  const site = hugoSite({ 'content/blog/p.md': postWith(body) });
  assert.equal((await fixUntilStable(site, 'content/blog/p.md', RULE)).text, postWith(body));
});

test('link-bare-url: where a bare URL took in a ")" after it, link-malformed gives way, as this rule says what happened', async () => {
  const text = postWith('Reverted "Fix the nets (https://p.example/pull/6)" today.\n');
  const found = (await checkPost(hugoSite({ 'content/blog/p.md': text }), 'content/blog/p.md')).filter((d) => d.ruleId.startsWith('link-')).map((d) => d.ruleId);
  assert.deepEqual(found, ['link-bare-url']);
});

test('link-bare-url: a URL in what reads as a shell command is told to go in a code block, with no fix: brackets or link text would change the command', async () => {
  const { diagnostics, ranges } = await findings('Add the chart:\n\n>$ helm repo add garden https://charts.garden.example\n>\n> $ curl -O https://garden.example/seeds.tar.gz\n\n$5 buys seeds at https://shop.garden.example today.\n');
  assert.deepEqual(ranges, ['https://charts.garden.example', 'https://garden.example/seeds.tar.gz', 'https://shop.garden.example']);
  assert.equal(
    diagnostics[0].message,
    'Bare URL “https://charts.garden.example” is in what reads as a shell command, which GFM links. Put the command in a code block (or a code span), where it stays as typed.',
  );
  assert.deepEqual(diagnostics.map((d) => d.fixes.length), [0, 0, 1], 'a sentence that only starts with a price is prose');
});
