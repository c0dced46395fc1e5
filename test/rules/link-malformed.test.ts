import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bodyFindings, fixUntilStable, postWith } from '../helpers/link-fixes';
import { hugoSite } from '../helpers/memory-workspace';

const RULE = 'link-malformed';

const findings = (body: string) => bodyFindings(RULE, body);

test('link-malformed: spaces in a URL, with a safe %20 fix', async () => {
  const { diagnostics, ranges } = await findings('The <a href="https://files.example/annual report 2025.pdf">report</a> and <a href="https://x.example/a b">x</a>.\n');
  assert.deepEqual(ranges, ['https://files.example/annual report 2025.pdf', 'https://x.example/a b']);
  assert.equal(diagnostics[0].severity, 'warning');
  assert.match(diagnostics[0].message, /contains a space \(“…ample\/annual report 2025\.…”\)\. Tools may cut the address there: write each space as “%20”\./);
  const [fix] = diagnostics[0].fixes;
  assert.equal(fix.safe, true);
  assert.deepEqual(fix.edits.map((e) => e.newText), ['%20', '%20']);
});

test('link-malformed: a % that starts no escape in raw HTML; %25 is offered in the editor only', async () => {
  const { diagnostics, ranges } = await findings('<a href="https://sched.example/e?iframe=yes&w=100%&bg=no">Schedule</a> and <img src="/img/50%.png" alt="Bar">\n');
  assert.deepEqual(ranges, ['https://sched.example/e?iframe=yes&w=100%&bg=no', '/img/50%.png']);
  assert.match(diagnostics[0].message, /a “%” that starts no escape \(“…me=yes&w=100%&bg=no”\)\..*write a percent sign as “%25”/);
  assert.equal(diagnostics[0].fixes[0].safe, false);
  assert.equal(diagnostics[0].fixes[0].edits[0].newText, '%25');
});

