import type { UrlData } from '../../engine/site/page-url-data';
import { StringTable } from './stored-results';

/**
 * A content file's page inputs (`PageInputs`) as the cache file keeps them, beside its
 * state: the position of the keys they were read for in the file's table of key lists
 * (`InputKeys`), a line break, then the values as JSON, often `{}`. One short string per
 * file, parsed only when the site's index is built: a run in which nothing changed never
 * builds it, and pays only for reading the strings.
 */
export function encodeInputs(table: InputKeys, keys: readonly string[], data: UrlData): string | undefined {
  return jsonSafe(data) ? `${table.indexOf(keys)}\n${JSON.stringify(data)}` : undefined;
}

/** The values stored for `keys`; undefined when they were read for other keys, or are out of shape (the file is anyone's to edit). */
export function decodeInputs(table: InputKeys, stored: string, keys: readonly string[]): UrlData | undefined {
  const cut = stored.indexOf('\n');
  if (cut === -1 || !table.holds(stored.slice(0, cut), keys)) return undefined;
  try {
    const data: unknown = JSON.parse(stored.slice(cut + 1));
    return isPlainObject(data) ? data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The key lists (`keysNeeded`) a site's files were read for, each once: a site has a
 * handful (a section's permalink may add the title, a dated one the date keys). A list
 * keeps its position from run to run, so that stored inputs keep naming it.
 */
export class InputKeys {
  /** Each list as JSON text, in a table of strings as the stored posts' are. */
  private readonly table: StringTable;

  constructor(lists: string[] = []) {
    this.table = new StringTable(lists);
  }

  get lists(): string[] {
    return this.table.strings;
  }

  indexOf(keys: readonly string[]): number {
    return this.table.indexOf(JSON.stringify(keys));
  }

  /** Whether `position` (as stored, a decimal string) names the list `keys`. */
  holds(position: string, keys: readonly string[]): boolean {
    const list = this.lists[Number(position)];
    return list !== undefined && /^\d+$/.test(position) && list === JSON.stringify(keys);
  }
}

/** Deeper values are not kept (read again each time): the check's recursion stays bounded whatever a parser lets through. */
const MAX_DEPTH = 32;

/**
 * Whether JSON gives `value` back as it is, to what reads it: front matter values are
 * mostly strings, but TOML has dates and YAML `.inf`, which JSON would turn into other
 * things. A property whose value is undefined comes back absent, which reads the same.
 */
function jsonSafe(value: unknown, depth = 0): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object':
      if (value === null) return true;
      if (depth >= MAX_DEPTH) return false;
      if (Array.isArray(value)) return value.every((item) => item !== undefined && jsonSafe(item, depth + 1));
      return isPlainObject(value) && Object.values(value).every((item) => item === undefined || jsonSafe(item, depth + 1));
    default:
      return false;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
