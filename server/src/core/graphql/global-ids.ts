import { MapperKind, mapSchema } from '@graphql-tools/utils';
import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  GraphQLID,
  GraphQLInterfaceType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLFieldConfig,
  type GraphQLFieldResolver,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { idTypeOf, isGroupAssessed, rawIdOf, registerIdTypes, toGlobalId } from './global-id';
import { AUDIT_SUBJECT_TYPES, ID_ARGUMENTS, ID_FIELDS } from './id-fields';
import type { MiddlewareFn } from 'type-graphql';
import { badInput, DomainError } from '../errors';
import { toGraphQLError } from './guards';

type Encode = (value: string, source: unknown) => string;
/** Decodes the ids in a value; `path` names where it sits inside an input object ('' for an argument). */
type Decode = (value: unknown, path: string) => unknown;

const IN_PROGRESS: Decode = (value) => value;

const join = (path: string, name: string) => (path ? `${path}.${name}` : name);

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

const isId = (type: GraphQLOutputType | GraphQLInputType) => getNamedType(type) === GraphQLID;

/** The object types answered as `Node`: every object type with an `id: ID!` of its own. */
export function nodeTypeNames(schema: GraphQLSchema): Set<string> {
  const names = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || ROOT_TYPES.has(type.name) || !('getInterfaces' in type) || !('getFields' in type)) continue;
    const id = (type as GraphQLObjectType).getFields().id;
    if (id && isNonNullType(id.type) && id.type.ofType === GraphQLID) names.add(type.name);
  }
  return names;
}

function typesOf(key: string, name: string): readonly string[] {
  const types = ID_FIELDS[key] ?? ID_FIELDS[name];
  if (!types) {
    throw new Error(
      `${key} is an ID field that no table names the type of: add it to ID_FIELDS in server/src/core/graphql/id-fields.ts, so it is answered and read as a global id`,
    );
  }
  return types;
}

/**
 * The type a row's `studentId` names: the one assessed is a user, or in a
 * group assignment the group, which a row shows by its stand-in `student`
 * (status rows and their events) or a hand-in by its members.
 */
function assessedTypeOf(source: unknown): string {
  const row = source as { student?: unknown; row?: { student?: unknown } | null; groupMemberIds?: unknown } | null;
  if (!row || typeof row !== 'object') return 'User';
  if (Array.isArray(row.groupMemberIds) || isGroupAssessed(row)) return 'AssignmentGroup';
  return idTypeOf(row.student ?? row.row?.student, 'User');
}

/** How an ID output field's raw value becomes a global id. */
function encoderOf(typeName: string, fieldName: string): Encode {
  if (fieldName === 'id' && !ROOT_TYPES.has(typeName) && !ID_FIELDS[`${typeName}.id`]) return (raw, source) => toGlobalId(idTypeOf(source, typeName), raw);
  // The one assessed: a user, or in group work a group (also in lists of them, such as ReturnGradesResult.returned).
  if (fieldName === 'studentId' || ID_FIELDS[`${typeName}.${fieldName}`]?.includes('AssignmentGroup')) return (raw, source) => toGlobalId(assessedTypeOf(source), raw);
  if (`${typeName}.${fieldName}` === 'AuditEvent.subjectId') {
    return (raw, source) => {
      const type = AUDIT_SUBJECT_TYPES[(source as { subjectType?: string }).subjectType ?? ''];
      return type ? toGlobalId(type, raw) : raw;
    };
  }
  const [type] = typesOf(`${typeName}.${fieldName}`, fieldName);
  if (!type) throw new Error(`${typeName}.${fieldName}: an answered id needs one type to be encoded with`);
  return (raw) => toGlobalId(type, raw);
}

function encodeValue(value: unknown, source: unknown, encode: Encode): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map((item) => encodeValue(item, source, encode));
  return encode(String(value), source);
}

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';

