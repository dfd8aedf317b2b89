/**
 * APPLICATION objects: a validated configuration of a working environment
 * (image, packages, environment, resources, start command, ports), stored as
 * a blob of canonical JSON so equal configurations have equal ids.
 */
import { z } from 'zod';
import { badInput } from '../../core/errors';
import { canonicalJson } from '../../core/util/canonical-json';
import { isImageReference } from './image-reference';

/** The package managers a configuration can install from. */
export const PACKAGE_MANAGERS = ['pip', 'conda', 'cran', 'apt', 'npm'] as const;

/** A package manager. */
export type PackageManager = (typeof PACKAGE_MANAGERS)[number];

/** One package to install, pinned to a version. */
export interface ApplicationPackage {
  name: string;
  version: string;
  manager: PackageManager;
}

/**
 * A validated application configuration. Packages are sorted by manager then
 * name and ports ascending, since their order carries no meaning and equal
 * configurations must encode to equal bytes; `startCommand` keeps its order.
 */
export interface ApplicationConfig {
  /** Container image reference, e.g. `jupyter/scipy-notebook:2024-05-01`. */
  image: string;
  packages: ApplicationPackage[];
  /** Variable names match `/^[A-Za-z_][A-Za-z0-9_]*$/`. */
  environment: Record<string, string>;
  /** cpu 0.25 to 64 in steps of 0.25; memoryMiB 256 to 262144; gpu 0 to 8. */
  resources: { cpu: number; memoryMiB: number; gpu: number };
  /** The program and its arguments (argv), not a shell line. */
  startCommand: string[];
  /** Distinct ports 1 to 65535. */
  ports: number[];
}

/** One problem with a configuration: the field path (`resources.memoryMiB`) and what is wrong. */
export interface ApplicationIssue {
  field: string;
  message: string;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
// NUL cannot appear in an environment value or an argument (C strings end at it).
const noNul = (s: string) => !s.includes('\0');
const token = (what: string) =>
  z.string().min(1, 'is required').regex(/^\S+$/, `must be a ${what} without spaces`);

/**
 * pip treats `Foo_Bar`, `foo-bar` and `foo.bar` as one project (PEP 503), so
 * they are duplicates; other managers compare names exactly.
 */
const packageKey = ({ manager, name }: { manager: string; name: string }) =>
  `${manager}\u0000${manager === 'pip' ? name.toLowerCase().replace(/[-_.]+/g, '-') : name}`;

const packageSchema = z.strictObject({
  name: token('package name'),
  version: token('version'),
  manager: z.enum(PACKAGE_MANAGERS),
});

const resourcesSchema = z.strictObject({
  cpu: z
    .number()
    .min(0.25)
    .max(64)
    // Exact in binary floating point, unlike a remainder by 0.25 on odd inputs.
    .refine((cpu) => Number.isInteger(cpu * 4), 'must be a multiple of 0.25'),
  memoryMiB: z.number().int('must be a whole number of MiB').min(256).max(262144),
  gpu: z.number().int('must be a whole number').min(0).max(8).default(0),
});

const applicationSchema = z.strictObject({
  image: z
    .string()
    .min(1, 'is required')
    .refine(
      isImageReference,
      "is not a valid image reference (e.g. 'jupyter/scipy-notebook:2024-05-01' or 'registry.example.org/team/rstudio@sha256:<64 hex digits>')",
    ),
  packages: z
    .array(packageSchema)
    .default(() => [])
    .superRefine((packages, ctx) => {
      const seen = new Map<string, number>();
      packages.forEach((pkg, i) => {
        const key = packageKey(pkg);
        const first = seen.get(key);
        if (first === undefined) seen.set(key, i);
        else {
          ctx.addIssue({
            code: 'custom',
            path: [i],
            input: pkg,
            message: `duplicates ${pkg.manager} package '${pkg.name}' (packages[${first}])`,
          });
        }
      });
    }),
  environment: z
    .record(
      z.string().regex(ENV_NAME, 'is not a valid variable name (letters, digits and _, not starting with a digit)'),
      z.string().refine(noNul, 'must not contain a NUL character'),
    )
    .default(() => ({})),
  resources: resourcesSchema,
  startCommand: z
    .array(z.string().min(1, 'must not be empty').refine(noNul, 'must not contain a NUL character'))
    .min(1, 'must name the program to run'),
  ports: z
    .array(z.number().int('must be a whole number').min(1).max(65535))
    .default(() => [])
    .superRefine((ports, ctx) => {
      const seen = new Map<number, number>();
      ports.forEach((port, i) => {
        const first = seen.get(port);
        if (first === undefined) seen.set(port, i);
        else {
          ctx.addIssue({ code: 'custom', path: [i], input: port, message: `duplicates port ${port} (ports[${first}])` });
        }
      });
    }),
});

/** Field names of each strict object, to list them when an unknown one is sent. */
function knownFields(path: readonly PropertyKey[]): readonly string[] {
  if (path.length === 0) return Object.keys(applicationSchema.shape);
  if (path.length === 1 && path[0] === 'resources') return Object.keys(resourcesSchema.shape);
  if (path.length === 2 && path[0] === 'packages') return Object.keys(packageSchema.shape);
  return [];
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `resources.memoryMiB`, `packages[2].version`, `environment["MY-VAR"]`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && IDENTIFIER.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

function describeInput(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'number') return Number.isFinite(input) ? 'a number' : String(input);
  if (typeof input === 'object') return 'an object';
  if (typeof input === 'string') return 'a string';
  return `a ${typeof input}`;
}

const EXPECTED: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a string',
  array: 'a list',
  object: 'an object',
  record: 'an object',
  boolean: 'true or false',
};

