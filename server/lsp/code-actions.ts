import { RULES_BY_ID, type RuleId } from '../engine/rules';
import { CodeActionKind, type CodeAction, type CodeActionParams, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { applySafeFixes, lineBreakOf } from '../engine/fixes';
import { LineSuppressions, type Insertion } from '../engine/markdown/line-suppression';
import { splitPost } from '../engine/frontmatter/frontmatter';
import { LineIndex } from '../engine/text/line-index';
import type { Diagnostic, Fix } from '../engine/types';
import { addAuthorAction, type AuthorsFile } from './add-author';
import { sameDiagnostic } from './convert';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.postlint`;

type LspDiagnostic = CodeActionParams['context']['diagnostics'][number];

/** Snippet syntax in a fix (`${1:describe the image}`) becomes its plain default text in a workspace edit. */
function plainText(text: string): string {
  return text.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');
}

function quickFix(uri: string, diagnostic: Diagnostic, fix: Fix, lsp: LspDiagnostic): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [lsp],
    isPreferred: fix.preferred === true && diagnostic.fixes.length === 1 ? true : fix.preferred,
    edit: { changes: { [uri]: fix.edits.map((edit) => ({ range: edit.range, newText: plainText(edit.newText) })) } },
  };
}

/** What the "disable" actions of one request need of the post, worked out once for all its diagnostics. */
class PostText {
  readonly text: string;
  readonly lines: LineIndex;
  readonly bodyStart: number;
  readonly eol: string;
  private readonly frontMatter: ReturnType<typeof splitPost>['frontMatter'];
  private readonly suppressions: LineSuppressions;

  constructor(readonly document: TextDocument) {
    this.text = document.getText();
    this.lines = new LineIndex(this.text);
    ({ frontMatter: this.frontMatter, bodyStart: this.bodyStart } = splitPost(this.text));
    this.eol = lineBreakOf(this.text);
    this.suppressions = new LineSuppressions(this.text, this.bodyStart);
  }

  /**
   * The comment that turns a rule off for one line: a YAML comment above it in front
   * matter; in the body, an HTML comment where it leaves the page as it was
   * (line-suppression.ts), or none.
   */
  disableLine(line: number, ruleId: string): Insertion | undefined {
    const lineStart = this.lines.lineStart(line);
    const lineEnd = this.lines.lineEnd(line);
    const { frontMatter } = this;
    if (frontMatter === undefined || lineStart < frontMatter.contentSpan.start || lineStart > frontMatter.contentSpan.end) return this.suppressions.at(lineStart, lineEnd, ruleId);
    const indent = /^[ \t]*/.exec(this.text.slice(lineStart, lineEnd))?.[0] ?? '';
    return { offset: lineStart, text: `${indent}# postlint-disable-next-line ${ruleId}${this.eol}` };
  }

  /** A comment block at the top of the body, which renders as nothing. */
  disableFile(ruleId: string): Insertion {
    // A post that ends at its closing `---` with no line break: the comment starts a line of its own.
    const before = this.bodyStart > 0 && this.text[this.bodyStart - 1] !== '\n' ? this.eol : '';
    return { offset: this.bodyStart, text: `${before}<!-- postlint-disable-file ${ruleId} -->${this.eol}` };
  }
}

