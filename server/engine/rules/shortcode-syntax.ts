import type { Shortcode, ShortcodeProblem } from '../markdown';
import { defineRule, type Problem } from '../rule';
import { needsClosingTag } from '../site/shortcode-catalog';
import { quoted } from '../text/quote';

const STOPS = 'Hugo stops the build on it';
const COMMENT_NOTE = 'An HTML comment does not hide a shortcode from Hugo: write \u201c{{</* \u2026 */>}}\u201d to comment one out.';

/** What to do about each problem the shortcode scanner finds (its messages say only what is wrong). */
function advice(problem: ShortcodeProblem): string {
  const { message } = problem;
  if (message.startsWith('Shortcode comment')) return `Close the comment with \u201c*/>}}\u201d (or \u201c*/%}}\u201d); ${STOPS}.`;
  if (message.startsWith('Unbalanced quote') && message.includes('raw string')) return `End the value with a backtick; ${STOPS}.`;
  if (message.startsWith('Unbalanced quote')) return `End the value with a quote on the same line, or write it between backticks to let it span lines; ${STOPS}.`;
  if (message.includes('has no name')) return `Write the shortcode's name after the braces, or put the braces in a code span to show them as text; ${STOPS}.`;
  if (message.includes('has no value')) return `Give the parameter a value, in quotes when it has spaces; ${STOPS}.`;
  if (message.includes('is not closed with')) return `End the tag with \u201c>}}\u201d (or \u201c%}}\u201d after \u201c{{%\u201d); ${STOPS}.`;
  // Stryker disable next-line ConditionalExpression,StringLiteral: every other message of the scanner is matched above, so only this one gets here
  if (message.includes('mixes named and positional')) return `Give every parameter a name, or none; ${STOPS}.`;
  // Stryker disable next-line StringLiteral,MethodExpression: no message of today's scanner gets here; the fallback is for one it may add
  return `${STOPS[0].toUpperCase()}${STOPS.slice(1)}.`;
}

function tagText(tag: Shortcode, closing = tag.closing): string {
  const [open, close] = tag.delimiter === '<' ? ['{{<', '>}}'] : ['{{%', '%}}'];
  return `${open} ${closing ? '/' : ''}${tag.name} ${close}`;
}

/**
 * For every tag, whether a closing tag of its name comes later: an opening tag
 * is paired when one does (Hugo decides by the template, which the post cannot show).
 */
function closedLater(tags: readonly Shortcode[]): boolean[] {
  const closers = new Set<string>();
  // Stryker disable next-line ArrayDeclaration: every index is set below, so the array's initial length makes no difference
  const result = new Array<boolean>(tags.length);
  for (let i = tags.length - 1; i >= 0; i--) {
    result[i] = closers.has(tags[i].name);
    if (tags[i].closing) closers.add(tags[i].name);
  }
  return result;
}

function lastOpen(open: readonly Shortcode[], name: string): number {
  for (let i = open.length - 1; i >= 0; i--) if (open[i].name === name) return i;
  return -1;
}

function neverClosed(tag: Shortcode): Problem {
  // A `{{% %}}` tag closes itself with `/%}}`, as the scanner reads it.
  const selfClose = tag.delimiter === '<' ? '/>}}' : '/%}}';
  return {
    span: tag.span,
    message: `${quoted(tagText(tag), 60)} is never closed. Add ${quoted(tagText(tag, true))} after its content, or end the tag with ${quoted(selfClose)} when it has none; ${STOPS}.`,
  };
}

/** Shortcode tags Hugo cannot read, or cannot pair: each one stops the build. */
export default defineRule({
  meta: {
    id: 'shortcode-syntax',
    description: 'Shortcode tags must be closed, their quotes balanced, and paired tags matched and properly nested.',
    defaultSeverity: 'error',
    fixable: false,
  },
  async check({ post, site, workspace, siteCache, report }) {
    // Hugo replaces shortcodes before Markdown is read, so an HTML comment does not hide one.
    const inComment = (at: number) =>
      post.body.comments.some(
        (comment) =>
          // Stryker disable next-line EqualityOperator: a problem starts at `{{` or inside a tag, never at the `<` a comment starts with (a `<!--` inside a tag is no comment)
          comment.span.start <= at &&
          at < comment.span.end,
      );
    const say = (problem: Problem) => report(inComment(problem.span.start) ? { ...problem, message: `${problem.message} ${COMMENT_NOTE}` } : problem);
    for (const problem of post.body.shortcodeProblems) say({ span: problem.span, message: `${problem.message}. ${advice(problem)}` });

    const tags = post.body.shortcodes.filter((tag) => !tag.selfClosing);
    const paired = closedLater(tags);
    const open: Shortcode[] = [];
    for (const [index, tag] of tags.entries()) {
      if (!tag.closing) {
        if (paired[index]) open.push(tag);
        // Only a template that reads `.Inner` makes a lone opening tag wrong.
        else if (await needsClosingTag(siteCache, workspace, site, tag.name)) say(neverClosed(tag));
        continue;
      }
      const match = lastOpen(open, tag.name);
      if (match < 0) {
        say({
          span: tag.span,
          message: `${quoted(tagText(tag), 36)} closes a ${quoted(tag.name, 20)} shortcode that is not open. Remove it, or add ${quoted(tagText(tag, false))} where its content starts; ${STOPS}.`,
        });
        continue;
      }
      if (match < open.length - 1) {
        const inner = open[open.length - 1];
        const line = post.lines.position(inner.span.start).line + 1;
        say({
          span: tag.span,
          message: `${quoted(tagText(tag), 38)} comes while ${quoted(inner.name, 28)} is still open. ${quoted(inner.name)} was opened inside ${quoted(tag.name)} on line ${line}: close it first, as shortcodes must nest; ${STOPS}.`,
        });
      }
      open.splice(match, 1);
    }
    // Opened twice, closed once: the earlier one is left open.
    for (const tag of open) say(neverClosed(tag));
  },
});
