import { escapeText } from './formatters/escape';

/**
 * A reader that stops early (`postlint check | head`) closes the pipe: the rest of the
 * output has nowhere to go, which is no error of the run. The run ends as it would have,
 * with its own exit code, and says nothing; any other failure to write is said once.
 */
export function quietOnClosedPipe(): void {
  let said = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || said) return;
    said = true;
    process.stderr.write(`postlint: cannot write the output: ${escapeText(error.message)}\n`);
    process.exitCode = 2;
  });
}
