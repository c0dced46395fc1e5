import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applySafeFixes } from '../../server/engine/fixes';
import type { ExternalVerdict } from '../../server/engine/links/external';
import { createLanguageService, type CheckResult, type LanguageServiceOptions } from '../../server/engine/language-service';
import type { Diagnostic, Range } from '../../server/engine/types';
import { postWith } from '../helpers/link-fixes';
import { FIXED_NOW, SITE, hugoSite, only, rangeText, serviceFor } from '../helpers/memory-workspace';

const RULE = 'link-dead';
const PATH = `${SITE}/content/blog/p.md`;

const GONE: ExternalVerdict = { kind: 'dead', status: 404, detail: '404 Not Found' };

interface Run {
  text: string;
  result: CheckResult;
  diagnostics: Diagnostic[];
  /** The text each finding covers. */
  ranges: string[];
  /** The text each unverified link covers, and why. */
  unverified: [string, string][];
}

/** Checks a post with the given body, the check's verdicts given by URL (a Map, as the Node layer's cache would be). */
async function run(body: string, verdicts: Record<string, ExternalVerdict> | undefined, options: { config?: string } = {}): Promise<Run> {
  const text = postWith(body);
  const files: Record<string, string> = { 'content/blog/p.md': text };
  if (options.config !== undefined) files['.postlintrc.json'] = options.config;
  const externalVerdicts = verdicts && new Map(Object.entries(verdicts));
  const result = await serviceFor(hugoSite(files), { externalVerdicts }).check(PATH, text);
  const diagnostics = only(result.diagnostics, RULE);
  const textOf = (range: Range) => rangeText(text, { range } as Diagnostic);
  return {
    text,
    result,
    diagnostics,
    ranges: diagnostics.map((d) => rangeText(text, d)),
    unverified: result.unverified.filter((u) => u.ruleId === RULE).map((u) => [textOf(u.range), u.reason]),
  };
}

const EVERY_KIND_OF_LINK = [
  'See [the co-op](https://coop.example/about) and https://bare.example/gone and <https://auto.example/x>.',
  '![Field](https://img.example/field.jpg)',
  '<a href="https://html.example/">the map</a> <img src=" https://img.example/b.png " alt="B">',
  '{{< button link="https://button.example/join" text="Join" >}}',
  'And [one][ref], [two][ref].',
  '',
  '[ref]: https://ref.example/page',
  '',
].join('\n');

const EVERY_URL = [
  'https://coop.example/about',
  'https://bare.example/gone',
  'https://auto.example/x',
  'https://img.example/field.jpg',
  'https://html.example/',
  'https://img.example/b.png',
  'https://button.example/join',
  'https://ref.example/page',
];

test('link-dead: a dead URL is reported on the URL as written, in every kind of link and image source', async () => {
  const { diagnostics, ranges } = await run(EVERY_KIND_OF_LINK, Object.fromEntries(EVERY_URL.map((url) => [url, GONE])));
  assert.deepEqual(ranges, EVERY_URL);
  assert.ok(diagnostics.every((d) => d.severity === 'error'));
  assert.ok(diagnostics.every((d) => d.fixes.length === 0));
  assert.equal(
    diagnostics[0].message,
    'Dead link “https://coop.example/about”: the server answers 404 Not Found. Link to where the page moved, or to an archived copy, or remove the link.',
  );
  assert.equal(diagnostics[3].message, 'Dead image “https://img.example/field.jpg”: the server answers 404 Not Found. Use a copy of the image kept with the site, or remove it.');
  assert.equal(diagnostics.filter((d) => d.range.start.line === 11).length, 1, 'a reference definition once, on the definition, however many links use it');
});

test('link-dead: a host that no longer resolves, and a status without a name', async () => {
  const { diagnostics } = await run('[A](https://gone.example/) [B](https://old.example/p)\n', {
    'https://gone.example/': { kind: 'dead', status: 0, detail: 'the host name does not resolve' },
    'https://old.example/p': { kind: 'dead', status: 400, detail: '400 Bad Request' },
  });
  assert.deepEqual(diagnostics.map((d) => d.message), [
    'Dead link “https://gone.example/”: its host name no longer resolves. Link to where the page moved, or to an archived copy, or remove the link.',
    'Dead link “https://old.example/p”: the server answers 400. Link to where the page moved, or to an archived copy, or remove the link.',
  ]);
});

