/**
 * Properties of apply, revert and retract over random trees and items. Names
 * and contents come from small pools, so collisions, equal content and
 * file-meets-folder cases are frequent.
 */
import fc from 'fast-check';
import { DomainError } from '../../../../core/errors';
import { createMemoryTreeStore, type MemoryTreeStore } from '../../../../core/storage/memory-tree-store';
import { editTree, getEntry, type TreeEdit } from '../../../../core/storage/tree';
import type { EntryKind } from '../../../../core/storage/types';
import { applyItems } from '../apply';
import { copyName } from '../copy-names';
import { POLICIES, type ApplyResult, type IncomingItem, type Policies, type Policy } from '../policy';
import { retractItems } from '../retract';
import { revertChange } from '../revert';
import {
  ancestors,
  disjointItemsArb,
  effective,
  expectConsistent,
  folders,
  incomingLeaves,
  incomingNodes,
  isDisjoint,
  itemsArb,
  leaves,
  NAMES,
  POOL,
  putItems,
  putRoot,
  rootArb,
  specLeaves,
  type ItemSpec,
  type RootSpec,
} from './trees';

const policyArb = fc.constantFrom(...POLICIES);
const policiesArb: fc.Arbitrary<Policies> = fc.record(
  { default: policyArb, files: policyArb, tables: policyArb, applications: policyArb },
  { requiredKeys: ['default'] },
);
/** A random answer per path to "what was last delivered here", often equal to what the target holds. */
const lastDeliveredArb = fc.func(fc.option(fc.constantFrom(...POOL), { nil: undefined }));

interface Setup {
  store: MemoryTreeStore;
  target: string;
  items: IncomingItem[];
}

async function setup(root: RootSpec, specs: readonly ItemSpec[]): Promise<Setup> {
  const store = createMemoryTreeStore();
  return { store, target: await putRoot(store, { ...root }), items: await putItems(store, specs) };
}

async function apply(
  { store, items }: Setup,
  root: string,
  policies: Policy | Policies,
  lastDelivered?: (path: string) => string | undefined,
): Promise<ApplyResult> {
  const result = await applyItems(store, root, items, {
    policies: typeof policies === 'string' ? { default: policies } : policies,
    lastDelivered: lastDelivered && (async (path) => lastDelivered(path.join('/'))),
  });
  expectConsistent(result, root);
  return result;
}

/** True when `value` sits at leaf path `q` in `tree`, or in a KEEP_BOTH copy of `q` or of one of its folders. */
function presentOrCopied(tree: Map<string, string>, q: string, value: string): boolean {
  if (tree.get(q) === value) return true;
  const segments = q.split('/');
  for (let k = segments.length; k >= 2; k--) {
    const folder = k < segments.length;
    for (let n = 1; n <= 8; n++) {
      const copy = [...segments.slice(0, k - 1), copyName(segments[k - 1], folder, n), ...segments.slice(k)];
      if (tree.get(copy.join('/')) === value) return true;
    }
  }
  return false;
}

/** Every value each path receives from any item (items may overlap). */
function incomingValues(specs: readonly ItemSpec[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const s of effective(specs)) {
    for (const [path, value] of specLeaves(s.path, s.spec)) out.set(path, (out.get(path) ?? new Set()).add(value));
  }
  return out;
}

/** A recipient's edits: change or delete some leaves, add a few files. */
const editsArb = fc.record({
  changes: fc.array(fc.record({ pick: fc.nat(), remove: fc.boolean(), id: fc.constantFrom(...POOL) }), { maxLength: 4 }),
  additions: fc.array(
    fc.record({ segments: fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 3 }), id: fc.constantFrom(...POOL) }),
    { maxLength: 2 },
  ),
});
type Edits = typeof editsArb extends fc.Arbitrary<infer T> ? T : never;

async function applyEdits(store: MemoryTreeStore, root: string, edits: Edits): Promise<string> {
  const existing = [...(await leaves(store, root))].sort(([a], [b]) => (a < b ? -1 : 1));
  const batch: TreeEdit[] = [];
  for (const change of edits.changes) {
    if (existing.length === 0) break;
    const [path, value] = existing[change.pick % existing.length];
    const segments = path.split('/');
    const kind = value.split(':')[0] as EntryKind;
    const name = segments[segments.length - 1];
    batch.push({ path: segments, entry: change.remove ? null : { name, kind, id: change.id, size: 1 } });
  }
  let current = await editTree(store, root, batch);
  for (const addition of edits.additions) {
    const segments = ['files', ...addition.segments];
    const entry = { name: segments[segments.length - 1], kind: 'FILE' as const, id: addition.id, size: 1 };
    try {
      current = await editTree(store, current, [{ path: segments, entry }]);
    } catch (error) {
      // A path through an existing file is not an edit a recipient can make; skip it.
      if (!(error instanceof DomainError && error.code === 'CONFLICT')) throw error;
    }
  }
  return current;
}

