import { resolve } from 'node:path';

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
