#!/usr/bin/env node
// Growth benchmark (issue 13, hardening): how Postlint's time and memory grow with hostile and realistic posts.
//
//   node bench/growth.mjs [--only FAMILY[,FAMILY…]] [--runs N] [--target S] [--keep] [--list]
//
// For each input family, one post in a plain throwaway Hugo site is checked at n and 2n, where n is found by
// doubling until a check takes about --target seconds of CPU (0.5 s). A linear check takes about twice as long at 2n;
// a quadratic one four times. The goal: time(2n)/time(n) <= 2.3 for every family, and a realistic 1 MB post
// checked in under 1 s.
//
// Exit codes: 0 goals met, 1 a goal missed, 2 the benchmark itself failed.
// See bench/README.md for what is measured and why.

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { peakMeter } from './peak.mjs';
import { BenchFailure, fmtInt, median } from './common.mjs';

const GOAL_RATIO = 2.3; // time(2n)/time(n): linear is 2, n log n a little more, quadratic 4; the rest is room for noise
const GOAL_1MB_SECONDS = 1;
const MEBIBYTE = 1024 * 1024; // Postlint's --max-file-size counts in these, so "1 MB" and "10 MB" here do too
const MAX_POST_BYTES = 16 * MEBIBYTE; // the search for n stops here, so that the post at 2n is at most 32 MB
const RUN_TIMEOUT_SECONDS = 90; // a run past this is killed and counted as a missed goal; no family should come near
const SLOW_RUN_SECONDS = 20; // a fixed-size post whose first run takes longer is run once, to keep the whole bench short
const FRONT_MATTER = '---\ntitle: Growth\ndate: 2024-01-01\n---\n';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.dirname(benchDir);
// Not bench/.work: bench/run.mjs deletes that folder whole, and the two benchmarks may run side by side.
const workDir = path.join(benchDir, '.work-growth');
const cli = path.join(repoRoot, 'dist', 'cli.js');

// ---------------------------------------------------------------------------------------------------------------
// The input families. Each builds one post (and any other site files) from n; `start` is the first n tried.
// ---------------------------------------------------------------------------------------------------------------

/** A paragraph of `[a](`: the parser's inline pass is quadratic in a paragraph's brackets; Postlint refuses past 5,000. */
const LINK_OPENERS_PER_PARAGRAPH = 4000;
/** `*a` per paragraph: Postlint refuses a paragraph past 20,000 `*` or `_`. */
const EMPHASIS_PER_PARAGRAPH = 15000;
/** The redirects family's post: enough local links that a linear scan of the rules per link would show. */
const REDIRECT_LINKS = 2000;

const repeatLines = (n, line) => {
  let text = '';
  for (let i = 0; i < n; i++) text += line(i) + '\n';
  return text;
};

