import type { PatternName } from './code-scan';

// What bundle-scan.test.ts lets stand, and why input cannot reach it. Input is what a
// stranger's pull request controls: the posts, .postlintrc.json, the Hugo config, data/,
// templates, symlinks, and what the editor sends the language server about them.
//
// An entry names its occurrences by a snippet of the code around them (white space left
// out on both sides: the bundles are minified of it), so that a dependency's update that moves or adds one is seen.
// Nothing from gray-matter or its js-yaml stand-in belongs here: its default engines
// evaluate `---js` front matter, so it must not be in the bundles at all.

export const BUNDLES = ['cli.js', 'cli.bundle.js', 'server.js', 'server.bundle.js', 'client.js'] as const;
export type BundleName = (typeof BUNDLES)[number];

export interface AllowedInBundles {
  bundles: BundleName[];
  pattern: PatternName;
  /** Found within 150 characters of the occurrence. */
  snippet: string;
  /** How many occurrences the snippet names in each of the bundles, where the same code is repeated. Default: 1. */
  count?: number;
  source: string;
  why: string;
}

const GIT =
  'Runs git (the program named git on PATH, never one from the checked folder) with fixed arguments: for `--changed-since`, where the user\u2019s ref is refused when it starts with `-` and passed after --end-of-options, and to ask whether git tracks a `--cache` file, the last run kept beside it (also from the CLI\u2019s boot file, before it replays that run) or the dead-link check\u2019s cache (the CLI and the language server); git\u2019s external diff, text conversion and fsmonitor hook are turned off, so a pull request\u2019s .gitattributes runs nothing.';
const BOOT =
  'The code cache (server/boot.ts): compiles and runs the bundle beside this file, found from its own __filename, with the V8 cache beside it, used only when its first line names the same build. No path or text comes from input.';

const ZOD_JITLESS =
  'schemas/zod.ts sets zod\u2019s jitless before any schema is built (the source scan holds every schema to taking zod from there), so this never runs.';

/** vscode-languageserver/node exports helpers for servers that load modules from the user's machine (as ESLint's does). */
const LANGUAGE_SERVER_FILES =
  'vscode-languageserver\u2019s Files.resolve / resolveGlobalNodePath / resolveGlobalYarnPath: exported for servers that load modules, never called by the library itself nor by Postlint.';

/** Postlint's client starts the server as { module, transport: ipc } (client/extension.ts), with no runtime and no command. */
const CLIENT_OTHER_TRANSPORT =
  'vscode-languageclient starts a server this way only for server options with a `runtime` or a `command`, or another transport; Postlint\u2019s (client/extension.ts) give a module and ipc, and come from no setting.';

