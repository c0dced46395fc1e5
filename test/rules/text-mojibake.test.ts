import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { applySafeFixes } from '../../server/engine/fixes';
import { findMojibake } from '../../server/engine/text/mojibake';
import type { Diagnostic } from '../../server/engine/types';
import { BRIEF_POSTS, corpusTest, TODO_SITE } from '../helpers/corpus';
import { checkPost, hugoSite, only, rangeText } from '../helpers/memory-workspace';

/** UTF-8 bytes read back as Mac Roman, by the platform's own decoder (not the rule's table). */
function asMacRoman(text: string): string {
  return new TextDecoder('macintosh').decode(Buffer.from(text, 'utf8'));
}

/** UTF-8 bytes read back as Latin-1: every byte becomes the code point of the same number. */
function asLatin1(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

async function mojibake(text: string): Promise<Diagnostic[]> {
  return only(await checkPost(hugoSite({ 'content/blog/p.md': text }), 'content/blog/p.md'), 'text-mojibake');
}

/** Applies the safe fixes until none is left, as `--fix` does. */
async function fixAll(text: string): Promise<string> {
  for (let pass = 0; pass < 10; pass++) {
    const { text: next, applied } = applySafeFixes(text, await mojibake(text));
    if (applied === 0) return text;
    text = next;
  }
  return text;
}

const FRONT = '---\ntitle: Harbour day\ndate: 2025-03-01\nauthor: alice\n---\n\n';
const PROSE =
  'Renée’s café served crème brûlée — “délicieux”, said the cook. The hall was 12 × 30 m at 21 °C. ' +
  'Niño and Zoë brought ½ kg of Łódź pierogi 🥟 and a map of 東京.';

test('text-mojibake: UTF-8 read as Mac Roman is found, each run on its own span, and repaired exactly', async () => {
  const garbled = asMacRoman(PROSE);
  assert.notEqual(garbled, PROSE);
  const text = FRONT + garbled + '\n';
  const found = await mojibake(text);
  assert.equal(found[0].severity, 'error');
  assert.equal(rangeText(text, found[0]), asMacRoman('é'));
  assert.equal(
    found[0].message,
    '“√©” is mojibake, UTF-8 text read as Mac Roman. It should read “é” (“Renée’s”). Replace it, and check the encoding of the tool the text came from.',
  );
  assert.ok(found.every((d) => d.fixes.length === 1 && d.fixes[0].safe));
  assert.ok(found.some((d) => rangeText(text, d) === asMacRoman('×')));
  assert.ok(found.some((d) => rangeText(text, d) === asMacRoman('🥟')));
  assert.equal(await fixAll(text), FRONT + PROSE + '\n');
});

test('text-mojibake: UTF-8 read as Windows-1252 or Latin-1 is found and repaired', async () => {
  const windows = 'Itâ€™s the cafÃ©â€™s â€œgrand openingâ€\u009d â€” Ã\u00a0 bientÃ´t!';
  const latin1 = asLatin1('Zoë’s “tide table” — ready');
  const text = `${FRONT}${windows}\n\n${latin1}\n`;
  const found = await mojibake(text);
  assert.deepEqual(found.slice(0, 3).map((d) => rangeText(text, d)), ['â€™', 'Ã©â€™', 'â€œ']);
  assert.match(found[0].message, /read as Windows-1252\. It should read “’” \(“It’s”\)\./);
  assert.match(found.find((d) => rangeText(text, d) === 'Ã\u00a0')!.message, /should read “à”/);
  assert.equal(await fixAll(text), `${FRONT}It’s the café’s “grand opening” — à bientôt!\n\nZoë’s “tide table” — ready\n`);
});

test('text-mojibake: titles and other front matter values, but not YAML comments', async () => {
  const text = `---\ntitle: "${asMacRoman('Fish × chips at Café Brûlé')}"\n# ${asMacRoman('a note – ignored')}\ndate: 2025-03-01\nauthor: alice\n---\n\nAll good.\n`;
  const found = await mojibake(text);
  assert.deepEqual(found.map((d) => rangeText(text, d)), ['√ó', '√©', '√ª', '√©']);
  assert.equal(await fixAll(text), text.replace(/title: .*/, 'title: "Fish × chips at Café Brûlé"'));
});

test('text-mojibake: never in code spans, fenced code or HTML comments', async () => {
  const bad = asMacRoman('Renée’s “tide notes”');
  const text = `${FRONT}Run \`echo ${bad}\` first.\n\n\`\`\`\n${bad}\n\`\`\`\n\n    ${bad}\n\n<!-- ${bad} -->\n`;
  assert.deepEqual(await mojibake(text), []);
});

test('text-mojibake: real French, Spanish, German, symbols, emoji and CJK are not mojibake', async () => {
  const text =
    FRONT +
    [
      'Le café de José — très bien ! «école» “écrire” l’été à Paris, naïve façade, Noël, cœur.',
      'El niño comió jalapeños en España. ¿Qué tal? ¡Olé! «Él» dijo: “año nuevo”.',
      'Größe, Übung, „MENÜ“ und „Ärger“ — weiß, Straße, äöü ÄÖÜ ß. Łódź, Kraków, Gdańsk, şehir, İstanbul.',
      '© 2025 Harbour Co. 3×4 = 12, 20 °C, ±5 %, 5 µs, ½, ², €10, £5, ¥100, ™, ®, §3, †, •, …',
      '😀 🎉 🇯🇵 日本語のテキスト、中文文本，한국어. Привет, мир! Γειά σου. שלום.',
      'x ≠ y, ∞, ∑, ∆, ◊, ﬁ, ‰, ‹a›, ‚single‘, ·middle·; SÃO PAULO, NÃO, IRMÃ, maçã; Ñandú, ‘Ü’, Æ Ø Å.',
      '',
    ].join('\n\n');
  assert.deepEqual(await mojibake(text), []);
});

test('text-mojibake: a run two code pages read differently is reported with no fix', async () => {
  // `Ã‚` is `Â` in Windows-1252, and `‚Äô` is `’` in Mac Roman: the runs overlap.
  const text = `${FRONT}The harbourÃ‚Äôs lights.\n`;
  const [diagnostic, ...rest] = await mojibake(text);
  assert.equal(rest.length, 0);
  assert.equal(rangeText(text, diagnostic), 'Ã‚Äô');
  assert.match(diagnostic.message, /not certain: retype them/);
  assert.deepEqual(diagnostic.fixes, []);
});

/**
 * Every run of non-ASCII characters of a text that is Mac Roman mojibake throughout
 * (brief-posts README), with its repair: the run's Mac Roman bytes, by the
 * platform's decoder, read as UTF-8. `line:column run -> repair`.
 */
function macRomanRuns(text: string): string[] {
  const macRoman = new TextDecoder('macintosh');
  const byteOf = new Map<string, number>();
  for (let byte = 0x80; byte <= 0xff; byte++) byteOf.set(macRoman.decode(Uint8Array.of(byte)), byte);
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  return text.split('\n').flatMap((line, index) =>
    [...line.matchAll(/[^\x00-\x7f]+/g)].map((run) => {
      const repaired = utf8.decode(Uint8Array.from([...run[0]].map((char) => byteOf.get(char)!)));
      return `${index + 1}:${run.index! + 1} ${run[0]} -> ${repaired}`;
    }),
  );
}

corpusTest('text-mojibake: the brief’s event recap (Mac Roman throughout) is found, and its repair reads right', { corpus: BRIEF_POSTS }, async () => {
  const text = readFileSync(join(BRIEF_POSTS, '001_4a8ba5a2dbd3c479.txt'), 'utf8');
  const found = await mojibake(text);
  const runs = macRomanRuns(text);
  assert.equal(runs.length, 27, 'counted by hand: 27 runs, the first in the title');
  const asRuns = found.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${rangeText(text, d)} -> ${d.fixes[0]?.edits[0].newText}`);
  assert.deepEqual(asRuns, runs);
  for (const d of found) {
    const [run, repaired] = [rangeText(text, d), d.fixes[0].edits[0].newText];
    // The message quotes the repaired word in context: its fixed parts, whole; the context, by its shape.
    // A curly double quote the run stood for is named by its code point, not set inside the message's own quotes.
    const shown = repaired.replace(/[“”]/gu, (quote) => `U+${quote.codePointAt(0)!.toString(16).toUpperCase()}`);
    assert.ok(d.message.startsWith(`“${run}” is mojibake, UTF-8 text read as Mac Roman. It should read “${shown}” (“`), d.message);
    assert.ok(d.message.endsWith('”). Replace it, and check the encoding of the tool the text came from.'), d.message);
    assert.equal(d.fixes[0].safe, true);
  }
  assert.equal(found[0].message, '“√ó” is mojibake, UTF-8 text read as Mac Roman. It should read “×” (“IPA × TODO”). Replace it, and check the encoding of the tool the text came from.');
  const title = found[0];
  assert.equal(title.range.start.line, 1, 'the title is mojibake too');
  assert.equal(rangeText(text, title), '√ó');
  assert.equal(title.fixes[0].edits[0].newText, '×');
  const fixed = await fixAll(text);
  for (const phrase of ['IPA × TODO Group Workshop', 'Japan’s', 'Ana Jiménez', '“OSPO Level-1” corporate workshop', 'Linux Foundation’s', 'series—a']) {
    assert.ok(fixed.includes(phrase), phrase);
  }
  assert.doesNotMatch(fixed, /√|‚Ä/);
  assert.deepEqual(await mojibake(fixed), []);
});

corpusTest('text-mojibake: no mojibake anywhere in the TODO Group site', { corpus: TODO_SITE }, () => {
  const pages = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? pages(join(folder, entry.name)) : entry.name.endsWith('.md') ? [join(folder, entry.name)] : [],
    );
  const content = join(TODO_SITE, 'content');
  assert.ok(existsSync(content));
  const files = pages(content);
  assert.equal(files.length, 306, 'README: every Markdown page of the site, 306 files');
  const found = files.flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return findMojibake(text, 0, text.length).map((finding) => `${file}: ${text.slice(finding.start, finding.end)}`);
  });
  assert.deepEqual(found, []);
});

const TAIL = ' Replace it, and check the encoding of the tool the text came from.';

test('text-mojibake: invisible characters in a run and its repair are shown by their code point', async () => {
  // `à` is C3 A0 and a no-break space C2 A0 in UTF-8: as Latin-1, `Ã` and `Â` each before a no-break space.
  const text = `${FRONT}Voil\u00c3\u00a0 tout.\n`;
  const [found, ...rest] = await mojibake(text);
  assert.equal(rest.length, 0);
  assert.equal(found.message, '“\u00c3U+00A0” is mojibake, UTF-8 text read as Windows-1252. It should read “à” (“Voilà”).' + TAIL);
  assert.equal(found.fixes[0].title, 'Replace “\u00c3U+00A0” with “à”');
  assert.deepEqual(found.fixes[0].edits.map((edit) => edit.newText), ['à']);
  assert.equal(found.fixes[0].preferred, true);
  const space = await mojibake(`${FRONT}Hall\u00c2\u00a0B.\n`);
  assert.deepEqual(space.map((d) => d.message), ['“\u00c2U+00A0” is mojibake, UTF-8 text read as Windows-1252. It should read “U+00A0” (“HallU+00A0B”).' + TAIL]);
});

test('text-mojibake: a run the code pages read differently names both, in the order they start', async () => {
  const [found] = await mojibake(`${FRONT}The harbour\u00c3\u201a\u00c4\u00f4s lights.\n`);
  assert.equal(
    found.message,
    '“\u00c3\u201a\u00c4\u00f4” looks like mojibake (UTF-8 text read as Windows-1252 or Mac Roman). Which characters were meant is not certain: retype them.',
  );
});

test('text-mojibake: a run the code pages read differently names each code page once', async () => {
  // Mac Roman finds one run here, and Windows-1252 two that overlap it.
  const found = await mojibake(`${FRONT}The harbour \u00c8\u00b1\u00c2\u00c4\u00b1\u00ff\u00c4\u00a9\u2044\u00da lights.\n`);
  assert.deepEqual(
    found.map((d) => [d.message, d.fixes.length]),
    [['“\u00c2\u00c4\u00b1\u00ff\u00c4\u00a9” looks like mojibake (UTF-8 text read as Mac Roman or Windows-1252). Which characters were meant is not certain: retype them.', 0]],
  );
});

test('text-mojibake: the word quoted is the run’s own word, with every run in it repaired and no run of another word', async () => {
  const text = `${FRONT}${asMacRoman('Jiménéz and Muñoz')} met.\n`;
  const found = await mojibake(text);
  assert.deepEqual(found.map((d) => [rangeText(text, d), d.message.match(/\(“(.*)”\)\./)?.[1]]), [
    ['√©', 'Jiménéz'],
    ['√©', 'Jiménéz'],
    ['√±', 'Muñoz'],
  ]);
});

test('text-mojibake: the word quoted stops at 30 characters each way, and at code spans', async () => {
  const long = `${'a'.repeat(35)}${asMacRoman('é')}${'b'.repeat(35)}`;
  const [found] = await mojibake(`${FRONT}${long}\n`);
  assert.equal(found.message, `“√©” is mojibake, UTF-8 text read as Mac Roman. It should read “é” (“${'a'.repeat(30)}é${'b'.repeat(30)}”).` + TAIL);
  const words = (await mojibake(`${FRONT}Use \`sudo\`${asMacRoman('Café')}\`ls\` now.\n`)).map((d) => d.message.match(/\(“(.*)”\)\./)?.[1]);
  assert.deepEqual(words, ['Café']);
});

