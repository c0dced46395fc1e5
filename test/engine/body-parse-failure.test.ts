import assert from 'node:assert/strict';
import { test } from 'node:test';
import { markdownParser } from '../../server/engine/markdown/lezer';
import { toFileReport } from '../../server/cli/report';
import { RULES_BY_ID } from '../../server/engine/rules';
import { checkPost, hugoSite } from '../helpers/memory-workspace';

/** A body holding this makes the Markdown parser throw, as a bug in it would. */
const BREAKS_THE_PARSER = 'this line breaks the parser';

/** Runs `run` with a Markdown parser that throws on any text holding {@link BREAKS_THE_PARSER}. */
async function withFailingParser<T>(run: () => Promise<T>): Promise<T> {
  // The engine parses step by step (startParse), to stop a parse past the post's budget.
  const parse = markdownParser.startParse;
  markdownParser.startParse = function (this: typeof markdownParser, ...args: Parameters<typeof parse>) {
    if (typeof args[0] === 'string' && args[0].includes(BREAKS_THE_PARSER)) throw new TypeError('made to fail by the test');
    return parse.apply(this, args);
  };
  try {
    return await run();
  } finally {
    markdownParser.startParse = parse;
  }
}

const BAD_FRONT = '---\ntitle: A\ndate: 2025-01-02\nauthor: nobody\n---\n';

test('a body the parser fails on: one internal-error at 1:1 says so, and the front matter rules still report', async () => {
  const text = `${BAD_FRONT}\n${BREAKS_THE_PARSER}, and [a link](http://insecure.example/) the rules never see.\n`;
  const diagnostics = await withFailingParser(() => checkPost(hugoSite({ 'content/blog/2025-01-01-p.md': text }), 'content/blog/2025-01-01-p.md'));
  const failure = diagnostics.filter((diagnostic) => diagnostic.ruleId === 'internal-error');
  assert.deepEqual(failure, [
    {
      ruleId: 'internal-error',
      severity: 'error',
      message: 'This post\'s body could not be parsed: its links, images, headings and shortcodes are not checked. It failed with “made to fail by the test”. Please report this.',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      docsUrl: 'https://github.com/postlint/postlint/blob/main/docs/internal-error.md',
      fixes: [],
    },
  ]);
  assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.ruleId).filter((id) => id !== 'internal-error').sort(), ['author-unknown', 'date-filename-mismatch']);
  assert.deepEqual(toFileReport('/site/content/blog/2025-01-01-p.md', failure).messages.map((message) => message.ruleId), ['internal-error']);
});

test('a linked page whose body the parser fails on: its anchors are unknown, so no fragment link to it is reported', async () => {
  const files = {
    'content/blog/guide.md': `---\ntitle: Guide\n---\n\n## Mooring\n\n${BREAKS_THE_PARSER}\n`,
    'content/blog/post.md': '---\ntitle: Post\ndate: 2025-05-10\nauthor: bob\n---\n\nSee [the guide](/blog/guide/#mooring) and [its knots](/blog/guide/#knots).\n',
  };
  const parsed = await checkPost(hugoSite(files), 'content/blog/post.md');
  assert.deepEqual(parsed.map((diagnostic) => diagnostic.ruleId), ['link-broken-fragment'], 'with a working parser, #knots names nothing');
  const failed = await withFailingParser(() => checkPost(hugoSite(files), 'content/blog/post.md'));
  assert.deepEqual(failed, []);
});

test('a rule that fails: one finding at 1:1 names the rule and quotes the error, a backtick in it shown as ˋ (checked by checkPost)', async () => {
  const rule = RULES_BY_ID.get('heading-increment')!;
  const check = rule.check;
  rule.check = () => {
    throw new Error('`level` is not a number.');
  };
  try {
    const text = '---\ntitle: A\ndate: 2025-01-01\n---\n\n## A section\n';
    const found = (await checkPost(hugoSite({ 'content/blog/p.md': text }), 'content/blog/p.md')).map((d) => [d.ruleId, d.range.start.line, d.message]);
    assert.deepEqual(found, [
      ['heading-increment', 0, 'The rule “heading-increment” failed on this post, so its other problems are not shown. It failed with “ˋlevelˋ is not a number”. Please report this.'],
    ]);
  } finally {
    rule.check = check;
  }
});