export const ALLOWED_IN_BUNDLES: AllowedInBundles[] = [
  { bundles: ['cli.js', 'server.js'], pattern: 'vm', snippet: 'require("node:vm")', source: 'server/boot.ts', why: BOOT },
  { bundles: ['cli.js', 'server.js'], pattern: 'vm', snippet: 'new import_node_vm.Script(source, { filename: bundle', source: 'server/boot.ts', why: BOOT },
  { bundles: ['cli.js', 'server.js'], pattern: 'vm', snippet: 'script.runInThisContext()', source: 'server/boot.ts', why: BOOT },

  {
    bundles: ['cli.bundle.js', 'server.bundle.js'],
    pattern: 'Function constructor',
    snippet: 'const F = Function; new F("");',
    source: 'zod/v4/core/util.js (allowsEval: does this platform allow new Function?)',
    why: `The probe returns false under jitless before it tries. ${ZOD_JITLESS}`,
  },
  {
    bundles: ['cli.bundle.js', 'server.bundle.js'],
    pattern: 'Function constructor',
    snippet: 'compile() { const F = Function;',
    source: 'zod/v4/core/doc.js (Doc.compile: makes the object parser\u2019s fast path)',
    why: `Called by an object schema only when it was built without jitless, and by z.compile, which Postlint never calls. ${ZOD_JITLESS}`,
  },
  {
    bundles: ['cli.bundle.js', 'server.bundle.js'],
    pattern: 'Function constructor',
    snippet: 'const F = Function; const factoryCode = `return',
    source: 'zod/v4/core/compile.js (compileFn, behind z.compile and the `zod/compile` import)',
    why: 'Postlint never calls z.compile and never imports zod/compile (only schemas/zod.ts takes zod, from \u2018zod\u2019), and the shim that import installs respects jitless.',
  },

  {
    bundles: ['cli.bundle.js', 'server.bundle.js'],
    pattern: 'child_process',
    snippet: 'var child_process_1 = require("child_process"); function uriToFilePath(uri)',
    source: 'vscode-languageserver/lib/node/files.js',
    why: LANGUAGE_SERVER_FILES,
  },
  {
    bundles: ['cli.bundle.js', 'server.bundle.js'],
    pattern: 'process start',
    snippet: '(0, child_process_1.fork)("", [], {',
    source: 'vscode-languageserver/lib/node/files.js (resolve: asks a node child to resolve a module)',
    why: LANGUAGE_SERVER_FILES,
  },
  {
    bundles: ['cli.bundle.js', 'server.bundle.js'],
    pattern: 'node -e',
    snippet: 'execArgv: ["-e", app]',
    source: 'vscode-languageserver/lib/node/files.js (resolve: the child\u2019s script, fixed text)',
    why: LANGUAGE_SERVER_FILES,
  },
  {
    bundles: ['cli.bundle.js', 'server.bundle.js'],
    pattern: 'require(name)',
    snippet: '"var r=require.resolve(m.a);"',
    source: 'vscode-languageserver/lib/node/files.js (resolve: a line of the child\u2019s script, a string here)',
    why: LANGUAGE_SERVER_FILES,
  },
  {
    bundles: ['cli.bundle.js', 'server.bundle.js'],
    pattern: 'process start',
    snippet: 'spawnSync)(npmCommand, ["config", "get", "prefix"]',
    source: 'vscode-languageserver/lib/node/files.js (resolveGlobalNodePath)',
    why: LANGUAGE_SERVER_FILES,
  },
  {
    bundles: ['cli.bundle.js', 'server.bundle.js'],
    pattern: 'process start',
    snippet: 'spawnSync)(yarnCommand, ["global", "dir", "--json"]',
    source: 'vscode-languageserver/lib/node/files.js (resolveGlobalYarnPath)',
    why: LANGUAGE_SERVER_FILES,
  },

  {
    bundles: ['cli.bundle.js', 'server.bundle.js'],
    pattern: 'createRequire',
    snippet: '(0, import_module.createRequire)(__postlintFileUrl)',
    source: 'fdir/dist/index.mjs (looks for picomatch, for its own glob())',
    why: 'Requires only the fixed name "picomatch", resolved from the bundle\u2019s own folder, never from the checked site or the working folder; and only fdir\u2019s glob() would use it, which tinyglobby never calls.',
  },

  {
    bundles: ['cli.bundle.js'],
    pattern: 'worker thread',
    snippet: 'new import_node_worker_threads.Worker(entryFile, { workerData: { postlintCheck: true } })',
    source: 'server/cli/parallel.ts',
    why: 'Runs the CLI\u2019s own entry file (dist/cli.js: server/cli/main.ts passes its __filename) as a worker, never text (no eval option).',
  },

  {
    bundles: ['cli.bundle.js'],
    pattern: 'worker thread',
    snippet: 'new import_node_worker_threads2.Worker(this.options.entryFile, { workerData: { postlintLspChecks: true, beat: this.beat } })',
    source: 'server/lsp/check-thread.ts',
    why: 'Runs the language server\u2019s own entry file (dist/cli.js or dist/server.js: server/postlint.ts and server/lsp/main.ts pass their __filename) as its check thread, never text (no eval option).',
  },

  {
    bundles: ['server.bundle.js'],
    pattern: 'worker thread',
    snippet: 'new import_node_worker_threads.Worker(this.options.entryFile, { workerData: { postlintLspChecks: true, beat: this.beat } })',
    source: 'server/lsp/check-thread.ts',
    why: 'Runs the language server\u2019s own entry file (dist/cli.js or dist/server.js: server/postlint.ts and server/lsp/main.ts pass their __filename) as its check thread, never text (no eval option).',
  },

  {
    bundles: ['cli.js', 'cli.bundle.js', 'server.bundle.js'],
    pattern: 'child_process',
    snippet: 'import_node_child_process = require("node:child_process");',
    source: 'server/node/git.ts',
    why: GIT,
  },
  {
    bundles: ['cli.js', 'cli.bundle.js', 'server.bundle.js'],
    pattern: 'process start',
    snippet: '(0, import_node_child_process.spawnSync)("git", [...SAFE_GIT, ...args]',
    source: 'server/node/git.ts',
    why: GIT,
  },

  {
    bundles: ['client.js'],
    pattern: 'child_process',
    snippet: 'var cp = __importStar(require("child_process")); var isWindows',
    source: 'vscode-languageclient/lib/node/processes.js',
    why: 'Ends the language server\u2019s process tree when the client stops it (the two entries below).',
  },
  {
    bundles: ['client.js'],
    pattern: 'process start',
    snippet: 'cp.execFileSync("taskkill", ["/T", "/F", "/PID"',
    source: 'vscode-languageclient/lib/node/processes.js (terminate, on Windows)',
    why: 'A fixed program and arguments; the only value is the server process\u2019s pid.',
  },
  {
    bundles: ['client.js'],
    pattern: 'process start',
    snippet: 'cp.spawnSync("/bin/sh", [], { input: script',
    source: 'vscode-languageclient/lib/node/processes.js (terminate, elsewhere)',
    why: 'A fixed shell script; the only value in it is the server process\u2019s pid.',
  },
  {
    bundles: ['client.js'],
    pattern: 'child_process',
    snippet: 'var cp = __importStar(require("child_process")); var fs',
    source: 'vscode-languageclient/lib/node/main.js',
    why: 'Starts the language server (the entries below).',
  },
  {
    bundles: ['client.js'],
    pattern: 'process start',
    snippet: 'const sp = cp.fork(node.module, args || [], options);',
    count: 3,
    source: 'vscode-languageclient/lib/node/main.js (a server given as a Node module: ipc or stdio, pipe, socket)',
    why: 'node.module is dist/server.js in the extension\u2019s own folder (client/extension.ts: context.asAbsolutePath), with no arguments; the working folder it runs in (the workspace folder) does not choose what runs.',
  },
  {
    bundles: ['client.js'],
    pattern: 'process start',
    snippet: 'cp.spawn(runtime, args, execOptions);',
    count: 3,
    source: 'vscode-languageclient/lib/node/main.js (a Node module with a runtime)',
    why: CLIENT_OTHER_TRANSPORT,
  },
  {
    bundles: ['client.js'],
    pattern: 'process start',
    snippet: 'cp.spawn(command.command, args, options);',
    count: 3,
    source: 'vscode-languageclient/lib/node/main.js (a server given as a command)',
    why: CLIENT_OTHER_TRANSPORT,
  },
];

