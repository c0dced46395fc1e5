import { z } from './zod';
import { booleanField, dateField, stringList, tidyTitle } from './fields';

/** The front matter key that names a post's kind. Hugo gives it no meaning. */
export const KIND_KEY = 'postlint_kind';

export const POST_KINDS = ['post', 'member-welcome', 'event-recap'] as const;
export type PostKind = (typeof POST_KINDS)[number];

export const KIND_DESCRIPTIONS: Record<PostKind, string> = {
  post: 'Any blog post.',
  'member-welcome': 'Welcomes an organisation that joined as a member.',
  'event-recap': 'Tells what happened at an event: who spoke, what was said, where the recordings are.',
};

const kindField = z
  .enum(POST_KINDS)
  .describe(`The kind of post, for Postlint: ${POST_KINDS.join(', ')}. Templates write it; Hugo ignores it.`);

/** One author as themes write them: a name or key, or a map of details. */
const authorEntry = z.union([z.string(), z.record(z.string(), z.unknown())]);

function authorField(description: string) {
  return z.union([authorEntry, z.array(authorEntry)]).describe(description);
}

/** Hugo's own front matter keys, as any Hugo site understands them. */
export const hugoFields = {
  title: z.string().describe('The title of the post, shown as its heading and in feeds and search results.'),
  date: dateField('The date of the post (YYYY-MM-DD, optionally with a time and offset). Hugo sorts and dates posts by it.'),
  // Hugo gives `author` no meaning: its form is the theme's. Themes read a name or a key of
  // data/authors, a list of them, or a map of details (`name`, `link`), so each is accepted.
  author: authorField("Who wrote the post, in the form the theme reads: a name or a key of the site's data/authors file, a list of them, or details such as name and link."),
  authors: z
    .array(authorEntry)
    .describe('Who wrote the post, when a theme reads a list of authors: names, keys of data/authors, or details such as name and link.'),
  description: z.string().describe('A summary of the post for search engines and link previews.'),
  summary: z.string().describe('A summary shown in lists of posts in place of the first paragraph.'),
  draft: booleanField('When true, Hugo builds the post only with --buildDrafts: it is not published.'),
  publishDate: dateField('The post is published from this date on; before it, Hugo leaves it out.'),
  expiryDate: dateField('The post is no longer published after this date.'),
  lastmod: dateField('When the post was last changed.'),
  // Hugo's own aliases of the dates above.
  pubdate: dateField('Another name Hugo reads for publishDate.'),
  published: dateField('Another name Hugo reads for publishDate.'),
  unpublishdate: dateField('Another name Hugo reads for expiryDate.'),
  modified: dateField('Another name Hugo reads for lastmod.'),
  slug: z
    .string()
    .regex(/^[^\s/]+$/, { message: 'is not one URL segment. Write it with no spaces or slashes' })
    .describe('The last part of the post\u2019s URL, in place of the one made from its file name.'),
  // A path without a leading slash is relative to the site's root, as Hugo reads it (resources/page/page_paths.go:
  // "Treat this as a context relative URL"): `post/a` is published at /post/a/. Hugo refuses `http://` and `https://`
  // (hugolib/page__meta.go): the build fails.
  url: z
    .string()
    .regex(/^(?!https?:\/\/)/, {
      message: 'has \u201chttp://\u201d or \u201chttps://\u201d, which stops Hugo\u2019s build. Write the post\u2019s path on the site, without the scheme and host',
    })
    .describe('The path of the post on the site (from its root, with or without a leading \u201c/\u201d), in place of the one Hugo makes.'),
  aliases: stringList('Other paths that redirect to this post, such as its URL before it moved.'),
  tags: stringList('Tags of the post (a Hugo taxonomy).'),
  categories: stringList('Categories of the post (a Hugo taxonomy).'),
  keywords: stringList('Keywords for search engines.'),
  images: stringList('Images for link previews (Open Graph and Twitter cards), as paths or URLs.'),
  linkTitle: z.string().describe('A shorter title used in menus and lists.'),
  weight: z.number().int().describe('Orders the post among its siblings: lower first.'),
  type: z.string().describe('The content type, which picks the layout.'),
  layout: z.string().describe('The layout to render the post with.'),
  translationKey: z.string().describe('Links translations of the same post across languages.'),
  isCJKLanguage: booleanField('Counts words as Chinese, Japanese or Korean text.'),
  headless: booleanField('A headless page is not rendered on its own.'),
  markup: z.string().describe('The markup language of the body, when not Markdown.'),
  outputs: stringList('The output formats to render the post in.'),
  params: z.record(z.string(), z.unknown()).describe('Custom parameters for the theme or templates.'),
  build: z.record(z.string(), z.unknown()).describe('How Hugo builds, lists and renders the post.'),
  cascade: z.unknown().describe('Front matter passed down to the pages below this one.'),
  menu: z.unknown().describe('Adds the post to menus.'),
  menus: z.unknown().describe('Adds the post to menus.'),
  resources: z.array(z.unknown()).describe('Metadata for the page\u2019s resources.'),
  sitemap: z.record(z.string(), z.unknown()).describe('Sitemap settings for the post.'),
  [KIND_KEY]: kindField,
};

/** What the kinds add to any preset's post. */
export const kindFields = {
  'member-welcome': {
    member: z.string().min(1).describe('The name of the organisation being welcomed, as it writes it.'),
  },
  'event-recap': {
    event: z.string().min(1).describe('The name of the event this post recaps.'),
    eventUrl: z.url({ message: 'is not a full URL. Write one such as https://example.org/event' }).describe('The event\u2019s own page.'),
  },
} as const;

/** The TODO Group site reads these keys in its layouts, beyond Hugo's own. */
export const todogroupFields = {
  title: tidyTitle.describe('The title of the post, shown as its heading and in feeds and search results. No spaces at either end, no double spaces.'),
  author: z
    .string()
    .describe("The post's author: a key of data/authors.yaml, which gives the name shown on the post."),
  subtitle: z.string().describe('A line shown under the title in the post\u2019s header.'),
  description: z
    .string()
    .min(50, { message: 'is shorter than 50 characters. Write at least 50, so search engines use it' })
    .max(160, { message: 'is longer than 160 characters. Write at most 160, so search engines do not cut it' })
    .describe('A summary of the post for search engines and link previews, 50 to 160 characters.'),
  noindex: booleanField('When true, asks search engines not to index the post.'),
  showHeader: booleanField('Whether the post shows its header image.'),
};
