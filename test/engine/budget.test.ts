import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PostBudget, type BudgetOptions } from '../../server/engine/budget';
import { createLanguageService } from '../../server/engine/language-service';
import { RULES } from '../../server/engine/rules';
import { FIXED_NOW, hugoSite, SITE, type MemoryWorkspace } from '../helpers/memory-workspace';

/**
 * A clock that moves only when read: each timed step of a check (it reads the clock
 * before and after) then costs exactly one millisecond, so a budget of k.5 ms lets
 * k steps run. `jump` moves it from outside any step, as time spent waiting would.
 */
class StepClock {
  now = 0;
  readonly read = () => this.now++;
  jump(ms: number): void {
    this.now += ms;
  }
}

const POST = 'content/blog/2025-01-01-p.md';
const TEXT = '---\ntitle: A\ndate: 2025-01-01\n---\n\nSee [here](http://insecure.example/) and ![](/img/x.png).\n';

async function check(workspace: MemoryWorkspace, budget: BudgetOptions) {
  const service = createLanguageService({ workspace, now: () => FIXED_NOW, budget });
  return (await service.check(`${SITE}/${POST}`, TEXT)).diagnostics;
}

test('a post past its budget: the rules left are skipped, and one internal-error at 1:1 names them', async () => {
  const clock = new StepClock();
  // Splitting the front matter and parsing the body take a few milliseconds; then a rule or two run.
  const workspace = hugoSite({ [POST]: TEXT });
  const diagnostics = await check(workspace, { baseMs: 4.5, perMebibyteMs: 0, clock: clock.read });
  const settings = await createLanguageService({ workspace }).settingsFor(`${SITE}/${POST}`, TEXT);
  const on = RULES.map((rule) => rule.meta.id).filter((id) => settings.rules[id].severity !== 'off');
  const failure = diagnostics.filter((diagnostic) => diagnostic.ruleId === 'internal-error');
  assert.equal(failure.length, 1);
  assert.deepEqual(failure[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  const said = /^Checking this post took 0\.0 s, past its budget of 0\.0 s\. These rules did not run: (.+)\. No post a person writes comes near it: look for a part generated or pasted many times over, or split the post\.$/.exec(failure[0].message);
  assert.ok(said, failure[0].message);
  // The rules that ran come first in their order, and the skipped ones are all the rest.
  const skipped = said[1].split(', ');
  assert.ok(skipped.length > 0 && skipped.length < on.length - 1, skipped.join());
  assert.deepEqual(skipped, on.slice(on.length - skipped.length));
  assert.match(failure[0].docsUrl, /docs\/internal-error\.md$/);
  // The skipped rules report nothing, though the post gives them plenty.
  for (const diagnostic of diagnostics) assert.ok(!skipped.includes(diagnostic.ruleId as (typeof skipped)[number]), diagnostic.ruleId);
});

test('within its budget, a post is checked whole and nothing is said', async () => {
  const clock = new StepClock();
  const diagnostics = await check(hugoSite({ [POST]: TEXT }), { baseMs: 1_000, perMebibyteMs: 0, clock: clock.read });
  assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.ruleId).sort(), ['image-alt-empty', 'link-broken-local', 'link-descriptive-text', 'link-insecure']);
});

test('time spent waiting (for the site, its index, the disk) is not the post\'s', async () => {
  const clock = new StepClock();
  const workspace = hugoSite({ [POST]: TEXT, 'content/blog/other.md': '---\ntitle: B\n---\n' });
  const readFile = workspace.readFile.bind(workspace);
  // Every read takes an hour, after the step that asked for it has let go.
  workspace.readFile = async (path) => {
    await Promise.resolve();
    clock.jump(3_600_000);
    return readFile(path);
  };
  const diagnostics = await check(workspace, { baseMs: 1_000, perMebibyteMs: 0, clock: clock.read });
  assert.ok(clock.now > 3_600_000, 'the site was read');
  assert.ok(!diagnostics.some((diagnostic) => diagnostic.ruleId === 'internal-error'), JSON.stringify(diagnostics));
});

test('the budget grows with the text: the base, plus so much per MiB', () => {
  const options = { baseMs: 3_000, perMebibyteMs: 2_000, clock: () => 0 };
  assert.equal(new PostBudget(0, options).limitMs, 3_000);
  assert.equal(new PostBudget(1024 * 1024, options).limitMs, 5_000);
  assert.equal(new PostBudget(512 * 1024, options).limitMs, 4_000);
});

test('a step that throws still counts its time', () => {
  let now = 0;
  const budget = new PostBudget(0, { baseMs: 5, perMebibyteMs: 0, clock: () => now });
  assert.throws(() =>
    budget.time(() => {
      now += 6;
      throw new Error('the step failed');
    }),
  );
  assert.equal(budget.exhausted, true);
  assert.equal(budget.spentSeconds, 0.006);
});

test('a body whose parse takes half the budget is given up on mid-way; the front matter rules still report', async () => {
  const clock = new StepClock();
  const paragraphs = Array.from({ length: 200 }, (_, i) => `Paragraph ${i} links [here](http://insecure.example/${i}).`).join('\n\n');
  const text = `---\ntitle: A\ndate: 2025-13-45\n---\n\n${paragraphs}\n`;
  const service = createLanguageService({ workspace: hugoSite({ [POST]: text }), now: () => FIXED_NOW, budget: { baseMs: 60, perMebibyteMs: 0, clock: clock.read } });
  const diagnostics = (await service.check(`${SITE}/${POST}`, text)).diagnostics;
  const ids = diagnostics.map((diagnostic) => diagnostic.ruleId);
  assert.ok(ids.includes('frontmatter-schema'), ids.join());
  assert.ok(!ids.includes('link-insecure') && !ids.includes('link-descriptive-text'), ids.join());
  assert.equal(
    diagnostics.find((diagnostic) => diagnostic.ruleId === 'internal-error')?.message,
    'The body of this post is not checked: parsing it took longer than half its time budget. No post a person writes comes near it: look for a part generated or pasted many times over, or split the post.',
  );
  // The parser stopped where the budget said, long before the 200th paragraph (each of its steps reads the clock once).
  assert.ok(clock.now < 100, String(clock.now));
});
