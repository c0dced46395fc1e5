/**
 * Which files are Markdown content, as Hugo decides it: the suffixes of its `text/markdown`
 * media type (`md`, `mdown`, `markdown`, in Hugo's media/builtin.go). Every part of Postlint
 * that asks whether a file is a Markdown post or page (the presets' globs, the CLI's walk of
 * a named folder, the page index, the editor's watched files) takes them from here: were one
 * of them to know fewer, a post Hugo publishes would be silently left unchecked.
 */
export const MARKDOWN_SUFFIXES: readonly string[] = ['md', 'mdown', 'markdown'];

/** The suffixes as one glob alternative, for the end of a file name: `{md,mdown,markdown}`. */
export const MARKDOWN_SUFFIX_GLOB = `{${MARKDOWN_SUFFIXES.join(',')}}`;

/** Any Markdown file's name, as a glob segment: `*.{md,mdown,markdown}`. */
export const MARKDOWN_NAME_GLOB = `*.${MARKDOWN_SUFFIX_GLOB}`;

/** Whether the file's suffix (after its last dot, in any case, as Hugo reads it) is a Markdown one. */
export function isMarkdownPath(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot >= 0 && MARKDOWN_SUFFIXES.includes(name.slice(dot + 1).toLowerCase());
}

/**
 * Hugo's other content formats, by suffix (the suffixes of their media types in Hugo's
 * media/builtin.go): pages Hugo builds with another markup, which Postlint does not read.
 */
const OTHER_CONTENT_FORMATS: ReadonlyMap<string, string> = new Map([
  ['org', 'Org-mode'],
  ['html', 'HTML'],
  ['htm', 'HTML'],
  ['adoc', 'AsciiDoc'],
  ['asciidoc', 'AsciiDoc'],
  ['ad', 'AsciiDoc'],
  ['rst', 'reStructuredText'],
  ['pandoc', 'Pandoc'],
  ['pdc', 'Pandoc'],
]);

/** The name of the content format of a file Hugo builds as a page but not from Markdown (`Org-mode` for `post.org`); undefined for any other. */
export function otherContentFormat(path: string): string | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot >= 0 ? OTHER_CONTENT_FORMATS.get(name.slice(dot + 1).toLowerCase()) : undefined;
}

/** The Markdown suffixes as a person reads them: `.md, .mdown, .markdown`. */
export const MARKDOWN_SUFFIX_LIST = MARKDOWN_SUFFIXES.map((suffix) => `.${suffix}`).join(', ');