const FAMILIES = [
  {
    id: 'nested-lists',
    what: '`- ` n times on one line',
    start: 1024,
    build: (n) => ({ body: '- '.repeat(n) + 'x\n' }),
  },
  {
    id: 'nested-quotes',
    what: '`>` n times on one line',
    start: 1024,
    build: (n) => ({ body: '>'.repeat(n) + ' x\n' }),
  },
  {
    id: 'link-openers',
    what: '`[a](` n times, one paragraph',
    start: 256,
    build: (n) => ({ body: '[a]('.repeat(n) + '\n' }),
  },
  {
    id: 'link-openers-paragraphs',
    what: `n paragraphs of ${LINK_OPENERS_PER_PARAGRAPH.toLocaleString('en-US')} \`[a](\``,
    start: 1,
    build: (n) => ({ body: repeatLines(n, () => '[a]('.repeat(LINK_OPENERS_PER_PARAGRAPH) + '\n') }),
  },
  {
    id: 'emphasis',
    what: '`*a` n times, one paragraph',
    start: 1024,
    build: (n) => ({ body: '*a'.repeat(n) + '\n' }),
  },
  {
    id: 'emphasis-paragraphs',
    what: `n paragraphs of ${EMPHASIS_PER_PARAGRAPH.toLocaleString('en-US')} \`*a\``,
    start: 1,
    build: (n) => ({ body: repeatLines(n, () => '*a'.repeat(EMPHASIS_PER_PARAGRAPH) + '\n') }),
  },
  {
    id: 'links-lines',
    what: 'n links, one per line (one paragraph)',
    start: 256,
    build: (n) => ({ body: repeatLines(n, (i) => `[text](https://example.com/page-${i})`) }),
  },
  {
    // Lines without a blank line between them are one paragraph, which Postlint refuses past 5,000 links:
    // one link per paragraph shows how the link rules themselves grow.
    id: 'links-paragraphs',
    what: 'n links, one per paragraph',
    start: 256,
    build: (n) => ({ body: repeatLines(n, (i) => `[text](https://example.com/page-${i})\n`) }),
  },
  {
    id: 'links-one-line',
    what: 'n links on one line',
    start: 256,
    build: (n) => {
      const links = [];
      for (let i = 0; i < n; i++) links.push(`[text](https://example.com/page-${i})`);
      return { body: links.join(' ') + '\n' };
    },
  },
  {
    id: 'inline-code',
    what: 'the line ``Words `x` more.`` n times',
    start: 1024,
    build: (n) => ({ body: repeatLines(n, () => 'Words `x` more.') }),
  },
  {
    id: 'duplicate-keys',
    what: '`a: 1` n times in the front matter',
    start: 1024,
    build: (n) => ({ frontMatter: '---\ntitle: Growth\ndate: 2024-01-01\n' + 'a: 1\n'.repeat(n) + '---\n', body: 'A short body.\n' }),
  },
  {
    // Not in the issue's list: keys that differ only in case (`k0a`, `k0A`), each pair a \`frontmatter-key-case\`
    // problem, and n distinct keys, for comparison with the duplicates above.
    id: 'case-duplicate-keys',
    what: 'n keys in pairs that differ in case (`k0a: 1`, `k0A: 1`)',
    start: 256,
    build: (n) => ({ frontMatter: '---\ntitle: Growth\ndate: 2024-01-01\n' + repeatLines(n, (i) => `k${i >> 1}${i % 2 ? 'A' : 'a'}: 1`) + '---\n', body: 'A short body.\n' }),
  },
  {
    id: 'distinct-keys',
    what: 'n distinct keys (`k0: 1`, `k1: 1`…) in the front matter',
    start: 1024,
    build: (n) => ({ frontMatter: '---\ntitle: Growth\ndate: 2024-01-01\n' + repeatLines(n, (i) => `k${i}: 1`) + '---\n', body: 'A short body.\n' }),
  },
  {
    id: 'redirects',
    what: `\`static/_redirects\` with n rules; ${REDIRECT_LINKS.toLocaleString('en-US')} local links`,
    start: 1024,
    build: (n) => {
      // Link j goes to a rule spread over the whole file, so a matcher that scans the rules in order
      // has more to scan at 2n (links to the first 2,000 rules only would not show it).
      const body = repeatLines(REDIRECT_LINKS, (j) => `- [x](/from-${Math.floor((j * n) / REDIRECT_LINKS)}/page/)`);
      return { body, files: { 'static/_redirects': repeatLines(n, (i) => `/from-${i}/* /to-${i}/:splat 301`) }, sizeOf: 'static/_redirects' };
    },
  },
  {
    id: 'mojibake',
    what: '`Ã©` n times on one line',
    start: 16384,
    build: (n) => ({ body: 'Ã©'.repeat(n) + '\n' }),
  },
  {
    id: 'realistic',
    what: 'n sections of a realistic post',
    start: 64,
    build: (n) => realisticSite(realisticBody((i) => i < n)),
  },
];

/** The fixed-size realistic posts: the 1 MB one has a goal; the 10 MB one took 83 s and 837 MB before hardening. */
const FIXED = [
  { id: 'realistic-1mb', what: 'a realistic post of 1 MB', bytes: MEBIBYTE, goalSeconds: GOAL_1MB_SECONDS },
  { id: 'realistic-10mb', what: 'a realistic post of 10 MB', bytes: 10 * MEBIBYTE },
];