test('text-mojibake: a run that is a word of its own is quoted with its neighbours on the same line only', async () => {
  const times = asMacRoman('×');
  const found = await mojibake(`${FRONT}(12\t${times}\t30.)\n\nSize of a\n${times}\nwidth and depth.\n`);
  assert.deepEqual(found.map((d) => d.message), [
    '“√ó” is mojibake, UTF-8 text read as Mac Roman. It should read “×” (“12 × 30”).' + TAIL,
    '“√ó” is mojibake, UTF-8 text read as Mac Roman. It should read “×”.' + TAIL,
  ]);
});

test('text-mojibake: the word quoted keeps an uncertain run as written, and drops markup, punctuation and spaces at its ends', async () => {
  const quoted = async (body: string) => (await mojibake(`${FRONT}${body}\n`)).filter((d) => d.fixes.length > 0).map((d) => d.message.match(/\(“(.*)”\)\./)?.[1]);
  assert.deepEqual(await quoted('Ren\u221a\u00a9e\u00c3\u201a\u00c4\u00f4s visit.'), ['Ren\u00e9e\u00c3\u201a\u00c4\u00f4s']);
  assert.deepEqual(await quoted(`"[{@${asMacRoman('Café')}!}]", he said.`), ['Café']);
  assert.deepEqual(await quoted('Hall\u00c2\u00a0 B.'), ['Hall']);
  assert.deepEqual(await quoted(`Size 12  ${asMacRoman('×')}  30 m.`), ['12 × 30']);
});

