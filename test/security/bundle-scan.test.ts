import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { transformSync } from 'esbuild';
import { ALLOWED_IN_BUNDLES, ALLOWED_IN_SOURCES, BUNDLES, type BundleName } from './bundle-allow-list';
import { contextAt, occurrencesIn, squeeze, type Occurrence, type PatternName } from './code-scan';

// Issue #9: a checked folder must never run code. Nothing in what we ship may evaluate
// text or load a module by a name it was given, unless the allow-list says why input
// cannot reach it. The bundles are read as built: a dependency's update shows up here.

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const OUR_SOURCES = ['server', 'client', 'schemas'];
const HOW_TO_FIX = 'Remove each, or add it to test/security/bundle-allow-list.ts with why input cannot reach it.';

function readBundle(name: BundleName): string {
  const file = join(DIST, name);
  if (!existsSync(file)) assert.fail(`dist/${name} is missing: run \`npm run build\` first (npm test does).`);
  return readFileSync(file, 'utf8');
}

/** Where an offset of a bundle comes from, by its source map: ` (node_modules/zod/…:228)`; nothing without a map. */
function originsIn(bundle: BundleName, text: string): (offset: number) => string {
  const mapFile = join(DIST, `${bundle}.map`);
  if (!existsSync(mapFile)) return () => '';
  const map = new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8')));
  return (offset) => {
    const lines = text.slice(0, offset).split('\n');
    const entry = map.findEntry(lines.length - 1, lines[lines.length - 1].length);
    return 'originalSource' in entry ? ` (${entry.originalSource.replace(/^(\.\.\/)+/, '')}:${entry.originalLine + 1})` : '';
  };
}

interface Allowed {
  pattern: PatternName;
  snippet: string;
  count?: number;
}

const names = (entry: Allowed, occurrence: Occurrence) => entry.pattern === occurrence.pattern && occurrence.around.includes(squeeze(entry.snippet));

/** An occurrence no entry explains, and an entry that names other than its count of occurrences (stale, or too vague). */
function problemsWith(where: string, text: string, entries: Allowed[], origin: (offset: number) => string): string[] {
  const occurrences = occurrencesIn(text);
  const unexplained = occurrences
    .filter((occurrence) => !entries.some((entry) => names(entry, occurrence)))
    .map(({ pattern, offset }) => `${where} at ${offset}${origin(offset)}: ${pattern}, not on the allow-list: …${contextAt(text, offset)}…`);
  const unmatched = entries.flatMap((entry) => {
    const expected = entry.count ?? 1;
    const count = occurrences.filter((occurrence) => names(entry, occurrence)).length;
    if (count === expected) return [];
    const advice = count === 0 ? 'it is stale: remove it' : 'see what changed, then make its snippet or its count fit';
    return [`${where}: the allow-list entry for ${entry.pattern} "${entry.snippet}" names ${count} occurrences, not ${expected}: ${advice}`];
  });
  return [...unexplained, ...unmatched];
}

function failOn(problems: string[]): void {
  if (problems.length > 0) assert.fail(`${problems.join('\n')}\n${HOW_TO_FIX}`);
}

