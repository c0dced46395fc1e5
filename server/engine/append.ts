/**
 * Appends `items` to `list`, one by one: `list.push(...items)` passes every item as an
 * argument, and past about 100,000 of them (a site's `_redirects` rules, a front
 * matter's repeated keys) it overflows the stack.
 */
export function append<T>(list: T[], items: Iterable<T>): void {
  for (const item of items) list.push(item);
}
