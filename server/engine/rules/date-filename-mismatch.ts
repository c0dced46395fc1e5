import { isScalar } from 'yaml';
import { nodeSpan } from '../frontmatter';
import { basename } from '../paths';
import { defineRule } from '../rule';

const FILE_DATE = /^(\d{4}-\d{2}-\d{2})(?!\d)/;

function dayOf(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0];
  return undefined;
}

/** A file named for one day and dated another leaves readers and sorting disagreeing. */
export default defineRule({
  meta: {
    id: 'date-filename-mismatch',
    description: 'A file name that starts with a date must match the post\u2019s `date`.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  check({ post, report }) {
    const fileDay = FILE_DATE.exec(basename(post.path))?.[1];
    const frontMatter = post.frontMatter;
    if (!fileDay || !frontMatter?.document || !frontMatter.data) return;
    const day = dayOf(frontMatter.data.date);
    if (!day || day === fileDay) return;
    const node = frontMatter.document.get('date', true);
    const span = isScalar(node) ? nodeSpan(node, frontMatter.contentSpan.start) : undefined;
    if (!span) return;
    report({
      span,
      message: `The file name says ${fileDay} but \`date\` is ${day}: change one of them so they agree.`,
    });
  },
});