test('text-mojibake: a run 30 characters away is outside the word, and so not repaired in it', async () => {
  const text = `${FRONT}${asMacRoman('é')}${'x'.repeat(30)}${asMacRoman('é')}\n`;
  const words = (await mojibake(text)).map((d) => d.message.match(/\(“(.*)”\)\./)?.[1]);
  assert.deepEqual(words, [`é${'x'.repeat(30)}`, `${'x'.repeat(30)}é`]);
});

test('text-mojibake: curly double quotes in a run or its repair, and control characters, are shown by their code point', async () => {
  // An en dash is E2 80 93 in UTF-8, “ E2 80 9C and ” E2 80 9D: as Windows-1252, 93 is “; as Latin-1, 9D is a control character.
  // The word quoted after the repair keeps its quotes as they read.
  const found = await mojibake(`${FRONT}Open 2010\u00e2\u20ac\u201c2020, the \u00e2\u20ac\u0153big\u00e2\u20ac\u009d year.\n`);
  assert.deepEqual(
    found.map((d) => [d.message, d.fixes[0].title]),
    [
      ['“\u00e2\u20acU+201C” is mojibake, UTF-8 text read as Windows-1252. It should read “–” (“2010–2020”).' + TAIL, 'Replace “\u00e2\u20acU+201C” with “–”'],
      ['“\u00e2\u20ac\u0153” is mojibake, UTF-8 text read as Windows-1252. It should read “U+201C” (““big””).' + TAIL, 'Replace “\u00e2\u20ac\u0153” with “U+201C”'],
      ['“\u00e2\u20acU+009D” is mojibake, UTF-8 text read as Windows-1252. It should read “U+201D” (““big””).' + TAIL, 'Replace “\u00e2\u20acU+009D” with “U+201D”'],
    ],
  );
});