// ---------------------------------------------------------------------------------------------------------------
// The realistic post: varied sections, written for this benchmark, repeated to size. Each section uses what
// blog posts use (headings, links, images, inline code, emphasis, lists, code fences, tables, shortcodes, HTML,
// links to other posts of the site and to headings), and its numbers make headings and links differ.
// ---------------------------------------------------------------------------------------------------------------

const OTHER_POSTS = 12;
const TOPICS = ['caching', 'release notes', 'the build', 'onboarding', 'the roadmap', 'testing', 'the meetup', 'accessibility'];

const SECTIONS = [
  (i, t) => `## Week ${i}: notes on ${t}

We spent most of week ${i} on ${t}. The short version is that *nothing broke*, which is rarely
how these weeks go. The longer version starts with a question from a reader about the
\`cache-control\` header, and ends with a [write-up on the project wiki](https://example.com/wiki/week-${i}).
If you only read one thing, read [the earlier post](/posts/other-${i % OTHER_POSTS}/) first.
`,
  (i, t) => `### What we changed in ${t}

- Moved the config loader behind a flag (\`loader.v2\`), so it can be turned off in production.
- Wrote **three** new checks for ${t}; the [list is here](/posts/other-${(i + 3) % OTHER_POSTS}/#first-steps).
- Dropped the old \`--legacy\` switch. Nobody had used it since spring, as far as we can tell.
  - One person had. We have written to them.
- Reviewed ${i + 4} pull requests, some of them _twice_.
`,
  (i) => `Here is the snippet people asked about after part ${i}:

\`\`\`js
// Retry a flaky request a few times before giving up.
async function fetchWithRetry(url, tries = 3) {
  for (let attempt = 1; attempt <= tries; attempt++) {
    const response = await fetch(url);
    if (response.ok) return response;
    await new Promise((r) => setTimeout(r, attempt * 250)); // back off a little more each time
  }
  throw new Error(\`gave up on \${url} after \${tries} tries [\${Date.now()}]\`);
}
\`\`\`

The \`attempt * 250\` part is deliberately simple; see [the MDN page on fetch](https://developer.mozilla.org/en-US/docs/Web/API/fetch) for more.
`,
  (i, t) => `| step | owner | status |
| --- | --- | --- |
| draft the plan for ${t} | Robin | done |
| try it on staging | Sam | in progress (${i}%) |
| write it up | Alex | [not yet](/posts/other-${(i + 5) % OTHER_POSTS}/) |
| announce it | everyone | after the review |
`,
  (i, t) => `{{< figure src="/img/a.png" alt="A whiteboard covered in arrows about ${t}" caption="The plan, version ${i}." >}}

The drawing above is the third attempt. The first two had fewer arrows and, honestly,
made more sense. ![A small chart of build times going down](/img/b.png) shows why we kept it anyway.
`,
  (i) => `<details>
<summary>Why the numbers in part ${i} look odd</summary>

<p>They were measured on a laptop running on battery, which slows everything down by a
third or so. We left them in because the <em>ratios</em> still hold.</p>
<img src="/img/b.png" alt="The same chart, measured on mains power" width="320">
</details>
`,
  (i, t) => `> A reader wrote in about ${t}: "I tried the steps from part ${i} and they *mostly* worked."
> We think the missing piece is the \`PATH\` change described in [setting things up](/posts/other-${(i + 7) % OTHER_POSTS}/#setting-up).
`,
  (i, t) => `1. Read [week ${i}](#week-${i}-notes-on-${t.replaceAll(' ', '-')}) again if you skipped it.
2. Install the tool with \`npm install --save-dev example-tool\`.
3. Run it once by hand, then add it to CI; the [upstream docs](https://docs.example.net/ci?lang=en) cover both.
4. Tell us how it went: the **comments** are open until the end of the month.
`,
];

