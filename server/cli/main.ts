import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from '../engine/config';
import { cliService } from './cli-service';
import { runCheck } from './check';
import { newPost } from './new';
import { serveWorkerIfAny } from './parallel';
import { formatPreviews } from './diff';
import { formatJson } from './formatters/json';
import { formatStylish } from './formatters/stylish';
import { helpText } from './help';
import { NodeWorkspace } from './node-workspace';
import { errorsOnly } from './report';

declare const POSTLINT_VERSION: string | undefined;

class UsageError extends Error {}

const toPosix = (path: string) => path.split('\\').join('/');

function parseCheckArgs(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'stylish' },
      config: { type: 'string' },
      'max-warnings': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      fix: { type: 'boolean', default: false },
      'fix-dry-run': { type: 'boolean', default: false },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
    },
  });
  if (values.format !== 'stylish' && values.format !== 'json') throw new UsageError(`unknown format "${values.format}": use stylish or json`);
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run cannot be used together');
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings takes a whole number, not "${values['max-warnings']}"`);
  }
  return { ...values, format: values.format, maxWarnings, positionals };
}

async function check(args: string[], cwd: string): Promise<number> {
  const options = parseCheckArgs(args);
  const workspace = new NodeWorkspace();
  const configFile = options.config ? toPosix(resolve(cwd, options.config)) : undefined;
  const service = cliService(configFile);
  const run = await runCheck(service, workspace, options.positionals, toPosix(cwd), { configFile, fix: options.fix, fixDryRun: options['fix-dry-run'], entryFile: __filename });
  const reports = options.quiet ? run.reports.map(errorsOnly) : run.reports;

  const color = options['no-color'] ? false : options.color ?? (process.stdout.isTTY === true && !process.env.NO_COLOR);
  // With --fix-dry-run, stylish output starts with what the fixes would change; json carries it as each result's `output`.
  const preview = options.format === 'stylish' ? formatPreviews(run.previews, { color, cwd }) : '';
  const output = options.format === 'json' ? `${formatJson(reports)}\n` : preview + formatStylish(reports, { color, cwd });
  process.stdout.write(output);
  for (const failure of run.failures) process.stderr.write(`postlint: ${failure}\n`);

  if (run.failures.length > 0) return 2;
  const errors = reports.reduce((sum, report) => sum + report.errorCount, 0);
  const warnings = reports.reduce((sum, report) => sum + report.warningCount, 0);
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    process.stderr.write(`postlint: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

async function printConfig(args: string[], cwd: string): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { config: { type: 'string' } } });
  if (positionals.length !== 1) throw new UsageError('print-config takes one file');
  const workspace = new NodeWorkspace();
  const path = toPosix(resolve(cwd, positionals[0]));
  const text = await workspace.readFile(path);
  if (text === undefined) {
    process.stderr.write(`postlint: ${path}: the file cannot be read\n`);
    return 2;
  }
  const service = cliService(values.config ? toPosix(resolve(cwd, values.config)) : undefined);
  process.stdout.write(`${JSON.stringify(await service.settingsFor(path, text), null, 2)}\n`);
  return 0;
}

export async function main(argv: string[], cwd = process.cwd()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await check(rest, cwd);
      case 'print-config':
        return await printConfig(rest, cwd);
      case 'new':
        return await newPost(rest, cwd);
      case 'lsp':
        // Loaded on demand so `check` does not pay for the server's modules.
        (await import('../lsp/server')).startServer();
        return -1;
      case '--version':
      case '-v':
        process.stdout.write(`${typeof POSTLINT_VERSION === 'string' ? POSTLINT_VERSION : 'dev'}\n`);
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        process.stdout.write(helpText());
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}": see postlint --help`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`postlint: ${(error as Error).message}\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`postlint: ${error.oneLine()}\n`);
      return 2;
    }
    throw error;
  }
}

function isEntryPoint(): boolean {
  try {
    return require.main === module || realpathSync(process.argv[1] ?? '') === realpathSync(__filename);
  } catch {
    return false;
  }
}

if (serveWorkerIfAny()) {
  // A worker thread of `check`: it answers its parent and exits.
} else if (isEntryPoint()) {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code >= 0) process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`postlint: internal error: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
