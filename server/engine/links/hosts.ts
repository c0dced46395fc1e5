/**
 * Whether text written as a link destination begins with a host name (`www.example.org/…`,
 * `ii.nz`, `example.org./`): then it was meant as another site, and without a scheme the
 * browser reads it as a path under the post's own address. Top-level domains come from
 * the `tlds` package, the list IANA keeps, rather than a hand-written guess.
 */
import TOP_LEVEL_DOMAINS from 'tlds';

const TLDS = new Set(TOP_LEVEL_DOMAINS);

/**
 * Top-level domains that are also common file extensions: `notes.md`, `setup.sh` or
 * `demo.mov` in a post names a file, as the author meant. A `www.` name is a host anyway.
 */
const FILE_EXTENSIONS = new Set(['md', 'py', 'sh', 'zip', 'mov', 'rs', 'pl', 'pm', 'ml', 'cc', 'ps']);

const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

/** The host part a destination starts with: up to the first `/`, `?` or `#`, a trailing dot dropped (`example.org.`). */
function leadingName(destination: string): string {
  const end = destination.search(/[/?#]|$/);
  return destination.slice(0, end).replace(/\.$/, '').toLowerCase();
}

export function looksLikeHost(destination: string): boolean {
  const labels = leadingName(destination).split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return false;
  if (labels[0] === 'www') return true;
  const tld = labels[labels.length - 1];
  return TLDS.has(tld) && !FILE_EXTENSIONS.has(tld);
}
