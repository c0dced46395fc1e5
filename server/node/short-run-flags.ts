/**
 * V8 flags for the CLI, which is one short run (a CI job, a pre-commit hook), where V8's
 * defaults are made for pages and servers that run for minutes: they optimise early and
 * inline deeply. In a check of 6,800 posts (bench/) the optimising compiler took about
 * 40% of all the CPU time: each worker thread compiles the same hot code again, and
 * inlining made each rule's `check` a graph of tens of milliseconds to compile.
 * Optimising later (a budget about 4.4 times V8 11's 67,584) and inlining less (150 of
 * 920 bytecodes in all) cut the run's CPU time and wall time by about a seventh; the code
 * still optimised is the code that runs the most. At 68,000 posts, where the steady speed
 * counts more than the start, the same flags cost about 4% (bench/README.md, session 11).
 *
 * Only on V8 11 (Node 20), where they were measured: the tiers and defaults differ in
 * later versions (Maglev, on there by default, compiles much faster on its own), and V8
 * prints an error for a flag it does not know.
 *
 * `postlint lsp` (an editor's language server started through the CLI) runs with them
 * too: the CLI's code cache is written with the flags of its runs, and a run with other
 * flags would find it unusable and write its own over it, each command spoiling the
 * other's start. An editor's checks, one post at a time, lose nothing measurable; the
 * VS Code extension's server (`dist/server.js`) has its own boot file and no flags.
 */
const SHORT_RUN_FLAGS = ['--interrupt-budget=300000', '--max-inlined-bytecode-size-cumulative=150'];

/** The flags to set for a run of the CLI (`shortRun`) or of the extension's language server, under V8 `v8Version`. */
export function shortRunFlags(shortRun: boolean, v8Version: string): string[] {
  return shortRun && v8Version.startsWith('11.') ? SHORT_RUN_FLAGS : [];
}
