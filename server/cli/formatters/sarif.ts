import { createHash } from 'node:crypto';
import { sep } from 'node:path';
import { relativeInside } from '../../node/paths';
import { pathToFileURL } from 'node:url';
import type { ArtifactLocation, Fix, Invocation, Log, Region, ReportingDescriptor, Result, Run } from 'sarif';
import { DOCS_BASE, docsUrl, type RuleMeta } from '../../engine/rule';
import { RULES } from '../../engine/rules';
import { INTERNAL_ERROR, INTERNAL_ERROR_DOCS } from '../../engine/run-rules';
import type { FileReport, MessageDetail, ReportEdit, ReportMessage } from '../report';
import { safeJson } from './escape';
import { renderAll, type ReportWriter } from './writer';

export interface SarifOptions {
  /** The folder paths are relative to (`SRCROOT`): the root of the repository in CI. */
  root: string;
  version: string;
}

/** The schema every SARIF 2.1.0 reader knows this file by (the one GitHub's own docs name). */
const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = 'SRCROOT';
const INFORMATION_URI = 'https://github.com/postlint/postlint';
/** Our own key: GitHub computes `primaryLocationLineHash` itself, from the line, and warns when a tool sets it otherwise. */
const FINGERPRINT = 'postlintFinding/v1';
/** The id a message gets when no rule made it: a file that was not checked at all (too large). */
const FILE_NOT_CHECKED = 'file-not-checked';

type Descriptor = Pick<RuleMeta, 'id' | 'description' | 'defaultSeverity' | 'fixable'> & { helpUri: string };

/** Every rule, then the two ids that are no rule: what Postlint itself could not do. */
function descriptors(): Descriptor[] {
  return [
    ...RULES.map(({ meta }) => ({ ...meta, helpUri: docsUrl(meta.id) })),
    {
      id: INTERNAL_ERROR,
      description: 'Postlint could not check part of a post; the message says what was left unchecked.',
      defaultSeverity: 'error',
      fixable: false,
      helpUri: INTERNAL_ERROR_DOCS,
    },
    {
      id: FILE_NOT_CHECKED,
      description: 'A file was not checked at all: it is larger than the limit set by --max-file-size.',
      defaultSeverity: 'error',
      fixable: false,
      helpUri: DOCS_BASE.replace(/docs\/rules\/$/, 'README.md#using-the-cli'),
    },
  ];
}

const FIXES: Record<Exclude<RuleMeta['fixable'], false>, string> = {
  safe: 'Its fixes are safe: `postlint check --fix` applies them.',
  editor: 'Its fixes need a person: the editor offers them.',
  'safe or editor': 'Some of its fixes are safe (`postlint check --fix` applies them); the editor offers the others.',
};

function ruleDescriptor({ id, description, defaultSeverity, fixable, helpUri }: Descriptor): ReportingDescriptor {
  const full = `${description} By default ${defaultSeverity === 'error' ? 'an error' : 'a warning'}.${fixable ? ` ${FIXES[fixable]}` : ''}`;
  return {
    id,
    name: friendlyName(id),
    shortDescription: { text: description },
    fullDescription: { text: full },
    help: { text: `${full} See ${helpUri}`, markdown: `${full} [Documentation](${helpUri})` },
    helpUri,
    defaultConfiguration: { level: defaultSeverity },
    properties: { tags: ['hugo', 'markdown', 'front-matter'] },
  };
}