function encodingResolver(resolve: GraphQLFieldResolver<unknown, unknown>, encode: Encode): GraphQLFieldResolver<unknown, unknown> {
  return (source, args, context, info) => {
    const value = resolve(source, args, context, info);
    if (isPromiseLike(value)) return value.then((settled) => encodeValue(settled, source, encode));
    return encodeValue(value, source, encode);
  };
}

/** An id inside an input object is refused naming where it sits, like the services' own checks ("criteria[0].id: ..."). */
function rawIdAt(value: string, expected: readonly string[], path: string): string {
  try {
    return rawIdOf(value, expected);
  } catch (error) {
    if (!path || !(error instanceof DomainError)) throw error;
    throw badInput(`${path}: ${error.message}`, { ...error.details, field: path });
  }
}

/**
 * A decoder for values of `type`, or null when no ID can occur in them (the
 * common case, which then costs nothing per request). Input objects are
 * planned once, cycles included.
 */
function decoderOf(type: GraphQLInputType, expected: readonly string[] | null, plans: Map<string, Decode | null>, key: string): Decode | null {
  const inner = getNullableType(type);
  if (isListType(inner)) {
    const item = decoderOf(inner.ofType, expected, plans, key);
    return item && ((value, path) => (Array.isArray(value) ? value.map((v, i) => item(v, path ? `${path}[${i}]` : '')) : item(value, path)));
  }
  if (inner === GraphQLID) {
    if (!expected) throw new Error(`${key}: no type for this id`);
    return (value, path) => (typeof value === 'string' ? rawIdAt(value, expected, path) : value);
  }
  if (!isInputObjectType(inner)) return null;
  if (plans.has(inner.name)) {
    const planned = plans.get(inner.name);
    // A type that contains itself: decode through the plan once it is made.
    if (planned === IN_PROGRESS) return (value, path) => (plans.get(inner.name) ?? ((v: unknown) => v))(value, path);
    return planned ?? null;
  }
  plans.set(inner.name, IN_PROGRESS);
  const fields: [string, Decode][] = [];
  let hasIds = false;
  for (const field of Object.values(inner.getFields())) {
    const fieldKey = `${inner.name}.${field.name}`;
    const decode = decoderOf(field.type, isId(field.type) ? typesOf(fieldKey, field.name) : null, plans, fieldKey);
    if (decode) {
      fields.push([field.name, decode]);
      hasIds = true;
    }
  }
  const plan: Decode | null = hasIds
    ? (value, path) => {
        if (value === null || typeof value !== 'object') return value;
        const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
        for (const [name, decode] of fields) if (copy[name] !== undefined && copy[name] !== null) copy[name] = decode(copy[name], join(path, name));
        return copy;
      }
    : null;
  plans.set(inner.name, plan);
  return plan;
}

/** Fields that read global ids themselves: any type is theirs to resolve. */
const SELF_DECODING = new Set(['Query.node', 'Query.nodes']);

function argumentsDecoder(typeName: string, fieldName: string, args: readonly GraphQLArgument[], plans: Map<string, Decode | null>) {
  if (SELF_DECODING.has(`${typeName}.${fieldName}`)) return null;
  const decoders: [string, Decode][] = [];
  for (const arg of args) {
    const key = `${typeName}.${fieldName}.${arg.name}`;
    let expected: readonly string[] | null = null;
    if (isId(arg.type)) {
      const idOf = arg.name === 'id' ? ID_ARGUMENTS[`${typeName}.${fieldName}`] : undefined;
      if (arg.name === 'id' && !idOf && !ID_FIELDS[key]) {
        throw new Error(`${key} is an id argument that no table names the type of: add it to ID_ARGUMENTS in server/src/core/graphql/id-fields.ts`);
      }
      expected = idOf ? [idOf] : typesOf(key, arg.name);
    }
    const decode = decoderOf(arg.type, expected, plans, key);
    if (decode) decoders.push([arg.name, decode]);
  }
  if (decoders.length === 0) return null;
  return (args: Record<string, unknown>) => {
    const decoded = { ...args };
    for (const [name, decode] of decoders) if (decoded[name] !== undefined && decoded[name] !== null) decoded[name] = decode(decoded[name], '');
    return decoded;
  };
}

