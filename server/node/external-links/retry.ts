/**
 * When to ask again after an answer that says "not now" (429, 5xx) or a connection that
 * failed: what the server asks for (Retry-After) when it says, else an exponential backoff.
 */

/** The first wait of the backoff; each retry doubles it. */
const FIRST_BACKOFF_MS = 500;

/** The wait before retry number `attempt` (0 for the first) when the server did not say. */
export function backoffMs(attempt: number): number {
  return FIRST_BACKOFF_MS * 2 ** attempt;
}

/**
 * A Retry-After header in milliseconds from `now`: delay-seconds (`120`) or an HTTP date
 * (`Wed, 21 Oct 2015 07:28:00 GMT`; a date past gives 0). Undefined when absent or not
 * either form: the backoff applies then, as if the server had not said.
 */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Date.parse reads many forms; an HTTP date (or its older RFC 850 form) starts with the
  // weekday and ends with GMT, which keeps a number with a sign or a fraction ("-1", "1.5")
  // from being read as a year.
  if (!/^[A-Za-z]{3,9}, .*\bGMT$/.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
