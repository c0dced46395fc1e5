import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPost, hugoSite, rangeText } from '../helpers/memory-workspace';
import { tomlErrorOffset } from '../../server/engine/frontmatter/toml';

async function findings(name: string, text: string) {
  const site = hugoSite({ [`content/posts/${name}`]: text });
  return (await checkPost(site, `content/posts/${name}`)).map((d) => `${d.ruleId} ${rangeText(text, d)}`);
}

test('TOML front matter (+++) is read as Hugo reads it: a good post gives nothing', async () => {
  const text = '+++\ntitle = "Compost basics"\ndate = 2025-02-03T08:00:00-05:00\nauthor = "alice"\ntags = ["soil", "compost"]\n\n[params]\nhero = "x.png"\n+++\n\nBody.\n';
  assert.deepEqual(await findings('2025-02-03-compost.md', text), []);
});

test('TOML front matter: each rule points at the key or value line', async () => {
  const text = '+++\nTitle = "Compost"\ndate = "2025-02-30"\nauthor = "alcie"\ndraft = "no"\ndescripton = "x"\n+++\n';
  assert.deepEqual((await findings('c.md', text)).sort(), [
    'author-unknown "alcie"',
    'frontmatter-schema "2025-02-30"',
    'frontmatter-schema "no"',
    'frontmatter-unknown-key descripton',
  ]);
});

test('TOML front matter: keys are read in any case, and two that differ only in case are one key written twice', async () => {
  const text = '+++\nTitle = "Compost"\nDate = "2025-02-30"\nAuthor = "alcie"\ntitle = "Again"\n+++\n';
  assert.deepEqual((await findings('c.md', text)).sort(), ['author-unknown "alcie"', 'frontmatter-schema "2025-02-30"', 'frontmatter-syntax title']);
});

test('TOML front matter: syntax errors have a position; an unclosed +++ is said', async () => {
  const broken = await findings('b.md', '+++\ntitle = "Open\ndate = 2025-01-01\n+++\n');
  assert.equal(broken.length, 1);
  assert.match(broken[0], /^frontmatter-syntax /);
  assert.deepEqual(await findings('u.md', '+++\ntitle = "x"\n'), ['frontmatter-syntax +++']);
});

test('TOML front matter: an error found at the \\r of a CRLF is a point at the end of its line, not past it (found by test/fuzz)', async () => {
  const text = '+++\r\ntitle = "x\r\n+++\r\n';
  const [unclosed] = await checkPost(hugoSite({ 'content/posts/c.md': text }), 'content/posts/c.md');
  assert.equal(unclosed.ruleId, 'frontmatter-syntax');
  // Line 1 is `title = "x`, 10 units: the range covered the \r, up to column 11.
  assert.deepEqual(unclosed.range, { start: { line: 1, character: 10 }, end: { line: 1, character: 10 } });
});

test('tomlErrorOffset: smol-toml counts lines at \\n alone, not at a lone \\r as the engine\u2019s LineIndex does', () => {
  // Line 2, column 3 to smol-toml is the `=` after `c `: a lone \r ends no line there.
  const source = 'a\rb\nc = ';
  assert.equal(tomlErrorOffset(source, 2, 3), source.indexOf('='));
  assert.equal(tomlErrorOffset(source, 1, 3), 2);
  assert.equal(tomlErrorOffset(source, 9, 1), source.length);
});

test('date-filename-mismatch reads the day as written, not moved to UTC', async () => {
  const text = '---\ntitle: Late\ndate: 2025-02-03T23:30:00-08:00\n---\n';
  assert.deepEqual(await findings('2025-02-03-late.md', text), []);
});