export type ArgumentDecoders = Map<string, (args: Record<string, unknown>) => Record<string, unknown>>;

/**
 * Decodes the id arguments of a field (see {@link globalIds}), once the
 * caller has been let in: an unauthenticated call is refused as such, not for
 * its ids. Runs after DefaultDeny among type-graphql's middlewares, which read
 * the arguments only after every middleware has run.
 */
export function decodeIdArguments(decoders: ArgumentDecoders): MiddlewareFn {
  return (action, next) => {
    const decode = decoders.get(`${action.info.parentType.name}.${action.info.fieldName}`);
    if (decode) action.args = decode(action.args);
    return next();
  };
}

function decodingSubscribe(
  subscribe: GraphQLFieldResolver<unknown, unknown>,
  decode: (args: Record<string, unknown>) => Record<string, unknown>,
): GraphQLFieldResolver<unknown, unknown> {
  return (source, args, context, info) => {
    let decoded: Record<string, unknown>;
    try {
      decoded = decode(args);
    } catch (error) {
      // type-graphql's middlewares do not run on subscribe: map the domain error here.
      throw toGraphQLError(error);
    }
    return subscribe(source, decoded, context, info);
  };
}

/**
 * Makes every id in the schema a global id (see global-id.ts), in one place
 * instead of on each of the schema's ID fields:
 * - every object type with an `id: ID!` implements the `Node` interface;
 * - ID output fields answer global ids, typed by the table in id-fields.ts;
 * - ID arguments and ID fields of input objects accept global and raw ids,
 *   refuse forged and cross-type ones with BAD_USER_INPUT before the
 *   resolver runs, and reach resolvers and services as raw ids: `decoders`
 *   receives a decoder per field with ids among its arguments, which
 *   {@link decodeIdArguments} applies.
 * Throws, naming the field, when an ID field or argument is missing from the tables.
 */
export function globalIds(schema: GraphQLSchema, decoders: ArgumentDecoders): GraphQLSchema {
  const nodeInterface = schema.getType('Node');
  if (!(nodeInterface instanceof GraphQLInterfaceType)) throw new Error('the schema has no Node interface (node.resolver.ts)');
  const nodes = nodeTypeNames(schema);
  registerIdTypes(nodes);
  const plans = new Map<string, Decode | null>();
  return mapSchema(schema, {
    [MapperKind.OBJECT_TYPE]: (type) => {
      if (!nodes.has(type.name)) return type;
      const config = type.toConfig();
      return new (type.constructor as typeof GraphQLObjectType)({ ...config, interfaces: [...config.interfaces, nodeInterface] });
    },
    [MapperKind.COMPOSITE_FIELD]: (field: GraphQLFieldConfig<unknown, unknown>, fieldName, typeName) => {
      let { resolve, subscribe } = field;
      const decode = argumentsDecoder(typeName, fieldName, argumentsOf(schema, typeName, fieldName), plans);
      if (decode) {
        if (subscribe) subscribe = decodingSubscribe(subscribe, decode);
        decoders.set(`${typeName}.${fieldName}`, decode);
      }
      if (isId(field.type) && !(typeName === 'Node')) {
        resolve = encodingResolver(resolve ?? defaultFieldResolver, encoderOf(typeName, fieldName));
      }
      return resolve === field.resolve && subscribe === field.subscribe ? field : { ...field, resolve, subscribe };
    },
  });
}

function argumentsOf(schema: GraphQLSchema, typeName: string, fieldName: string): readonly GraphQLArgument[] {
  const type = schema.getType(typeName) as GraphQLObjectType | GraphQLInterfaceType;
  return type.getFields()[fieldName]?.args ?? [];
}
