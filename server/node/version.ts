declare const POSTLINT_VERSION: string | undefined;
declare const POSTLINT_BUILD: string | undefined;

/** Postlint's version, which the build writes into the bundles (esbuild.mjs); `dev` when run from the sources (tests). */
export function postlintVersion(): string {
  return typeof POSTLINT_VERSION === 'string' ? POSTLINT_VERSION : 'dev';
}

/**
 * The build's id, which the build writes into the CLI's and the language server's bundles
 * (esbuild.mjs; also the bundle's first line, which its code cache is checked against):
 * new with every build, so with any change of code. Undefined when run from the sources.
 */
export function postlintBuild(): string | undefined {
  return typeof POSTLINT_BUILD === 'string' ? POSTLINT_BUILD : undefined;
}
