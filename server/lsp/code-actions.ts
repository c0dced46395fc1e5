import { RULES_BY_ID, type RuleId } from '../engine/rules';
import { CodeActionKind, type CodeAction, type CodeActionParams, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { applySafeFixes } from '../engine/fixes';
import { splitPost } from '../engine/frontmatter/frontmatter';
import { LineIndex } from '../engine/text/line-index';
import type { Diagnostic, Fix } from '../engine/types';
import { sameDiagnostic } from './convert';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.postlint`;

/** Snippet syntax in a fix (`${1:describe the image}`) becomes its plain default text in a workspace edit. */
function plainText(text: string): string {
  return text.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');
}

function quickFix(uri: string, diagnostic: Diagnostic, fix: Fix, lsp: CodeActionParams['context']['diagnostics'][number]): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [lsp],
    isPreferred: fix.preferred === true && diagnostic.fixes.length === 1 ? true : fix.preferred,
    edit: { changes: { [uri]: fix.edits.map((edit) => ({ range: edit.range, newText: plainText(edit.newText) })) } },
  };
}

/** "Disable rule for this line": an HTML comment above it in the body, a YAML comment in front matter. */
function disableLine(document: TextDocument, diagnostic: Diagnostic, lsp: CodeActionParams['context']['diagnostics'][number]): CodeAction {
  const text = document.getText();
  const lines = new LineIndex(text);
  const line = diagnostic.range.start.line;
  const lineStart = lines.lineStart(line);
  const { frontMatter } = splitPost(text);
  const inFrontMatter = frontMatter !== undefined && lineStart >= frontMatter.contentSpan.start && lineStart <= frontMatter.contentSpan.end;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, lines.lineEnd(line)))?.[0] ?? '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const comment = inFrontMatter ? `# postlint-disable-next-line ${diagnostic.ruleId}` : `<!-- postlint-disable-next-line ${diagnostic.ruleId} -->`;
  const edit: TextEdit = { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}${comment}${eol}` };
  return { title: `Disable ${diagnostic.ruleId} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [lsp], edit: { changes: { [document.uri]: [edit] } } };
}

/** Every safe fix of the file at once, for "fix all" and fix-on-save. */
function fixAll(document: TextDocument, diagnostics: Diagnostic[]): CodeAction | undefined {
  const text = document.getText();
  const { text: fixed, applied } = applySafeFixes(text, diagnostics);
  if (applied === 0) return undefined;
  const end = document.positionAt(text.length);
  return {
    title: 'Fix all Postlint problems in this file',
    kind: FIX_ALL_KIND,
    edit: { changes: { [document.uri]: [{ range: { start: { line: 0, character: 0 }, end }, newText: fixed }] } },
  };
}

export function codeActions(document: TextDocument, params: CodeActionParams, diagnostics: Diagnostic[]): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const lsp of params.context.diagnostics) {
      if (lsp.source !== 'postlint') continue;
      const diagnostic = diagnostics.find((candidate) => sameDiagnostic(candidate, lsp));
      if (!diagnostic) continue;
      for (const fix of diagnostic.fixes) actions.push(quickFix(document.uri, diagnostic, fix, lsp));
      // A file too large to check, or a body Postlint could not read, is no rule to turn off.
      if (RULES_BY_ID.has(diagnostic.ruleId as RuleId)) actions.push(disableLine(document, diagnostic, lsp));
    }
  }
  if (wants(FIX_ALL_KIND) || (only?.includes(CodeActionKind.Source) ?? false)) {
    const all = fixAll(document, diagnostics);
    if (all) actions.push(all);
  }
  return actions;
}
