/**
 * Test helpers: trees described as plain objects, stored in a memory store,
 * and read back as flat maps of leaves (the model the properties speak about).
 */
import fc from 'fast-check';
import { formatPath } from '../../../../core/storage/paths';
import { directoryEntry, EMPTY_TREE_ID, walkTree } from '../../../../core/storage/tree';
import type { EntryKind, TreeEntry, TreeStore } from '../../../../core/storage/types';
import type { ApplyResult, IncomingItem } from '../policy';
import { OUTCOMES } from '../policy';

export type LeafKind = Exclude<EntryKind, 'DIRECTORY'>;
export type Spec = { t: 'leaf'; kind: LeafKind; id: string } | { t: 'dir'; children: Record<string, Spec> };

/** A content id made from a short label, so tests can say `id('A')`. */
export function id(label: string): string {
  return Buffer.from(label).toString('hex').padEnd(64, '0').slice(0, 64);
}

export const file = (label: string): Spec => ({ t: 'leaf', kind: 'FILE', id: id(label) });
export const table = (label: string): Spec => ({ t: 'leaf', kind: 'TABLE', id: id(label) });
export const dir = (children: Record<string, Spec> = {}): Spec => ({ t: 'dir', children });

/** Stores `spec` under `name` and returns its entry. Leaf sizes are fixed at 1 byte. */
export async function put(store: TreeStore, name: string, spec: Spec): Promise<TreeEntry> {
  if (spec.t === 'leaf') return { name, kind: spec.kind, id: spec.id, size: 1 };
  const entries: TreeEntry[] = [];
  for (const [child, childSpec] of Object.entries(spec.children)) entries.push(await put(store, child, childSpec));
  return directoryEntry(name, await store.put(entries), entries);
}

/** Stores a root with the given areas; an absent area is left out of the root. */
export async function putRoot(store: TreeStore, areas: Record<string, Spec | undefined>): Promise<string> {
  const children = Object.fromEntries(Object.entries(areas).filter(([, s]) => s !== undefined)) as Record<string, Spec>;
  if (Object.keys(children).length === 0) return EMPTY_TREE_ID;
  return (await put(store, '', dir(children))).id;
}

/** An item for `spec` at the workspace path `path` (e.g. `files/a/b.txt`). */
export async function item(store: TreeStore, path: string, spec: Spec): Promise<IncomingItem> {
  const segments = path.split('/');
  return { path: segments, entry: await put(store, segments[segments.length - 1], spec) };
}

/** Every leaf below `rootId`: path → `KIND:id`. */
export async function leaves(store: TreeStore, rootId: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for await (const { path, entry } of walkTree(store, rootId)) {
    if (entry.kind !== 'DIRECTORY') out.set(formatPath(path), `${entry.kind}:${entry.id}`);
  }
  return out;
}

/** Every folder path below `rootId`. */
export async function folders(store: TreeStore, rootId: string): Promise<Set<string>> {
  const out = new Set<string>();
  for await (const { path, entry } of walkTree(store, rootId)) {
    if (entry.kind === 'DIRECTORY') out.add(formatPath(path));
  }
  return out;
}

/** The leaves of `spec` placed at `path`, in the same form as {@link leaves}. */
export function specLeaves(path: string, spec: Spec, out = new Map<string, string>()): Map<string, string> {
  if (spec.t === 'leaf') out.set(path, `${spec.kind}:${spec.id}`);
  else for (const [name, child] of Object.entries(spec.children)) specLeaves(`${path}/${name}`, child, out);
  return out;
}

/** Every node path of `spec` placed at `path`, folders included. */
export function specNodes(path: string, spec: Spec, out = new Set<string>()): Set<string> {
  out.add(path);
  if (spec.t === 'dir') for (const [name, child] of Object.entries(spec.children)) specNodes(`${path}/${name}`, child, out);
  return out;
}

/**
 * Asserts what holds for every result: counts are the sums over the outcomes,
 * outcomes are sorted, `changed` says whether the root moved, a failed push moved nothing.
 */
export function expectConsistent(result: ApplyResult, targetRoot: string): void {
  const sums = Object.fromEntries(OUTCOMES.map((o) => [o, 0]));
  for (const o of result.outcomes) sums[o.outcome] += o.files;
  expect(result.counts).toEqual(sums);
  expect(result.changed).toBe(result.root !== targetRoot);
  if (result.failed) {
    expect(result.root).toBe(targetRoot);
    expect(result.outcomes.some((o) => o.outcome === 'CONFLICT')).toBe(true);
  }
  const paths = result.outcomes.map((o) => o.path.split('/'));
  for (let i = 1; i < paths.length; i++) expect(comparePaths(paths[i - 1], paths[i])).toBeLessThanOrEqual(0);
}