/** "Disable rule for this line", where a comment can go (`PostText.disableLine`). */
function disableLine(post: PostText, diagnostic: Diagnostic, lsp: LspDiagnostic): CodeAction | undefined {
  const insertion = post.disableLine(diagnostic.range.start.line, diagnostic.ruleId);
  if (!insertion) return undefined;
  const edit = insertAt(post.document, insertion);
  return { title: `Disable ${diagnostic.ruleId} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [lsp], edit: { changes: { [post.document.uri]: [edit] } } };
}

/** "Disable rule for this file". */
function disableFile(post: PostText, ruleId: string, diagnostics: LspDiagnostic[]): CodeAction {
  const edit = insertAt(post.document, post.disableFile(ruleId));
  return { title: `Disable ${ruleId} for this file`, kind: CodeActionKind.QuickFix, diagnostics, edit: { changes: { [post.document.uri]: [edit] } } };
}

function insertAt(document: TextDocument, { offset, text }: Insertion): TextEdit {
  const at = document.positionAt(offset);
  return { range: { start: at, end: at }, newText: text };
}

/** The safe fixes of `diagnostics`, applied as `--fix` applies them, as one edit of the whole document. */
function safeFixesEdit(document: TextDocument, diagnostics: Diagnostic[]): TextEdit | undefined {
  const text = document.getText();
  const { text: fixed, applied } = applySafeFixes(text, diagnostics);
  if (applied === 0) return undefined;
  return { range: { start: { line: 0, character: 0 }, end: document.positionAt(text.length) }, newText: fixed };
}

/** Every safe fix of the file at once, for "fix all" and fix-on-save. */
function fixAll(document: TextDocument, diagnostics: Diagnostic[]): CodeAction | undefined {
  const edit = safeFixesEdit(document, diagnostics);
  return edit && { title: 'Fix all Postlint problems in this file', kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: [edit] } } };
}

/** "Fix all problems of a rule in this file", as ESLint's extension offers it: where the rule has more than one safe fix here. */
function fixAllOfRule(document: TextDocument, ruleId: string, diagnostics: Diagnostic[]): CodeAction | undefined {
  const ofRule = diagnostics.filter((diagnostic) => diagnostic.ruleId === ruleId && diagnostic.fixes.some((fix) => fix.safe));
  const edit = ofRule.length > 1 ? safeFixesEdit(document, ofRule) : undefined;
  return edit && { title: `Fix all ${ruleId} problems in this file`, kind: CodeActionKind.QuickFix, edit: { changes: { [document.uri]: [edit] } } };
}

/** "Show documentation for <rule>", through the editor's own command (`InitializationOptions.ruleDocsCommand`). */
function showDocs(ruleId: string, command: string, diagnostics: LspDiagnostic[]): CodeAction {
  const title = `Show documentation for ${ruleId}`;
  return { title, kind: CodeActionKind.QuickFix, diagnostics, command: { title, command, arguments: [ruleId] } };
}

/** What the server adds to a request's actions beyond the post itself. */
export interface CodeActionExtras {
  /** The editor's command that shows a rule's page (`InitializationOptions.ruleDocsCommand`). */
  ruleDocsCommand?: string;
  /** The site's authors file, where the request holds an unknown author. */
  authorsFile?: AuthorsFile;
  /** Whether the editor can open a file for the server (`window/showDocument`). */
  canReveal?: boolean;
}

export function codeActions(document: TextDocument, params: CodeActionParams, diagnostics: Diagnostic[], extras: CodeActionExtras = {}): CodeAction[] {
  const { ruleDocsCommand, authorsFile } = extras;
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    // In the order ESLint's extension gives them: the fixes, "fix all" of a rule, then "disable" for the line and for the file.
    const lines: CodeAction[] = [];
    const rules = new Map<string, LspDiagnostic[]>();
    // Made at the first finding of Postlint's: most requests (a cursor moving) bring none.
    let text: PostText | undefined;
    const post = () => (text ??= new PostText(document));
    for (const lsp of params.context.diagnostics) {
      if (lsp.source !== 'postlint') continue;
      const diagnostic = diagnostics.find((candidate) => sameDiagnostic(candidate, lsp));
      if (!diagnostic) continue;
      for (const fix of diagnostic.fixes) actions.push(quickFix(document.uri, diagnostic, fix, lsp));
      if (diagnostic.ruleId === 'author-unknown' && authorsFile) {
        const key = document.getText(diagnostic.range);
        const add = key && addAuthorAction(authorsFile, key, lsp, extras.canReveal === true);
        if (add) actions.push(add);
      }
      // A file too large to check, or a body Postlint could not read, is no rule to turn off.
      if (!RULES_BY_ID.has(diagnostic.ruleId as RuleId)) continue;
      const line = disableLine(post(), diagnostic, lsp);
      if (line) lines.push(line);
      rules.set(diagnostic.ruleId, [...(rules.get(diagnostic.ruleId) ?? []), lsp]);
    }
    for (const ruleId of rules.keys()) {
      const all = fixAllOfRule(document, ruleId, diagnostics);
      if (all) actions.push(all);
    }
    actions.push(...lines);
    // Once per rule, for every finding of it asked about.
    for (const [ruleId, found] of rules) actions.push(disableFile(post(), ruleId, found));
    if (ruleDocsCommand) for (const [ruleId, found] of rules) actions.push(showDocs(ruleId, ruleDocsCommand, found));
  }
  if (wants(FIX_ALL_KIND) || (only?.includes(CodeActionKind.Source) ?? false)) {
    const all = fixAll(document, diagnostics);
    if (all) actions.push(all);
  }
  return actions;
}
