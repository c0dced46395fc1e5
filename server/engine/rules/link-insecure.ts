import type { FixSpec } from '../rule';
import { z } from '../../../schemas/zod';
import { defineRule } from '../rule';
import type { Span } from '../types';
import { quoted } from '../text/quote';
import { hostMatches, isTemplated, uniqueTargets, urlParts, writtenUrlSpan } from '../links/url-parts';
import { isPrivateHost } from '../links/private-hosts';

/** The site's own host, when the site itself is published over https. */
function ownHttpsHost(baseURL: string | undefined): string | undefined {
  if (baseURL === undefined) return undefined;
  const parts = urlParts(baseURL.trim());
  return parts.scheme === 'https' ? parts.host : undefined;
}

const withoutWww = (host: string) => host.replace(/^www\./, '');

/**
 * Only `http` becomes `https`: the edit stops there, so that other fixes on the
 * same URL (tracking parameters) apply alongside.
 */
function upgradeFix(urlSpan: Span, safe: boolean): FixSpec {
  return {
    title: `Use ${quoted('https://')}`,
    edits: [{ span: { start: urlSpan.start, end: urlSpan.start + 'http'.length }, newText: 'https' }],
    safe,
    preferred: true,
  };
}

/** http:// pages travel unencrypted, can be altered on the way, and make browsers warn. */
export default defineRule({
  meta: {
    id: 'link-insecure',
    description: 'Links and images should use `https://`, not `http://`.',
    defaultSeverity: 'warning',
    fixable: 'safe or editor',
  },
  options: z
    .object({
      allowHosts: z.array(z.string()).default([]).describe('Hosts that serve no https: their http:// links are not reported.'),
      httpsHosts: z
        .array(z.string())
        .default([])
        .describe('Hosts known to serve the same pages over https: their links are upgraded by --fix. The site\u2019s own host always counts when its baseURL is https.'),
    })
    .strict(),
  check({ post, site, options, report }) {
    const { allowHosts, httpsHosts } = options;
    const ownHost = ownHttpsHost(site.baseURL);
    for (const target of uniqueTargets(post.body)) {
      const url = target.url.trim();
      if (!/^http:\/\//i.test(url) || isTemplated(url)) continue;
      const urlSpan = writtenUrlSpan(target);
      // Stryker disable next-line StringLiteral: a URL starting with http:// always has a host part, if an empty one
      const host = urlParts(url).host ?? '';
      // This machine or a private network (a lab VM, a router): the public web never carries it, and such hosts rarely have https to move to.
      if (host === '' || isPrivateHost(host) || allowHosts.some((entry) => hostMatches(host, entry))) continue;
      const known = httpsHosts.some((entry) => hostMatches(host, entry)) || (ownHost !== undefined && withoutWww(host) === withoutWww(ownHost));
      const what = target.image ? 'image' : 'link';
      const shown = quoted(url, 58);
      report({
        span: urlSpan,
        message: known
          ? `Insecure ${what} ${shown}: it travels unencrypted. ${host} serves https, so use ${quoted('https://')}.`
          : `Insecure ${what} ${shown}: it travels unencrypted. Browsers may warn; use ${quoted('https://')} if ${host} serves it (most sites do), or add the host to the rule\u2019s allowHosts if it does not.`,
        fixes: [upgradeFix(urlSpan, known)],
      });
    }
  },
});