/** SARIF's `name` is a readable identifier apart from the id, in Pascal case: `link-bare-url` is LinkBareUrl. */
function friendlyName(id: string): string {
  return id.replace(/(?:^|-)([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

/**
 * SARIF 2.1.0, for GitHub code scanning and the other tools that read it: one run,
 * every rule Postlint has, and a result for each message, located relative to
 * `SRCROOT`, with the safe fixes and a fingerprint that an edit elsewhere in the post
 * leaves as it was. The results are written as the reports come, one a line; the
 * invocation, which says whether the run could check everything, closes the run.
 */
export function sarifWriter(options: SarifOptions): ReportWriter {
  const rules = descriptors();
  const index = new Map(rules.map((rule, position) => [rule.id, position]));
  let written = 0;
  return {
    start() {
      const log: Log = { $schema: SCHEMA, version: '2.1.0', runs: [] };
      const run: Run = {
        tool: { driver: { name: 'Postlint', version: options.version, semanticVersion: options.version, informationUri: INFORMATION_URI, rules: rules.map(ruleDescriptor) } },
        originalUriBaseIds: { [SRCROOT]: { uri: folderUri(options.root) } },
        columnKind: 'utf16CodeUnits',
      };
      // Both objects are written open: their last key is the list to come (`runs`, then `results`).
      return `${safeJson(log).slice(0, -'[]}'.length)}[${safeJson(run).slice(0, -1)},"results":[\n`;
    },
    file(report) {
      return fileResults(report, options.root, index)
        .map((result) => `${written++ === 0 ? '' : ',\n'}${safeJson(result)}`)
        .join('');
    },
    end({ failures }) {
      // What kept the run from checking everything (exit 2) marks it as not successful.
      const invocations: Invocation[] = [
        { executionSuccessful: failures.length === 0, toolExecutionNotifications: failures.map((failure) => ({ level: 'error', message: { text: failure } })) },
      ];
      return `\n],"invocations":${safeJson(invocations)}}]}\n`;
    },
  };
}

/** The SARIF report of reports at hand. */
export function formatSarif(reports: FileReport[], options: SarifOptions & { failures?: string[] }): string {
  return renderAll(sarifWriter(options), reports, { failures: options.failures });
}

/** The results of one file, each fingerprinted; a second finding of a rule on the same text is told from the first by its number. */
function fileResults(report: FileReport, cwd: string, index: Map<string, number>): Result[] {
  const location = artifactLocation(report.filePath, cwd);
  const seen = new Map<string, number>();
  return report.messages.map((message) => {
    const ruleId = message.ruleId ?? FILE_NOT_CHECKED;
    const hash = fingerprint(ruleId, location.uri!, message.detail);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return result(message, ruleId, index.get(ruleId), location, `${hash}:${occurrence}`);
  });
}

function result(message: ReportMessage, ruleId: string, ruleIndex: number | undefined, location: ArtifactLocation, fingerprintValue: string): Result {
  const fixes = message.detail?.fixes.map((fix): Fix => ({ description: { text: fix.title }, artifactChanges: [{ artifactLocation: location, replacements: fix.edits.map(replacement) }] }));
  return {
    ruleId,
    // A rule unknown here (none today) is named by its id alone.
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: message.severity === 2 ? 'error' : 'warning',
    message: { text: message.message },
    locations: [{ physicalLocation: { artifactLocation: location, region: region(message) } }],
    partialFingerprints: { [FINGERPRINT]: fingerprintValue },
    ...(fixes && fixes.length > 0 ? { fixes } : {}),
  };
}

/** Columns count UTF-16 code units (`columnKind`), and the end column is one past the last character, as SARIF has it. */
function region({ line, column, endLine, endColumn }: Pick<ReportMessage, 'line' | 'column' | 'endLine' | 'endColumn'>): Region {
  if (endLine === undefined || endColumn === undefined) return { startLine: line, startColumn: column };
  return { startLine: line, startColumn: column, endLine, endColumn };
}

function replacement(edit: ReportEdit) {
  // No inserted content: the replacement deletes the region.
  return { deletedRegion: region(edit), ...(edit.newText === '' ? {} : { insertedContent: { text: edit.newText } }) };
}

/** The rule, the file and the text the finding is on (`findingText`), never its line: a paragraph added above it keeps it. */
function fingerprint(ruleId: string, uri: string, detail: MessageDetail | undefined): string {
  return createHash('sha256').update(`${ruleId}\u0000${uri}\u0000${detail?.text ?? ''}`).digest('hex').slice(0, 32);
}

/** Relative to SRCROOT when the file is inside the folder Postlint ran in, as code scanning expects; else its own file URI. */
function artifactLocation(filePath: string, cwd: string): ArtifactLocation {
  const path = relativeInside(cwd, filePath);
  if (!path) return { uri: pathToFileURL(filePath).href };
  return { uri: path.split(sep).map((segment) => encodeURIComponent(wellFormed(segment))).join('/'), uriBaseId: SRCROOT };
}

function folderUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** encodeURIComponent throws on half a surrogate pair, which a file name cannot hold on any disk Node reads; but a throw would lose the whole report. */
function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}
