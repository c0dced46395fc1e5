/**
 * Why a link was not checked: each completes "not checked: …" in the engine's message,
 * so each is a short plain phrase. Kept together so the wording stays one voice, and so
 * that tests name them instead of copying them.
 */
export const NOT_CHECKED = {
  invalid: 'the URL is not valid',
  credentials: 'the URL holds a user name or password, which the check never sends',
  ignored: 'ignored in the config',
  privateAddress: 'the host has a private or local address',
  redirectsToPrivate: 'it redirects to a private or local address',
  redirectsToIgnored: 'it redirects to a URL ignored in the config',
  redirectsWithCredentials: 'it redirects to a URL with a user name or password',
  unreachable: 'network unreachable',
  interrupted: 'the check was interrupted',
  intercepted: (status: number) => `network intercepted (every host answers ${status})`,
} as const;