test('link-malformed: unbalanced parentheses or brackets', async () => {
  const { diagnostics, ranges } = await findings('[Wiki](<https://wiki.example/Seed_(botany>) and <a href="https://x.example/a]b">x</a>\n');
  assert.deepEqual(ranges, ['https://wiki.example/Seed_(botany', 'https://x.example/a]b']);
  assert.match(diagnostics[0].message, /a “\(” without its partner/);
  assert.deepEqual(diagnostics[0].fixes ?? [], []);
});

test('link-malformed: --fix encodes spaces only, and is then quiet about them', async () => {
  const site = hugoSite({ 'content/blog/p.md': postWith('<a href="https://x.example/a b c">a</a> <img src="/files/my notes.png" alt="Notes">\n') });
  const { text, left } = await fixUntilStable(site, 'content/blog/p.md', RULE);
  assert.equal(text, postWith('<a href="https://x.example/a%20b%20c">a</a> <img src="/files/my%20notes.png" alt="Notes">\n'));
  assert.equal(left, 0);
});

test('link-malformed: blanks around an attribute value and a space in the host', async () => {
  const { diagnostics, ranges } = await findings('<a href="  https://x.example/ok  ">fine</a> <a href="https://bad host.example/">host</a>\n');
  assert.deepEqual(ranges, ['https://bad host.example/']);
  assert.equal(diagnostics[0].fixes[0].safe, false, 'no encoding mends a host');
});

test('link-malformed: well-formed URLs, templates, code and comments are fine', async () => {
  const { diagnostics } = await findings(
    [
      '[Wiki](https://wiki.example/Seed_(botany)) [Q](https://s.example/?q=caf%C3%A9&filter[kind]=seed) [v6](http://[::1]:8080/)',
      '[T]({{< ref "other.md" >}}) `[c](<https://code.example/a b>)` [Escaped](https://wiki.example/Seed_\\(botany)',
      '<!-- [old](https://comment.example/100%) -->',
      '',
    ].join('\n'),
  );
  assert.deepEqual(diagnostics, []);
});

/** Each finding as its message and fixes, with edits as [start, end, newText] on the body's line. */
function summary(diagnostics: Awaited<ReturnType<typeof findings>>['diagnostics']) {
  return diagnostics.map((d) => [d.message, d.fixes.map((f) => [f.title, f.safe, f.preferred, f.edits.map((e) => [e.range.start.character, e.range.end.character, e.newText])])]);
}

const SPACE = (shown: string) => `This URL contains a space (“${shown}”). Tools may cut the address there: write each space as “%20”.`;
const TAB = (shown: string) => `This URL contains a line break or tab (“${shown}”). Tools may cut the address there: write each space as “%20”.`;

test('link-malformed: the message shows the URL from its start when the blank is near it; a tab has no fix', async () => {
  const { diagnostics, ranges } = await findings(
    '<a href="/a b">a</a> <a href="/abcdefghijk l">b</a> <a href="https://x.example/a\tb">t</a> <a href="https://x.example/a b\tc">m</a>\n',
  );
  assert.deepEqual(ranges, ['/a b', '/abcdefghijk l', 'https://x.example/a\tb', 'https://x.example/a b\tc']);
  assert.deepEqual(summary(diagnostics), [
    [SPACE('/a b'), [['Write spaces as “%20”', true, true, [[11, 12, '%20']]]]],
    [SPACE('/abcdefghijk l'), [['Write spaces as “%20”', true, true, [[42, 43, '%20']]]]],
    [TAB('…/x.example/a\tb'), []],
    // The space still gets its %20, but a person must see to the tab.
    [TAB('…/x.example/a b\tc'), [['Write spaces as “%20”', false, true, [[118, 119, '%20']]]]],
  ]);
});

test('link-malformed: the host ends at ? as well as /, or at the end; a padded attribute is fixed where the URL starts', async () => {
  const { diagnostics, ranges } = await findings(
    '<a href="https://x.example?q=a b">q</a> <a href="https://bad host.example">h</a> <a href="  https://x.example/a b ">p</a>\n',
  );
  assert.deepEqual(ranges, ['https://x.example?q=a b', 'https://bad host.example', 'https://x.example/a b']);
  assert.deepEqual(summary(diagnostics), [
    [SPACE('….example?q=a b'), [['Write spaces as “%20”', true, true, [[30, 31, '%20']]]]],
    [SPACE('https://bad host.example'), [['Write spaces as “%20”', false, true, [[60, 61, '%20']]]]],
    [SPACE('…/x.example/a b'), [['Write spaces as “%20”', true, true, [[111, 112, '%20']]]]],
  ]);
});

test('link-malformed: a % needs two hex digits after it, in either case; every stray % is encoded', async () => {
  const line = '<a href="/img/50%2.png">a</a> <a href="https://s.example/caf%c3%a9">b</a> <a href="/a%/b%">c</a>';
  const { diagnostics, ranges } = await findings(`${line}\n`);
  assert.deepEqual(ranges, ['/img/50%2.png', '/a%/b%']);
  const stray = (shown: string) => `This URL has a “%” that starts no escape (“${shown}”). Servers may reject it or read it differently: write a percent sign as “%25”.`;
  const at = (from: number) => line.indexOf('%', from);
  const last = line.indexOf('/a%/b%');
  assert.deepEqual(summary(diagnostics), [
    [stray('/img/50%2.png'), [['Write “%” as “%25”', false, true, [[at(0), at(0) + 1, '%25']]]]],
    [stray('/a%/b%'), [['Write “%” as “%25”', false, true, [[at(last), at(last) + 1, '%25'], [at(at(last) + 1), at(at(last) + 1) + 1, '%25']]]]],
  ]);
});

test('link-malformed: a stray % in a Markdown destination or a shortcode is not reported: Goldmark and Go\u2019s templates write it as %25', async () => {
  const { ranges } = await findings('[Schedule](https://sched.example/e?w=100%&bg=no) ![Bar](/img/50%.png) {{< button link="https://sched.example/?w=100%" text="Go" >}}\n');
  assert.deepEqual(ranges, []);
});

test('link-malformed: the first bracket without a partner is named: a lone closer, the first of two openers, a lone [', async () => {
  const { diagnostics } = await findings(
    '[e](</a)b(>) [f](<https://wiki.example/((Seed_botany_and_more_text>) [g](<https://wiki.example/seed_(x)_[y>)\n',
  );
  const partner = (char: string, shown: string) =>
    `This URL has a “${char}” without its partner (“${shown}”). A character was probably lost or added when the link was written: check the address against the page it should lead to.`;
  assert.deepEqual(summary(diagnostics), [
    [partner(')', '/a)b('), []],
    [partner('(', '…iki.example/((Seed_botany…'), []],
    [partner('[', '…le/seed_(x)_[y'), []],
  ]);
});

test('link-malformed: a URL that is only a bracket, and a space after the first 14 characters of a host', async () => {
  const { diagnostics } = await findings('[a](<(>) <a href=")">b</a> <a href="https://badhost name.example/x">h</a>\n');
  const partner = (char: string) =>
    `This URL has a “${char}” without its partner (“${char}”). A character was probably lost or added when the link was written: check the address against the page it should lead to.`;
  assert.deepEqual(summary(diagnostics), [
    [partner('('), []],
    [partner(')'), []],
    [SPACE('…ps://badhost name.example…'), [['Write spaces as “%20”', false, true, [[51, 52, '%20']]]]],
  ]);
});

test('link-malformed: a space in a shortcode’s URL is not reported: Go’s html/template publishes it as %20', async () => {
  const { ranges } = await findings(
    [
      '{{< figure src="/img/blog/harbour/Ferry timetable.png" caption="Ferries" >}}',
      '{{< button link="https://maps.example/harbour walk?from=north quay#the pier" text="Walk" >}}',
      '{{< figure src="/img/tide\u00a0chart.png" caption="Tides" >}}',
      '',
    ].join('\n'),
  );
  assert.deepEqual(ranges, []);
});

test('link-malformed: in a shortcode’s URL, a space in the host and a tab are still reported, with no fix', async () => {
  const { diagnostics, ranges } = await findings(
    '{{< button link="https://harbour office.example/" text="Office" >}} {{< figure src="/img/quay\tplan.png" caption="Plan" >}}\n',
  );
  assert.deepEqual(ranges, ['https://harbour office.example/', '/img/quay\tplan.png']);
  assert.deepEqual(summary(diagnostics), [
    ['This URL has a space in its host name (“…ps://harbour office.examp…”). No host name has one: correct the address.', []],
    ['This URL contains a line break or tab (“/img/quay\tplan.png”). Hugo’s “figure” stops the build on it, other templates publish it as “%09” or “%0A”: remove it.', []],
  ]);
});

test('link-malformed: unbalanced brackets in a shortcode’s URL are still reported', async () => {
  const { ranges } = await findings('{{< button link="https://wiki.example/Seed_(botany" text="Seeds" >}}\n');
  assert.deepEqual(ranges, ['https://wiki.example/Seed_(botany']);
});

test('link-malformed: a space in a Markdown destination written in <…> is not reported: that is how CommonMark writes one, and Goldmark publishes %20', async () => {
  const { diagnostics, ranges } = await findings(
    [
      'The [field notes](</files/field notes.pdf>), ![A heron](<herons at dawn.jpg>) and the [atlas][a].',
      '',
      '[a]: <https://maps.example/world atlas/>',
      '',
      'Still wrong in brackets: [tab](<https://x.example/a\tb>) and [host](<https://bad host.example/a b>).',
      '',
    ].join('\n'),
  );
  assert.deepEqual(ranges, ['https://x.example/a\tb', 'https://bad host.example/a b']);
  assert.match(diagnostics[0].message, /contains a line break or tab/);
  assert.match(diagnostics[1].message, /has a space in its host name \(“https:\/\/bad host\.example…”\)\. No host name has one: correct the address\./);
  assert.deepEqual(diagnostics[1].fixes, []);
});
