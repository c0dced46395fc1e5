import type { Exchange, FailureKind } from './http-request';
import type { Resolution } from './resolver';

/*
 * Detect before judging. A check that runs offline, or behind something that answers for
 * every host, must not call every link dead: the network is judged first, then the links.
 * The rules, in the order they apply:
 *
 * 1. Offline. Before any HTTP request, the distinct host names of the URLs to request are
 *    resolved (DNS only, through the same guarded lookup the requests use), the most linked
 *    first: when none of the first eight resolves (nor a witness, below), the others are not
 *    looked up. If names were looked up and none resolved, the network is `unreachable`:
 *    eight dead hosts in a row are far likelier an offline runner than a site whose most
 *    linked hosts are all gone, and the cost of a wrong guess is links not checked, never
 *    links called dead. No request is made then, and
 *    every URL left to check is not checked, "network unreachable". Raw-IP URLs too: on a
 *    machine without a resolver, whatever answers at an IP address is more likely a
 *    sandbox's stand-in than the site. A name that resolved to a refused (private) address
 *    did resolve: the resolver works. When every name failed, up to three names that
 *    resolved on earlier runs (the hosts of links taken from the cache) are looked up as
 *    witnesses first: one that resolves shows the resolver works, and the names that failed
 *    are then judged as names that do not resolve.
 * 2. No HTTP at all. If at least two hosts were requested and not one gave any HTTP answer,
 *    each failing with a timeout or a failed connection (a firewall that drops everything),
 *    the network is `unreachable` as well, and every URL requested this run is not checked.
 * 3. Interception. If at least two hosts answered, and every answer of every host was one
 *    and the same status that is neither 2xx nor 3xx (their root pages asked too, see 4),
 *    something between answers for all of them (a proxy, a sandbox): the network is
 *    `intercepted`, and every URL requested this run is not checked, "network intercepted
 *    (every host answers 404)".
 * 4. A host that serves nothing. A 404 or 410 (`deadStatuses`) makes a link dead only when
 *    the host that gave it showed in this run that it serves real pages: another of its URLs
 *    answered 2xx or 3xx, or its root `/` did. The root is asked only then (and, for rule 3,
 *    of every host when the run looks intercepted), at most once per host. A host that
 *    answers 404 everywhere leaves its links unknown: "every page of the host answers 404".
 *
 * Verdicts taken from the cache are left as they are: earlier runs reached them past the
 * same rules. A run that requested nothing counts the network as reachable.
 */

export type NetworkState = { network: 'reachable' } | { network: 'unreachable' } | { network: 'intercepted'; status: number };

/** Rule 1: names were looked up, and none resolved. */
export function unresolvable(resolutions: Iterable<Resolution>): boolean {
  let names = 0;
  for (const resolution of resolutions) {
    if (!('failed' in resolution)) return false;
    names++;
  }
  return names > 0;
}

/** Whether the resolver showed in this run that it works: some name resolved (to an address allowed or not). */
export function resolverWorks(resolutions: Iterable<Resolution>): boolean {
  for (const resolution of resolutions) if (!('failed' in resolution)) return true;
  return false;
}

interface HostRecord {
  statuses: Set<number>;
  failures: Set<FailureKind>;
}

/** What each host (`URL.host`: name and port) answered this run, from every request made to it. */
export class HostEvidence {
  private readonly hosts = new Map<string, HostRecord>();

  record(host: string, exchange: Exchange): void {
    if ('answer' in exchange) this.of(host).statuses.add(exchange.answer.status);
    else if ('failure' in exchange) this.of(host).failures.add(exchange.failure.kind);
  }

  /** Rule 4: the host answered 2xx or 3xx to something. */
  servesPages(host: string): boolean {
    const statuses = this.hosts.get(host)?.statuses;
    return statuses !== undefined && [...statuses].some(isPage);
  }

  /** Whether the run so far looks intercepted (rule 3 before the roots are asked): then every host's root is asked, to settle it. */
  looksIntercepted(): boolean {
    return this.sameStatusEverywhere() !== undefined;
  }

  /** Rules 2 and 3, once every request (root pages too) is done. */
  state(): NetworkState {
    const status = this.sameStatusEverywhere();
    if (status !== undefined) return { network: 'intercepted', status };
    const records = [...this.hosts.values()];
    const silent = records.length >= 2 && records.every((record) => record.statuses.size === 0 && [...record.failures].every(isConnectionFailure));
    return silent ? { network: 'unreachable' } : { network: 'reachable' };
  }

  /** The one status every host that answered gave, when at least two did and it is not a page; else undefined. */
  private sameStatusEverywhere(): number | undefined {
    const answered = [...this.hosts.values()].filter((record) => record.statuses.size > 0);
    if (answered.length < 2) return undefined;
    const statuses = new Set(answered.flatMap((record) => [...record.statuses]));
    const [only] = statuses;
    return statuses.size === 1 && !isPage(only) ? only : undefined;
  }

  private of(host: string): HostRecord {
    let record = this.hosts.get(host);
    if (!record) this.hosts.set(host, (record = { statuses: new Set(), failures: new Set() }));
    return record;
  }
}

function isPage(status: number): boolean {
  return status >= 200 && status <= 399;
}

function isConnectionFailure(kind: FailureKind): boolean {
  return kind === 'timeout' || kind === 'connection';
}
