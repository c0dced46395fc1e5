// What the bundles give gray-matter in place of its js-yaml 3 (see esbuild.mjs).
// gray-matter requires it for its default YAML engine, and js-yaml 3 loads esprima for
// `!!js/function`; Postlint gives gray-matter engines of its own (front matter is parsed
// by the `yaml` package, which gives positions) and never calls these. Leaving both out
// of the bundle spares every start-up their loading.

function unused(): never {
  throw new Error('js-yaml is not part of Postlint: front matter is parsed with the yaml package');
}

export const safeLoad = unused;
export const safeDump = unused;
export const load = unused;
export const dump = unused;
