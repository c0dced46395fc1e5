import assert from 'node:assert/strict';
import { test } from 'node:test';
import { filenameKind } from '../../server/engine/text/alt-text';
import { checkPost, hugoSite, only, rangeText } from '../helpers/memory-workspace';

const FRONT = '---\ntitle: Harbour day\ndate: 2025-03-01\nauthor: alice\n---\n\n';

async function filenames(body: string, config?: string) {
  const text = FRONT + body;
  const files: Record<string, string> = { 'content/blog/p.md': text };
  if (config) files['.postlintrc.json'] = config;
  const diagnostics = await checkPost(hugoSite(files), 'content/blog/p.md');
  return { text, diagnostics, found: only(diagnostics, 'image-alt-filename') };
}

test('image-alt-filename: a camera name in Markdown, an <img> and a shortcode, on the alt text', async () => {
  const { text, found } = await filenames(
    '![DSC04417](/img/a.jpg)\n\n<img src="/img/b.jpg" alt="IMG_2093">\n\n{{< img src="/img/c.png" alt="harbour-cranes-2.png" >}}\n',
  );
  assert.deepEqual(found.map((d) => rangeText(text, d)), ['DSC04417', 'IMG_2093', 'harbour-cranes-2.png']);
  assert.equal(found[0].severity, 'warning');
  assert.equal(found[0].message, 'Alt text “DSC04417” looks like a camera or upload file name. Describe what the image shows.');
  assert.equal(found[2].message, 'Alt text “harbour-cranes-2.png” is a file name. Describe what the image shows.');
});

test('image-alt-filename: screenshots, tool defaults and placeholders, in several languages', async () => {
  const alts = [
    'Screenshot 2024-11-30 at 09 14 07',
    'Screen Shot 2021-02-03 at 4.05.06 PM',
    'Captura de pantalla 2023-06-12 a las 18.01.44',
    'Capture d’écran 2022-09-01 à 08.30.12',
    'Bildschirmfoto 2020-01-15 um 12.00.00',
    'Screencast from 2024-03-01 10-22-33',
    'Screen Recording 2024-05-01 at 10.22.33',
    'CleanShot 2024-05-01 at 10.22.33@2x',
    'Kazam_screenshot_00003',
    'Untitled design (2)',
    'Diseño sin título (4)',
    'Sans titre',
    'Unbenannt',
    'Senza titolo',
    '无标题',
    '未命名',
    'Untitled',
    'image',
    'Photo',
    'alt text',
    'Image Alt Text',
    'TODO',
    'tbd',
    'placeholder',
    'Description',
  ];
  const { found } = await filenames(alts.map((alt, i) => `![${alt}](/img/${i}.png)`).join('\n\n') + '\n');
  assert.equal(found.length, alts.length, found.map((d) => d.message).join('\n'));
  assert.match(found[0].message, /is the default name of a screenshot\. Describe what the screenshot shows\./);
  for (const i of [5, 6, 7, 8]) assert.match(found[i].message, /is the default name of a screenshot/, alts[i]);
  assert.match(found[9].message, /default name a design or office tool gives a new file\. Describe what the image shows\./);
  assert.match(found[17].message, /is a placeholder, not a description\. Replace it/);
});

test('image-alt-filename: numbered defaults, ids and slugs', () => {
  const cases: [string, string][] = [
    ['image3', 'placeholder'],
    ['image002', 'placeholder'],
    ['Figure_2', 'placeholder'],
    ['Picture 7', 'placeholder'],
    ['img4(1)', 'placeholder'],
    ['PXL_20230704_101112345', 'camera'],
    ['IMG-20220101-WA0007', 'camera'],
    ['49012345678_a1b2c3d4e5_o', 'camera'],
    ['8723401956123', 'number'],
    ['quay-lights', 'slug'],
    ['HARBOUR-FESTIVAL-POSTER', 'slug'],
    ['summer_meetup_crowd', 'slug'],
    ['team2023photo', 'slug'],
    ['MTG2024FINAL', 'slug'],
    ['harbourfestival3 (1)', 'slug'],
    ['Port Authority_Annual Report_Chart 4', 'slug'],
    ['harbourfestivalcrowd', 'run-together'],
    ['fishmarketopeningday', 'run-together'],
    ['HarbourFestivalCrowd', 'run-together'],
  ];
  for (const [alt, kind] of cases) assert.equal(filenameKind(alt), kind, alt);
});