export interface AllowedInSources {
  /** From the repository root. */
  file: string;
  pattern: PatternName;
  /** Found within 150 characters of the occurrence in the file compiled without types and comments. */
  snippet: string;
  count?: number;
  why: string;
}

export const ALLOWED_IN_SOURCES: AllowedInSources[] = [
  { file: 'server/boot.ts', pattern: 'vm', snippet: 'import { Script } from "node:vm";', why: BOOT },
  { file: 'server/boot.ts', pattern: 'vm', snippet: 'new Script(source, { filename: bundle', why: BOOT },
  { file: 'server/boot.ts', pattern: 'vm', snippet: 'script.runInThisContext()', why: BOOT },
  {
    file: 'server/cli/parallel.ts',
    pattern: 'worker thread',
    snippet: 'new Worker(entryFile, { workerData: { postlintCheck: true } })',
    why: 'Runs the CLI\u2019s own entry file as a worker (server/cli/main.ts passes its __filename), never text.',
  },
  {
    file: 'server/node/git.ts',
    pattern: 'child_process',
    snippet: 'import { spawnSync } from "node:child_process";',
    why: GIT,
  },
  {
    file: 'server/lsp/check-thread.ts',
    pattern: 'worker thread',
    snippet: 'new Worker(this.options.entryFile, { workerData: { postlintLspChecks: true, beat: this.beat } })',
    why: 'Runs the language server\u2019s own entry file as its check thread (server/postlint.ts and server/lsp/main.ts pass their __filename), never text.',
  },
];
