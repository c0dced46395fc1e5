import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bodyFindings, fixUntilStable, postWith } from '../helpers/link-fixes';
import { hugoSite, only } from '../helpers/memory-workspace';

const RULE = 'link-malformed';

const findings = (body: string) => bodyFindings(RULE, body);

test('link-malformed: spaces in a URL, with a safe %20 fix', async () => {
  const { diagnostics, ranges } = await findings('The [report](<https://files.example/annual report 2025.pdf>) and <a href="https://x.example/a b">x</a>.\n');
  assert.deepEqual(ranges, ['https://files.example/annual report 2025.pdf', 'https://x.example/a b']);
  assert.equal(diagnostics[0].severity, 'warning');
  assert.match(diagnostics[0].message, /contains a space \(`…ample\/annual report 2025\.…`\): .*Write each space as `%20`/);
  const [fix] = diagnostics[0].fixes;
  assert.equal(fix.safe, true);
  assert.deepEqual(fix.edits.map((e) => e.newText), ['%20', '%20']);
});

test('link-malformed: a % that starts no escape; %25 is offered in the editor only', async () => {
  const { diagnostics, ranges } = await findings('[Schedule](https://sched.example/e?iframe=yes&w=100%&bg=no) and ![Bar](/img/50%.png)\n');
  assert.deepEqual(ranges, ['https://sched.example/e?iframe=yes&w=100%&bg=no', '/img/50%.png']);
  assert.match(diagnostics[0].message, /a `%` that starts no escape \(`…me=yes&w=100%&bg=no`\).*Write a percent sign as `%25`/);
  assert.equal(diagnostics[0].fixes[0].safe, false);
  assert.equal(diagnostics[0].fixes[0].edits[0].newText, '%25');
});

test('link-malformed: unbalanced parentheses or brackets', async () => {
  const { diagnostics, ranges } = await findings('[Wiki](<https://wiki.example/Seed_(botany>) and <a href="https://x.example/a]b">x</a>\n');
  assert.deepEqual(ranges, ['https://wiki.example/Seed_(botany', 'https://x.example/a]b']);
  assert.match(diagnostics[0].message, /a `\(` without its partner/);
  assert.deepEqual(diagnostics[0].fixes ?? [], []);
});

test('link-malformed: --fix encodes spaces only, and is then quiet about them', async () => {
  const site = hugoSite({ 'content/blog/p.md': postWith('[a](<https://x.example/a b c>) [b][d] [c][d]\n\n[d]: </files/my notes.pdf>\n') });
  const { text, left } = await fixUntilStable(site, 'content/blog/p.md', RULE);
  assert.equal(text, postWith('[a](<https://x.example/a%20b%20c>) [b][d] [c][d]\n\n[d]: </files/my%20notes.pdf>\n'));
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