const params = { numRuns: 150 };

describe('applyItems properties', () => {
  it('OVERWRITE: every incoming leaf is in the result, and target leaves nothing incoming touches are kept', async () => {
    await fc.assert(
      fc.asyncProperty(rootArb, disjointItemsArb, async (root, specs) => {
        const s = await setup(root, specs);
        const result = await apply(s, s.target, 'OVERWRITE');
        const [before, after] = [await leaves(s.store, s.target), await leaves(s.store, result.root)];
        const incoming = incomingLeaves(specs);
        const nodes = incomingNodes(specs);
        for (const [q, value] of incoming) expect(after.get(q)).toBe(value);
        for (const [p, value] of before) {
          const touched = nodes.has(p) || ancestors(p).some((a) => incoming.has(a));
          if (!touched) expect(after.get(p)).toBe(value);
        }
        for (const [p, value] of after) expect([incoming.get(p), before.get(p)]).toContain(value);
      }),
      params,
    );
  });

  it('SKIP_EXISTING: no existing leaf changes; incoming leaves land where the target has nothing', async () => {
    await fc.assert(
      fc.asyncProperty(rootArb, itemsArb, async (root, specs) => {
        const s = await setup(root, specs);
        const result = await apply(s, s.target, 'SKIP_EXISTING');
        const [before, after] = [await leaves(s.store, s.target), await leaves(s.store, result.root)];
        for (const [p, value] of before) expect(after.get(p)).toBe(value);
        const values = incomingValues(specs);
        for (const [p, value] of after) if (before.get(p) !== value) expect(values.get(p)?.has(value)).toBe(true);
        if (isDisjoint(specs)) {
          const targetFolders = await folders(s.store, s.target);
          for (const [q, value] of incomingLeaves(specs)) {
            const free = !before.has(q) && !targetFolders.has(q) && !ancestors(q).some((a) => before.has(a));
            if (free) expect(after.get(q)).toBe(value);
          }
        }
      }),
      params,
    );
  });

  it('KEEP_BOTH loses neither side: target leaves unchanged, every incoming content at its path or in a copy beside it', async () => {
    await fc.assert(
      fc.asyncProperty(rootArb, itemsArb, async (root, specs) => {
        const s = await setup(root, specs);
        const result = await apply(s, s.target, 'KEEP_BOTH');
        const [before, after] = [await leaves(s.store, s.target), await leaves(s.store, result.root)];
        for (const [p, value] of before) expect(after.get(p)).toBe(value);
        for (const [q, values] of incomingValues(specs)) {
          for (const value of values) expect(presentOrCopied(after, q, value)).toBe(true);
        }
        for (const o of result.outcomes) if (o.outcome === 'COPIED') expect(o.copiedTo).toMatch(/ \(incoming( \d+)?\)/);
      }),
      params,
    );
  });

  it('FAIL: any difference leaves the root identical and lists it; otherwise the result is what OVERWRITE gives', async () => {
    await fc.assert(
      fc.asyncProperty(rootArb, itemsArb, async (root, specs) => {
        const s = await setup(root, specs);
        const result = await apply(s, s.target, 'FAIL');
        const overwrite = await apply(s, s.target, 'OVERWRITE');
        const differs = overwrite.outcomes.some((o) => o.outcome === 'REPLACED');
        expect(result.failed).toBe(differs);
        if (differs) {
          expect(result.root).toBe(s.target);
          expect(result.changed).toBe(false);
          expect(result.counts.CONFLICT).toBeGreaterThan(0);
        } else {
          expect(result.root).toBe(overwrite.root);
        }
      }),
      params,
    );
  });

  it('MIRROR: each pushed path holds exactly its incoming content (later items over earlier)', async () => {
    await fc.assert(
      fc.asyncProperty(rootArb, itemsArb, async (root, specs) => {
        const s = await setup(root, specs);
        const result = await apply(s, s.target, 'MIRROR');
        const after = await leaves(s.store, result.root);
        // The model: each item sets its path, replacing whatever was there or in the way.
        const wanted = new Map<string, string>();
        for (const spec of specs) {
          for (const p of [...wanted.keys()]) {
            if (p === spec.path || p.startsWith(spec.path + '/') || ancestors(spec.path).includes(p)) wanted.delete(p);
          }
          for (const [p, value] of specLeaves(spec.path, spec.spec)) wanted.set(p, value);
        }
        const under = (m: Map<string, string>, q: string) => new Map([...m].filter(([p]) => p === q || p.startsWith(q + '/')));
        for (const { path } of specs) expect(under(after, path)).toEqual(under(wanted, path));
      }),
      params,
    );
  });

  it.each(POLICIES)('%s: entries outside the pushed paths are unchanged', async (policy) => {
    await fc.assert(
      fc.asyncProperty(rootArb, itemsArb, lastDeliveredArb, async (root, specs, lastDelivered) => {
        const s = await setup(root, specs);
        const result = await apply(s, s.target, policy, lastDelivered);
        const [after, foldersAfter] = [await leaves(s.store, result.root), await folders(s.store, result.root)];
        const pushed = specs.map((x) => x.path);
        // Inside a pushed path, or a leaf standing where a pushed path needs a folder.
        const reached = (p: string) => pushed.some((q) => p === q || p.startsWith(q + '/') || ancestors(q).includes(p));
        for (const [p, value] of await leaves(s.store, s.target)) if (!reached(p)) expect([p, after.get(p)]).toEqual([p, value]);
        for (const f of await folders(s.store, s.target)) if (!reached(f)) expect([f, foldersAfter.has(f)]).toEqual([f, true]);
      }),
      params,
    );
  });

  it('PRESERVE_EDITS never destroys an edit: a leaf differing from what was last delivered stays at its path', async () => {
    await fc.assert(
      fc.asyncProperty(rootArb, disjointItemsArb, lastDeliveredArb, async (root, specs, lastDelivered) => {
        const s = await setup(root, specs);
        const result = await apply(s, s.target, 'PRESERVE_EDITS', lastDelivered);
        const [before, after] = [await leaves(s.store, s.target), await leaves(s.store, result.root)];
        for (const [p, value] of before) {
          if (value.split(':')[1] !== lastDelivered(p)) expect(after.get(p)).toBe(value);
        }
        for (const [q, value] of incomingLeaves(specs)) expect(presentOrCopied(after, q, value)).toBe(true);
      }),
      params,
    );
  });

  it.each(POLICIES)("%s: a replaced or removed entry is the recipient's own exactly when it differs from what was last delivered", async (policy) => {
    await fc.assert(
      fc.asyncProperty(rootArb, disjointItemsArb, lastDeliveredArb, async (root, specs, lastDelivered) => {
        const s = await setup(root, specs);
        const result = await apply(s, s.target, policy, lastDelivered);
        for (const o of result.outcomes) {
          if (o.outcome !== 'REPLACED' && o.outcome !== 'REMOVED') continue;
          const current = await getEntry(s.store, s.target, o.path.split('/'));
          const delivered = lastDelivered(o.path);
          expect([o.path, o.edited]).toEqual([o.path, delivered === undefined || current?.id !== delivered]);
        }
      }),
      params,
    );
  });

  it.each(POLICIES)('%s: pushing the same items twice changes nothing the second time', async (policy) => {
    // Contradicting overlapping items make PRESERVE_EDITS alternate by design (each one is the other's edit).
    const items = policy === 'PRESERVE_EDITS' ? disjointItemsArb : itemsArb;
    await fc.assert(
      fc.asyncProperty(rootArb, items, lastDeliveredArb, async (root, specs, lastDelivered) => {
        const s = await setup(root, specs);
        const first = await apply(s, s.target, policy, lastDelivered);
        const puts = s.store.puts;
        const second = await apply(s, first.root, policy, lastDelivered);
        expect(second.root).toBe(first.root);
        expect(second.changed).toBe(false);
        expect(s.store.puts).toBe(puts);
      }),
      params,
    );
  });

  it('a pushed subtree that the target lacks or already holds is one outcome', async () => {
    await fc.assert(
      fc.asyncProperty(rootArb, disjointItemsArb, policyArb, async (root, specs, policy) => {
        const s = await setup({ tables: root.tables }, specs);
        const result = await apply(s, s.target, policy);
        const files = specs.filter((x) => x.path.startsWith('files'));
        if (files.length > 0) {
          // The target has no files area: one ADDED outcome per item.
          const added = result.outcomes.filter((o) => o.path.startsWith('files'));
          expect(added.every((o) => o.outcome === 'ADDED')).toBe(true);
          expect(added.length).toBe(files.length);
        }
        const again = await apply(s, result.root, policy);
        if (!result.failed && files.length > 0) {
          // Pushed again, each item is one UNCHANGED outcome.
          const same = again.outcomes.filter((o) => o.path.startsWith('files'));
          expect(same.every((o) => o.outcome === 'UNCHANGED')).toBe(true);
          expect(same.length).toBe(files.length);
        }
      }),
      params,
    );
  });
});

