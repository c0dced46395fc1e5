import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { callsStatus, evaluate, parseExpression, substitute, truthy, type Scope } from './expressions';
import { commandsIn, type Command } from '../helpers/workflow-commands';

/**
 * Runs a composite action's steps the way the GitHub runner does, on this machine:
 * inputs from action.yml's defaults and the caller's, `${{ … }}` substituted, each
 * step's `if:` evaluated (with `success()` implied), `run:` steps written to a file and
 * run with `shell: bash` as GitHub runs it (`bash --noprofile --norc -eo pipefail
 * FILE`), in their `working-directory` under GITHUB_WORKSPACE, with the runner's
 * variables (GITHUB_ACTION_PATH, GITHUB_WORKSPACE, GITHUB_OUTPUT, GITHUB_ENV,
 * GITHUB_PATH, RUNNER_TEMP…); step outputs and the action's outputs read back; the
 * workflow commands in each step's output collected as the annotations.
 *
 * As on GitHub, a composite action's inputs are not in the environment as INPUT_*:
 * they reach a step only through `${{ inputs.x }}`, so the runner sets none, and an
 * action that relied on them would fail here as it would there.
 *
 * Steps that `uses:` another action cannot run here (no network): each is skipped
 * saying why, with its `with:` evaluated so that a test can check what it would get.
 */

/** The actions this runner knows it must skip, and why. Any other `uses:` is an error. */
const SKIPPED_ACTIONS: Record<string, string> = {
  'actions/setup-node':
    'downloads Node from the network; this machine\u2019s Node stands in for it, first on PATH as setup-node would put its own',
  'actions/cache':
    'restores and saves through GitHub\u2019s cache service; its `with:` is evaluated instead, so the test can see that it keeps the folder postlint writes',
  'github/codeql-action/upload-sarif':
    'uploads to GitHub\u2019s code scanning API; its `with:` is evaluated instead, so the test can read the SARIF file it would upload',
};

export interface StepRecord {
  name: string;
  /** `success` or `failure` for a step that ran; `skipped` for one whose `if:` was false or that `uses:` an action. */
  outcome: 'success' | 'failure' | 'skipped';
  /** Why it was skipped. */
  why?: string;
  exitCode?: number;
  stdout?: string;
  stderr?: string;
  /** For a `uses:` step: its `with:`, evaluated. */
  with?: Record<string, string>;
}

export interface ActionRun {
  steps: StepRecord[];
  outputs: Record<string, string>;
  /** The workflow commands (annotations) every step printed, in order. */
  annotations: Command[];
  /** Whether a step failed, which fails the job. */
  failed: boolean;
}

interface Step {
  name?: string;
  id?: string;
  if?: string | boolean;
  uses?: string;
  with?: Record<string, string>;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}

