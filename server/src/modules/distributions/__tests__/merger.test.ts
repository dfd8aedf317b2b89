import { createMemoryTreeStore, type MemoryTreeStore } from '../../../core/storage/memory-tree-store';
import type { TreeStore } from '../../../core/storage/types';
import type { DbTreeStore } from '../../workspaces/db-tree-store';
import type { Workspace } from '../../workspaces/workspace.entity';
import type { Delivery } from '../delivery.entity';
import { DeliveryStore } from '../delivery-store';
import type { Policies } from '../engine/policy';
import { dir, file, id, putRoot } from '../engine/__tests__/trees';
import { Merger } from '../merger';
import type { FrozenItem } from '../../stage/frozen-item';

const SOURCE = 'source-workspace';

/**
 * A merger over a memory store whose tree reads are counted, with the delivery rows given per target. Each session
 * it opens keeps its new trees to itself, as the database's unflushed sessions do.
 */
function setup() {
  const store: MemoryTreeStore = createMemoryTreeStore();
  const reads = { count: 0 };
  const session = (): TreeStore => {
    const own = createMemoryTreeStore();
    return {
      get: (treeId) => (reads.count++, own.trees.has(treeId) ? own.get(treeId) : store.get(treeId)),
      put: (entries) => own.put(entries),
    };
  };
  const rows = new Map<string, Delivery[]>();
  const deliveries = Object.assign(Object.create(DeliveryStore.prototype) as DeliveryStore, {
    loadFor: async (targets: readonly Workspace[]) => new Map(targets.map((t) => [t.id, rows.get(t.id) ?? []])),
  });
  const merger = new Merger({ session } as unknown as DbTreeStore, deliveries);
  return { store, reads, rows, merger, session };
}

const workspace = (name: string, rootTreeId: string) => ({ id: name, rootTreeId }) as Workspace;
const delivered = (path: string, contentId: string) => ({ path, kind: 'FILE', contentId }) as Delivery;
const item = (path: string, label: string): FrozenItem => ({ path, kind: 'FILE', id: id(label), size: 1 });
const policies = (policy: Policies['default']): Policies => ({ default: policy });

describe('Merger.preview: a preview asked again reuses its merges, and nothing that changed since', () => {
  it('merges each target once for the same items, policies, roots and deliveries, and again for any other', async () => {
    const { store, reads, rows, merger } = setup();
    const edited = await putRoot(store, { files: dir({ 'task.md': file('mine') }) });
    const untouched = await putRoot(store, { files: dir({ 'task.md': file('v1') }) });
    const targets = [workspace('a', edited), workspace('b', untouched)];
    rows.set('a', [delivered('files/task.md', id('v1'))]);
    rows.set('b', [delivered('files/task.md', id('v1'))]);
    const items = [item('files/task.md', 'v2')];

    const first = await merger.preview(SOURCE, items, policies('PRESERVE_EDITS'), targets);
    expect(reads.count).toBeGreaterThan(0);
    expect(first.map((t) => t.result.counts.COPIED)).toEqual([1, 0]);
    expect(first.map((t) => t.result.counts.REPLACED)).toEqual([0, 1]);

    reads.count = 0;
    const again = await merger.preview(SOURCE, items, policies('PRESERVE_EDITS'), targets);
    expect(reads.count).toBe(0);
    expect(again.map((t) => t.result)).toEqual(first.map((t) => t.result));

    // Another root, another delivery row, other items or other policies: merged again, with what changed.
    const changed = await putRoot(store, { files: dir({ 'task.md': file('v1'), 'notes.md': file('n') }) });
    reads.count = 0;
    const newRoot = await merger.preview(SOURCE, items, policies('PRESERVE_EDITS'), [workspace('a', changed), targets[1]]);
    expect(reads.count).toBeGreaterThan(0);
    expect(newRoot.map((t) => t.result.counts.REPLACED)).toEqual([1, 1]);

    rows.set('b', [delivered('files/task.md', id('other'))]);
    reads.count = 0;
    const newRows = await merger.preview(SOURCE, items, policies('PRESERVE_EDITS'), targets);
    expect(reads.count).toBeGreaterThan(0);
    expect(newRows.map((t) => t.result.counts.COPIED)).toEqual([1, 1]);

    for (const [otherItems, otherPolicies] of [
      [[item('files/task.md', 'v3')], policies('PRESERVE_EDITS')],
      [items, policies('SKIP_EXISTING')],
      [items, { default: 'PRESERVE_EDITS', files: 'OVERWRITE' }],
    ] as const) {
      reads.count = 0;
      await merger.preview(SOURCE, otherItems, otherPolicies, targets);
      expect(reads.count).toBeGreaterThan(0);
    }
  });

  it('merges afresh for a caller that reads the new roots in its own session', async () => {
    const { store, merger, session } = setup();
    const target = workspace('a', await putRoot(store, { files: dir({ 'task.md': file('v1') }) }));
    const items = [item('files/task.md', 'v2')];
    await merger.preview(SOURCE, items, policies('OVERWRITE'), [target]);
    const own = session();
    const [pushed] = await merger.preview(SOURCE, items, policies('OVERWRITE'), [target], own);
    expect(pushed.result.changed).toBe(true);
    // The root is in the caller's session: the earlier preview's trees went with its own.
    expect(await own.get(pushed.result.root)).toEqual([expect.objectContaining({ name: 'files' })]);
  });
});