/** Loose view of zod's raw issue, enough to word messages in the user's terms. */
interface RawIssue {
  code?: string;
  input?: unknown;
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  values?: readonly unknown[];
}

/** Messages for issues whose schema does not word its own. */
function defaultMessage(issue: RawIssue): string | undefined {
  const { code, origin } = issue;
  if (code === 'invalid_type') {
    if (issue.input === undefined) return 'is required';
    return `must be ${EXPECTED[issue.expected ?? ''] ?? issue.expected}, not ${describeInput(issue.input)}`;
  }
  if (code === 'too_small' || code === 'too_big') {
    const small = code === 'too_small';
    const bound = Number(small ? issue.minimum : issue.maximum);
    if (origin === 'number') {
      if (issue.inclusive === false) return `must be ${small ? 'greater' : 'less'} than ${bound}`;
      return `must be at ${small ? 'least' : 'most'} ${bound}`;
    }
    if (small && bound === 1) return 'must not be empty';
    const unit = origin === 'string' ? 'characters' : 'items';
    return `must have at ${small ? 'least' : 'most'} ${bound} ${unit}`;
  }
  if (code === 'invalid_value') return `must be one of ${(issue.values ?? []).map(String).join(', ')}`;
  return undefined;
}

/**
 * One issue per field: zod runs every check of a field even after one fails,
 * and "is required" followed by "must be a version without spaces" for the
 * same empty string only adds noise. The first check is the most basic one.
 */
function collectIssues(error: z.ZodError): ApplicationIssue[] {
  const issues: ApplicationIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = knownFields(issue.path);
      const hint = known.length > 0 ? ` (known fields: ${known.join(', ')})` : '';
      for (const key of issue.keys) {
        issues.push({ field: formatFieldPath([...issue.path, key]), message: `is not a known field${hint}` });
      }
    } else if (issue.code === 'invalid_key') {
      issues.push({ field: formatFieldPath(issue.path), message: issue.issues[0]?.message ?? issue.message });
    } else {
      issues.push({ field: formatFieldPath(issue.path), message: issue.message });
    }
  }
  const seen = new Set<string>();
  return issues.filter(({ field }) => !seen.has(field) && seen.add(field));
}

/**
 * zod's record parsing drops a `__proto__` key (it cannot be assigned as a
 * plain property), which would silently lose a variable; refuse it instead.
 */
function protoKeyIssues(input: unknown): ApplicationIssue[] {
  if (typeof input !== 'object' || input === null) return [];
  const environment = (input as { environment?: unknown }).environment;
  if (typeof environment !== 'object' || environment === null || !Object.hasOwn(environment, '__proto__')) return [];
  return [{ field: 'environment.__proto__', message: 'is a reserved name and cannot be a variable' }];
}

const MAX_LISTED_ISSUES = 10;

function toError(issues: ApplicationIssue[]) {
  const listed = issues
    .slice(0, MAX_LISTED_ISSUES)
    .map(({ field, message }) => (field ? `${field}: ${message}` : `the configuration ${message}`));
  const more = issues.length > MAX_LISTED_ISSUES ? `; and ${issues.length - MAX_LISTED_ISSUES} more` : '';
  return badInput(`${listed.join('; ')}${more}`, { field: issues[0].field, issues });
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Validates an application configuration and returns it with defaults filled
 * in (packages `[]`, environment `{}`, ports `[]`, gpu 0), packages sorted by
 * manager then name and ports ascending. Unknown fields are refused at every
 * level, so a misspelt field is reported rather than ignored.
 *
 * @throws DomainError BAD_USER_INPUT whose message names each offending field
 *   (`resources.memoryMiB: must be at least 256`), with details
 *   `{ field: <first field path>, issues: [{ field, message }, ...] }`.
 */
export function validateApplication(input: unknown): ApplicationConfig {
  const result = applicationSchema.safeParse(input, { error: (issue) => defaultMessage(issue as RawIssue) });
  const issues = [...protoKeyIssues(input), ...(result.success ? [] : collectIssues(result.error))];
  if (issues.length > 0 || !result.success) throw toError(issues);
  const config = result.data;
  return {
    image: config.image,
    packages: [...config.packages].sort(
      (a, b) => byCodeUnits(a.manager, b.manager) || byCodeUnits(a.name, b.name),
    ),
    environment: config.environment,
    resources: config.resources,
    startCommand: config.startCommand,
    ports: [...config.ports].sort((a, b) => a - b),
  };
}

/**
 * The canonical encoding: the validated configuration as JSON with keys
 * sorted at every depth, packages sorted by manager then name, ports
 * ascending and no whitespace. Equal configurations, whatever their key or
 * list order, give equal bytes.
 *
 * @throws DomainError BAD_USER_INPUT when the configuration is invalid.
 */
export function encodeApplication(config: ApplicationConfig): Buffer {
  return Buffer.from(canonicalJson(validateApplication(config)), 'utf8');
}

/**
 * Decodes and re-validates a stored configuration.
 *
 * @throws DomainError BAD_USER_INPUT when the bytes are not UTF-8 JSON of a valid configuration.
 */
export function decodeApplication(data: Buffer): ApplicationConfig {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(data));
  } catch {
    throw badInput('the application object is corrupt: it is not UTF-8 JSON');
  }
  return validateApplication(parsed);
}
