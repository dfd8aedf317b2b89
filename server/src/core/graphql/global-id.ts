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

/**
 * The type names a global id may name: the schema's Node types, registered
 * when the schema is built (see global-ids.ts). An id naming anything else is
 * forged. Before a schema is built (unit tests), any type name passes.
 */
const knownTypes = new Set<string>();

export function registerIdTypes(names: Iterable<string>): void {
  for (const name of names) knownTypes.add(name);
}

/** Objects whose id is answered as another type's than the field's own (see {@link answerIdAs}). */
const idTypeOverrides = new WeakMap<object, string>();

/**
 * Answers `object`'s id as an id of `type` wherever it is answered, e.g. a
 * group standing in a student's place in a row, whose `student.id` is the
 * group's id and must compare equal with `AssignmentGroup.id`.
 */
export function answerIdAs<T extends object>(object: T, type: string): T {
  idTypeOverrides.set(object, type);
  return object;
}

/** Objects whose student ids are groups' ids (see {@link assessesGroups}). */
const groupAssessed = new WeakSet<object>();

/**
 * Answers the student ids `object` holds (`studentId`, and lists of the
 * assessed such as `ReturnGradesResult.returned`) as ids of AssignmentGroup:
 * in a group assignment, the one assessed is a group.
 */
export function assessesGroups<T extends object>(object: T): T {
  groupAssessed.add(object);
  return object;
}

/** Whether `object`'s student ids are groups' ids. */
export function isGroupAssessed(object: unknown): boolean {
  return typeof object === 'object' && object !== null && groupAssessed.has(object);
}

/** The type `object`'s id is answered as: its override, or `fallback`. */
export function idTypeOf(object: unknown, fallback: string): string {
  return (typeof object === 'object' && object !== null && idTypeOverrides.get(object)) || fallback;
}

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
  const known = decoded !== null && (knownTypes.size === 0 || knownTypes.has(decoded.type));
  if (!decoded || !known || !RAW_ID.test(decoded.raw)) throw badInput(`\`${shown(value)}\` is not a Stagecoach id`, { id: value });
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
// Type names here start with a vowel sound only after A, E, I or O (a User, an Assignment).
const article = (word: string) => (/^[AEIO]/.test(word) ? 'an' : 'a');

/**
 * An error's details as clients read them: the user named in `changedBy` (a
 * refused stale save) and the students in `ungraded` (a refused return of
 * grades) get the global ids the API answers for them, so a client can compare
 * them with the ids it holds. Services keep raw ids.
 */
export function detailsForClients(details: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!details) return {};
  let shown = details;
  const by = details.changedBy as { id?: unknown } | null | undefined;
  if (by && typeof by.id === 'string' && RAW_ID.test(by.id)) shown = { ...shown, changedBy: { ...by, id: toGlobalId('User', by.id) } };
  // The students a return of grades refused (see returnGrades), by the ids their rows answer.
  if (Array.isArray(details.ungraded)) shown = { ...shown, ungraded: details.ungraded.map((id) => (typeof id === 'string' ? toGlobalId('User', id) : id)) };
  return shown;
}