test('code scan: each pattern finds what runs code or starts a program, and not its look-alikes', () => {
  const found = (sample: string) => occurrencesIn(sample).map((occurrence) => occurrence.pattern);
  const cases: [string, PatternName[]][] = [
    ['return eval(str) || {};', ['eval']],
    ['(0, eval)(text)', ['eval']],
    ['new Function("a", body)', ['Function constructor']],
    ['const F = Function; new F("");', ['Function constructor']],
    ['({}).constructor.constructor("return this")()', ['Function constructor']],
    ['new globalThis.Function(body)', ['Function constructor']],
    ['globalThis.eval(text)', ['eval']],
    ['require("node:vm");', ['vm']],
    ['new import_node_vm.Script(source); script.runInThisContext();', ['vm', 'vm']],
    ['require(name)', ['require(name)']],
    ['__require(`./${name}`)', ['require(name)']],
    ['require.resolve(m.a)', ['require(name)']],
    ['__require = (0, import_module.createRequire)(url);', ['createRequire']],
    ['await import(pathToFileURL(file).href)', ['import(name)']],
    ['setTimeout("tick()", 10)', ['timer with a string']],
    ['var cp = require("child_process");', ['child_process']],
    ['(0, child_process_1.fork)("", [], { execArgv: ["-e", app] })', ['process start', 'node -e']],
    ['cp.spawnSync("/bin/sh", [])', ['process start']],
    ['new import_node_worker_threads.Worker(file)', ['worker thread']],
    ['process.binding("spawn_sync")', ['native binding']],
    ['WebAssembly.instantiate(bytes)', ['WebAssembly']],
  ];
  for (const [sample, expected] of cases) assert.deepEqual(found(sample), expected, sample);

  const lookAlikes = [
    'require("fs"); require(\'node:path\'); import("./server.js");',
    '/a+/.exec(text); cursor.fork(); fork() { return this; }',
    'value instanceof Function; "[object Function]"; Kind.Function = 3; [SymbolKind.Function, x]; "Function types cannot be represented"',
    'var __commonJS = (cb, mod) => function __require() { return mod; };',
    'evaluate(x); prefilter.eval(input, pos); class P { eval(input, pos) { return true; } }',
    'environment.vmName; setTimeout(() => done(), 10); $constructor("$ZodType", init);',
    'var child_process_1 = x; import_node_vm_cache;',
  ];
  for (const sample of lookAlikes) assert.deepEqual(found(sample), [], sample);
});

test('bundle scan: nothing in dist/*.js evaluates code or loads a module by a given name, but what the allow-list explains', () => {
  const problems = BUNDLES.flatMap((bundle) => {
    const text = readBundle(bundle);
    const entries = ALLOWED_IN_BUNDLES.filter((entry) => entry.bundles.includes(bundle));
    return problemsWith(`dist/${bundle}`, text, entries, originsIn(bundle, text));
  });
  failOn(problems);
});

function typeScriptFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? typeScriptFiles(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : [],
  );
}

/** Our sources as the bundles get them: without types and comments, so that a comment naming eval is not eval. */
function ourSources(): { file: string; code: string }[] {
  return OUR_SOURCES.flatMap((folder) => typeScriptFiles(join(ROOT, folder))).map((path) => ({
    file: relative(ROOT, path).replaceAll('\\', '/'),
    code: transformSync(readFileSync(path, 'utf8'), { loader: 'ts', legalComments: 'none' }).code,
  }));
}

test('source scan: server/, client/ and schemas/ evaluate no code and load no module by a given name, but what the allow-list explains', () => {
  const sources = ourSources();
  assert.ok(sources.some(({ file }) => file === 'server/boot.ts'), 'our sources were found');
  const problems = sources.flatMap(({ file, code }) =>
    problemsWith(file, code, ALLOWED_IN_SOURCES.filter((entry) => entry.file === file), () => ''),
  );
  const namedFiles = new Set(sources.map(({ file }) => file));
  const missing = ALLOWED_IN_SOURCES.filter((entry) => !namedFiles.has(entry.file)).map((entry) => `the allow-list names ${entry.file}, which is gone: remove the entry`);
  failOn([...problems, ...missing]);
});

test('source scan: only schemas/zod.ts takes zod, so every schema is built after it makes zod jitless', () => {
  const takers = ourSources()
    .filter(({ code }) => /["']zod(?:\/[^"']*)?["']/.test(code))
    .map(({ file }) => file);
  assert.deepEqual(takers, ['schemas/zod.ts']);
});

test('checking the example site makes no code from strings: zod is jitless in the bundle', () => {
  // The counter replaces eval and Function in every thread of the CLI and reports, as each ends, how often they were called.
  const counter = join(__dirname, 'count-code-from-strings.cjs');
  const run = spawnSync(process.execPath, ['--require', counter, join(DIST, 'cli.js'), 'check', join(ROOT, 'examples', 'site'), '--format', 'json'], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  assert.equal(run.signal, null, 'the CLI ended on its own');
  assert.ok(Array.isArray(JSON.parse(run.stdout)), 'the CLI reported its results');
  const reports = new Set(run.stderr.split('\n').filter((line) => line.startsWith('code made from strings:')));
  assert.deepEqual([...reports], ['code made from strings: 0']);
});