describe('revertChange properties', () => {
  it('with no edits in between, reverting any push gives back the root before it', async () => {
    await fc.assert(
      fc.asyncProperty(rootArb, itemsArb, policiesArb, lastDeliveredArb, async (root, specs, policies, lastDelivered) => {
        const s = await setup(root, specs);
        const pushed = await apply(s, s.target, policies, lastDelivered);
        const undone = await revertChange(s.store, pushed.root, s.target, pushed.root);
        expect(undone.root).toBe(s.target);
        expect(undone.kept).toEqual([]);
      }),
      params,
    );
  });

  it("reverts what still holds the pushed value and keeps every recipient's edit", async () => {
    await fc.assert(
      fc.asyncProperty(rootArb, itemsArb, policyArb, editsArb, async (root, specs, policy, edits) => {
        const s = await setup(root, specs);
        const pushed = await apply(s, s.target, policy);
        const edited = await applyEdits(s.store, pushed.root, edits);
        const undone = await revertChange(s.store, edited, s.target, pushed.root);

        const [B, A, C, R] = await Promise.all([s.target, pushed.root, edited, undone.root].map((r) => leaves(s.store, r)));
        const all = new Set([...B.keys(), ...A.keys(), ...C.keys(), ...R.keys()]);
        const editedAt = (p: string) => C.get(p) !== A.get(p);
        for (const p of all) {
          const revert = B.get(p) !== A.get(p) && C.get(p) === A.get(p);
          if (!revert) {
            expect([p, R.get(p)]).toEqual([p, C.get(p)]);
            continue;
          }
          // A recipient's file on the way, or changes inside p, make p impossible to restore.
          const blocked =
            ancestors(p).some((q) => C.has(q) && editedAt(q)) || [...all].some((r) => r.startsWith(p + '/') && editedAt(r));
          if (!blocked) expect([p, R.get(p)]).toEqual([p, B.get(p)]);
        }
      }),
      params,
    );
  });
});

