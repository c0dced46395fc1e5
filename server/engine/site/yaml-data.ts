// YAML read for its data alone, where no position is reported: the site's config files
// and the keys that move a page's URL. Post front matter, whose problems need positions,
// goes through the `yaml` package's Document API (frontmatter.ts).
//
// Why two parsers: js-yaml reads these files five to seven times faster than `yaml` when
// the code is cold (measured on the TODO Group site: its config in 9 ms instead of 50, the
// URL keys of 140 pages in 6 ms instead of 38), and a cold start is what every editor
// session and CI run pays. `yaml` stays the reference: whatever js-yaml refuses, and any
// document whose aliases share a map or a list (js-yaml does not bound their expansion,
// so a "billion laughs" would hang whoever walks the result), is read by `yaml`, with
// its alias limit, and its error is the one reported.

import { CORE_SCHEMA, load } from 'js-yaml';
import { parse } from 'yaml';

const MAX_ALIAS_COUNT = 100;

/** Whether a map or list is reached twice: the document used an alias to it. */
function sharesNodes(value: unknown, seen = new Set<object>()): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (seen.has(value)) return true;
  seen.add(value);
  for (const child of Object.values(value)) if (sharesNodes(child, seen)) return true;
  return false;
}

/** The data of a YAML document (the 1.2 core schema: dates stay strings); throws `yaml`'s error when it has one. */
/**
 * `yaml`'s own warnings (an unknown tag such as `!!js/function`) would be printed to
 * stderr with the file's text in them, unescaped; the value read is all we need.
 */
const YAML_OPTIONS = { maxAliasCount: MAX_ALIAS_COUNT, logLevel: 'error' } as const;

export function yamlData(text: string): unknown {
  let value: unknown;
  try {
    // The core schema is `yaml`'s default too: the same values, and no js-yaml extras (timestamps, merge keys).
    value = load(text, { schema: CORE_SCHEMA });
  } catch {
    return parse(text, YAML_OPTIONS);
  }
  return sharesNodes(value) ? parse(text, YAML_OPTIONS) : value;
}