/** The body of the realistic post: sections while `more(i, bytes)` says so. */
function realisticBody(more) {
  const parts = [];
  let bytes = 0;
  for (let i = 0; more(i, bytes); i++) {
    // Every run of the eight sections has its own week number and one topic, so that the last section's
    // link to the week's heading (#week-3-notes-on-testing) names a heading of this post.
    const week = Math.floor(i / SECTIONS.length) + 1;
    const section = SECTIONS[i % SECTIONS.length](week, TOPICS[week % TOPICS.length]) + '\n';
    parts.push(section);
    bytes += Buffer.byteLength(section);
  }
  return parts.join('');
}

/** The site around the realistic post: other posts it links to (with the headings it names) and the images it shows. */
function realisticSite(body) {
  const files = { 'static/img/a.png': 'not really a PNG\n', 'static/img/b.png': 'not really a PNG either\n' };
  for (let i = 0; i < OTHER_POSTS; i++) {
    files[`content/posts/other-${i}.md`] = `---\ntitle: Another post ${i}\ndate: 2023-0${1 + (i % 9)}-1${i % 10}\n---\n\n` +
      `## First steps\n\nA short post, linked from the long one.\n\n## Setting up\n\nInstall it, then run it.\n`;
  }
  return {
    frontMatter: '---\ntitle: Growth, a long post\ndate: 2024-01-01\ndescription: A post made long on purpose.\ntags: [growth, bench]\n---\n',
    body: '\nAn opening paragraph, as every post has, with a [link home](/).\n\n' + body,
    files,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Sites, runs and measurements.
// ---------------------------------------------------------------------------------------------------------------


function usage() {
  return 'usage: node bench/growth.mjs [--only FAMILY[,FAMILY...]] [--runs N] [--target S] [--keep] [--list]\n' +
    '  --only F   run only these families (repeatable; comma-separated); see --list\n' +
    '  --runs N   runs of each size; the median counts (default 5)\n' +
    '  --target S the smaller run of a family should take about S seconds of CPU (default 0.5)\n' +
    '  --keep     leave the work sites in bench/.work-growth after the run\n' +
    '  --list     list the families and exit';
}

function parseArgs(argv) {
  const options = { runs: 5, target: 0.5, keep: false, only: [] };
  const valueOf = (arg, name, i) => (arg === name ? argv[i + 1] : arg.slice(name.length + 1));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--keep') options.keep = true;
    else if (arg === '--list') options.list = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--runs' || arg.startsWith('--runs=')) {
      const value = valueOf(arg, '--runs', i);
      if (arg === '--runs') i++;
      if (value === undefined || !/^[1-9]\d*$/.test(value)) throw new Error(`--runs needs a positive integer, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`);
      options.runs = Number(value);
    } else if (arg === '--target' || arg.startsWith('--target=')) {
      const value = valueOf(arg, '--target', i);
      if (arg === '--target') i++;
      const seconds = Number(value);
      if (value === undefined || value.trim() === '' || !(seconds > 0) || seconds > 30) throw new Error(`--target needs a number of seconds above 0 and at most 30, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`);
      options.target = seconds;
    } else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = valueOf(arg, '--only', i);
      if (arg === '--only') i++;
      if (value === undefined || value === '') throw new Error('--only needs a family name (see --list)');
      for (const id of value.split(',')) {
        if (![...FAMILIES, ...FIXED].some((f) => f.id === id)) throw new Error(`no family ${JSON.stringify(id)} (see --list)`);
        options.only.push(id);
      }
    } else throw new Error(`unknown argument ${JSON.stringify(arg)}`);
  }
  return options;
}

const fmtBytes = (bytes) => (bytes >= MEBIBYTE ? `${(bytes / MEBIBYTE).toFixed(bytes >= 10 * MEBIBYTE ? 0 : 1)} MB` : `${Math.ceil(bytes / 1024)} KB`);
const fmtSeconds = (s) => s.toFixed(2);
const fmtMiB = (kib) => (kib === undefined ? '?' : fmtInt(Math.round(kib / 1024)));

