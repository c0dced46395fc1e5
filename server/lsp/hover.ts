import { MarkupKind, type Hover, type Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { RULES_BY_ID } from '../engine/rules';
import type { LanguageService } from '../engine/language-service';
import type { Diagnostic } from '../engine/types';
import { typeName } from './describe';

const inside = (position: Position, range: Diagnostic['range']) =>
  (position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character)) &&
  (position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character));

/** On a front matter key: its description and type from the schema; on a problem: its rule. */
export async function hover(service: LanguageService, path: string, document: TextDocument, position: Position, diagnostics: Diagnostic[]): Promise<Hover | null> {
  const parts: string[] = [];
  const context = await service.postContext(path, document.getText());
  const offset = document.offsetAt(position);
  const key = context.frontMatter?.keys.find((candidate) => offset >= candidate.keySpan.start && offset <= candidate.keySpan.end);
  if (key) {
    // `name` is the schema's spelling of a key written in another case, which Hugo reads the same.
    const field = context.schema.shape[key.name];
    // "a post" for any post; a kind of its own by name ("a member-welcome post").
    const where = `${context.kind === 'post' ? 'a post' : `a ${context.kind} post`}, with the ${context.config.preset.name} preset`;
    parts.push(field ? `**${key.name}** (${typeName(field)})\n\n${field.description ?? ''}\n\n_In ${where}._` : `**${key.key}**: not a key of ${where}.`);
  }
  for (const diagnostic of diagnostics) {
    if (!inside(position, diagnostic.range)) continue;
    const rule = RULES_BY_ID.get(diagnostic.ruleId as never);
    if (rule) parts.push(`**${diagnostic.ruleId}**: ${rule.meta.description} ([docs](${diagnostic.docsUrl}))`);
  }
  return parts.length > 0 ? { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') } } : null;
}
