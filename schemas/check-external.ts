import { z } from './zod';
import { sitePath } from './site-paths';

/**
 * The options of the dead-link check (`checkExternal` in `.postlintrc.json`, rule
 * `link-dead`). `true` turns it on with these defaults; an object turns it on and
 * sets some of them. The check itself lives in the Node layer (server/node/external-links/):
 * it does I/O, which the engine may not.
 */

const positiveInt = (description: string, fallback: number, max: number) =>
  z.number().int().min(1).max(max).default(fallback).describe(description);

export const checkExternalOptions = z
  .object({
    ignore: z
      .array(z.string())
      .default([])
      .describe(
        'Links never requested: a host ("example.com", or "*.example.com" for its subdomains) or a URL prefix ("https://example.com/private/"). Their links are listed as not checked.',
      ),
    allowPrivate: z
      .array(z.string())
      .default([])
      .describe(
        'Hosts ("intranet.example", or "*.intranet.example") that may resolve to loopback or private addresses, for sites that link to an intranet. Every other such address is refused, also after a redirect; link-local addresses (169.254.0.0/16, where clouds serve instance credentials) always are.',
      ),
    perHost: positiveInt('Requests in flight to one host at a time.', 2, 16),
    concurrency: positiveInt('Requests in flight in all at a time.', 16, 64),
    connectTimeoutMs: positiveInt('How long to wait for a connection, in milliseconds.', 5_000, 60_000),
    timeoutMs: positiveInt('How long one request may take in all, in milliseconds.', 15_000, 120_000),
    retries: z.number().int().min(0).max(5).default(2).describe('Retries, with backoff, after a 429, a 5xx, a timeout or a failed connection.'),
    retryAfterCapMs: positiveInt('The longest Retry-After that is honoured, in milliseconds; a longer one leaves the link unknown.', 10_000, 120_000),
    deadStatuses: z
      .array(z.number().int().min(400).max(599))
      .default([404, 410])
      .describe('The HTTP statuses that mean a page is gone.'),
    reportLoginRequired: z
      .boolean()
      .default(false)
      .describe('Report links that answer 401 or 403 (the page exists but needs a login). Default: false.'),
    cacheFile: sitePath('Where verdicts are kept between runs, from the site root. Default: .postlint-cache/links.json.').default('.postlint-cache/links.json'),
    liveDays: z.number().min(0).max(365).default(7).describe('How many days a link found alive is not requested again.'),
    failureDays: z.number().min(0).max(365).default(1).describe('How many days a failure is kept before the link is requested again.'),
  })
  .strict();

export type CheckExternalOptions = z.output<typeof checkExternalOptions>;

/** `checkExternal` as the config file writes it: on, off, or on with options. */
export const checkExternalSetting = z
  .union([z.boolean(), checkExternalOptions])
  .describe('Check that external links still answer (rule link-dead): true, or an object of options, which also turns it on. Off by default; `postlint check --check-external` turns it on for one run.');

/** The options in force, or undefined when the check is off. */
export function resolveCheckExternal(setting: z.output<typeof checkExternalSetting> | undefined): CheckExternalOptions | undefined {
  if (setting === undefined || setting === false) return undefined;
  return setting === true ? checkExternalOptions.parse({}) : setting;
}
