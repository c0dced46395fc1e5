#!/usr/bin/env node
// Postlint vs markdownlint-cli2 on 6,800 real blog posts (the TODO Group blog copied 50 times).
//
//   node bench/run.mjs [--runs N] [--copies N] [--keep]
//
// Exit codes: 0 goal met (or corpus absent: skipped), 1 goal missed, 2 the benchmark itself failed.
// See bench/README.md for what is measured and why.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { peakMeter } from './peak.mjs';
import { describeHost, probeHost } from './host-probe.mjs';
import { BenchFailure, fmtInt, median } from './common.mjs';

const DEFAULT_COPIES = 50;
// Postlint's wall time at most 0.15 of markdownlint-cli2's: one fifth, with margin for a busy machine.
const GOAL_RATIO = 0.15;
// At 500 copies (68,000 posts): one fifth of markdownlint-cli2's time, and a peak under 600 MB.
const LARGE_COPIES = 500;
const LARGE_GOAL_RATIO = 0.2;
const LARGE_GOAL_PEAK_MB = 600;
// A re-run with --cache of the unchanged site: at most 1/50 of markdownlint-cli2's time.
const CACHED_GOAL_RATIO = 1 / 50;
const MARKDOWNLINT_RULES = ['MD034', 'MD039', 'MD042', 'MD045', 'MD051', 'MD052', 'MD059'];
const MAX_BUFFER = 1024 * 1024 * 1024; // Postlint's JSON for 6,800 files is several MB; spawnSync's default is 1 MB

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.dirname(benchDir);
const workDir = path.join(benchDir, '.work');

function usage() {
  return 'usage: node bench/run.mjs [--runs N] [--copies N] [--keep]\n' +
    '  --runs N    run each tool N times (alternating) and compare the medians (default 1)\n' +
    `  --copies N  copies of the blog in the work site (default ${DEFAULT_COPIES}; ${LARGE_COPIES} for the scale goal)\n` +
    '  --keep    leave the work site in bench/.work after the run\n' +
    '  env POSTLINT_CORPUS: folder containing todogroup.org/ (default: ../shared/corpus from the repo root)';
}

function parseArgs(argv) {
  const options = { runs: 1, copies: DEFAULT_COPIES, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const number = arg.match(/^--(runs|copies)(?:=(.*))?$/);
    if (arg === '--keep') options.keep = true;
    else if (number) {
      const value = number[2] ?? argv[++i];
      if (value === undefined || !/^[1-9]\d*$/.test(value)) throw new Error(`--${number[1]} needs a positive integer, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`);
      options[number[1]] = Number(value);
    } else if (arg === '--help' || arg === '-h') {
      options.help = true;
    } else throw new Error(`unknown argument ${JSON.stringify(arg)}`);
  }
  return options;
}



/** Make a copied tree writable again (the corpus is read-only and copies keep its modes), so it can be removed. */
function makeWritable(dir) {
  if (!fs.existsSync(dir)) return;
  const walk = (p) => {
    const st = fs.lstatSync(p);
    if (st.isSymbolicLink()) return;
    fs.chmodSync(p, st.mode | (st.isDirectory() ? 0o700 : 0o600));
    if (st.isDirectory()) for (const name of fs.readdirSync(p)) walk(path.join(p, name));
  };
  walk(dir);
}

function removeWorkDir() {
  makeWritable(workDir);
  fs.rmSync(workDir, { recursive: true, force: true });
}

function countTree(dir) {
  let files = 0, bytes = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      files++;
      bytes += fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).size;
    }
  }
  return { files, bytes };
}

/** Run one tool once; the clock covers only the child process, from spawn to exit (GNU time's start-up included). */
function timeRun(meter, nodeArgs, cwd) {
  const peakFile = path.join(benchDir, `.peak-${process.pid}.txt`);
  const [command, args, env] = meter.command(nodeArgs, peakFile);
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: MAX_BUFFER, stdio: ['ignore', 'pipe', 'pipe'] });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const { peakKiB, cpuSeconds } = meter.read(peakFile);
  fs.rmSync(peakFile, { force: true });
  return { seconds, peakKiB, cpuSeconds, result };
}


