/** Reading values out of Hugo's config maps, shared by the modules that read its settings. */

/** Hugo's config keys are case-insensitive: the exact spelling is tried first, then any case. */
export function setting(record: unknown, key: string): unknown {
  if (!isRecord(record)) return undefined;
  if (key in record) return record[key];
  const lower = key.toLowerCase();
  for (const [name, value] of Object.entries(record)) if (name.toLowerCase() === lower) return value;
  return undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