/** Writes a throwaway Hugo site holding one post; returns the post's path and the size that n is measured by. */
function writeSite(dir, name, built) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'content', 'posts'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'hugo.yaml'), 'baseURL: https://example.org/\ntitle: x\n');
  for (const [file, text] of Object.entries(built.files ?? {})) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  const post = path.join(dir, 'content', 'posts', `${name}.md`);
  fs.writeFileSync(post, (built.frontMatter ?? FRONT_MATTER) + built.body);
  const postBytes = fs.statSync(post).size;
  const sizeBytes = built.sizeOf ? fs.statSync(path.join(dir, built.sizeOf)).size : postBytes;
  // Postlint refuses files over --max-file-size (default 10 MB), the _redirects file included: allow them all.
  const largest = Math.max(postBytes, sizeBytes);
  return { dir, post, postBytes, sizeBytes, maxFileSizeMB: Math.max(10, Math.ceil(largest / MEBIBYTE) + 1) };
}

/**
 * One check of one post, a fresh `node dist/cli.js` process with the site as its current folder, timed from
 * spawn to exit. Detached, so that on a timeout the whole process group (GNU time and Node) can be killed.
 */
function runOnce(site, peak) {
  const peakFile = path.join(workDir, `peak-${process.pid}.txt`);
  const checkArgs = [cli, 'check', site.post, '--format', 'json', '--max-file-size', String(site.maxFileSizeMB)];
  const [command, args, env] = peak.command(checkArgs, peakFile);
  return new Promise((resolve, reject) => {
    const stdout = [], stderr = [];
    let timedOut = false;
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { cwd: site.dir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, RUN_TIMEOUT_SECONDS * 1000);
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new BenchFailure(`could not run ${command}: ${error.message}`));
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      // No figures when the run was killed: time and findings still count.
      const { peakKiB, cpuSeconds } = peak.read(peakFile);
      resolve({ seconds, peakKiB, cpuSeconds, status, signal, timedOut, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
    });
  });
}