/** One timed `--cache` run, which must report what the full check did. */
function timeCachedRun(meter, tool, run, what, messages, expectedFiles) {
  const { seconds, peakKiB, cpuSeconds, result } = timeRun(meter, tool.args, workDir);
  const checked = tool.check(result, expectedFiles);
  if (checked.messages !== messages) throw new BenchFailure(`${tool.name} reported ${fmtInt(checked.messages)} messages, the full check ${fmtInt(messages)}`);
  Object.assign(tool, { files: checked.files, messages: checked.messages });
  tool.times.push(seconds);
  if (peakKiB !== undefined) tool.peaks.push(peakKiB / 1024);
  if (cpuSeconds !== undefined) tool.cpus.push(cpuSeconds);
  console.log(`run ${run + 1}  ${tool.name.padEnd(17)} ${seconds.toFixed(2).padStart(7)} s  ${peakKiB === undefined ? '?' : fmtInt(Math.round(peakKiB / 1024))} MiB peak  ${what}`);
}

function describeExit(result) {
  if (result.error) return `could not run: ${result.error.message}`;
  if (result.signal) return `killed by ${result.signal}`;
  return `exit code ${result.status}`;
}

function failWith(tool, result, what) {
  const stderr = (result.stderr ?? '').trim();
  const tail = stderr.length > 4000 ? '…' + stderr.slice(-4000) : stderr;
  return new BenchFailure(`${tool} ${what} (${describeExit(result)})` + (tail ? `\n--- ${tool} stderr ---\n${tail}` : '\n(no stderr)'));
}

/** Postlint: exit 0 (clean) or 1 (errors found) is a normal run; anything else is a failure of the benchmark. */
function checkPostlint(result, expectedFiles) {
  if (result.error || result.signal || (result.status !== 0 && result.status !== 1)) throw failWith('postlint', result, 'failed');
  let report;
  try {
    report = JSON.parse(result.stdout);
  } catch (error) {
    throw failWith('postlint', result, `printed stdout that is not JSON: ${error.message}; starts ${JSON.stringify(result.stdout.slice(0, 200))}`);
  }
  if (!Array.isArray(report)) throw failWith('postlint', result, 'printed JSON that is not an array');
  if (report.length !== expectedFiles) throw failWith('postlint', result, `reported on ${fmtInt(report.length)} files, expected ${fmtInt(expectedFiles)}`);
  let messages = 0, errors = 0, warnings = 0;
  for (const entry of report) {
    messages += entry.messages?.length ?? 0;
    errors += entry.errorCount ?? 0;
    warnings += entry.warningCount ?? 0;
  }
  return { files: report.length, messages, detail: `${fmtInt(messages)} messages (${fmtInt(errors)} errors, ${fmtInt(warnings)} warnings), exit ${result.status}` };
}

/** markdownlint-cli2: exit 0 or 1 (problems found) is a normal run; it prints "Linting: N file(s)" and "Summary: N error(s)". */
function checkMarkdownlint(result, expectedFiles) {
  if (result.error || result.signal || (result.status !== 0 && result.status !== 1)) throw failWith('markdownlint-cli2', result, 'failed');
  const linting = /^Linting: (\d+) file\(s\)$/m.exec(result.stdout);
  if (!linting) throw failWith('markdownlint-cli2', result, `printed no "Linting: N file(s)" line; stdout: ${JSON.stringify(result.stdout.slice(0, 500))}`);
  const files = Number(linting[1]);
  if (files !== expectedFiles) throw failWith('markdownlint-cli2', result, `linted ${fmtInt(files)} files, expected ${fmtInt(expectedFiles)}`);
  const summary = /^Summary: (\d+) error\(s\)$/m.exec(result.stdout);
  if (!summary) throw failWith('markdownlint-cli2', result, 'printed no "Summary: N error(s)" line');
  const messages = Number(summary[1]);
  return { files, messages, detail: `${fmtInt(messages)} problems, exit ${result.status}` };
}

