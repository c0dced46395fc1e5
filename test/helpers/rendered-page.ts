import MarkdownIt from 'markdown-it';
import { splitPost } from '../../server/engine/frontmatter/frontmatter';

// A CommonMark renderer with GFM's tables and autolinks (markdown-it with linkify), to
// compare what a post renders to before and after an edit that must not change it.
const renderer = new MarkdownIt({ html: true, linkify: true });

export interface Rendered {
  /** Every element opened, in document order: the document's structure. */
  structure: string[];
  hrefs: string[];
  srcs: string[];
  alts: string[];
  /** The text the reader sees, blanks collapsed as HTML shows them; HTML comments render as nothing. */
  text: string;
}

/** What a post's body renders to. */
export function render(post: string): Rendered {
  const body = post.slice(splitPost(post).bodyStart);
  const rendered: Rendered = { structure: [], hrefs: [], srcs: [], alts: [], text: '' };
  const visit = (tokens: ReturnType<typeof renderer.parse>) => {
    for (const token of tokens) {
      if (token.nesting >= 0 && token.tag) rendered.structure.push(token.tag);
      if (token.type === 'link_open') rendered.hrefs.push(token.attrGet('href') ?? '');
      if (token.type === 'image') {
        rendered.srcs.push(token.attrGet('src') ?? '');
        rendered.alts.push(token.content);
      }
      if (token.type === 'text' || token.type === 'code_inline') rendered.text += token.content;
      // Blocks and lines apart, as a reader sees them.
      if (token.type === 'softbreak' || token.type === 'hardbreak' || token.nesting === -1) rendered.text += ' ';
      if (token.children) visit(token.children);
    }
  };
  visit(renderer.parse(body, {}));
  return { ...rendered, text: rendered.text.replace(/\s+/g, ' ').trim() };
}
