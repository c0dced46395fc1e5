import { classifyUrl } from '../links/link-targets';
import type { Heading } from '../markdown';
import { ABOUT_HEADING, sectionBody } from '../markdown/sections';
import { ABOUT_FILE } from '../templates/new-post';
import { join } from '../site/paths';
import { defineRule, type Post, type RuleContext } from '../rule';
import { hasPlaceholder } from '../templates/placeholders';
import { quoted } from '../text/quote';
import type { Span } from '../types';

const REPRESENTATIVES = /\brepresentatives?\b/i;

/** Where a missing section is reported: the front matter line that makes the post this kind. */
function kindSpan(post: Post): Span {
  const frontMatter = post.frontMatter;
  return frontMatter?.valueAt(['postlint_kind'])?.span ?? frontMatter?.valueAt(['title'])?.span ?? frontMatter?.openSpan ?? { start: 0, end: 0 };
}

/** Typography aside (quotes, dashes, spacing), is this the same text? */
function normalise(text: string): string {
  // Stryker disable next-line MethodExpression: both texts come trimmed of the same \s characters trim() removes, and no replacement adds any at an end
  return text
    .replace(/[\u2018\u2019\u201a\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

async function checkAbout(context: RuleContext<unknown>, about: Heading): Promise<void> {
  const { post, site, config, workspace, siteCache, report } = context;
  // Without the site's own text there is nothing to compare with, and no text to offer as a fix.
  if (!context.useSiteTemplates) return;
  const file = join(site.root, config.templates.about ?? ABOUT_FILE);
  const canonical = (await siteCache(`about:${file}`, () => workspace.readFile(file)))?.trim();
  if (!canonical) return;
  const body = sectionBody(post.text, post.body.headings, about);
  const written = post.text.slice(body.start, body.end);
  if (hasPlaceholder(written) || normalise(written) === normalise(canonical)) return;
  report({
    span: body,
    message: `This \u201cAbout\u201d section differs from the site's standard text. Use the standard text in ${quoted(file.slice(site.root.length + 1))}, so every post says the same.`,
    fixes: [{ title: 'Replace with the site\u2019s standard \u201cAbout\u201d text', edits: [{ span: body, newText: canonical }], safe: false, preferred: true }],
  });
}

function checkMemberWelcome(context: RuleContext<unknown>): Promise<void> | void {
  const { post, report } = context;
  const headings = post.body.headings;
  if (!headings.some((heading) => REPRESENTATIVES.test(heading.text))) {
    report({
      span: kindSpan(post),
      message: 'This member welcome has no representatives section. Add a heading such as \u201c## Representatives\u201d naming the people who will represent the member.',
    });
  }
  const about = headings.find((heading) => ABOUT_HEADING.test(heading.text.trim()));
  if (!about) {
    report({
      span: kindSpan(post),
      message: 'This member welcome has no \u201cAbout\u201d section. End it with a heading such as \u201c## About <your site>\u201d and the site\u2019s standard text.',
    });
    return;
  }
  return checkAbout(context, about);
}

/** A URL's scheme and host (`https://summit.example`). */
const ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;

/** Scheme and host are compared in any case (`HTTPS://Summit.Example/` is `https://summit.example/`); the path is not. */
function comparable(url: string): string {
  const trimmed = url.trim().replace(/\/+$/, '');
  // Stryker disable next-line MethodExpression: both addresses compared go through here, so upper case would match the same pairs as lower case
  return trimmed.replace(ORIGIN, (origin) => origin.toLowerCase());
}

function checkEventRecap({ post, site, report }: RuleContext<unknown>): void {
  if (post.body.images.length === 0) {
    report({ span: kindSpan(post), message: 'This event recap has no image. Add a photo of the event, with alt text saying what it shows.' });
  }
  const eventUrl = post.frontMatter?.data?.eventUrl;
  const links = post.body.links;
  const linked =
    typeof eventUrl === 'string' && eventUrl.trim() !== ''
      ? links.some((link) => comparable(link.url) === comparable(eventUrl) || hasPlaceholder(link.url))
      : links.some((link) => {
          const first = post.body.headings[0];
          return (!first || link.span.start < first.span.start) && classifyUrl(link.url, site.baseURL).kind === 'external';
        });
  if (!linked) {
    report({
      span: kindSpan(post),
      message:
        typeof eventUrl === 'string'
          ? `This event recap never links to its \u201ceventUrl\u201d, ${quoted(eventUrl, 44)}. Link the event's name to it in the opening.`
          : 'This event recap never links to the event in its opening. Link the event\u2019s name to its page.',
    });
  }
}

/** A post of a kind keeps the sections readers of that kind expect. */
export default defineRule({
  meta: {
    id: 'template-structure',
    description: 'Member welcomes and event recaps keep the sections their readers expect.',
    defaultSeverity: 'warning',
    fixable: 'editor',
  },
  check(context) {
    if (context.post.kind === 'member-welcome') return checkMemberWelcome(context);
    if (context.post.kind === 'event-recap') return checkEventRecap(context);
  },
});