interface Action {
  inputs?: Record<string, { default?: string; required?: boolean }>;
  outputs?: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

export interface RunOptions {
  /** The folder of action.yml: GITHUB_ACTION_PATH. */
  actionPath: string;
  /** The checked-out repository: GITHUB_WORKSPACE. */
  workspace: string;
  inputs: Record<string, string>;
  /** RUNNER_TEMP: a folder of the caller's, which keeps what the steps left there (a SARIF file to upload). */
  runnerTemp: string;
}

export function runCompositeAction(options: RunOptions): ActionRun {
  const action = parse(readFileSync(join(options.actionPath, 'action.yml'), 'utf8')) as Action;
  if (action.runs.using !== 'composite') throw new Error(`not a composite action: runs.using is ${action.runs.using}`);
  const { runnerTemp } = options;
  mkdirSync(runnerTemp, { recursive: true });
  const state: RunnerState = { options, runnerTemp, env: {}, path: [dirname(process.execPath)], failed: false, steps: {} };
  const scope: Scope = { contexts: { inputs: inputsOf(action, options.inputs), steps: state.steps, github: { action_path: options.actionPath, workspace: options.workspace, sha: headOf(options.workspace) }, runner: { temp: runnerTemp, os: 'Linux' } }, failed: false };
  const records = action.runs.steps.map((step, index) => {
    scope.failed = state.failed;
    const record = runStep(step, index, scope, state);
    state.failed ||= record.outcome === 'failure';
    return record;
  });
  const outputs = Object.fromEntries(Object.entries(action.outputs ?? {}).map(([name, { value }]) => [name, substitute(value, scope)]));
  const annotations = records.flatMap((record) => commandsIn(record.stdout ?? ''));
  return { steps: records, outputs, annotations, failed: state.failed };
}

/** What carries from one step to the next: GITHUB_ENV and GITHUB_PATH additions, step outputs, the job's status. */
interface RunnerState {
  options: RunOptions;
  runnerTemp: string;
  env: Record<string, string>;
  path: string[];
  failed: boolean;
  steps: Record<string, { outputs: Record<string, string>; outcome: string }>;
}

/** The caller's inputs over action.yml's defaults; an input action.yml does not declare is an error (GitHub warns). */
function inputsOf(action: Action, given: Record<string, string>): Record<string, string> {
  const declared = action.inputs ?? {};
  for (const name of Object.keys(given)) if (!(name in declared)) throw new Error(`action.yml declares no input ${name}`);
  return Object.fromEntries(Object.entries(declared).map(([name, input]) => [name, given[name] ?? input.default ?? '']));
}

function runStep(step: Step, index: number, scope: Scope, state: RunnerState): StepRecord {
  const name = step.name ?? step.uses ?? `step ${index + 1}`;
  if (!shouldRun(step, scope)) return { name, outcome: 'skipped', why: `its condition is false: if: ${String(step.if)}` };
  if (step.uses !== undefined) {
    const [action] = step.uses.split('@');
    const why = SKIPPED_ACTIONS[action];
    if (why === undefined) throw new Error(`step ${name} uses ${step.uses}, which this runner cannot run and has no reason to skip`);
    const evaluated = Object.fromEntries(Object.entries(step.with ?? {}).map(([key, value]) => [key, substitute(String(value), scope)]));
    return { name, outcome: 'skipped', why: `uses ${step.uses}, which ${why}`, with: evaluated };
  }
  if (step.shell !== 'bash') throw new Error(`step ${name}: a composite run step needs a shell; this runner knows bash, not ${step.shell}`);
  const record = runBash(step, name, scope, state);
  if (step.id !== undefined) state.steps[step.id] = { outputs: record.outputs, outcome: record.outcome };
  return record;
}

/** `if:` is an expression, with or without `${{ }}`; without a status function it means `success() && (…)`. */
function shouldRun(step: Step, scope: Scope): boolean {
  if (step.if === undefined) return !scope.failed;
  const text = String(step.if).trim();
  const expression = text.startsWith('${{') && text.endsWith('}}') ? text.slice(3, -2) : text;
  const node = parseExpression(expression);
  return (callsStatus(node) || !scope.failed) && truthy(evaluate(node, scope));
}

function runBash(step: Step, name: string, scope: Scope, state: RunnerState): StepRecord & { outputs: Record<string, string> } {
  const folder = mkdtempSync(join(state.runnerTemp, 'step-'));
  const files = { script: join(folder, 'script.sh'), output: join(folder, 'output'), env: join(folder, 'env'), path: join(folder, 'path'), summary: join(folder, 'summary') };
  for (const file of [files.output, files.env, files.path, files.summary]) writeFileSync(file, '');
  writeFileSync(files.script, substitute(step.run ?? '', scope));
  const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, substitute(String(value), scope)]));
  const cwd = resolve(state.options.workspace, substitute(step['working-directory'] ?? '.', scope));
  const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', files.script], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...process.env,
      ...state.env,
      ...stepEnv,
      PATH: [...state.path, process.env.PATH ?? ''].join(':'),
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_ACTION_PATH: state.options.actionPath,
      GITHUB_WORKSPACE: state.options.workspace,
      GITHUB_OUTPUT: files.output,
      GITHUB_ENV: files.env,
      GITHUB_PATH: files.path,
      GITHUB_STEP_SUMMARY: files.summary,
      RUNNER_TEMP: state.runnerTemp,
    },
  });
  if (run.error) throw run.error;
  Object.assign(state.env, parseFileCommand(readFileSync(files.env, 'utf8')));
  state.path.unshift(...readFileSync(files.path, 'utf8').split('\n').filter((line) => line !== '').reverse());
  const outcome = run.status === 0 ? 'success' : 'failure';
  return { name, outcome, exitCode: run.status ?? -1, stdout: run.stdout, stderr: run.stderr, outputs: parseFileCommand(readFileSync(files.output, 'utf8')) };
}

/**
 * GITHUB_OUTPUT and GITHUB_ENV as the runner reads them: `name=value` a line, or
 * `name<<DELIMITER`, the value's lines, then the delimiter alone on a line.
 */
export function parseFileCommand(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let at = 0; at < lines.length; at++) {
    const line = lines[at];
    if (line === '') continue;
    const heredoc = line.indexOf('<<');
    const equals = line.indexOf('=');
    if (heredoc > 0 && (equals < 0 || heredoc < equals)) {
      const delimiter = line.slice(heredoc + 2);
      const end = lines.indexOf(delimiter, at + 1);
      if (end < 0) throw new Error(`no closing ${delimiter} for ${line.slice(0, heredoc)}`);
      values[line.slice(0, heredoc)] = lines.slice(at + 1, end).join('\n');
      at = end;
    } else if (equals > 0) {
      values[line.slice(0, equals)] = line.slice(equals + 1);
    } else {
      throw new Error(`not a file command line: ${line}`);
    }
  }
  return values;
}

/** The commit checked out in the workspace, as `github.sha` gives it. */
function headOf(workspace: string): string {
  return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: workspace, encoding: 'utf8' }).trim();
}
