import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import type { Diagnostic } from '../engine/types';
import { toPosix } from '../node/paths';

export const toPath = (uri: string): string => toPosix(fileURLToPath(uri));
export const toUri = (path: string): string => pathToFileURL(path).toString();

/**
 * An engine diagnostic as LSP sends it: the rule id as `code`, its docs page as
 * `codeDescription`; neither for one no rule made (a file too large to check).
 */
export function toLspDiagnostic(diagnostic: Diagnostic): LspDiagnostic {
  return {
    range: diagnostic.range,
    severity: diagnostic.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    ...(diagnostic.ruleId ? { code: diagnostic.ruleId, codeDescription: { href: diagnostic.docsUrl } } : {}),
    source: 'postlint',
    message: diagnostic.message,
  };
}

/** The same problem, as the client sends it back with a code action request. */
export function sameDiagnostic(engine: Diagnostic, lsp: LspDiagnostic): boolean {
  return (
    engine.ruleId === lsp.code &&
    engine.message === lsp.message &&
    engine.range.start.line === lsp.range.start.line &&
    engine.range.start.character === lsp.range.start.character &&
    engine.range.end.line === lsp.range.end.line &&
    engine.range.end.character === lsp.range.end.character
  );
}
