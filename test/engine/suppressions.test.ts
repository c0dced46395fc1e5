import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPost, hugoSite } from '../helpers/memory-workspace';

const rules = async (text: string) => (await checkPost(hugoSite({ 'content/blog/2025-01-01-p.md': text }), 'content/blog/2025-01-01-p.md')).map((d) => d.ruleId);

const BAD_FRONT = '---\ntitle: A\ndate: 2025-01-02\nauthor: nobody\n---\n';

test('suppressions: the post has two findings without comments', async () => {
  assert.deepEqual((await rules(BAD_FRONT)).sort(), ['author-unknown', 'date-filename-mismatch']);
});

test('suppressions: YAML comment disable-next-line in front matter', async () => {
  const text = '---\ntitle: A\ndate: 2025-01-02\n# postlint-disable-next-line author-unknown -- a guest post\nauthor: nobody\n---\n';
  assert.deepEqual(await rules(text), ['date-filename-mismatch']);
});

test('suppressions: disable-file in the body turns a rule off everywhere, other rules stay', async () => {
  assert.deepEqual(await rules(`${BAD_FRONT}\n<!-- postlint-disable-file date-filename-mismatch -->\n`), ['author-unknown']);
  assert.deepEqual(await rules(`${BAD_FRONT}\n<!-- postlint-disable-file -->\n`), []);
  assert.deepEqual(await rules(`${BAD_FRONT}\n<!-- postlint-disable-file some-other-rule -->\n`).then((r) => r.sort()), ['author-unknown', 'date-filename-mismatch']);
});

test('suppressions: disable ... enable covers only what lies between', async () => {
  const text = '---\n# postlint-disable author-unknown\ntitle: A\ndate: 2025-01-02\nauthor: nobody\n---\n';
  assert.deepEqual(await rules(text), ['date-filename-mismatch']);
  const reenabled = '---\n# postlint-disable author-unknown\ntitle: A\n# postlint-enable author-unknown\ndate: 2025-01-02\nauthor: nobody\n---\n';
  assert.deepEqual((await rules(reenabled)).sort(), ['author-unknown', 'date-filename-mismatch']);
});

test('suppressions: a directive inside a code block is not a directive', async () => {
  const text = `${BAD_FRONT}\n\`\`\`html\n<!-- postlint-disable-file -->\n\`\`\`\n`;
  assert.deepEqual((await rules(text)).sort(), ['author-unknown', 'date-filename-mismatch']);
});

test('suppressions: disable-line and disable-next-line apply to their own lines only', async () => {
  const line = '---\ntitle: A\ndate: 2025-01-02\nauthor: nobody # postlint-disable-line author-unknown\n---\n';
  assert.deepEqual(await rules(line), ['date-filename-mismatch']);
  const tooFar = '---\ntitle: A\n# postlint-disable-next-line author-unknown\ndate: 2025-01-02\nauthor: nobody\n---\n';
  assert.deepEqual((await rules(tooFar)).sort(), ['author-unknown', 'date-filename-mismatch']);
});

test('suppressions: markdownlint\u2019s own comments turn off the Postlint rules that check what its rules check', async () => {
  const layout = { 'layouts/_default/single.html': '<h1>{{ .Title }}</h1>' };
  const post = (body: string) => `---\ntitle: Buoys\ndate: 2025-02-03\nauthor: ghost\n---\n\n${body}`;
  const ids = async (body: string) =>
    (await checkPost(hugoSite({ ...layout, 'content/blog/p.md': post(body) }), 'content/blog/p.md')).map((d) => d.ruleId);
  const body = '## Two\n\n##### Five\n\nSee https://buoys.example now.\n';
  assert.deepEqual(await ids(body), ['author-unknown', 'heading-increment', 'link-bare-url']);
  assert.deepEqual(await ids(`<!-- markdownlint-disable heading-increment -->\n${body}`), ['author-unknown', 'link-bare-url'], 'by alias');
  assert.deepEqual(await ids(`<!-- markdownlint-disable MD034 -->\n${body}`), ['author-unknown', 'heading-increment'], 'by number');
  assert.deepEqual(await ids(`<!-- markdownlint-disable -->\n${body}`), ['author-unknown'], 'every covered rule, and only those');
  assert.deepEqual(await ids(`<!-- markdownlint-disable MD013 -->\n${body}`), ['author-unknown', 'heading-increment', 'link-bare-url'], 'a rule Postlint has no counterpart of changes nothing');
  assert.deepEqual(await ids(`<!-- markdownlint-disable MD001 -->\n## Two\n\n##### Five\n\n<!-- markdownlint-enable MD001 -->\n\n###### Six\n\n## Back\n\n##### Again\n`), ['author-unknown', 'heading-increment'], 'enable turns it back on');
});
