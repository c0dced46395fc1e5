import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * The engine names files with `/` on every platform (as URIs and Hugo do); Node's
 * paths use `\` on Windows. Every path from the command line, a URI or a folder
 * walk goes through here before it reaches the engine.
 */
export function toPosix(path: string): string {
  return path.split('\\').join('/');
}

/** `path.resolve`, in the engine's form. */
export function resolvePosix(...paths: string[]): string {
  return toPosix(resolve(...paths));
}

/** `path` relative to `folder` (`''` for the folder itself), or undefined when it is not inside. */
export function relativeInside(folder: string, path: string): string | undefined {
  const rel = relative(folder, path);
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel) ? undefined : rel;
}
