import { MAX_CONFIG_DEPTH, tooDeepAt } from './json-depth';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { configIssues, configSchema } from './config';
import { DOCS_BASE } from '../rule';
import { LineIndex } from '../text/line-index';
import type { Diagnostic, Span } from '../types';

/** The code config problems carry in the editor, and the page that explains the file. */
export const CONFIG_DIAGNOSTIC_CODE = 'postlint-config';
const CONFIG_DOCS = DOCS_BASE.replace(/rules\/$/, 'configuration.md');

/**
 * The problems of a `.postlintrc.json` as the editor shows them: each on the key or
 * value it is about, with the words the CLI prints in its one-line error. A config
 * Postlint cannot use stops every check of its site, so an author must see why where
 * the mistake is, not only in a notification.
 */
export function configDiagnostics(text: string): Diagnostic[] {
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    return [problem(new LineIndex(text), { start: deep, end: deep + 1 }, `The config nests more than ${MAX_CONFIG_DEPTH} levels deep here; no setting needs that. Fix it so that Postlint can read it.`)];
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const lines = new LineIndex(text);
  if (errors.length > 0 || !root) {
    return errors.slice(0, 1).map((error) => problem(lines, { start: error.offset, end: error.offset + Math.max(error.length, 1) }, `The config is not valid JSON: ${printParseErrorCode(error.error)}. Fix it so that Postlint can read it.`));
  }
  const value = jsonValue(root);
  const result = configSchema.safeParse(value);
  if (result.success) return [];
  return configIssues(result.error.issues, value).map((issue) => {
    const path = issue.path.map((part) => (typeof part === 'number' ? part : String(part)));
    // An unknown key is pointed at itself, not at the object that holds it.
    const node = (issue.unknownKey !== undefined ? findNodeAtLocation(root, [...path, issue.unknownKey])?.parent?.children?.[0] : undefined) ?? deepestNode(root, path);
    // The message names the key or the value it is shown on; the CLI's one line puts the key's path before it.
    return problem(lines, { start: node.offset, end: node.offset + node.length }, issue.message);
  });
}

function jsonValue(node: Node): unknown {
  if (node.type === 'object') return Object.fromEntries((node.children ?? []).map((pair) => [pair.children?.[0]?.value, pair.children?.[1] ? jsonValue(pair.children[1]) : undefined]));
  if (node.type === 'array') return (node.children ?? []).map(jsonValue);
  return node.value;
}

/** The node at `path`, or the nearest one above it that exists. */
function deepestNode(root: Node, path: (string | number)[]): Node {
  for (let depth = path.length; depth > 0; depth--) {
    const node = findNodeAtLocation(root, path.slice(0, depth));
    if (node) return node;
  }
  return root;
}

function problem(lines: LineIndex, span: Span, message: string): Diagnostic {
  return { ruleId: CONFIG_DIAGNOSTIC_CODE, severity: 'error', message, range: lines.range(span), docsUrl: CONFIG_DOCS, fixes: [] };
}
