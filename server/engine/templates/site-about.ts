/**
 * The "About" text a new post starts with where the site names no file for it
 * (`templates.about`): the About section of the newest post of the same kind, as the
 * site writes it now. Sites revise the paragraph over the years (the TODO Group's member
 * welcomes carry five versions of it); the newest post holds the one in use.
 */
import type { PostKind } from '../../../schemas/posts';
import { splitPost, type FrontMatter } from '../frontmatter/frontmatter';
import { fileNameDay, contentBaseName, pageDate } from '../frontmatter/page-date';
import { parseBody } from '../markdown';
import { ABOUT_HEADING, sectionBody } from '../markdown/sections';
import type { FrontMatterDates } from '../site/front-matter-dates';

export interface PostsOfSite {
  /** The site's posts, absolute paths. */
  files: readonly string[];
  read(file: string): Promise<string | undefined>;
  /** The kind a post is, from its front matter and path, as the checks decide it. */
  kindOf(file: string, data: Record<string, unknown> | undefined): PostKind;
  dates: FrontMatterDates;
}

export interface PostAbout {
  text: string;
  /** The post it was taken from. */
  file: string;
}

/** A quick look before any parsing: most posts have no About heading at all. */
const MAY_HAVE_ABOUT = /^ {0,3}#{1,6}[ \t]+about\b/im;

/** The newest post of `kind` that has an About section, and that section's text. */
export async function aboutOfNewestPost(posts: PostsOfSite, kind: PostKind): Promise<PostAbout | undefined> {
  let newest: (PostAbout & { day: string }) | undefined;
  for (const file of posts.files) {
    const text = await posts.read(file);
    if (text === undefined || !MAY_HAVE_ABOUT.test(text)) continue;
    const { frontMatter, bodyStart } = splitPost(text);
    if (posts.kindOf(file, frontMatter?.data) !== kind) continue;
    const day = dayOf(frontMatter, file, posts.dates) ?? '';
    // Stryker disable next-line EqualityOperator: two posts of the same day: either is as new
    if (newest && day < newest.day) continue;
    const about = aboutSection(text, bodyStart);
    if (about) newest = { text: about, file, day };
  }
  return newest && { text: newest.text, file: newest.file };
}

function aboutSection(text: string, bodyStart: number): string | undefined {
  try {
    const { headings } = parseBody(text, bodyStart);
    const heading = headings.find((candidate) => ABOUT_HEADING.test(candidate.text.trim()));
    if (!heading) return undefined;
    const span = sectionBody(text, headings, heading);
    return text.slice(span.start, span.end) || undefined;
  } catch {
    // A body the parser refuses (see internal-error) offers no text: the next post may.
    return undefined;
  }
}

/** The post's day (YYYY-MM-DD) as Hugo dates it, where it can be read here. */
function dayOf(frontMatter: FrontMatter | undefined, file: string, dates: FrontMatterDates): string | undefined {
  const found = pageDate(frontMatter, file, dates);
  if (found?.from === 'file name') return found.day;
  if (found?.from !== 'front matter') return fileNameDay(contentBaseName(file));
  const value = frontMatter?.data?.[found.key.name];
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).trim().slice(0, 10);
}
