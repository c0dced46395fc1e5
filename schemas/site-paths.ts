import { z } from './zod';
import { globError } from './globs';

/**
 * Paths and globs that `.postlintrc.json` writes "from the site root". The config comes
 * with the site, so a pull request can change it: none of them may lead out of the
 * site, where `postlint check --fix` would rewrite files and `postlint new` would read
 * templates and write posts. Checked as written here (the site root is not known yet);
 * the file layer also refuses what a symlink inside the site leads out of it.
 */
export function outsideSiteError(path: string): string | undefined {
  const advice = 'Write it from the site root, with no leading \u201c/\u201d and no \u201c..\u201d';
  if (path.startsWith('/') || path.startsWith('\\') || /^[a-z]:/i.test(path)) return `is an absolute path. ${advice}`;
  // A `..` anywhere (also as a brace alternative, `{..,x}`) could climb out of the site.
  if (/(?:^|[/\\{,])\.\.(?:$|[/\\},])/.test(path)) return `leads out of the site. ${advice}`;
  return undefined;
}

/**
 * A config string that `problem` checks when the config loads. The problem says what is
 * wrong as it follows the value (`is an absolute path`), then, after a full stop, what to
 * write: the config error quotes the value before it and names the key.
 */
export function checkedString(description: string, problem: (value: string) => string | undefined) {
  return z
    .string()
    .superRefine((value, context) => {
      const error = problem(value);
      if (error) context.addIssue({ code: 'custom', message: error });
    })
    .describe(description);
}

/** A file or folder from the site root that must stay inside the site. */
export function sitePath(description: string) {
  return checkedString(description, outsideSiteError);
}

/**
 * A glob in the syntax Postlint matches in linear time (schemas/globs.ts): a glob it
 * would not match as written is a config error, not a matcher that selects nothing.
 */
export function globString(description: string) {
  return checkedString(description, globError);
}

/** A glob from the site root: inside the site, in the syntax of `globString`. */
export function siteGlob(description: string) {
  return checkedString(description, (glob) => outsideSiteError(glob) ?? globError(glob));
}