function comparePaths(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length - b.length;
}

/** All strict ancestors of a path string (`files/a/b` → `files`, `files/a`). */
export function ancestors(path: string): string[] {
  const segments = path.split('/');
  return segments.slice(1).map((_, i) => segments.slice(0, i + 1).join('/'));
}

// ---- Arbitraries -----------------------------------------------------------

/** Few names, so that incoming and target paths collide often; one with a dot, one without. */
export const NAMES = ['a', 'b', 'c.txt', 'r.csv'] as const;
/** Few contents, so that equal content is common. */
export const POOL = ['A', 'B', 'C'].map(id);

const nameArb = fc.constantFrom(...NAMES);
const leafArb = (kind: LeafKind): fc.Arbitrary<Spec> => fc.constantFrom(...POOL).map((i) => ({ t: 'leaf', kind, id: i }));

/** A folder of files and folders, at most three levels deep. */
export const fileTreeArb: fc.Arbitrary<Spec> = fc.letrec<{ node: Spec; dir: Spec }>((tie) => ({
  node: fc.oneof({ maxDepth: 2, depthIdentifier: 'tree' }, leafArb('FILE'), tie('dir')),
  dir: fc
    .dictionary(nameArb, tie('node'), { maxKeys: 3, depthIdentifier: 'tree' })
    .map((children): Spec => ({ t: 'dir', children })),
})).dir;

const flatArb = (kind: LeafKind): fc.Arbitrary<Spec> =>
  fc.dictionary(nameArb, leafArb(kind), { maxKeys: 3 }).map((children): Spec => ({ t: 'dir', children }));

export interface RootSpec {
  files?: Spec;
  tables?: Spec;
  applications?: Spec;
}

export const rootArb: fc.Arbitrary<RootSpec> = fc.record(
  { files: fileTreeArb, tables: flatArb('TABLE'), applications: flatArb('APPLICATION') },
  { requiredKeys: [] },
);

export interface ItemSpec {
  path: string;
  spec: Spec;
}

const filesItemArb: fc.Arbitrary<ItemSpec> = fc.oneof(
  fileTreeArb.map((spec) => ({ path: 'files', spec })),
  fc
    .tuple(fc.array(nameArb, { minLength: 1, maxLength: 3 }), fc.oneof(leafArb('FILE'), fileTreeArb))
    .map(([segments, spec]) => ({ path: ['files', ...segments].join('/'), spec })),
);

const flatItemArb = (area: 'tables' | 'applications', kind: LeafKind): fc.Arbitrary<ItemSpec> =>
  fc.oneof(
    flatArb(kind).map((spec) => ({ path: area, spec })),
    fc.tuple(nameArb, leafArb(kind)).map(([name, spec]) => ({ path: `${area}/${name}`, spec })),
  );

const itemArb: fc.Arbitrary<ItemSpec> = fc.oneof(
  { weight: 4, arbitrary: filesItemArb },
  { weight: 1, arbitrary: flatItemArb('tables', 'TABLE') },
  { weight: 1, arbitrary: flatItemArb('applications', 'APPLICATION') },
);

/** Items that may repeat, nest and contradict each other. */
export const itemsArb = fc.array(itemArb, { maxLength: 4 });

/** The items that count: of two at one path, only the later. */
export function effective(items: readonly ItemSpec[]): ItemSpec[] {
  return items.filter((x, i) => !items.slice(i + 1).some((y) => y.path === x.path));
}

/** True when no item's path is another's path or ancestor. */
export function isDisjoint(items: readonly ItemSpec[]): boolean {
  return items.every((x, i) => items.every((y, j) => i === j || !(y.path === x.path || y.path.startsWith(x.path + '/'))));
}

/** Items that neither repeat nor nest. */
export const disjointItemsArb = itemsArb.filter(isDisjoint);

export async function putItems(store: TreeStore, specs: readonly ItemSpec[]): Promise<IncomingItem[]> {
  const out: IncomingItem[] = [];
  for (const s of specs) out.push(await item(store, s.path, s.spec));
  return out;
}

/** The incoming leaves of disjoint items. */
export function incomingLeaves(specs: readonly ItemSpec[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of specs) specLeaves(s.path, s.spec, out);
  return out;
}

/** Every path the incoming items occupy, folders and implied parent folders included. */
export function incomingNodes(specs: readonly ItemSpec[]): Set<string> {
  const out = new Set<string>();
  for (const s of specs) {
    for (const a of ancestors(s.path)) out.add(a);
    specNodes(s.path, s.spec, out);
  }
  return out;
}
