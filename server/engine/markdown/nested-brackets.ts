// `[link [nested] link](url)` is one link in CommonMark (and Goldmark): brackets may
// nest in a link's text, and `[nested]` is a link only if a definition gives it one.
// The lezer parser reads any `[nested]` as a link without knowing the definitions, so
// the outer link is lost and its URL read as a bare one. Where that can happen, the
// brackets of such undefined references are blanked out and the body parsed again.

import type { Tree } from '@lezer/common';
import { NodeId } from './lezer.js';
import { normalizeLabel } from './links.js';

/** How far back from a `](` the scan looks for an opening bracket, so that no line costs more than linear time. */
const LOOK_BACK = 500;

/**
 * Whether some `](` closes a bracket that holds another bracketed run before it on its
 * line: only then can a nested `[x]` have cost the outer link. Each `](` is scanned back
 * at most LOOK_BACK characters.
 */
export function mayHaveNestedBrackets(markdown: string, from: number): boolean {
  for (let close = markdown.indexOf('](', from); close >= 0; close = markdown.indexOf('](', close + 2)) {
    let depth = 0;
    let inner = false;
    for (let at = close - 1; at >= Math.max(from, close - LOOK_BACK) && markdown[at] !== '\n'; at--) {
      const char = markdown[at];
      if (char === ']') {
        depth++;
        inner = true;
      } else if (char === '[') {
        if (depth === 0) {
          if (inner) return true;
          break;
        }
        depth--;
      }
    }
  }
  return false;
}

/** The labels the body's definitions (`[label]: url`) give, normalised. */
function definedLabels(tree: Tree, markdown: string): Set<string> {
  const labels = new Set<string>();
  tree.iterate({
    enter: (node) => {
      if (node.type.id !== NodeId.LinkReference) return node.type.id === NodeId.Document || node.type.id === NodeId.Paragraph ? undefined : false;
      const label = node.node.getChild('LinkLabel');
      if (label) labels.add(normalizeLabel(markdown.slice(label.from + 1, label.to - 1)));
      return false;
    },
  });
  return labels;
}

/**
 * The markdown with the brackets of every reference-style link whose label no
 * definition gives blanked out (offsets unchanged); undefined when there is none.
 */
export function withoutUndefinedReferences(tree: Tree, markdown: string): string | undefined {
  const defined = definedLabels(tree, markdown);
  const blanked: number[] = [];
  tree.iterate({
    enter: (node) => {
      if (node.type.id !== NodeId.Link) return;
      const link = node.node;
      // An inline link has `(`, a full reference its own `[label]`: only `[text]` and `[text][]` lean on a definition.
      if (link.getChild('URL') || markdown[link.to - 1] === ')') return false;
      const label = link.getChild('LinkLabel');
      const close = markdown.indexOf(']', link.from + 1);
      // `[text][]` (collapsed) and `[text]` (shortcut) take their label from the text.
      const written = label ? markdown.slice(label.from + 1, label.to - 1) : '';
      const text = written !== '' ? written : markdown.slice(link.from + 1, close);
      if (text === '' || !defined.has(normalizeLabel(text))) blanked.push(link.from, close);
      return false;
    },
  });
  if (blanked.length === 0) return undefined;
  const chars = markdown.split('');
  for (const at of blanked) if (at >= 0) chars[at] = ' ';
  return chars.join('');
}
