declare const POSTLINT_VERSION: string | undefined;

/** Postlint's version, which the build writes into the bundles (esbuild.mjs); `dev` when run from the sources (tests). */
export function postlintVersion(): string {
  return typeof POSTLINT_VERSION === 'string' ? POSTLINT_VERSION : 'dev';
}