test('image-alt-filename: single words, brand names and descriptions pass', () => {
  const fine = [
    'Kubernetes',
    'OpenSSF',
    'Logo',
    'GitHub',
    'LinkedIn',
    'PowerPoint',
    'Wi-Fi',
    'e-mail',
    'X-ray',
    'Coca-Cola',
    'Web3',
    'K8s',
    'Neo4j',
    'MP3',
    'Node.js',
    'Internationalization',
    'sustainability',
    'documentation',
    'microservices',
    'Photograph',
    'banner',
    'Hackathon',
    '2025',
    'Fishing boats moored in the harbour at dusk',
    'Figure 2: the cargo route from the north quay',
    'Our booth at the 2024 harbour fair',
    'The v2.0 release banner',
    'Diagram of the user_id column',
    'Source: Port Authority, 2023',
    '港の夕暮れの漁船',
    'Équipe du port à Marseille',
  ];
  for (const alt of fine) assert.equal(filenameKind(alt), undefined, alt);
});

test('image-alt-filename: the most useful rule speaks: a file name that is also long is reported here only', async () => {
  const long = `harbour_${'x'.repeat(160)}_final`;
  const { diagnostics } = await filenames(`![${long}](/img/a.png) ![Image of IMG_1234](/img/b.png)\n`);
  assert.deepEqual(
    diagnostics.filter((d) => d.ruleId.startsWith('image-alt')).map((d) => d.ruleId),
    ['image-alt-filename', 'image-alt-redundant'],
  );
});

test('image-alt-filename: decorative images, empty alts, code, comments and front matter are not reported', async () => {
  const text =
    '---\ntitle: IMG_1234\ndate: 2025-03-01\nauthor: alice\n---\n\n<img src="/img/a.png" alt="IMG_1234" aria-hidden="true">\n\n![](/img/b.png)\n\n`![IMG_1234](/img/c.png)`\n\n```\n<img src="/img/d.png" alt="DSC01234">\n```\n\n<!-- ![image1](/img/e.png) -->\n';
  const found = only(await checkPost(hugoSite({ 'content/blog/p.md': text }), 'content/blog/p.md'), 'image-alt-filename');
  assert.deepEqual(found, []);
});

/**
 * Words and names that look like slugs at a glance, against slugs of the same shape.
 * Each row: the alt text and its verdict (undefined: it may be a description).
 * The slugs include every shape the TODO Group and OpenTelemetry blogs use.
 */
const WORD_OR_SLUG: [string, string | undefined][] = [
  // Names with a version or a number, as prose writes them.
  ['ROT13', undefined],
  ['Python3', undefined],
  ['HTTP2', undefined],
  ['MP3', undefined],
  ['Web3', undefined],
  ['Win32', undefined],
  ['IPv6', undefined],
  ['Windows11', undefined],
  ['http2', undefined],
  // Hyphenated names with digits.
  ['x86-64', undefined],
  ['UTF-8', undefined],
  ['COVID-19', undefined],
  ['H-1B', undefined],
  // Compounds written as prose.
  ['Self-portrait', undefined],
  ['state-of-the-art', undefined],
  ['e-mail', undefined],
  ['well-known', undefined],
  ['Wi-Fi', undefined],
  ['T-shirt', undefined],
  ['Pi-hole', undefined],
  ['built-in', undefined],
  ['Open-source', undefined],
  ['cloud-native', undefined],
  ['HTTP-based', undefined],
  ['end-to-end', undefined],
  ['up-to-date', undefined],
  ['one-of-a-kind', undefined],
  // Slugs and numbered files of the same shapes.
  ['python3', 'slug'],
  ['banner2', 'slug'],
  ['osposurvey7', 'slug'],
  ['ospomindmapv20', 'slug'],
  ['SC2025NEW', 'slug'],
  ['DSC123', 'slug'],
  ['vivo-1', 'slug'],
  ['Vivo-12', 'slug'],
  ['team-2024', 'slug'],
  ['team-photo-2024', 'slug'],
  ['ospo-keynote-1', 'slug'],
  ['ossummitviennabanner-2024', 'slug'],
  ['quay-lights', 'slug'],
  ['steering-committee', 'slug'],
  ['verify-module', 'slug'],
  ['php-rel', 'slug'],
  ['laravel-auto', 'slug'],
  ['CAICT-logo', 'slug'],
  ['Team-Photo-Berlin', 'slug'],
  ['OSPO-SURVEY-KEYFINDINGS', 'slug'],
  ['upstream-not-instrumented', 'slug'],
  ['path-to-production', 'slug'],
  ['state-of-the-harbour-2024', 'slug'],
  ['x86_64', 'slug'],
  ['lessons_ospo', 'slug'],
  // What other checks name first.
  ['IMG_1234', 'camera'],
  ['DSC0042', 'camera'],
  ['image4', 'placeholder'],
  ['vivo-1.png', 'extension'],
];