test('link-dead: a failing link says since when and what failed', async () => {
  const { diagnostics, ranges } = await run('[Shop](https://shop.example/) ![Logo](https://cdn.example/logo.png)\n', {
    'https://shop.example/': { kind: 'failing', detail: '503 Service Unavailable.', since: '2026-02-28' },
    'https://cdn.example/logo.png': { kind: 'failing', detail: 'no answer within 15 s', since: '2026-03-01T08:00:00Z' },
  });
  assert.deepEqual(ranges, ['https://shop.example/', 'https://cdn.example/logo.png']);
  assert.deepEqual(diagnostics.map((d) => [d.severity, d.message]), [
    [
      'error',
      'Failing link “https://shop.example/”: it has kept failing since 2026-02-28. Last failure: 503 Service Unavailable. Open it to see whether the site is gone for good; if so, link to an archived copy or remove the link.',
    ],
    [
      'error',
      'Failing image “https://cdn.example/logo.png”: it has kept failing since 2026-03-01. Last failure: no answer within 15 s. Open it to see whether the site is gone for good; if so, link to an archived copy or remove the image.',
    ],
  ]);
});

test('link-dead: alive is fine; not checked and unknown are unverified, not findings', async () => {
  const { diagnostics, unverified } = await run('[A](https://alive.example/) [B](https://10.0.0.8/admin) [C](https://flaky.example/x) [D](https://busy.example/)\n', {
    'https://alive.example/': { kind: 'alive' },
    'https://10.0.0.8/admin': { kind: 'not-checked', reason: 'a private address.' },
    'https://flaky.example/x': { kind: 'unknown', detail: 'the connection was reset' },
    'https://busy.example/': { kind: 'unknown', detail: 'answers 503' },
  });
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(unverified, [
    ['https://10.0.0.8/admin', 'not requested by the dead-link check: a private address'],
    ['https://flaky.example/x', 'one failed run is not proof that it is dead: the connection was reset'],
    // The checker's words for a status, as a clause of the sentence.
    ['https://busy.example/', 'one failed run is not proof that it is dead: it answers 503'],
  ]);
});

test('link-dead: a redirect is a warning with a fix to the new address, safe as the verdict says', async () => {
  const { diagnostics, ranges } = await run('[Docs](http://docs.example/guide) [Blog](https://blog.example/old)\n', {
    'http://docs.example/guide': { kind: 'redirected', status: 301, finalUrl: 'https://docs.example/guide/', safe: true },
    'https://blog.example/old': { kind: 'redirected', status: 308, finalUrl: 'https://news.example/2024/new', safe: false },
  });
  assert.deepEqual(ranges, ['http://docs.example/guide', 'https://blog.example/old']);
  assert.deepEqual(diagnostics.map((d) => d.severity), ['warning', 'warning']);
  assert.equal(
    diagnostics[0].message,
    'Redirected link “http://docs.example/guide”: it moved for good (301 Moved Permanently). Change it to “https://docs.example/guide/”, where the page now is.',
  );
  assert.match(diagnostics[1].message, /\(308 Permanent Redirect\)\. Change it to “https:\/\/news\.example\/2024\/new”/);
  const at = (character: number) => ({ line: 5, character });
  assert.deepEqual(diagnostics.map((d) => d.fixes), [
    [{ title: 'Change to “https://docs.example/guide/”', safe: true, preferred: true, edits: [{ range: { start: at(7), end: at(32) }, newText: 'https://docs.example/guide/' }] }],
    [{ title: 'Change to “https://news.example/2024/new”', safe: false, preferred: true, edits: [{ range: { start: at(41), end: at(65) }, newText: 'https://news.example/2024/new' }] }],
  ]);
});

