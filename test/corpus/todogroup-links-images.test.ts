import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { quoted } from '../../server/engine/text/quote';
import { checkCorpusBlog, corpusTest, TODO_BLOG } from '../helpers/corpus';
import { BARE_URLS, POOR_ALTS, type PoorAlt } from './known-defects';

/**
 * The link and image defects the corpus README counts by hand, found by the CLI's
 * engine on the real blog: each rule finds exactly the README's number, and each
 * finding is checked with its whole message.
 */

interface Finding {
  ruleId: string;
  /** `file:line:column`, 1-based. */
  at: string;
  covered: string;
  message: string;
}

async function corpusFindings(): Promise<Finding[]> {
  const found: Finding[] = [];
  for (const [name, diagnostics] of await checkCorpusBlog()) {
    const lines = readFileSync(join(TODO_BLOG, name), 'utf8').split('\n');
    for (const d of diagnostics) {
      const { start, end } = d.range;
      const covered = start.line === end.line ? lines[start.line].slice(start.character, end.character) : '';
      found.push({ ruleId: d.ruleId, at: `${name}:${start.line + 1}:${start.character + 1}`, covered, message: d.message });
    }
  }
  return found;
}

/** The blog is checked once for all the tests of this file. */
let checked: Promise<Finding[]> | undefined;
async function of(ruleId: string): Promise<Finding[]> {
  checked ??= corpusFindings();
  return (await checked).filter((finding) => finding.ruleId === ruleId);
}

const fileOf = (finding: Finding) => finding.at.split(':')[0];