test('image-alt-filename: names with numbers and compounds written as prose pass; slugs of the same shapes do not', () => {
  assert.ok(WORD_OR_SLUG.length >= 30);
  const wrong = WORD_OR_SLUG.filter(([alt, kind]) => filenameKind(alt) !== kind).map(([alt, kind]) => `${alt}: ${filenameKind(alt)}, expected ${kind}`);
  assert.deepEqual(wrong, []);
});

test('image-alt-filename: a cipher named in an alt text is reported no more; a numbered file still is', async () => {
  const { text, found } = await filenames('![ROT13](/img/cipher.png)\n\n![Self-portrait](/img/me.jpg)\n\n![ospo-keynote-1](/img/k.jpg)\n');
  assert.deepEqual(found.map((d) => rangeText(text, d)), ['ospo-keynote-1']);
});

const CAMERA = 'looks like a camera or upload file name. Describe what the image shows.';
const PLACEHOLDER = 'is a placeholder, not a description. Replace it with a description of what the image shows.';
const SLUG = 'looks like a file name. Its words are joined by hyphens, underscores or digits: describe what the image shows.';
const SCREENSHOT = 'is the default name of a screenshot. Describe what the screenshot shows.';

/**
 * Camera and file names at their boundaries: four digits or more after a camera's
 * prefix make a camera name; with three, other heuristics speak (or none does).
 * Each row: the alt text, then every image-alt finding on it as [rule, message].
 */
const NAME_TABLE: [string, [string, string][]][] = [
  ['IMG_123', [['image-alt-filename', `Alt text “IMG_123” ${PLACEHOLDER}`]]],
  ['IMG_1234', [['image-alt-filename', `Alt text “IMG_1234” ${CAMERA}`]]],
  ['IMG_2093', [['image-alt-filename', `Alt text “IMG_2093” ${CAMERA}`]]],
  ['IMG_12345', [['image-alt-filename', `Alt text “IMG_12345” ${CAMERA}`]]],
  ['IMG_1234 (1)', [['image-alt-filename', `Alt text “IMG_1234 (1)” ${CAMERA}`]]],
  ['img-20240704-101112', [['image-alt-filename', `Alt text “img-20240704-101112” ${CAMERA}`]]],
  ['img_2093.jpg', [['image-alt-filename', 'Alt text “img_2093.jpg” is a file name. Describe what the image shows.']]],
  ['IMG', [['image-alt-filename', `Alt text “IMG” ${PLACEHOLDER}`]]],
  ['DSC123', [['image-alt-filename', `Alt text “DSC123” ${SLUG}`]]],
  ['DSC1234', [['image-alt-filename', `Alt text “DSC1234” ${CAMERA}`]]],
  ['DSC01234', [['image-alt-filename', `Alt text “DSC01234” ${CAMERA}`]]],
  ['DSCN0042', [['image-alt-filename', `Alt text “DSCN0042” ${CAMERA}`]]],
  ['dscf0042', [['image-alt-filename', `Alt text “dscf0042” ${CAMERA}`]]],
  ['DSC', []],
  ['PXL_123', [['image-alt-filename', `Alt text “PXL_123” ${SLUG}`]]],
  ['PXL_1234', [['image-alt-filename', `Alt text “PXL_1234” ${CAMERA}`]]],
  ['PXL_20230704_101112345', [['image-alt-filename', `Alt text “PXL_20230704_101112345” ${CAMERA}`]]],
  ['P123', []],
  ['P1234', [['image-alt-filename', `Alt text “P1234” ${CAMERA}`]]],
  ['GOPR0042', [['image-alt-filename', `Alt text “GOPR0042” ${CAMERA}`]]],
  ['DJI_0042', [['image-alt-filename', `Alt text “DJI_0042” ${CAMERA}`]]],
  ['Screenshot', [['image-alt-filename', `Alt text “Screenshot” ${SCREENSHOT}`]]],
  ['Screenshot (12)', [['image-alt-filename', `Alt text “Screenshot (12)” ${SCREENSHOT}`]]],
  ['screenshot-1', [['image-alt-filename', `Alt text “screenshot-1” ${SCREENSHOT}`]]],
  ['Screenshot_20240101-101010', [['image-alt-filename', `Alt text “Screenshot_20240101-101010” ${SCREENSHOT}`]]],
  ['Screenshot of the dashboard', []],
  [
    'Photo of the dashboard',
    [['image-alt-redundant', 'Alt text “Photo of the dashboard” begins with “Photo of”. Screen readers already announce an image, so start with what it shows.']],
  ],
  ['image1', [['image-alt-filename', `Alt text “image1” ${PLACEHOLDER}`]]],
  ['2024', []],
  ['12345', []],
  ['123456', [['image-alt-filename', 'Alt text “123456” is a number or an id, not a description. Describe what the image shows.']]],
];

