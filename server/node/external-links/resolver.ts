import type { LookupAddress, LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isAllowedPrivate, refusedRangeFor } from './addresses';

/**
 * Name resolution for the dead-link check, guarded: every address a name resolves to is
 * checked (`refusedRange`), and a name with any refused address is refused whole (a
 * resolver that answers one public and one private address must not get a connection to
 * the private one). Requests connect through `connectLookup`, so the addresses checked are
 * the addresses used; each name is resolved once a run, which also leaves no second answer
 * for a name to change to (DNS rebinding).
 */

export type Lookup = typeof import('node:dns').lookup;

export type Resolution =
  /** Every address may be connected to (or the host is in `allowPrivate`). */
  | { addresses: LookupAddress[] }
  /** The name resolved, but to an address the check may not reach: its range (`loopback`…). */
  | { refused: string }
  /** The name did not resolve: the error's code (ENOTFOUND, EAI_AGAIN; ETIMEOUT when the resolver did not answer in time). */
  | { failed: string };

/** The code of the error a refused address gives a request: the request fails before it connects. */
export const REFUSED_ADDRESS = 'POSTLINT_REFUSED_ADDRESS';

/** The codes that say the name does not exist, as against a resolver that failed to answer. */
export const NAME_NOT_FOUND: ReadonlySet<string> = new Set(['ENOTFOUND', 'EAI_NONAME', 'ENODATA', 'EAI_NODATA']);

export class Resolver {
  private readonly resolved = new Map<string, Promise<Resolution>>();

  constructor(
    private readonly lookup: Lookup,
    private readonly allowPrivate: readonly string[],
    /** A resolver that does not answer would otherwise hold a request (and its slot) for as long as the system resolver likes. */
    private readonly timeoutMs: number,
  ) {}

  /** What `hostname` resolves to this run (asked once, then remembered). */
  resolve(hostname: string): Promise<Resolution> {
    let resolution = this.resolved.get(hostname);
    if (!resolution) this.resolved.set(hostname, (resolution = this.resolveOnce(hostname)));
    return resolution;
  }

  /** For http.request's `lookup`: the guarded addresses, in the form Node asks for. */
  readonly connectLookup: LookupFunction = (hostname, options, callback) => {
    void this.resolve(hostname).then((resolution) => {
      if ('failed' in resolution) return callback(codedError(resolution.failed, `cannot resolve ${hostname}`), '');
      if ('refused' in resolution) return callback(codedError(REFUSED_ADDRESS, `${hostname} resolves to a ${resolution.refused} address`), '');
      const addresses = ofFamily(resolution.addresses, options);
      if (addresses.length === 0) return callback(codedError('ENOTFOUND', `no address of the family asked for ${hostname}`), '');
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    });
  };

  private async resolveOnce(hostname: string): Promise<Resolution> {
    const result = await lookupAll(this.lookup, hostname, this.timeoutMs);
    if (!Array.isArray(result)) return result;
    if (result.length === 0) return { failed: 'ENOTFOUND' };
    const allowed = isAllowedPrivate(hostname, this.allowPrivate);
    for (const { address } of result) {
      const range = refusedRangeFor(address, allowed);
      if (range !== undefined) return { refused: range };
    }
    return { addresses: result };
  }
}

/** Every address of the name, or why there is none; never throws, and gives up after `timeoutMs`. */
function lookupAll(lookup: Lookup, hostname: string, timeoutMs: number): Promise<LookupAddress[] | { failed: string }> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ failed: 'ETIMEOUT' }), timeoutMs);
    const done = (result: LookupAddress[] | { failed: string }) => {
      clearTimeout(timer);
      resolve(result);
    };
    const options: LookupOptions = { all: true };
    try {
      // A lookup given by the caller may answer one address even when asked for all: both forms are taken.
      lookup(hostname, options, (error, address, family) => {
        if (error) done({ failed: typeof error.code === 'string' ? error.code : 'ERROR' });
        else if (Array.isArray(address)) done(address);
        else done(typeof address === 'string' ? [{ address, family }] : []);
      });
    } catch (error) {
      done({ failed: (error as NodeJS.ErrnoException).code ?? 'ERROR' });
    }
  });
}

/** The addresses of the family Node asks for (4, 6, or either). */
function ofFamily(addresses: LookupAddress[], options: LookupOptions): LookupAddress[] {
  const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
  return family === 4 || family === 6 ? addresses.filter((address) => address.family === family) : addresses;
}

function codedError(code: string, message: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(message);
  error.code = code;
  return error;
}
