import ipaddr from 'ipaddr.js';
import { isIP } from 'node:net';
import { hostMatches, withoutBrackets } from '../../engine/links/url-parts';

/**
 * Which addresses the dead-link check may connect to. The URLs come from posts, which the
 * author of a pull request chooses: a check running in CI must not become a way to reach
 * the CI machine's own network (its loopback services, the cloud's metadata service at
 * 169.254.169.254, the private network around it). Only global unicast addresses pass;
 * the ranges are ipaddr.js's, not hand-written.
 */

/**
 * Why an address may not be connected to (its range, as ipaddr.js names it: `loopback`,
 * `private`, `linkLocal`…), or undefined for a global unicast address. What is not an
 * address at all is refused too.
 */
export function refusedRange(address: string): string | undefined {
  const bare = withoutBrackets(address);
  if (!ipaddr.isValid(bare)) return 'not an address';
  const ip = ipaddr.parse(bare);
  if (ip.kind() === 'ipv4') return rangeOf4(ip as ipaddr.IPv4);
  const v6 = ip as ipaddr.IPv6;
  // IPv4 inside IPv6: `::ffff:127.0.0.1` reaches 127.0.0.1, and NAT64's well-known prefix
  // (64:ff9b::/96, what DNS64 gives on IPv6-only networks) reaches the IPv4 address it ends
  // with: both are judged by that IPv4 address.
  if (v6.isIPv4MappedAddress()) return rangeOf4(v6.toIPv4Address());
  if (isWellKnownNat64(v6)) return rangeOf4(embeddedIPv4(v6));
  // `::127.0.0.1` (IPv4-compatible, deprecated) is unicast to ipaddr.js, but no global
  // address starts with 96 zero bits.
  if (v6.parts.slice(0, 6).every((part) => part === 0)) return v6.range() === 'unicast' ? 'ipv4Compatible' : v6.range();
  const range = v6.range();
  return range === 'unicast' ? undefined : range;
}

function rangeOf4(ip: ipaddr.IPv4): string | undefined {
  const range = ip.range();
  return range === 'unicast' ? undefined : range;
}

function isWellKnownNat64(ip: ipaddr.IPv6): boolean {
  const [a, b, c, d, e, f] = ip.parts;
  return a === 0x64 && b === 0xff9b && c === 0 && d === 0 && e === 0 && f === 0;
}

function embeddedIPv4(ip: ipaddr.IPv6): ipaddr.IPv4 {
  const [high, low] = ip.parts.slice(6);
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

/** Whether the config lets this host reach private addresses (`allowPrivate`); an IPv6 host matches with or without its brackets. */
export function isAllowedPrivate(hostname: string, allowPrivate: readonly string[]): boolean {
  const bare = withoutBrackets(hostname);
  return allowPrivate.some((entry) => hostMatches(hostname, entry) || hostMatches(bare, entry));
}

/**
 * The ranges `allowPrivate` can open: a machine's own services and an intranet. Never
 * link-local (169.254.0.0/16 is where clouds serve instance credentials), nor the
 * unspecified, multicast, broadcast and reserved ones: the config comes with the site, so
 * a pull request can change it, and no site's links need those.
 */
const ALLOWABLE_RANGES: ReadonlySet<string> = new Set(['loopback', 'private', 'uniqueLocal', 'carrierGradeNat']);

/** Why an address may not be connected to, for a host `allowPrivate` names or not (see `ALLOWABLE_RANGES`). */
export function refusedRangeFor(address: string, allowed: boolean): string | undefined {
  const range = refusedRange(address);
  return range !== undefined && allowed && ALLOWABLE_RANGES.has(range) ? undefined : range;
}

/** A host name that is an IP address as written (`127.0.0.1`, `[::1]`): Node connects to it without a lookup. */
export function isIpLiteral(hostname: string): boolean {
  return isIP(withoutBrackets(hostname)) !== 0;
}

/**
 * Why a URL's host is refused before any lookup, or undefined. Node does not call the
 * `lookup` of a request whose host is an IP address, so those are checked here; and
 * `localhost` names are loopback by definition (RFC 6761), whatever a resolver says.
 */
export function literalRefusal(hostname: string, allowPrivate: readonly string[]): string | undefined {
  const allowed = isAllowedPrivate(hostname, allowPrivate);
  const name = hostname.replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return allowed ? undefined : 'loopback';
  return isIpLiteral(hostname) ? refusedRangeFor(hostname, allowed) : undefined;
}