corpusTest('todogroup corpus: link-insecure finds the 99 http:// links in 41 posts, each with its message', {}, async () => {
  const found = await of('link-insecure');
  assert.equal(found.length, 99, 'README: 99 http:// links');
  assert.equal(new Set(found.map(fileOf)).size, 41, 'README: in 41 posts');
  for (const { at, covered, message } of found) {
    assert.match(covered, /^http:\/\//, at);
    const host = new URL(covered).host;
    // The site's own pages are known to be served over https (baseURL https://todogroup.org).
    const expected =
      host === 'todogroup.org'
        ? `Insecure link ${quoted(covered, 58)}: it travels unencrypted. todogroup.org serves https, so use “https://”.`
        : `Insecure link ${quoted(covered, 58)}: it travels unencrypted. Browsers may warn; use “https://” if ${host} serves it (most sites do), or add the host to the rule’s allowHosts if it does not.`;
    assert.equal(message, expected, at);
  }
  assert.equal(found.filter(({ covered }) => covered.startsWith('http://todogroup.org')).length, 45, 'links to the site itself, counted with grep');
});

corpusTest('todogroup corpus: link-tracking-params finds the 13 YouTube links with si=', {}, async () => {
  const found = await of('link-tracking-params');
  assert.equal(found.length, 13, 'README: 13 YouTube links carry si=');
  for (const { at, covered, message } of found) {
    assert.match(covered, /^https:\/\/youtu\.be\/[\w-]+\?(?:.*&)?si=/, at);
    assert.equal(message, 'This link carries the tracking parameter “si”. It records who shared or clicked it and adds nothing for readers. Remove it; the address leads to the same page.', at);
  }
});

corpusTest('todogroup corpus: link-descriptive-text finds the 25 "here" and the one "website"', {}, async () => {
  const found = await of('link-descriptive-text');
  assert.deepEqual(
    found.map(({ covered }) => covered.toLowerCase()).sort(),
    [...Array(25).fill('here'), 'website'],
    'README: 26 links say only "here" (25, four of them "Here") or "website" (1)',
  );
  for (const { at, covered, message } of found) {
    assert.equal(message, `Link text “${covered}” does not say where the link leads. Screen readers often list links out of their sentence: use words that name the target, such as the page’s title.`, at);
  }
});

corpusTest('todogroup corpus: link-bare-url finds the 17 bare URLs', {}, async () => {
  const found = await of('link-bare-url');
  assert.deepEqual(
    found.map(({ at, covered }) => `${at.split(':').slice(0, 2).join(':')} ${covered}`).sort(),
    BARE_URLS.map(([file, line, url]) => `${file}:${line} ${url}`).sort(),
  );
  for (const { at, covered, message } of found) {
    assert.equal(message, `Bare URL ${quoted(covered, 39)} is a link only because GFM guesses where it ends. Give it text that says what it is (“[words naming the page](${covered})”), or at least wrap it in angle brackets.`, at);
  }
});

/** Each finding of these rules, whole: where, what it covers, and its message. */
const PINNED: Record<string, string[]> = {
  'link-empty-text': [
    'why-we-run-an-open-source-program-uber.md:12:350 "[ ]" This link has no text. Readers see nothing to click and screen readers announce only the address: write what the link leads to as its text, or remove the link.',
    'why-we-run-an-open-source-program-uber.md:12:400 ", " The text of this link is only punctuation (“,”). Write words that say where it leads, or remove the link.',
  ],
  'link-empty-url': ['todogroup-strategic-goals-2026.md:61:161 "()" This link has no URL, so it leads nowhere. Write the address it should lead to, or remove the link and keep its text.'],
  'link-no-scheme': [
    'linuxcon-japan-keynote.md:10:24 "www.slideshare.net/gyehuda/rise-of-the-open-source-program-office-for-linuxcon-2016" “www.slideshare.net/gyehuda/rise-of-th…-for-linuxcon-2016” has no scheme, so it is a relative link. The browser looks for it under this post’s own address: add “https://” in front.',
  ],
  'image-alt-empty': ['open-source-program-management-tools.md:42:1 "![]" This image has no alt text. Screen readers skip it as if it were decoration: write what it shows between the brackets.'],
  'image-alt-missing': [
    'ospo-survey-2023.md:13:1 "{{< img src="/img/blog/ospo-survey-2023-banner-wide.png" >}}" This “img” shortcode has no “alt” parameter. Screen readers get the file name (“ospo-survey-2023-banner-wide.png”) or nothing: add “alt="…"” saying what the image shows (or “alt=""” with “role="presentation"” if it is only decoration).',
  ],
};

corpusTest('todogroup corpus: the one-off link and image defects the README names, and nothing else of their rules', {}, async () => {
  for (const [ruleId, expected] of Object.entries(PINNED)) {
    const found = (await of(ruleId)).map(({ at, covered, message }) => `${at} "${covered}" ${message}`);
    assert.deepEqual(found, expected, ruleId);
  }
  // ospo-survey-2023.md's commented-out `![Source]()` is never rendered, so never reported.
  assert.deepEqual((await of('link-empty-url')).filter((finding) => fileOf(finding) === 'ospo-survey-2023.md'), []);
  assert.deepEqual(await of('text-mojibake'), [], 'README: no mojibake anywhere');
});

corpusTest('todogroup corpus: link-broken-local finds the three /images/blog/ images and the own-site links to no page', {}, async () => {
  const found = (await of('link-broken-local')).map(({ at, message }) => `${at} ${message}`);
  const named = found.filter((line) => /^ospo-roadshow-china\.md:|state-of-ospo-2025\/” leads|\/ospology” leads/.test(line));
  assert.deepEqual(named.sort(), [
    '2026-ospo-survey-call-for-input.md:12:86 “https://todogroup.org/blog/state-of-ospo-2025/” leads to no page of this site. Check the address against the page’s file name or its “url”, “slug” and “aliases”.',
    // The corpus names two of these files with a doubled extension (static/img/blog/midea-hq.jpg.jpg).
    'ospo-roadshow-china.md:16:23 No file of “static/” or of a page bundle is served at “/images/blog/midea-hq.jpg”. A file named like it is served at “/img/blog/midea-hq.jpg.jpg”: link to it, or rename the file.',
    'ospo-roadshow-china.md:60:33 No file of “static/” or of a page bundle is served at “/images/blog/ospo-meetup-discussion.jpg”. A file named like it is served at “/img/blog/ospo-meetup-discussion.jpg.jpg”: link to it, or rename the file.',
    'ospo-roadshow-china.md:7:37 No file of “static/” or of a page bundle is served at “/images/blog/ospo-meetup-midea-group.jpg”. A file of that name is served at “/img/blog/ospo-meetup-midea-group.jpg”: link to it.',
    'todogroup-strategic-goals-2026.md:37:26 “https://todogroup.org/ospology” leads to no page of this site. Check the address against the page’s file name or its “url”, “slug” and “aliases”.',
  ]);
});

/**
 * The message for each kind of poor alt text. The first sentence holds at most 100
 * characters: an alt longer than the room its kind leaves is quoted cut to that many,
 * the last an ellipsis (with no space before it).
 */
function poorAltMessage(alt: string, kind: PoorAlt): string {
  const quoted = (room: number) => `Alt text “${[...alt].length > room ? `${[...alt].slice(0, room - 1).join('').trimEnd()}…` : alt}”`;
  const describe = 'Describe what the image shows.';
  const messages: Record<PoorAlt, string> = {
    file: `${quoted(73)} is a file name. ${describe}`,
    joined: `${quoted(65)} looks like a file name. Its words are joined by hyphens, underscores or digits: describe what the image shows.`,
    camera: `${quoted(48)} looks like a camera or upload file name. ${describe}`,
    placeholder: `${quoted(52)} is a placeholder, not a description. Replace it with a description of what the image shows.`,
    tool: `${quoted(27)} is the default name a design or office tool gives a new file. ${describe}`,
    number: `${quoted(48)} is a number or an id, not a description. ${describe}`,
    'run-together': `${quoted(65)} looks like a file name. Its words run together with no spaces: describe what the image shows.`,
  };
  return messages[kind];
}

corpusTest('todogroup corpus: image-alt-filename finds the 52 file-name, default and placeholder alts, each with its message', {}, async () => {
  const found = (await of('image-alt-filename')).map(({ at, covered, message }) => `${at} ${covered}: ${message}`);
  const expected = POOR_ALTS.map(([file, line, column, alt, kind]) => `${file}:${line}:${column} ${alt}: ${poorAltMessage(alt, kind)}`);
  assert.equal(expected.length, 52);
  assert.deepEqual(found.sort(), expected.sort());
});
