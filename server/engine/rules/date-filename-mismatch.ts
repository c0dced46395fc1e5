import { basename } from '../site/paths';
import { defineRule } from '../rule';

const FILE_DATE = /^(\d{4}-\d{2}-\d{2})(?!\d)/;

/** A file named for one day and dated another leaves readers and sorting disagreeing. */
export default defineRule({
  meta: {
    id: 'date-filename-mismatch',
    description: 'A file name that starts with a date (`YYYY-MM-DD-\u2026`) must name the same day as the post\u2019s `date`.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  check({ post, report }) {
    const fileDay = FILE_DATE.exec(basename(post.path))?.[1];
    const frontMatter = post.frontMatter;
    if (!fileDay || !frontMatter?.data) return;
    const span = frontMatter.valueAt(['date'])?.span;
    if (!span) return;
    // The day as written: a date with an offset must not move to another day in UTC.
    const day = /\d{4}-\d{2}-\d{2}/.exec(post.text.slice(span.start, span.end))?.[0];
    if (!day || day === fileDay) return;
    report({
      span,
      message: `The file name says ${fileDay} but \`date\` is ${day}: change one of them so they agree.`,
    });
  },
});
