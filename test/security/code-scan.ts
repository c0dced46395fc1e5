// What the bundle scan looks for: every construct that can run code it is handed as text
// or by name, and every way to start another program. The patterns read built JavaScript,
// so they are checked against small samples (bundle-scan.test.ts) as well as the bundles.

export const PATTERNS = {
  /**
   * Direct or indirect: `eval(x)`, `(0, eval)(x)`, `globalThis.eval`. Not a method of that
   * name (`prefilter.eval(input)`, re2js's own `eval(input, pos) { … }`): it is not the global.
   */
  eval: /(?<![\w$.])eval\b(?!\s*\([^()]*\)\s*\{)|\b(?:globalThis|global|window|self)\.eval\b/g,
  /**
   * `new Function(…)`, `Function(…)`, `const F = Function;` (zod's way), `globalThis.Function`
   * and `x.constructor("…")`. Not `instanceof Function`, nor a member named so (`SymbolKind.Function`).
   */
  'Function constructor':
    /(?<![\w$.])(?<!instanceof\s+)Function(?=\s*[(;,)])|\b(?:globalThis|global|window|self)\.Function\b|(?<=\.)constructor\s*\)?\s*\(\s*["'`]/g,
  /** The vm module and what compiles or runs code with it. */
  vm: /\bvm\b|\b(?:Script|runInThisContext|runInNewContext|runInContext|compileFunction|SourceTextModule|SyntheticModule)\s*\(/g,
  /** `require(x)` (also `__require(x)`, `module.require(x)`, `require.resolve(x)`) whose argument is not one string. */
  'require(name)': /(?<![\w$])(?<!function\s+)(?:__)?require(?:\.resolve)?\s*\(\s*(?!(["'])[^"'\n]*\1\s*\))/g,
  /** A require made at run time: it resolves names from wherever it is told to. */
  createRequire: /\bcreateRequire\b/g,
  /** `import(x)` whose argument is not one string (esbuild turns the others into requires). */
  'import(name)': /(?<![\w$.])import\s*\(\s*(?!(["'])[^"'\n]*\1\s*\))/g,
  /** A timer given code as a string runs it like eval. */
  'timer with a string': /\bset(?:Timeout|Interval|Immediate)\s*\(\s*["'`]/g,
  /** The module that starts programs; every user of it must load it by this name. */
  child_process: /\bchild_process\b/g,
  /** Where a program is started (RegExp's `.exec` is left out: any `exec` of child_process needs the module above). */
  'process start': /\.(?:spawn|spawnSync|execSync|execFile|execFileSync|fork)\)?\s*\((?!\s*\))/g,
  /** Node run on a script given as text. */
  'node -e': /["'](?:-e|--eval|-p|--print)["']/g,
  /** A worker thread runs a file, or text with `eval: true`. */
  'worker thread': /\bnew\s+[\w$.]*Worker\s*\(/g,
  /** Native code and Node's internal bindings. */
  'native binding': /\bprocess\.(?:binding|_linkedBinding|dlopen)\b/g,
  /** Code compiled from bytes. */
  WebAssembly: /\bWebAssembly\.(?:compile|compileStreaming|instantiate|instantiateStreaming|Module)\b/g,
} as const;

export type PatternName = keyof typeof PATTERNS;

export interface Occurrence {
  pattern: PatternName;
  offset: number;
  /** The text around the occurrence, without its white space: what allow-list snippets are found in (`squeeze`). */
  around: string;
}

/** How far either side of an occurrence an allow-list snippet may reach. */
const REACH = 150;

/**
 * Code without its white space: the bundles are minified of it (esbuild.mjs) and the
 * allow-list's snippets are written as code is read; either way, each means the same here.
 */
export const squeeze = (text: string): string => text.replace(/\s+/g, '');

/** Every occurrence of every pattern in the text, in the order of the patterns, then of offsets. */
export function occurrencesIn(text: string): Occurrence[] {
  return (Object.keys(PATTERNS) as PatternName[]).flatMap((pattern) =>
    [...text.matchAll(PATTERNS[pattern])].map((match) => ({
      pattern,
      offset: match.index,
      around: squeeze(text.slice(Math.max(0, match.index - REACH), match.index + REACH)),
    })),
  );
}

/** About 80 characters around an offset, on one line: what a failure shows. */
export function contextAt(text: string, offset: number): string {
  return text.slice(Math.max(0, offset - 40), offset + 40).replace(/\s+/g, ' ');
}
