/**
 * JSON with object keys sorted (by UTF-16 code unit, never by locale, so every
 * machine agrees) at every depth and no whitespace: two values that are equal
 * as data serialise to the same text. Array order is kept; callers sort arrays
 * whose order carries no meaning before serialising.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonical JSON cannot hold ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
}

/**
 * The value as JSON stores it: what a JSON column gives back after a round
 * trip (undefined properties gone, dates as ISO strings). Hash this, not the
 * value in hand, when the hash is checked again against the stored copy.
 */
export function asStoredJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