test('text-mojibake: a long run is quoted with its middle left out, so that the first sentence fits', async () => {
  const found = await mojibake(`${FRONT}${asMacRoman('é'.repeat(40))}\n`);
  assert.deepEqual(
    found.map((d) => [d.message, d.fixes[0].title]),
    [
      [
        // Room for 55 characters: the run's first 36, an ellipsis and its last 18. The fix title quotes 40: 26, an ellipsis and 13.
        `“${'√©'.repeat(18)}…${'√©'.repeat(9)}” is mojibake, UTF-8 text read as Mac Roman. It should read “${'é'.repeat(40)}”.` + TAIL,
        `Replace “${'√©'.repeat(13)}…©${'√©'.repeat(6)}” with “${'é'.repeat(40)}”`,
      ],
    ],
  );
});

/**
 * Real words that decode, through one code page or the other, to UTF-8, and real mojibake of
 * each kind the rule finds. `undefined`: no finding. Otherwise what `--fix` makes of the text:
 * every run found, each with a safe fix. ox-hugo's test site has `### ÄËÏÖÜ {#äëïöü}`: through
 * Mac Roman, `ÏÖÜ` is EC 85 86, the Hangul syllable 셆, and so are the other capitals below.
 */
const VERDICTS: [string, string | undefined][] = [
  // Capitals and accents as languages write them.
  ['ÄËÏÖÜ', undefined],
  ['ÎÖÜ', undefined],
  ['ÍÖÜ', undefined],
  ['ÌÖÜ', undefined],
  ['ÏÑÜ', undefined],
  ['ÎÑÑ', undefined],
  ['ÎÇÖ', undefined],
  ['ÄÖÜ', undefined],
  ['ÎÔÛ', undefined],
  ['ÉÀÈ', undefined],
  ['ÉTÉ, NAÏVE, ÎLE, CAFÉ, FÊTE, NOËL, CŒUR', undefined],
  ['l’été à Paris, naïve façade, Noël, cœur, où, dîner', undefined],
  ['ÖSTERREICH, ÄRGER, GRÜSSE, Größe, Übung, Straße', undefined],
  ['ÍSLAND, ÞÓRSHÖFN, Ævintýri, Reykjavík, ÐÆÖ', undefined],
  ['İSTANBUL, ÇÖĞÜŞ, Şişli, Gümüşhane, ÖĞRENCİ', undefined],
  ['Tiếng Việt, ĐÔNG, Hà Nội, Huế, ÊÔƠ', undefined],
  ['AÑO, CAMIÓN, ÑANDÚ, ¿Qué tal?, ¡Olé!', undefined],
  ['SÃO PAULO, NÃO, CORAÇÃO, AÇÕES', undefined],
  ['“Un café…”', undefined],
  // Windows-1252 and Latin-1.
  ['cafÃ©', 'café'],
  ['Itâ€™s', 'It’s'],
  ['â€œquotedâ€\u009d', '“quoted”'],
  ['Ãœber', 'Über'],
  ['StraÃŸe', 'Straße'],
  ['ZÃ¼rich', 'Zürich'],
  ['Ã\u00a0 bientÃ´t', 'à bientôt'],
  ['PoznaÅ„, Å‚Ã³dÅº', 'Poznań, łódź'],
  ['ðŸŽ‰', '🎉'],
  ['ï¿½', '\ufffd'],
  ['ÐŸÑ€Ð¸Ð²ÐµÑ‚', 'Привет'],
  // Mac Roman.
  ['Jim√©nez', 'Jiménez'],
  ['Japan‚Äôs', 'Japan’s'],
  ['IPA √ó TODO', 'IPA × TODO'],
  ['20 ¬∞C', '20 °C'],
  [asMacRoman('Łódź, są'), 'Łódź, są'],
  [asMacRoman('한국어'), '한국어'],
  [asMacRoman('🥟 東京'), '🥟 東京'],
];

