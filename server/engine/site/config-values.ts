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

/**
 * A bool as Go's weak decoding (mapstructure's WeakDecode, which Hugo's markup settings
 * use) reads one: a number is true unless 0, text as strconv.ParseBool reads it;
 * anything else is `fallback`.
 */
export function weakBool(value: unknown, fallback: boolean): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') {
    if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
    if (['', '0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  }
  return fallback;
}
