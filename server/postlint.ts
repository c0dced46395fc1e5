import { realpathSync } from 'node:fs';
import { isMainThread, workerData } from 'node:worker_threads';
import { main } from './cli/main';
import { serveWorkerIfAny } from './cli/parallel';
import { escapeText } from './cli/formatters/escape';
import { quietOnClosedPipe } from './cli/closed-pipe';

/**
 * The `postlint` command (dist/cli.bundle.js): the one place that knows both adapters.
 * `postlint lsp` runs the language server; every other command is the CLI's.
 */

/** Loaded on demand, so that `check` does not pay for the server's modules. */
async function startLanguageServer(): Promise<void> {
  (await import('./lsp/server')).startServer(__filename);
}

/**
 * An unexpected error: its message may quote a post, so it is escaped onto the first
 * line; the stack frames follow, one a line, as they help a bug report.
 */
function crashReport(error: unknown): string {
  if (!(error instanceof Error)) return escapeText(String(error));
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return [escapeText(`${error.name}: ${error.message}`), ...frames.map(escapeText)].join('\n');
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
} else if (!isMainThread && workerData?.postlintLspChecks === true) {
  // The check thread of `postlint lsp` (lsp/check-thread.ts), loaded only there: `check` does not pay for the server's modules.
  void import('./lsp/check-thread').then((thread) => thread.serveChecksIfAny());
} else if (isEntryPoint()) {
  quietOnClosedPipe();
  main(process.argv.slice(2), startLanguageServer).then(
    (code) => {
      if (code >= 0) process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`postlint: internal error: ${crashReport(error)}\n`);
      process.exitCode = 2;
    },
  );
}