describe('retractItems properties', () => {
  it('removes delivered leaves the recipient left alone and keeps edited ones and everything else', async () => {
    await fc.assert(
      fc.asyncProperty(rootArb, disjointItemsArb, editsArb, async (root, specs, edits) => {
        const s = await setup(root, specs);
        const pushed = await apply(s, s.target, 'OVERWRITE');
        const edited = await applyEdits(s.store, pushed.root, edits);
        const retracted = await retractItems(s.store, edited, s.items);
        const [C, R] = [await leaves(s.store, edited), await leaves(s.store, retracted.root)];
        const delivered = incomingLeaves(specs);
        for (const [q, value] of delivered) {
          if (C.get(q) === value) expect(R.has(q)).toBe(false);
          else expect(R.get(q)).toBe(C.get(q));
        }
        for (const [p, value] of C) if (!delivered.has(p)) expect(R.get(p)).toBe(value);
      }),
      params,
    );
  });

  it('after KEEP_BOTH, removes the copies it made and keeps the target leaves that differed', async () => {
    await fc.assert(
      fc.asyncProperty(rootArb, itemsArb, async (root, specs) => {
        const s = await setup(root, specs);
        const pushed = await apply(s, s.target, 'KEEP_BOTH');
        const retracted = await retractItems(s.store, pushed.root, s.items);
        const [T, R] = [await leaves(s.store, s.target), await leaves(s.store, retracted.root)];
        const values = incomingValues(specs);
        for (const o of pushed.outcomes) {
          if (o.outcome !== 'COPIED') continue;
          expect([...R.keys()].filter((p) => p === o.copiedTo || p.startsWith(o.copiedTo + '/'))).toEqual([]);
        }
        for (const [p, value] of T) if (!values.get(p)?.has(value)) expect(R.get(p)).toBe(value);
      }),
      params,
    );
  });
});
