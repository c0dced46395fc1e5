import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Log, Result } from 'sarif';

/**
 * Microsoft's SARIF validator (`sarif-multitool validate`, the npm package's Linux
 * build), installed by .ci/install-sarif-multitool into a cache outside the clone.
 * Its exit code says nothing of the file (0 for a file that breaks the schema; 1 with
 * --rich-return-code for a valid one), so what it found is read from the SARIF log
 * it writes with -o.
 */
const VERSION = '5.7.0';
const CACHE = process.env.POSTLINT_SARIF_CACHE ?? join(homedir(), '.cache', 'postlint-sarif');
const FOLDER = join(CACHE, `multitool-${VERSION}`);

/** The validator's binary, or undefined when it is not installed (completely: the script marks a finished install). */
const MULTITOOL: string | undefined = existsSync(join(FOLDER, '.postlint-install-complete'))
  ? (createRequire(join(FOLDER, 'package.json'))('@microsoft/sarif-multitool') as string)
  : undefined;

/** Why the validator cannot run here, or false. */
export const MULTITOOL_MISSING = MULTITOOL ? false : `sarif-multitool ${VERSION} not found in ${FOLDER}: install it with \`bash .ci/install-sarif-multitool\``;

/**
 * Its settings, in its own format: every rule as it comes, but SARIF2006, which tries
 * to fetch each URI of the file over HTTP (the schema, each rule's help page). Nothing
 * here goes on the network, and a rule that cannot reach it says nothing of the file.
 */
const CONFIG = `<?xml version="1.0" encoding="utf-8"?>
<Properties>
  <Properties Key="SARIF2006.UrisShouldBeReachable.Options">
    <Property Key="RuleEnabled" Value="Disabled" Type="Driver.RuleEnabledState" />
  </Properties>
</Properties>
`;

export interface Finding {
  ruleId: string;
  level: string;
  text: string;
  /** The name of the file it is about. */
  file: string;
}

/**
 * What the validator finds in each SARIF text of `files` (by name, `*.sarif`), read in
 * one run of it (it takes a few seconds to start): every result, at its level (a result
 * without one takes its rule's default, as SARIF has it). Both its rule sets run:
 * the SARIF standard's and GitHub code scanning's (`Ghas`).
 */
export async function validateSarif(files: Record<string, string>): Promise<Record<string, Finding[]>> {
  const folder = mkdtempSync(join(tmpdir(), 'postlint-sarif-'));
  try {
    const names = Object.keys(files);
    for (const name of names) writeFileSync(join(folder, name), files[name]);
    writeFileSync(join(folder, 'settings.xml'), CONFIG);
    const args = ['validate', ...names.map((name) => join(folder, name)), '-o', join(folder, 'found.json'), '--log', 'ForceOverwrite', '-c', join(folder, 'settings.xml')];
    // Notes too: the validator has something to say of every file it reads (SARIF2003 at least), which shows it read this one.
    args.push('--level', 'Error;Warning;Note', '--rule-kind', 'Sarif;Ghas', '--max-file-size-in-kb', '1000000');
    // It needs no culture data: invariant globalization lets it run with or without libicu.
    await promisify(execFile)(MULTITOOL!, args, { env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' }, maxBuffer: 64 * 1024 * 1024 });
    const found = findings(JSON.parse(readFileSync(join(folder, 'found.json'), 'utf8')) as Log);
    return Object.fromEntries(names.map((name) => [name, found.filter((finding) => finding.file === name)]));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function findings(log: Log): Finding[] {
  const run = log.runs[0];
  const rules = run.tool.driver.rules ?? [];
  const failed = (run.invocations ?? []).flatMap((invocation) => invocation.toolExecutionNotifications ?? []);
  if (failed.length > 0 || run.invocations?.some((invocation) => !invocation.executionSuccessful)) {
    throw new Error(`the validator did not run through: ${JSON.stringify(failed)}`);
  }
  return (run.results ?? []).map((result: Result) => ({
    ruleId: result.ruleId ?? '',
    level: result.level ?? (result.ruleIndex === undefined ? undefined : rules[result.ruleIndex]?.defaultConfiguration?.level) ?? 'warning',
    text: messageText(result, rules[result.ruleIndex ?? -1]?.messageStrings),
    file: basename(fileURLToPath(result.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? 'file:///')),
  }));
}

/** Its messages are templates with arguments: filled in, so that a failing test says what is wrong. */
function messageText(result: Result, strings: Record<string, { text?: string }> | undefined): string {
  const template = result.message.text ?? (result.message.id ? strings?.[result.message.id]?.text : undefined) ?? result.message.id ?? '';
  return template.replace(/\{(\d+)\}/g, (_all, index: string) => result.message.arguments?.[Number(index)] ?? '');
}

/** The errors among the findings, each as one readable line. */
export function errorsOf(found: Finding[]): string[] {
  return found.filter((finding) => finding.level === 'error').map((finding) => `${finding.ruleId}: ${finding.text}`);
}
