/**
 * "Add “key” to data/authors.yaml": where a post names an author the site does not know,
 * the fix the message points to, besides the nearest known keys. The new entry goes at the
 * end of the site's authors file, with the key as its name for the author to correct; the
 * file is then opened at that name (`window/showDocument`, through the server's own command).
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Range } from 'vscode-languageserver/node';
import { basename, relative } from '../engine/site/paths';
import { lineBreakOf } from '../engine/fixes';
import { LineIndex } from '../engine/text/line-index';
import { quoted } from '../engine/text/quote';

/** The server's command that opens a file with a range selected: `[uri, range]`. */
export const REVEAL_COMMAND = 'postlint.reveal';

export interface AuthorsFile {
  uri: string;
  path: string;
  text: string;
  /** The site root, to name the file as the author knows it (`data/authors.yaml`). */
  root: string;
}

type LspDiagnostic = CodeActionParams['context']['diagnostics'][number];

/** A key YAML reads back as written: plain where it can be, else double-quoted. */
function yamlKey(key: string): string {
  return /^[\p{L}\p{N}_][\p{L}\p{N}_ .-]*$/u.test(key) && !/[ .-]$/.test(key) ? key : JSON.stringify(key);
}

/** The lines to append, and where the name's value sits in them: its line among them, and its columns. */
function entry(file: AuthorsFile, key: string): { lines: string[]; name: { line: number; start: number; end: number } } | undefined {
  if (/\.ya?ml$/.test(file.path)) {
    const name = '  name: ';
    return { lines: [`${yamlKey(key)}:`, `${name}${yamlKey(key)}`], name: { line: 1, start: name.length, end: name.length + yamlKey(key).length } };
  }
  // TOML: a table per author, the name selected inside its quotes. JSON would mean rewriting its closing brace: no action there.
  if (file.path.endsWith('.toml')) {
    const value = JSON.stringify(key);
    const name = 'name = ';
    return { lines: ['', `[${value}]`, `${name}${value}`], name: { line: 2, start: name.length + 1, end: name.length + value.length - 1 } };
  }
  return undefined;
}

/** The action for one unknown author, or none where the file's format takes no plain append. */
export function addAuthorAction(file: AuthorsFile, key: string, lsp: LspDiagnostic, canReveal: boolean): CodeAction | undefined {
  const eol = lineBreakOf(file.text);
  const made = entry(file, key);
  if (!made) return undefined;
  const lines = new LineIndex(file.text);
  const end = lines.position(file.text.length);
  const separator = file.text === '' || /\r?\n$/.test(file.text) ? '' : eol;
  const firstLine = end.line + (separator ? 1 : 0);
  const nameLine = firstLine + made.name.line;
  const selection: Range = { start: { line: nameLine, character: made.name.start }, end: { line: nameLine, character: made.name.end } };
  const title = `Add ${quoted(key)} to ${relative(file.root, file.path) || basename(file.path)}`;
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [lsp],
    edit: { changes: { [file.uri]: [{ range: { start: end, end }, newText: separator + made.lines.map((line) => line + eol).join('') }] } },
    ...(canReveal ? { command: { title, command: REVEAL_COMMAND, arguments: [file.uri, selection] } } : {}),
  };
}
