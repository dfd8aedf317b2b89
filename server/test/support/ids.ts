/**
 * Global ids as an integrator reads them: base64url of `<Type>:<raw id>`
 * (server/src/core/graphql/global-id.ts). Tests that compare an API answer with
 * a database row or a webhook payload, which hold raw ids, convert here, in the
 * assertion; the request helpers never touch ids, so tests see what clients see.
 */

/** The global id the API answers for row `raw` of type `type`. */
export const gid = (type: string, raw: string): string => Buffer.from(`${type}:${raw}`, 'utf8').toString('base64url');

/** The type and raw id a global id names. */
export function decodeId(id: string): { type: string; raw: string } {
  const text = Buffer.from(id, 'base64url').toString('utf8');
  const colon = text.indexOf(':');
  return { type: text.slice(0, colon), raw: text.slice(colon + 1) };
}

/** The raw (database) id of a global id, as webhook payloads and rows hold it. */
export const rawId = (id: string): string => decodeId(id).raw;

const GLOBAL = /^[A-Za-z0-9_-]+$/;

/** Whether `value` is a well-formed global id (not a raw id, not other text). */
export function isGlobalId(value: string): boolean {
  if (!GLOBAL.test(value) || value.length < 8) return false;
  const { type, raw } = decodeId(value);
  return /^[A-Z][A-Za-z]+$/.test(type) && raw !== '' && gid(type, raw) === value;
}

/**
 * `value` with every global id in it replaced by its raw id, deeply: the
 * expected side of a comparison with a webhook payload or a row, built from
 * ids the API answered.
 */
export function withRawIds<T>(value: T): T {
  if (typeof value === 'string') return (isGlobalId(value) ? rawId(value) : value) as T;
  if (Array.isArray(value)) return value.map((item) => withRawIds(item)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withRawIds(v)])) as T;
  }
  return value;
}