function buildWorkSite(siteDir, copies) {
  removeWorkDir();
  fs.mkdirSync(workDir, { recursive: true });
  for (const name of ['config', 'data', 'static']) {
    fs.cpSync(path.join(siteDir, name), path.join(workDir, name), { recursive: true });
  }
  const blogDir = path.join(siteDir, 'content', 'en', 'blog');
  const posts = fs.readdirSync(blogDir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md') && e.name !== '_index.md')
    .map((e) => e.name)
    .sort();
  // Read each post once, write it once per copy (writeFileSync: new files get default modes, not the corpus's read-only ones).
  const contents = posts.map((name) => fs.readFileSync(path.join(blogDir, name)));
  const digits = String(copies - 1).length;
  for (let copy = 0; copy < copies; copy++) {
    const dir = path.join(workDir, 'content', 'en', 'blog', `copy-${String(copy).padStart(Math.max(2, digits), '0')}`);
    fs.mkdirSync(dir, { recursive: true });
    posts.forEach((name, i) => fs.writeFileSync(path.join(dir, name), contents[i]));
  }
  makeWritable(workDir);
  fs.writeFileSync(path.join(workDir, '.markdownlint-cli2.jsonc'), JSON.stringify({
    // Only the link and image rules; every other rule off. Front matter (--- YAML ---) is skipped by markdownlint's default.
    config: { default: false, ...Object.fromEntries(MARKDOWNLINT_RULES.map((rule) => [rule, true])) },
    // noProgress stays false (the default): with it, markdownlint-cli2 would not print "Linting: N file(s)",
    // the only proof that it linted every file. Progress is three lines of stdout.
    noProgress: false,
  }, null, 2) + '\n');
  return posts.length;
}

function main() {
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

  const corpus = process.env.POSTLINT_CORPUS
    ? path.resolve(process.env.POSTLINT_CORPUS)
    : path.resolve(repoRoot, '..', 'shared', 'corpus');
  const siteDir = path.join(corpus, 'todogroup.org');
  const blogDir = path.join(siteDir, 'content', 'en', 'blog');
  const missing = [siteDir, blogDir, ...['config', 'data', 'static'].map((n) => path.join(siteDir, n))].find((p) => !fs.existsSync(p));
  if (missing) {
    console.log(`bench: ${missing} does not exist` +
      (process.env.POSTLINT_CORPUS ? ' (from POSTLINT_CORPUS)' : ' (set POSTLINT_CORPUS to a folder containing todogroup.org/)'));
    console.log(`skipped: corpus not found at ${siteDir}`);
    return 0;
  }

  const postlintCli = path.join(repoRoot, 'dist', 'cli.js');
  if (!fs.existsSync(postlintCli)) {
    console.error(`bench: ${postlintCli} does not exist: run npm run build first`);
    return 2;
  }
  const mdlDir = path.join(repoRoot, 'node_modules', 'markdownlint-cli2');
  let mdlPackage;
  try {
    mdlPackage = JSON.parse(fs.readFileSync(path.join(mdlDir, 'package.json'), 'utf8'));
  } catch {
    console.error(`bench: markdownlint-cli2 is not installed in ${mdlDir}: run npm install (it is a devDependency)`);
    return 2;
  }
  const mdlBin = path.join(mdlDir, typeof mdlPackage.bin === 'string' ? mdlPackage.bin : mdlPackage.bin['markdownlint-cli2']);
  const postlintVersion = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version;

  const cpus = os.cpus();
  console.log(`machine: ${cpus.length} CPUs (${cpus[0]?.model?.trim() ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.platform()} ${os.arch()}`);
  console.log(describeHost(probeHost()));
  console.log(`node ${process.version}; postlint ${postlintVersion} (${path.relative(repoRoot, postlintCli)}); markdownlint-cli2 ${mdlPackage.version}`);
  console.log(`corpus: ${siteDir}`);
  const meter = peakMeter(benchDir);
  console.log(`peak memory: ${meter.description}`);

  try {
    const postCount = buildWorkSite(siteDir, options.copies);
    const expectedFiles = postCount * options.copies;
    const blog = countTree(path.join(workDir, 'content', 'en', 'blog'));
    const site = countTree(workDir);
    if (blog.files !== expectedFiles) throw new BenchFailure(`work site holds ${blog.files} posts, expected ${expectedFiles}`);
    console.log(`work site: ${path.relative(repoRoot, workDir)}: ${fmtInt(blog.files)} posts (${postCount} posts × ${options.copies} copies), ` +
      `${(blog.bytes / 1e6).toFixed(1)} MB; ${fmtInt(site.files)} files, ${(site.bytes / 1e6).toFixed(1)} MB in all`);
    if (postCount !== 136) console.log(`note: the corpus README says 136 posts; found ${postCount}`);
    console.log(`markdownlint-cli2 rules: ${MARKDOWNLINT_RULES.join(' ')} (all others off)`);
    console.log(`runs: ${options.runs} of each tool, alternating${options.runs > 1 ? ' (the first tool alternates too); median wall time' : ''}`);
    console.log('');

    const tools = [
      {
        name: 'postlint',
        args: [postlintCli, 'check', 'content/en/blog', '--format', 'json'],
        check: checkPostlint,
        times: [],
        peaks: [],
        cpus: [],
      },
      {
        name: 'markdownlint-cli2',
        args: [mdlBin, 'content/en/blog/**/*.md'],
        check: checkMarkdownlint,
        times: [],
        peaks: [],
        cpus: [],
      },
    ];
    for (let run = 0; run < options.runs; run++) {
      const order = run % 2 === 0 ? tools : [...tools].reverse();
      for (const tool of order) {
        const { seconds, peakKiB, cpuSeconds, result } = timeRun(meter, tool.args, workDir);
        const checked = tool.check(result, expectedFiles);
        tool.times.push(seconds);
        if (peakKiB !== undefined) tool.peaks.push(peakKiB / 1024);
        if (cpuSeconds !== undefined) tool.cpus.push(cpuSeconds);
        tool.files = checked.files;
        tool.messages = checked.messages;
        console.log(`run ${run + 1}/${options.runs}  ${tool.name.padEnd(17)} ${seconds.toFixed(2).padStart(7)} s  ${peakKiB === undefined ? '?' : fmtInt(Math.round(peakKiB / 1024))} MiB peak  ${fmtInt(checked.files)} files, ${checked.detail}`);
      }
    }

    // The cached re-run: one run writes the cache (not timed); then, nothing having changed, runs through the cache with
    // no kept run (each keeps one, having taken every post from the cache), then as many re-runs of the same command,
    // which print the last kept run (server/cli/cache/last-run.ts), as a user's re-runs would. The goal is the re-run's;
    // both are printed.
    const lastRun = path.join(workDir, '.postlint-cache', 'results.json.last-run');
    const cachedArgs = [...tools[0].args, '--cache'];
    const throughCache = { name: 'postlint --cache, no kept run', args: cachedArgs, check: checkPostlint, times: [], peaks: [], cpus: [] };
    const cached = { name: 'postlint --cache', args: cachedArgs, check: checkPostlint, times: [], peaks: [], cpus: [] };
    checkPostlint(timeRun(meter, cachedArgs, workDir).result, expectedFiles);
    for (let run = 0; run < options.runs; run++) {
      fs.rmSync(lastRun, { force: true });
      timeCachedRun(meter, throughCache, run, 'nothing changed, no kept run', tools[0].messages, expectedFiles);
      if (!fs.existsSync(lastRun)) throw new BenchFailure('postlint --cache kept no run after taking every post from the cache');
    }
    for (let run = 0; run < options.runs; run++) timeCachedRun(meter, cached, run, 're-run, nothing changed', tools[0].messages, expectedFiles);
    tools.splice(1, 0, cached, throughCache);
    const [postlint, , , markdownlintCli2] = tools;

    console.log('');
    const rows = tools.map((tool) => {
      const seconds = median(tool.times);
      const peak = tool.peaks.length ? fmtInt(Math.round(Math.max(...tool.peaks))) : '?';
      const cpu = tool.cpus.length ? median(tool.cpus).toFixed(2) : '?';
      return [tool.name, seconds.toFixed(2), cpu, peak, fmtInt(tool.files), fmtInt(Math.round(tool.files / seconds)), fmtInt(tool.messages)];
    });
    const header = ['tool', options.runs > 1 ? `wall s (median of ${options.runs})` : 'wall s', 'CPU s (median)', 'peak MiB (max)', 'files', 'files/s', 'findings'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells) => '| ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ') + ' |';
    console.log(line(header));
    console.log('| ' + widths.map((w, i) => (i === 0 ? '-'.repeat(w) : '-'.repeat(w - 1) + ':')).join(' | ') + ' |');
    for (const row of rows) console.log(line(row));
    console.log('');

    const large = options.copies >= LARGE_COPIES;
    const goal = large ? LARGE_GOAL_RATIO : GOAL_RATIO;
    const markdownlint = median(markdownlintCli2.times);
    const ratio = median(postlint.times) / markdownlint;
    const timeMet = ratio <= goal;
    const cachedRatio = median(cached.times) / markdownlint;
    const cachedMet = cachedRatio <= CACHED_GOAL_RATIO;
    console.log(`ratio postlint --cache (re-run)/markdownlint-cli2: ${cachedRatio.toFixed(4)} (goal <= 1/50 = ${CACHED_GOAL_RATIO.toFixed(2)}): ${cachedMet ? 'met' : 'missed'}`);
    console.log(`ratio postlint --cache with no kept run/markdownlint-cli2: ${(median(throughCache.times) / markdownlint).toFixed(4)} (not a goal: the first re-run, or one in a fresh checkout)`);
    console.log(`ratio postlint/markdownlint-cli2: ${ratio.toFixed(3)} (goal <= ${goal.toFixed(2)} of markdownlint-cli2's wall time${large ? ` at ${LARGE_COPIES} copies or more` : ''})`);
    // Not a goal: how much of the machine each used (both use more than one core: Postlint's workers, V8's helper threads).
    if (postlint.cpus.length && markdownlintCli2.cpus.length) console.log(`CPU time postlint/markdownlint-cli2: ${(median(postlint.cpus) / median(markdownlintCli2.cpus)).toFixed(3)} (for comparing hosts, not a goal)`);
    console.log(timeMet ? 'time goal met' : `time goal missed: Postlint took ${(ratio / goal).toFixed(2)}× its budget of ${(markdownlint * goal).toFixed(2)} s`);
    if (!large) return timeMet && cachedMet ? 0 : 1;
    const peak = Math.max(...postlint.peaks);
    const memoryMet = peak * 2 ** 20 < LARGE_GOAL_PEAK_MB * 1e6;
    console.log(`postlint peak memory: ${fmtInt(Math.round(peak))} MiB, ${fmtInt(Math.round((peak * 2 ** 20) / 1e6))} MB (goal < ${LARGE_GOAL_PEAK_MB} MB): ${memoryMet ? 'met' : 'missed'}`);
    return timeMet && cachedMet && memoryMet ? 0 : 1;
  } catch (error) {
    console.error(`bench failed: ${error instanceof BenchFailure ? error.message : error.stack ?? error}`);
    if (!options.keep) console.error('(rerun with --keep to inspect bench/.work)');
    return 2;
  } finally {
    if (options.keep) console.log(`kept ${workDir}`);
    else removeWorkDir();
  }
}

process.exitCode = main();
