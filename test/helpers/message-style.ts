import assert from 'node:assert/strict';
import type { Diagnostic } from '../../server/engine/types';

import { FIRST_SENTENCE_MAX } from '../../server/engine/text/quote';

export { FIRST_SENTENCE_MAX };

/**
 * The first sentence of a message: up to the first `.`, `?` or `!` that ends a sentence
 * (followed by a space or the end), outside quoted values (an alt text may hold full stops).
 */
export function firstSentence(message: string): string {
  let depth = 0;
  for (let i = 0; i < message.length; i++) {
    const char = message[i];
    if (char === '\u201c') depth++;
    else if (char === '\u201d') depth = Math.max(0, depth - 1);
    else if (depth === 0 && '.?!'.includes(char) && (i + 1 === message.length || message[i + 1] === ' ')) return message.slice(0, i + 1);
  }
  return message;
}

/** What every diagnostic's words must be: plain text, no Markdown, a first sentence that fits. */
export function assertMessageStyle(diagnostic: Diagnostic): void {
  const where = `${diagnostic.ruleId}: ${diagnostic.message}`;
  assert.ok(!diagnostic.message.includes('`'), `a message holds no Markdown backticks (use \u201c\u201d): ${where}`);
  const first = firstSentence(diagnostic.message);
  assert.ok(first.length <= FIRST_SENTENCE_MAX, `the first sentence is at most ${FIRST_SENTENCE_MAX} characters (${first.length}): ${where}`);
  for (const fix of diagnostic.fixes) assert.ok(!fix.title.includes('`'), `a quick-fix title holds no Markdown backticks: ${fix.title} (${where})`);
}
