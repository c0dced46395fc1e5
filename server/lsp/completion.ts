import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { KIND_DESCRIPTIONS, kindFields } from '../../schemas/posts';
import { fillPost, TEMPLATE_KINDS } from '../engine/templates/new-post';
import type { LanguageService, PostContext } from '../engine/language-service';
import { toSnippet } from '../engine/templates/placeholders';
import { enumValues, typeName } from './describe';
import { dirname } from '../engine/site/paths';
import { schemaSpelling } from '../engine/frontmatter/key-case';

const DATE_KEYS = new Set(['date', 'publishDate', 'lastmod', 'expiryDate', 'pubdate', 'published', 'modified', 'unpublishdate']);

function today(now: Date): string {
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** The keys to offer, in order: the preset's, with the post kind's own after the required ones. */
function offeredKeys(context: PostContext): string[] {
  const { preset } = context.config;
  const kindKeys = Object.keys(context.schema.shape).filter((key) => context.kind !== 'post' && key in kindFields[context.kind]);
  const required = preset.completion.filter((key) => preset.required.includes(key));
  const rest = preset.completion.filter((key) => !preset.required.includes(key));
  return [...required, ...kindKeys, ...rest].filter((key) => key in context.schema.shape);
}

/** Keys of the post's schema not yet in its front matter, with their descriptions, in the preset's order. */
function keyItems(context: PostContext): CompletionItem[] {
  // By the name Hugo reads: `Title` is there, so `title` is not offered.
  const present = new Set(context.frontMatter?.keys.map((key) => key.name) ?? []);
  return offeredKeys(context)
    .filter((key) => !present.has(key))
    .map((key, index) => {
      const field = context.schema.shape[key];
      return {
        label: key,
        kind: CompletionItemKind.Property,
        detail: typeName(field),
        documentation: { kind: MarkupKind.Markdown, value: field.description ?? '' },
        insertText: `${key}: `,
        // VS Code sorts by label unless told: the preset's order puts what a post needs first.
        sortText: String(index).padStart(3, '0'),
      };
    });
}

/** Values the schema or the site knows for a key, written in any case (as Hugo reads it). */
function valueItems(written: string, context: PostContext, now: Date): CompletionItem[] {
  const key = schemaSpelling(written, Object.keys(context.schema.shape));
  if (key === 'author' && context.site.authors) {
    return [...context.site.authors].map(([author, entry]) => ({ label: author, kind: CompletionItemKind.Value, detail: entry.name }));
  }
  if (DATE_KEYS.has(key)) return [{ label: today(now), kind: CompletionItemKind.Value, detail: 'today' }];
  const field = context.schema.shape[key];
  if (!field) return [];
  if (typeName(field) === 'boolean') return ['true', 'false'].map((label) => ({ label, kind: CompletionItemKind.Value }));
  return (enumValues(field) ?? []).map((label) => ({
    label,
    kind: CompletionItemKind.EnumMember,
    documentation: label in KIND_DESCRIPTIONS ? KIND_DESCRIPTIONS[label as keyof typeof KIND_DESCRIPTIONS] : undefined,
  }));
}

/** The templates as snippets, for a post that has no front matter yet. */
async function templateItems(service: LanguageService, path: string): Promise<CompletionItem[]> {
  const items: CompletionItem[] = [];
  for (const kind of TEMPLATE_KINDS) {
    const { plan } = await service.planNewPost(dirname(path), { kind, title: '' });
    // What the author must type stays a tab stop; what Postlint knows is filled in.
    const values = { ...plan.values, title: undefined, org: undefined, event: undefined };
    items.push({
      label: kind === 'member-welcome' ? 'Postlint: member welcome post' : 'Postlint: event recap post',
      kind: CompletionItemKind.Snippet,
      detail: KIND_DESCRIPTIONS[kind],
      insertTextFormat: InsertTextFormat.Snippet,
      insertText: toSnippet(fillPost(plan.template, values), {}),
      filterText: `--- ${kind} template post`,
      sortText: '0',
    });
  }
  return items;
}

/**
 * Where the cursor's line may go on to name a key: nothing typed yet, or the start of one.
 * A `-` there begins a list item or the closing `---`, where Enter must stay a new line.
 */
const KEY_START = /^(?:[A-Za-z_][\w-]*)?$/;

/** The top of a post that has no front matter yet: nothing before the cursor but the start of an opening `---`. */
function atPostStart(text: string, offset: number, hasFrontMatter: boolean): boolean {
  // `---` alone already reads as an unclosed front matter: a template may still replace it.
  const open = !hasFrontMatter || text.slice(offset).trim() === '';
  return open && /^-{0,3}$/.test(text.slice(0, offset).trim());
}

/**
 * Completion at `position`. `invoked` is false when a typed character asked for it: then
 * the templates are not offered, as an author typing `---` and Enter at the top of a post
 * means a new line, and VS Code's Enter would accept the first item of a list shown there.
 */
export async function completions(service: LanguageService, path: string, document: TextDocument, position: Position, now: Date, invoked = true): Promise<CompletionItem[]> {
  const text = document.getText();
  const context = await service.postContext(path, text);
  const offset = document.offsetAt(position);
  const frontMatter = context.frontMatter;
  if (atPostStart(text, offset, frontMatter !== undefined)) return invoked ? templateItems(service, path) : [];
  if (!frontMatter) return [];
  const { start, end } = frontMatter.contentSpan;
  if (offset < start || offset > end + 1) return [];
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const key = /^([A-Za-z_][\w-]*):\s*/.exec(before);
  if (key) return valueItems(key[1], context, now);
  return KEY_START.test(before) ? keyItems(context) : [];
}
