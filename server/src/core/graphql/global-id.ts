import { badInput } from '../errors';

/**
 * Global ids: what the API answers for every id, and what every id argument
 * accepts. A global id is base64url (no padding) of `<TypeName>:<raw id>`, so
 * it names its type and a client can refetch it with `node(id:)`; it is
 * opaque to clients. The raw ids the database holds (UUIDs), which clients
 * stored before global ids existed and which webhook payloads still carry,
 * are accepted too, with their type unknown. Raw ids are what the id columns
 * hold (UUIDs, and `msg_<hex>` for webhook deliveries): anything else that is
 * not a well-formed global id is refused.
 *
 * Nothing here imports graphql: the HTTP routes decode with the same rules.
 */

/** A raw id as the database holds it: a UUID, or a webhook delivery's `msg_` id. */
const RAW_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|msg_[0-9a-f]{32})$/i;
/** The raw part of a global id: what fits an id column (36 characters), no separator. */
const RAW_PART = /^[A-Za-z0-9_-]{1,36}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const TYPE_NAME = /^[A-Z][A-Za-z0-9]*$/;

/**
 * Types whose ids are already `<Type>:<raw>` in base64url when the services
 * hand them out (the handle of a hidden student under anonymous grading, see
 * `handleOf` in modules/assignments/anonymity.ts): encoding leaves them as
 * they are, and decoding passes the whole id on, which is what the services
 * expect.
 */
const SELF_ENCODED = new Set(['StudentAlias']);

/** A decoded id: `type` is null for a raw database id, which names no type. */
export interface DecodedId {
  type: string | null;
  raw: string;
}

/** The global id of the row `raw` of GraphQL type `type`. */
export function toGlobalId(type: string, raw: string): string {
  if (SELF_ENCODED.size > 0 && !RAW_ID.test(raw)) {
    const already = decodeGlobal(raw);
    if (already && SELF_ENCODED.has(already.type)) return raw;
  }
  return Buffer.from(`${type}:${raw}`, 'utf8').toString('base64url');
}

function decodeGlobal(value: string): { type: string; raw: string } | null {
  if (!BASE64URL.test(value)) return null;
  const text = Buffer.from(value, 'base64url').toString('utf8');
  const colon = text.indexOf(':');
  if (colon < 1) return null;
  const type = text.slice(0, colon);
  const raw = text.slice(colon + 1);
  if (!TYPE_NAME.test(type) || raw === '') return null;
  // base64url decoding ignores stray characters; a forged id must not decode to a valid one.
  if (Buffer.from(text, 'utf8').toString('base64url') !== value) return null;
  return { type, raw };
}

/**
 * Reads an id a client sent: a global id (`{ type, raw }`) or a raw database
 * id (`{ type: null, raw }`). Anything else is refused with BAD_USER_INPUT
 * naming the value, so a forged id never reaches a service.
 */
export function fromGlobalId(value: string): DecodedId {
  if (RAW_ID.test(value)) return { type: null, raw: value };
  const decoded = decodeGlobal(value);
  if (decoded && SELF_ENCODED.has(decoded.type)) return { type: decoded.type, raw: value };
  if (!decoded || !RAW_PART.test(decoded.raw)) throw badInput(`\`${shown(value)}\` is not a Stagecoach id`, { id: value });
  return decoded;
}

/**
 * The raw id of `value`, refusing an id that names another type than one of
 * `expected` (a raw id names none and passes). An empty `expected` accepts any
 * type (a polymorphic argument such as an audit subject).
 */
export function rawIdOf(value: string, expected: readonly string[]): string {
  const { type, raw } = fromGlobalId(value);
  if (type !== null && expected.length > 0 && !expected.includes(type)) {
    throw badInput(`the id \`${shown(value)}\` names ${article(type)} ${type}, where ${article(expected[0]!)} ${expected.join(' or ')} id is expected`, {
      id: value,
      type,
      expected,
    });
  }
  return raw;
}

/** Long forged values are cut in messages; the details carry the whole value. */
const shown = (value: string) => (value.length > 80 ? `${value.slice(0, 77)}...` : value);
const article = (word: string) => (/^[AEIOU]/.test(word) ? 'an' : 'a');

/**
 * An error's details as clients read them: the user named in `changedBy` (a
 * refused stale save) gets the global id the API answers for users, so a
 * client can compare it with `me.id`. Services keep raw ids.
 */
export function detailsForClients(details: Record<string, unknown> | undefined): Record<string, unknown> {
  const by = details?.changedBy as { id?: unknown } | null | undefined;
  if (!details || !by || typeof by.id !== 'string' || !RAW_ID.test(by.id)) return details ?? {};
  return { ...details, changedBy: { ...by, id: toGlobalId('User', by.id) } };
}
