// The extension tests' entry point inside VS Code (its extensionTestsPath): VS Code's extension host
// loads this module and awaits run(). Mocha runs the bundled *.test.js files beside it.
import { readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import { RESULTS_VARIABLE, type SuiteResults, type TestResult } from '../results';

export async function run(): Promise<void> {
  const results: SuiteResults = { passed: 0, failed: 0, tests: [] };
  try {
    await runMocha(results.tests);
  } catch (error) {
    results.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
  results.passed = results.tests.filter((test) => test.state === 'passed').length;
  results.failed = results.tests.filter((test) => test.state === 'failed').length;
  writeResults(results);
  if (results.error) throw new Error(`The extension tests could not run: ${results.error}`);
  if (results.failed > 0 || results.passed === 0) throw new Error(`${results.failed} extension tests failed, ${results.passed} passed`);
}

function runMocha(tests: TestResult[]): Promise<void> {
  // Generous timeouts: the language server starts inside the first test, on a busy 2-core machine.
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000 });
  for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) mocha.addFile(join(__dirname, file));
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(() => resolve());
      runner.on('pass', (test) => tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration }));
      runner.on('pending', (test) => tests.push({ title: test.fullTitle(), state: 'pending' }));
      runner.on('fail', (test, error: Error) => tests.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration, error: error.stack ?? String(error) }));
    } catch (error) {
      reject(error);
    }
  });
}

/** Written whole under another name, then renamed: a driver watching for the file never reads half of it. */
function writeResults(results: SuiteResults): void {
  const file = process.env[RESULTS_VARIABLE];
  if (!file) return;
  writeFileSync(`${file}.partial`, JSON.stringify(results, null, 2));
  renameSync(`${file}.partial`, file);
}
