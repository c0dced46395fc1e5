// Fenced code blocks, with what Hugo's highlighter reads from them: the language and
// the attribute block of the info string, and how many lines the block has.

import type { SyntaxNode } from '@lezer/common';
import { parseAttributes } from './fence-attributes.js';
import { NodeId } from './lezer.js';
import type { CodeFence } from './types.js';

/**
 * How many lines Hugo hands the highlighter: the content lines up to the last one that
 * holds anything, as Hugo drops the trailing line breaks of a block's content
 * (`text.Chomp`). A line of spaces is kept; an empty block has none.
 */
function lineCount(text: string, node: SyntaxNode): number {
  const firstBreak = text.indexOf('\n', node.from);
  if (firstBreak < 0 || firstBreak >= node.to) return 0;
  const contentStart = firstBreak + 1;
  let last = -1;
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.type.id !== NodeId.CodeText) continue;
    for (let i = child.to - 1; i >= child.from && i > last; i--) {
      const c = text[i];
      if (c !== '\n' && c !== '\r') {
        last = i;
        break;
      }
    }
  }
  if (last < 0) return 0;
  let lines = 1;
  for (let i = text.indexOf('\n', contentStart); i >= 0 && i < last; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/** A FencedCode node as Hugo reads it (`getLang` and `getAttributes` in its codeblocks package). */
export function readFence(text: string, node: SyntaxNode): CodeFence {
  const info = node.getChild('CodeInfo');
  const infoText = info ? text.slice(info.from, info.to) : '';
  const word = infoText.split(' ', 1)[0];
  const brace = word.indexOf('{');
  const language = brace < 0 ? word : word.slice(0, brace);
  const open = infoText.indexOf('{');
  const attributes = open < 0 ? undefined : parseAttributes(infoText, open);
  return { span: { start: node.from, end: node.to }, language, attributes: attributes ?? [], lines: lineCount(text, node) };
}
