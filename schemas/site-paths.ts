import { z } from './zod';

/**
 * Paths and globs that `.postlintrc.json` writes "from the site root". The config comes
 * with the site, so a pull request can change it: none of them may lead out of the
 * site, where `postlint check --fix` would rewrite files and `postlint new` would read
 * templates and write posts. Checked as written here (the site root is not known yet);
 * the file layer also refuses what a symlink inside the site leads out of it.
 */
export function outsideSiteError(path: string): string | undefined {
  const advice = 'write it from the site root, with no leading `/` and no `..`';
  if (path.startsWith('/') || path.startsWith('\\') || /^[a-z]:/i.test(path)) return `"${path}" is an absolute path: ${advice}`;
  // A `..` anywhere (also as a brace alternative, `{..,x}`) could climb out of the site.
  if (/(?:^|[/\\{,])\.\.(?:$|[/\\},])/.test(path)) return `"${path}" leads out of the site: ${advice}`;
  return undefined;
}

/** A file, folder or glob from the site root that must stay inside the site. */
export function sitePath(description: string) {
  return z
    .string()
    .superRefine((path, context) => {
      const error = outsideSiteError(path);
      if (error) context.addIssue({ code: 'custom', message: error });
    })
    .describe(description);
}