test('text-mojibake: real capitals and accents are not mojibake; real mojibake is, and its safe repair reads right', async () => {
  assert.ok(VERDICTS.length >= 25);
  const verdicts = [];
  for (const [written] of VERDICTS) {
    const text = `${FRONT}Text: ${written}\n`;
    const found = await mojibake(text);
    const repaired = found.length === 0 ? undefined : (await fixAll(text)).slice(FRONT.length + 'Text: '.length, -1);
    verdicts.push([written, found.every((d) => d.fixes.length === 1 && d.fixes[0].safe) ? repaired : `unsafe: ${repaired}`]);
  }
  assert.deepEqual(verdicts, VERDICTS);
  // The line of ox-hugo's test site (content/posts/post-heading-slugs.md) that Hugo renders `<h3 id="äëïöü">ÄËÏÖÜ</h3>`.
  assert.deepEqual(await mojibake(`${FRONT}### ÄËÏÖÜ {#äëïöü}\n`), []);
});

test('text-mojibake: one character of another script is reported only in a post garbled elsewhere, and never fixed by --fix', async () => {
  // `日` read as Mac Roman is `Êó•`, with a sign in it; alone in a Latin post, real text could have made it.
  const alone = `${FRONT}Day ${asMacRoman('日')} one.\n`;
  assert.deepEqual(await mojibake(alone), []);
  const text = `${FRONT}Day ${asMacRoman('日')} one at the caf${asMacRoman('é')}.\n`;
  const found = await mojibake(text);
  assert.deepEqual(found.map((d) => [rangeText(text, d), d.fixes.map((fix) => [fix.edits[0].newText, fix.safe])]), [
    ['Êó•', [['日', false]]],
    ['√©', [['é', true]]],
  ]);
  assert.equal(
    found[0].message,
    '“Êó•” may be mojibake, UTF-8 text read as Mac Roman as elsewhere in this post. It would read “日” (“Day 日 one”), one character of a script that real text can make by chance: replace it only if that was meant.',
  );
  assert.equal(await fixAll(text), `${FRONT}Day ${asMacRoman('日')} one at the café.\n`);
});