test('link-dead: the redirect fix edits the URL before its fragment, and --fix keeps the fragment', async () => {
  const verdicts: Record<string, ExternalVerdict> = {
    'http://docs.example/guide': { kind: 'redirected', status: 301, finalUrl: 'https://docs.example/guide/#top', safe: true },
    'https://wiki.example/A': { kind: 'redirected', status: 301, finalUrl: 'https://wiki.example/B', safe: true },
  };
  const body = '[Setup](http://docs.example/guide#setup) [Top](http://docs.example/guide) [Wiki](<https://wiki.example/A>)\n';
  const { text, diagnostics, ranges } = await run(body, verdicts);
  assert.deepEqual(ranges, ['http://docs.example/guide#setup', 'http://docs.example/guide', 'https://wiki.example/A']);
  assert.deepEqual(diagnostics.map((d) => d.fixes[0].title), ['Change to “https://docs.example/guide/#setup”', 'Change to “https://docs.example/guide/#top”', 'Change to “https://wiki.example/B”']);
  assert.match(diagnostics[0].message, /Change it to “https:\/\/docs\.example\/guide\/#setup”, where the page now is\.$/, 'the message names the URL the fix writes');
  const fixed = applySafeFixes(text, diagnostics).text;
  assert.equal(fixed, postWith('[Setup](https://docs.example/guide/#setup) [Top](https://docs.example/guide/#top) [Wiki](<https://wiki.example/B>)\n'));
});

test('link-dead: no fix where the new address would end the URL where it is written', async () => {
  const { diagnostics } = await run('[A](https://a.example/x) [B](https://b.example/y)\n', {
    'https://a.example/x': { kind: 'redirected', status: 301, finalUrl: 'https://a.example/x)y', safe: true },
    'https://b.example/y': { kind: 'redirected', status: 301, finalUrl: 'https://b.example/"y"', safe: true },
  });
  assert.deepEqual(diagnostics.map((d) => [d.severity, d.fixes.length]), [['warning', 0], ['warning', 0]]);
});

test('link-dead: configured as a warning, everything is a warning; off, nothing is reported or listed', async () => {
  const verdicts: Record<string, ExternalVerdict> = {
    'https://gone.example/': GONE,
    'https://moved.example/': { kind: 'redirected', status: 301, finalUrl: 'https://moved.example/new/', safe: false },
    'https://private.example/': { kind: 'not-checked', reason: 'a private address' },
  };
  const body = '[A](https://gone.example/) [B](https://moved.example/) [C](https://private.example/)\n';
  const warn = await run(body, verdicts, { config: '{ "rules": { "link-dead": "warn" } }' });
  assert.deepEqual(warn.diagnostics.map((d) => d.severity), ['warning', 'warning']);
  const off = await run(body, verdicts, { config: '{ "rules": { "link-dead": "off" } }' });
  assert.deepEqual([off.diagnostics, off.unverified], [[], []]);
});

test('link-dead: a link that needs a login is reported only when reportLoginRequired is on, as a warning', async () => {
  const verdicts: Record<string, ExternalVerdict> = { 'https://members.example/board': { kind: 'login-required', status: 403 } };
  const body = '[Board](https://members.example/board)\n';
  assert.deepEqual((await run(body, verdicts)).diagnostics, [], 'off by default');
  assert.deepEqual((await run(body, verdicts, { config: '{ "checkExternal": true }' })).diagnostics, [], 'off with the check’s defaults');
  const on = await run(body, verdicts, { config: '{ "checkExternal": { "reportLoginRequired": true } }' });
  assert.deepEqual(on.diagnostics.map((d) => [d.severity, d.message]), [
    [
      'warning',
      'The link “https://members.example/board” needs a login: the server answers 403 Forbidden. Readers without an account cannot open it; link to a public page if there is one.',
    ],
  ]);
  assert.deepEqual(on.ranges, ['https://members.example/board']);
});

test('link-dead: a suppression comment silences it like any rule', async () => {
  const body = '<!-- postlint-disable-next-line link-dead -->\n[Old](https://gone.example/)\n\n[Other](https://gone.example/)\n';
  const { ranges, diagnostics } = await run(body, { 'https://gone.example/': GONE });
  assert.deepEqual(ranges, ['https://gone.example/']);
  assert.equal(diagnostics[0].range.start.line, 8, 'only the link on the line after the comment is silenced');
});

test('link-dead: without verdicts nothing is reported, and the result stays reproducible', async () => {
  const none = await run(EVERY_KIND_OF_LINK, undefined);
  assert.deepEqual([none.diagnostics, none.unverified, none.result.reproducible], [[], [], true]);
  const unseen = await run(EVERY_KIND_OF_LINK, {});
  assert.deepEqual([unseen.diagnostics, unseen.unverified, unseen.result.reproducible], [[], [], true], 'verdicts for other URLs only');
  const alive = await run('[A](https://alive.example/)\n', { 'https://alive.example/': { kind: 'alive' } });
  assert.equal(alive.result.reproducible, false, 'a result that read a verdict holds what the network said this time');
});

test('link-dead: verdicts go by URL without fragment; own-site, relative, mailto and templated links are not looked up', async () => {
  const asked: string[] = [];
  const verdicts = { get: (key: string): ExternalVerdict | undefined => (asked.push(key), GONE) };
  const body = [
    '[A](https://gone.example/p#part) [B](https://example.org/blog/other/) [C](../other/) [D](mailto:a@example.org)',
    '[E](https://gone.example/{{< param "x" >}}) [F](#here) [G](//cdn.example/x.js) [H](http://www.example.org/about/)',
    '',
  ].join('\n');
  const text = postWith(body);
  const result = await serviceFor(hugoSite({ 'content/blog/p.md': text }), { externalVerdicts: verdicts }).check(PATH, text);
  assert.deepEqual(only(result.diagnostics, RULE).map((d) => rangeText(text, d)), ['https://gone.example/p#part']);
  assert.deepEqual(asked, ['https://gone.example/p']);
});

test('link-dead: the verdicts are read at each check, so the Node layer may fill or replace them between checks', async () => {
  const text = postWith('[A](https://gone.example/) [B](https://moved.example/)\n');
  const options: LanguageServiceOptions = { workspace: hugoSite({ 'content/blog/p.md': text }), now: () => FIXED_NOW };
  const service = createLanguageService(options);
  const found = async () => only((await service.check(PATH, text)).diagnostics, RULE).map((d) => d.message.split(':')[0]);
  assert.deepEqual(await found(), []);
  const verdicts = new Map<string, ExternalVerdict>([['https://gone.example/', GONE]]);
  options.externalVerdicts = verdicts;
  assert.deepEqual(await found(), ['Dead link “https']);
  verdicts.set('https://moved.example/', { kind: 'redirected', status: 301, finalUrl: 'https://moved.example/new/', safe: true });
  assert.deepEqual(await found(), ['Dead link “https', 'Redirected link “https']);
  options.externalVerdicts = undefined;
  assert.deepEqual(await found(), []);
});

test('externalUrlsOf: the post’s URLs to request, each once, without fragments', async () => {
  const body = [
    '[A](https://a.example/p#one) [A again](https://a.example/p#two) ![I](https://img.example/i.png) https://bare.example/x',
    '[rel](../other/) [mail](mailto:a@example.org) [tpl](https://a.example/{{< param "x" >}}) [own](https://example.org/blog/) [frag](#here)',
    '<a href=" https://html.example/ ">h</a> [r][ref] {{< button link="https://button.example/" >}} `https://code.example/`',
    '',
    '[ref]: https://ref.example/page#section',
    '',
  ].join('\n');
  const text = postWith(body);
  const site = hugoSite({ 'content/blog/p.md': text });
  const expected = ['https://a.example/p', 'https://img.example/i.png', 'https://bare.example/x', 'https://html.example/', 'https://ref.example/page', 'https://button.example/'];
  const service = serviceFor(site);
  assert.deepEqual((await service.externalUrlsOf(PATH)).sort(), [...expected].sort(), 'read from the workspace');
  assert.deepEqual((await service.externalUrlsOf(PATH, postWith('[X](https://x.example/)\n'))), ['https://x.example/'], 'or from the text given');
  assert.deepEqual(await service.externalUrlsOf(`${SITE}/content/blog/none.md`), [], 'a file that cannot be read has none');
});

test('link-dead: a long URL is shortened in its middle, as far as each first sentence needs', async () => {
  const long = (host: string) => `https://${host}/sites/events/files/slides/Running%20a%20Successful%20Open%20Source%20Project%20-%20Slides.pdf`;
  const verdicts: Record<string, ExternalVerdict> = {
    [long('a.example')]: { kind: 'dead', status: 451, detail: '451' },
    [long('b.example')]: { kind: 'failing', detail: 'a timeout', since: '2026-02-01' },
    [long('c.example')]: { kind: 'redirected', status: 308, finalUrl: long('c2.example'), safe: false },
    [long('d.example')]: { kind: 'login-required', status: 401 },
  };
  const body = Object.keys(verdicts).map((url) => `![Slides](${url})`).join('\n') + '\n';
  // Every message is held to the style by the test service: a first sentence of 100 characters at most.
  const { diagnostics, ranges } = await run(body, verdicts, { config: '{ "checkExternal": { "reportLoginRequired": true } }' });
  assert.deepEqual(ranges, Object.keys(verdicts));
  assert.deepEqual(diagnostics.map((d) => d.message.split('. ')[0]), [
    'Dead image “https://a.example/sit…Slides.pdf”: the server answers 451 Unavailable For Legal Reasons',
    'Failing image “https://b.example/sites/events…-%20Slides.pdf”: it has kept failing since 2026-02-01',
    'Redirected image “https://c.example/sites/…0Slides.pdf”: it moved for good (308 Permanent Redirect)',
    'The image “https://d.example/sites/…0Slides.pdf” needs a login: the server answers 401 Unauthorized',
  ]);
  assert.match(diagnostics[2].message, /Change it to “https:\/\/c2\.example\/sites\/events\/files\/slides\/Running%20a%20Successful%20Open%20Source%20Project%20-%20Slides\.pdf”, where the page now is\.$/);
});
