import ipaddr from 'ipaddr.js';
import { withoutBrackets } from './url-parts';

/**
 * Hosts that can only be reached on the author's machine or a private network: a
 * lab VM, a router, a service inside a cluster. A link to one in a post is an
 * example to follow on one's own network, where https is rarely set up and the
 * public web never sees the traffic. The ranges are ipaddr.js's, not hand-written.
 */

/** IPv4 ranges (ipaddr.js names) that no public host has: loopback, RFC 1918, link-local, CGNAT (RFC 6598), 0.0.0.0/8. */
const LOCAL_V4: ReadonlySet<string> = new Set(['loopback', 'private', 'linkLocal', 'carrierGradeNat', 'unspecified']);

/** IPv6 ranges that no public host has: `::1`, unique-local fc00::/7, link-local fe80::/10, `::`. */
const LOCAL_V6: ReadonlySet<string> = new Set(['loopback', 'uniqueLocal', 'linkLocal', 'unspecified']);

/**
 * Special-use names that public DNS never answers:
 * - `localhost` (RFC 6761): the machine itself;
 * - `local` (RFC 6762): multicast DNS on the local link, and Kubernetes' default
 *   cluster domain (`svc.cluster.local`), which only the cluster's own DNS resolves;
 * - `home.arpa` (RFC 8375): home networks;
 * - `internal`: reserved by ICANN (2024) for private use, never to be delegated.
 * Names only used by habit (`.lan`, `.corp`) may yet be delegated as top-level domains.
 */
const PRIVATE_NAME_SUFFIXES = ['localhost', 'local', 'home.arpa', 'internal'];

/** Whether a host (as `urlParts` gives it: lowercased, IPv6 in brackets) can only be on a private network. */
export function isPrivateHost(host: string): boolean {
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  const bare = withoutBrackets(name);
  // Only an address written as one is parsed: ipaddr.js's test costs more than the rest of the rule.
  if (looksLikeAddress(bare) && ipaddr.isValid(bare)) return isPrivateAddress(ipaddr.parse(bare));
  return PRIVATE_NAME_SUFFIXES.some((suffix) => name === suffix || name.endsWith(`.${suffix}`));
}

/** A host that may be an IP address: IPv4 starts with a digit (so does `0x…`, which ipaddr.js reads too), IPv6 has a colon. */
function looksLikeAddress(host: string): boolean {
  const first = host.charCodeAt(0);
  return (first >= 0x30 && first <= 0x39) || host.includes(':');
}

function isPrivateAddress(address: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  if (address.kind() === 'ipv4') return LOCAL_V4.has(address.range());
  const v6 = address as ipaddr.IPv6;
  // `::ffff:10.0.0.1` is the IPv4 address it carries.
  if (v6.isIPv4MappedAddress()) return LOCAL_V4.has(v6.toIPv4Address().range());
  return LOCAL_V6.has(v6.range());
}