test('image-alt-filename: camera names need four digits or more; at each boundary the exact rule and message', async () => {
  const body = NAME_TABLE.map(([alt], index) => `![${alt}](/img/${index}.png)`).join('\n\n') + '\n';
  const { diagnostics } = await filenames(body);
  const firstLine = FRONT.split('\n').length - 1;
  const onRow = (index: number) =>
    diagnostics.filter((d) => d.ruleId.startsWith('image-alt') && d.range.start.line === firstLine + 2 * index).map((d) => [d.ruleId, d.message]);
  for (const [index, [alt, expected]] of NAME_TABLE.entries()) assert.deepEqual(onRow(index), expected, alt);
  const expectedCount = NAME_TABLE.reduce((sum, [, expected]) => sum + expected.length, 0);
  assert.equal(diagnostics.filter((d) => d.ruleId.startsWith('image-alt')).length, expectedCount, 'no finding outside the rows');
});

test('image-alt-filename: an image with no alt attribute at all is left to image-alt-missing', async () => {
  const { found } = await filenames('<img src="/img/IMG_1234.jpg">\n\n{{< img src="/img/DSC01234.jpg" >}}\n');
  assert.deepEqual(found, []);
});

test('image-alt-filename: a description that names a snake_case identifier is no file name; a title joined by underscores is', async () => {
  const { found } = await filenames('![Dashboard showing kafka_request_count per broker](/img/a.png)\n\n![Annual_Report_Cover final](/img/b.png)\n');
  assert.deepEqual(found.map((d) => d.message), [`Alt text “Annual_Report_Cover final” ${SLUG}`]);
});

test('image-alt-filename: each kind has its whole message, the alt shortened where the first sentence needs it', async () => {
  const { found } = await filenames(
    [
      '![harbourfestivalcrowd](/img/a.png)',
      '![Untitled presentation (12345)](/img/b.png)',
      `![harbour_${'festival_'.repeat(8)}crowd](/img/c.png)`,
      '',
    ].join('\n\n'),
  );
  assert.deepEqual(
    found.map((d) => d.message),
    [
      'Alt text “harbourfestivalcrowd” looks like a file name. Its words run together with no spaces: describe what the image shows.',
      // Room for 27 characters: the alt's first 26 and the ellipsis.
      'Alt text “Untitled presentation (123…” is the default name a design or office tool gives a new file. Describe what the image shows.',
      // Room for 65: the first 64 and the ellipsis.
      `Alt text “harbour_${'festival_'.repeat(6)}fe…” ${SLUG}`,
    ],
  );
});