/** Postlint must exit 0 or 1 and print ESLint JSON for exactly this post; a fast but broken run does not count. */
function checkRun(run, site) {
  if (run.timedOut) return { timedOut: true, messages: 0, internalErrors: [], ruleFailures: [] };
  const stderrTail = run.stderr.trim().slice(-4000);
  const fail = (what) => new BenchFailure(`postlint ${what} on ${site.post} (${run.signal ? `killed by ${run.signal}` : `exit code ${run.status}`})` +
    (stderrTail ? `\n--- postlint stderr ---\n${stderrTail}` : '\n(no stderr)'));
  // GNU time passes the check's exit code on; a signal shows as 128 + its number.
  if (run.signal || (run.status !== 0 && run.status !== 1)) throw fail('failed');
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch (error) {
    throw fail(`printed stdout that is not JSON: ${error.message}; starts ${JSON.stringify(run.stdout.slice(0, 200))}`);
  }
  if (!Array.isArray(report) || report.length !== 1 || path.resolve(report[0].filePath ?? '') !== path.resolve(site.post)) {
    throw fail('did not report on exactly the one post');
  }
  const messages = report[0].messages ?? [];
  const internalErrors = messages.filter((m) => m.ruleId === 'internal-error').map((m) => m.message);
  // A rule that throws is reported as one finding of that rule (run-rules.ts); the rest of its work is skipped,
  // so the run is faster than the rule would be, and its time says nothing about the rule's growth.
  const ruleFailures = messages.flatMap((m) => {
    const failed = /^The rule `[^`]+` failed on this post \((.*)\); its other problems are not shown/s.exec(m.message ?? '');
    return failed ? [`${m.ruleId} (${failed[1].split('\n')[0]})`] : [];
  });
  return { messages: messages.length, internalErrors, ruleFailures };
}

/**
 * Checks the sites in turn, `runs` rounds (one round only when a run is slower than `slowAfter` seconds).
 * Alternating n and 2n, rather than all runs of n then all of 2n, spreads the load of a shared machine,
 * which drifts from one minute to the next, over both sizes alike. The medians count.
 */
async function measure(entries, runs, peak, slowAfter = Infinity) {
  const samples = entries.map(() => ({ times: [], cpu: [], peaks: [], checked: undefined, timedOut: false }));
  for (let round = 0; round < runs; round++) {
    const order = entries.map((_, i) => i);
    if (round % 2 === 1) order.reverse();
    let slow = false;
    for (const i of order) {
      const { site, label } = entries[i];
      const sample = samples[i];
      if (sample.timedOut) continue;
      const result = await runOnce(site, peak);
      const checked = checkRun(result, site);
      sample.checked = checked;
      if (checked.timedOut) {
        console.log(`  ${label}  run ${round + 1}: killed after ${RUN_TIMEOUT_SECONDS} s`);
        sample.timedOut = true;
        continue;
      }
      sample.times.push(result.seconds);
      if (result.cpuSeconds !== undefined) sample.cpu.push(result.cpuSeconds);
      if (result.peakKiB !== undefined) sample.peaks.push(result.peakKiB);
      console.log(`  ${label}  run ${round + 1}/${runs}: ${fmtSeconds(result.seconds).padStart(6)} s  cpu ${fmtSeconds(result.cpuSeconds ?? NaN).padStart(6)} s  ` +
        `${fmtMiB(result.peakKiB).padStart(5)} MiB  exit ${result.status}, ${fmtInt(checked.messages)} findings${checked.internalErrors.length ? ' (internal-error: body refused)' : ''}` +
        (checked.ruleFailures.length ? `; RULE FAILED: ${checked.ruleFailures.join(', ')}` : ''));
      if (result.seconds > slowAfter) slow = true;
    }
    if (samples.some((sample) => sample.timedOut)) break;
    if (slow && round === 0 && runs > 1) {
      console.log(`  slower than ${slowAfter} s: one run only`);
      break;
    }
  }
  return samples.map((sample) => ({
    seconds: sample.timedOut ? Infinity : median(sample.times),
    runs: sample.timedOut ? [...sample.times, Infinity] : sample.times,
    cpuSeconds: sample.cpu.length && !sample.timedOut ? median(sample.cpu) : undefined,
    peakKiB: sample.peaks.length ? median(sample.peaks) : undefined,
    timedOut: sample.timedOut,
    messages: sample.checked?.messages ?? 0,
    internalErrors: sample.checked?.internalErrors ?? [],
    ruleFailures: sample.checked?.ruleFailures ?? [],
  }));
}

/** Finds n for a family (doubling from its start until one run takes `target` seconds), then measures n and 2n. */
async function measureFamily(family, options, peak) {
  console.log(`${family.id}: ${family.what}`);
  const dirOf = (n) => path.join(workDir, family.id, `n-${n}`);
  let n = family.start;
  let capped = false;
  for (;;) {
    const site = writeSite(dirOf(n), family.id, family.build(n));
    const label = `search n=${fmtInt(n)} (${fmtBytes(site.sizeBytes)})`;
    // The search goes by CPU time where it is known: on a shared machine, a run's wall time can double
    // while its CPU time barely moves, and the search would stop at an n too small to show any growth.
    // One run can still be slowed: a second must agree.
    const took = ([probe]) => (probe.cpuSeconds ?? probe.seconds) >= options.target;
    let enough = took(await measure([{ site, label }], 1, peak));
    if (enough) enough = took(await measure([{ site, label }], 1, peak));
    if (!options.keep) fs.rmSync(dirOf(n), { recursive: true, force: true });
    if (enough) break;
    // The next size would make the post at 2n larger than 32 MB: measure at this n, and say so.
    if (site.sizeBytes * 2 > MAX_POST_BYTES) {
      capped = true;
      break;
    }
    n *= 2;
  }
  const sizes = [n, 2 * n];
  const sites = sizes.map((size) => writeSite(dirOf(size), family.id, family.build(size)));
  const results = await measure(sites.map((site, i) => ({ site, label: `n=${fmtInt(sizes[i])} (${fmtBytes(site.sizeBytes)})` })), options.runs, peak);
  if (!options.keep) for (const size of sizes) fs.rmSync(dirOf(size), { recursive: true, force: true });
  const [small, large] = results.map((result, i) => ({ ...result, n: sizes[i], sizeBytes: sites[i].sizeBytes }));
  const ratio = large.seconds / small.seconds;
  const cpuRatio = small.cpuSeconds && large.cpuSeconds ? large.cpuSeconds / small.cpuSeconds : undefined;
  const ruleFailed = small.ruleFailures.length > 0 || large.ruleFailures.length > 0;
  return { family, small, large, ratio, cpuRatio, capped, ruleFailed, met: !small.timedOut && !large.timedOut && !ruleFailed && ratio <= GOAL_RATIO };
}

async function measureFixed(fixed, options, peak) {
  console.log(`${fixed.id}: ${fixed.what}`);
  // Sections until the body reaches the size: the post is larger by less than one section (about 1 KB).
  const built = realisticSite(realisticBody((_, bytes) => bytes < fixed.bytes));
  const dir = path.join(workDir, fixed.id);
  const site = writeSite(dir, fixed.id, built);
  const [result] = await measure([{ site, label: fmtBytes(site.postBytes) }], options.runs, peak, SLOW_RUN_SECONDS);
  if (!options.keep) fs.rmSync(dir, { recursive: true, force: true });
  const met = fixed.goalSeconds === undefined ? undefined : !result.timedOut && result.ruleFailures.length === 0 && result.seconds < fixed.goalSeconds;
  return { fixed, result, postBytes: site.postBytes, met };
}

/** A tiny post: the start-up every run pays, to read the ratios against. */
async function measureBaseline(options, peak) {
  const dir = path.join(workDir, 'baseline');
  const site = writeSite(dir, 'baseline', { body: 'A short post.\n' });
  const [result] = await measure([{ site, label: 'start-up (a 3-line post)' }], options.runs, peak);
  if (!options.keep) fs.rmSync(dir, { recursive: true, force: true });
  return result;
}

function printTable(header, rows, alignLeft = 1) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => '| ' + cells.map((c, i) => (i < alignLeft || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ') + ' |';
  console.log(line(header));
  console.log('| ' + widths.map((w, i) => (i < alignLeft || i === widths.length - 1 ? '-'.repeat(w) : '-'.repeat(w - 1) + ':')).join(' | ') + ' |');
  for (const row of rows) console.log(line(row));
}

function notesOf(outcome, target) {
  const notes = [];
  if (outcome.capped) notes.push(`size cap reached (still under ${target} s)`);
  const refused = [outcome.small, outcome.large].map((r) => (r.internalErrors?.length ?? 0) > 0);
  if (refused[0] && refused[1]) notes.push('body refused (internal-error) at n and 2n');
  else if (refused[0]) notes.push('body refused at n');
  else if (refused[1]) notes.push('body refused at 2n');
  if (outcome.large.timedOut) notes.push(`2n killed after ${RUN_TIMEOUT_SECONDS} s`);
  const failures = [...new Set([...outcome.small.ruleFailures, ...outcome.large.ruleFailures])];
  if (failures.length) notes.push(`rule failed: ${failures.join(', ')}`);
  return notes.join('; ');
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`bench: ${error.message}\n${usage()}`);
    return 2;
  }
  if (options.help) {
    console.log(usage());
    return 0;
  }
  if (options.list) {
    for (const f of [...FAMILIES, ...FIXED]) console.log(`${f.id.padEnd(24)} ${f.what}`);
    return 0;
  }
  if (!fs.existsSync(cli)) {
    console.error(`bench: ${cli} does not exist: run npm run build first`);
    return 2;
  }
  const families = FAMILIES.filter((f) => options.only.length === 0 || options.only.includes(f.id));
  const fixedPosts = FIXED.filter((f) => options.only.length === 0 || options.only.includes(f.id));

  const cpus = os.cpus();
  const postlintVersion = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version;
  console.log(`machine: ${cpus.length} CPUs (${cpus[0]?.model?.trim() ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.platform()} ${os.arch()}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`node ${process.version}; postlint ${postlintVersion} (${path.relative(repoRoot, cli)})`);

  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(workDir, { recursive: true });
  const peak = peakMeter(workDir);
  console.log(`peak memory and CPU time: ${peak.description}`);
  console.log(`runs: ${options.runs} of each size, n and 2n alternating, median; n doubles until a run takes >= ${options.target} s of CPU, twice (at most ${fmtBytes(MAX_POST_BYTES)} at n)`);
  console.log('');

  try {
    const baseline = await measureBaseline(options, peak);
    const outcomes = [];
    for (const family of families) outcomes.push(await measureFamily(family, options, peak));
    const fixedOutcomes = [];
    for (const fixed of fixedPosts) fixedOutcomes.push(await measureFixed(fixed, options, peak));

    console.log('');
    console.log(`start-up: ${fmtSeconds(baseline.seconds)} s, ${fmtMiB(baseline.peakKiB)} MiB (a 3-line post; every run below includes it)`);
    console.log('');
    if (outcomes.length) {
      const ratioText = (o) => (Number.isFinite(o.ratio) ? o.ratio.toFixed(2) : `> ${(RUN_TIMEOUT_SECONDS / o.small.seconds).toFixed(0)}`);
      // The ratio less start-up (what the check itself does) and the ratio of CPU times (which the load of a
      // shared machine moves less than wall time) are there to read the ratio by; the goal is on wall time.
      const netText = (o) => (Number.isFinite(o.ratio) && Math.min(o.small.seconds, o.large.seconds) - baseline.seconds > 0.05
        ? ((o.large.seconds - baseline.seconds) / (o.small.seconds - baseline.seconds)).toFixed(2) : '—');
      printTable(
        ['family', 'n', 'size at n', 'time(n) s', 'time(2n) s', 'ratio', 'less start-up', 'CPU ratio', 'peak MiB (n)', 'peak MiB (2n)', `ratio <= ${GOAL_RATIO}`, 'notes'],
        outcomes.map((o) => [
          o.family.id, fmtInt(o.small.n), fmtBytes(o.small.sizeBytes), fmtSeconds(o.small.seconds),
          o.large.timedOut ? `> ${RUN_TIMEOUT_SECONDS}` : fmtSeconds(o.large.seconds), ratioText(o), netText(o),
          o.cpuRatio === undefined ? '—' : o.cpuRatio.toFixed(2),
          fmtMiB(o.small.peakKiB), fmtMiB(o.large.peakKiB), o.met ? 'yes' : '**no**', notesOf(o, options.target),
        ]),
      );
      console.log('');
    }
    if (fixedOutcomes.length) {
      printTable(
        ['post', 'size', 'time s', 'CPU s', 'runs', 'peak MiB', 'findings', 'goal'],
        fixedOutcomes.map((o) => [
          o.fixed.id, fmtBytes(o.postBytes), o.result.timedOut ? `> ${RUN_TIMEOUT_SECONDS}` : fmtSeconds(o.result.seconds),
          o.result.cpuSeconds === undefined ? '—' : fmtSeconds(o.result.cpuSeconds),
          o.result.runs.map((s) => (Number.isFinite(s) ? fmtSeconds(s) : 'killed')).join(', '), fmtMiB(o.result.peakKiB), fmtInt(o.result.messages),
          o.met === undefined ? '—' : `< ${o.fixed.goalSeconds} s: ${o.met ? 'met' : '**missed**'}`,
        ]),
      );
      console.log('');
    }

    const missed = [
      ...outcomes.filter((o) => !o.met).map((o) => (o.ruleFailed
        ? `${o.family.id}: a rule failed, so its time does not count`
        : `${o.family.id} grows by ${Number.isFinite(o.ratio) ? o.ratio.toFixed(2) : 'more than the timeout allows'} from n to 2n`)),
      ...fixedOutcomes.filter((o) => o.met === false).map((o) => (o.result.ruleFailures.length
        ? `${o.fixed.id}: a rule failed` : `${o.fixed.id} took ${fmtSeconds(o.result.seconds)} s`)),
    ];
    console.log(missed.length ? `goal missed: ${missed.join('; ')}` : 'goal met');
    return missed.length ? 1 : 0;
  } catch (error) {
    console.error(`bench failed: ${error instanceof BenchFailure ? error.message : error.stack ?? error}`);
    if (!options.keep) console.error('(rerun with --keep to inspect bench/.work-growth)');
    return 2;
  } finally {
    if (options.keep) console.log(`kept ${workDir}`);
    else fs.rmSync(workDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
