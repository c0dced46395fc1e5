import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The TypeScript files of a folder and its subfolders. */
export function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : [],
  );
}

/**
 * Every module a folder's TypeScript files name, with the file naming it: static
 * imports and re-exports, `import()` and `require()`. For the tests that keep the
 * layers of the tree apart.
 */
export function importsOf(folder: string): { file: string; from: string }[] {
  return sourceFiles(folder).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)].map((match) => ({ file, from: match[1] })),
  );
}
