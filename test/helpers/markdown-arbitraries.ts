import fc from './fast-check';

/**
 * Generators of Markdown-like text, shared by the parser's property tests
 * (test/markdown/fuzz.test.ts) and the engine's (test/fuzz/).
 */

/** Pieces that exercise every construct, including broken ones. */
export const MARKDOWN_PIECES = [
  '{{<', '>}}', '{{%', '%}}', '{{</*', '*/>}}', '{{< button link="https://b.example/x" text="Go" >}}',
  '{{< img src="/i.png" alt="A" >}}', '{{< x `raw', '"', '`', '```', '\\', '\\"',
  '<!--', '-->', '<!-- postlint-disable link-text -->', '<a href="https://h.example">', '</a>', '<a href=',
  '<img src="s.png" alt="">', '<img alt', '<iframe src="https://f.example">', '<div>', '</div>',
  '[', ']', '(', ')', '![', '[t](u)', '[t][l]', '[l]: https://def.example', '<https://auto.example>',
  'https://bare.example/p?q=1', 'www.w.example', 'me@mail.example', '&amp;', '&#x1F600;',
  '# ', '## ', '{#id}', '===', '---', '> ', '- ', '1. ', '| a | b |', '|---|---|', '    ',
  '*', '**', '_', '~~', '\n', '\n\n', '\r\n', '\r', ' ', '\t', 'word', 'é', '你',
  '\ud800', '\udc00', '\ud83d\ude00',
];

/** Text joined from pieces, with a few random strings among them. */
export function joinedPieces(piece: fc.Arbitrary<string>, maxPieces = 60): fc.Arbitrary<string> {
  return fc
    .array(fc.oneof({ weight: 4, arbitrary: piece }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }), { maxLength: maxPieces })
    .map((parts) => parts.join(''));
}

export const markdownish = joinedPieces(fc.constantFrom(...MARKDOWN_PIECES));

/** Markdown-like text, or any string at all. */
export const anyText = fc.oneof(markdownish, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }));
