// A Stryker test runner: the tap runner, except that a mutant's covering test files run
// in one Node process instead of one process each. Most rule tests check whole posts and
// so reach every rule: a mutant is covered by ten test files or more, and starting a
// process and loading the engine for each was most of a mutation run's time. The test
// files are ES module bundles sharing their chunks (bundle-tests.mjs), so one process
// loads the engine once. The dry run, which records which file covers which mutant,
// still runs each file on its own (the tap runner's).
import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { INSTRUMENTER_CONSTANTS } from '@stryker-mutator/api/core';
import { commonTokens, declareFactoryPlugin, PluginKind, tokens } from '@stryker-mutator/api/plugin';
import { determineHitLimitReached, DryRunStatus, TestStatus, toMutantRunResult } from '@stryker-mutator/api/test-runner';
import { createTapTestRunnerFactory, TapTestRunner } from '@stryker-mutator/tap-runner';

const LOADER = fileURLToPath(new URL('./load-test-files.mjs', import.meta.url));
const createTapRunner = createTapTestRunnerFactory();

function createGroupedTapRunner(injector) {
  const runner = createTapRunner(injector);
  runner.mutantRun = async (options) => toMutantRunResult(await runTogether(runner, options));
  return runner;
}
createGroupedTapRunner.inject = tokens(commonTokens.injector);

async function runTogether(runner, options) {
  const files = options.testFilter ?? runner.testFiles;
  const env = {
    ...process.env,
    STRYKER_HIT_LIMIT: options.hitLimit?.toString(),
    STRYKER_NAMESPACE: '__stryker__',
    [INSTRUMENTER_CONSTANTS.ACTIVE_MUTANT_ENV_VARIABLE]: options.activeMutant.id,
  };
  const started = Date.now();
  const child = spawn('node', ['--require', TapTestRunner.hookFile, LOADER, ...files], { env });
  const output = await collect(child);
  // The tap runner's hook writes what it counted when the process exits.
  const outputFile = `stryker-output-${child.pid}.json`;
  const counted = JSON.parse(await readFile(outputFile, 'utf8').catch(() => '{}'));
  await rm(outputFile, { force: true });
  const hitLimit = determineHitLimitReached(counted.hitCount, options.hitLimit);
  if (hitLimit) return hitLimit;
  const failed = /^not ok /m.test(output.stdout);
  // A process that ends badly with no failed test (a mutant that breaks loading) is an error, as for the tap runner, not a kill.
  if (!failed && (output.code !== 0 || output.signal !== null)) return { status: DryRunStatus.Error, errorMessage: firstFailure(output) };
  const test = { id: files.join(','), name: files.join(', '), timeSpentMs: Date.now() - started, fileName: files[0] };
  const tests = [failed ? { ...test, status: TestStatus.Failed, failureMessage: firstFailure(output) } : { ...test, status: TestStatus.Success }];
  return { status: DryRunStatus.Complete, tests };
}

/** The process's output; it is stopped at its first failed test, which is enough to kill the mutant. */
function collect(child) {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
      if (/^not ok /m.test(stdout)) child.kill();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

function firstFailure({ stdout, stderr, code }) {
  return /^not ok .*$/m.exec(stdout)?.[0] ?? `exit ${code}: ${stderr.slice(0, 500)}`;
}

export const strykerPlugins = [declareFactoryPlugin(PluginKind.TestRunner, 'grouped-tap', createGroupedTapRunner)];
