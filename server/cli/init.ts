import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { nodeLanguageService } from '../node/language-service';
import { resolvePosix } from '../node/paths';
import { escapeText } from './formatters/escape';

/**
 * `postlint init [folder]`: writes `.postlintrc.json` at the root of the Hugo site
 * around the folder (default: the current one), with the preset the site implies,
 * and prints its path. Never overwrites: the file is created with the `wx` flag.
 */
export async function initConfig(args: string[], cwd: string): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length > 1) return fail('init takes at most one folder');
  const folder = resolvePosix(cwd, positionals[0] ?? '.');
  const starter = await nodeLanguageService({}).starterConfig(folder);
  if (!starter) return fail(`${folder}: no Hugo site here (no hugo.* or config.* in this folder or above it)`);
  try {
    writeFileSync(starter.file, starter.text, { flag: 'wx' });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    return fail(code === 'EEXIST' ? `${starter.file} exists: Postlint never overwrites a config file` : `${starter.file} could not be written (${message.split('\n')[0]})`);
  }
  process.stdout.write(`${escapeText(starter.file)}\n`);
  return 0;
}

function fail(message: string): number {
  process.stderr.write(`postlint: ${escapeText(message)}\n`);
  return 2;
}
