// Loads the test files named on the command line into this one process, in order:
// node:test runs all their tests and prints one TAP report (grouped-tap-runner.mjs).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

for (const file of process.argv.slice(2)) await import(pathToFileURL(resolve(file)).href);
