import { createMemoryTreeStore, type MemoryTreeStore } from '../../../../core/storage/memory-tree-store';
import { editTree } from '../../../../core/storage/tree';
import { applyItems } from '../apply';
import type { IncomingItem, Policy } from '../policy';
import { retractItems } from '../retract';
import { revertChange } from '../revert';
import { dir, file, folders, id, item, leaves, putRoot } from './trees';

let store: MemoryTreeStore;
beforeEach(() => {
  store = createMemoryTreeStore();
});

const contents = async (root: string) => Object.fromEntries(await leaves(store, root));
const F = (label: string) => `FILE:${id(label)}`;
const push = async (target: string, items: IncomingItem[], policy: Policy) =>
  (await applyItems(store, target, items, { policies: { default: policy } })).root;
const edit = (root: string, path: string, label: string | null) =>
  editTree(store, root, [
    { path: path.split('/'), entry: label === null ? null : { name: path.split('/').pop()!, kind: 'FILE', id: id(label), size: 1 } },
  ]);

describe('revertChange', () => {
  let before: string;
  let after: string;
  beforeEach(async () => {
    before = await putRoot(store, { files: dir({ 'r.csv': file('A'), keep: file('K'), old: file('O') }) });
    after = await push(
      before,
      [
        await item(store, 'files/r.csv', file('B')),
        await item(store, 'files/new', dir({ 'x.txt': file('X'), 'y.txt': file('Y') })),
      ],
      'OVERWRITE',
    );
  });

  it('gives back the root before the change when nothing was edited since', async () => {
    const r = await revertChange(store, after, before, after);
    expect(r).toEqual({ root: before, reverted: ['files/new', 'files/r.csv'], kept: [] });
  });

  it("keeps the recipient's edits and reverts the rest", async () => {
    let current = await edit(after, 'files/r.csv', 'E');
    current = await edit(current, 'files/new/x.txt', 'E');
    current = await edit(current, 'files/mine.txt', 'M');
    const r = await revertChange(store, current, before, after);
    expect(r.reverted).toEqual(['files/new/y.txt']);
    expect(r.kept).toEqual(['files/new/x.txt', 'files/r.csv']);
    expect(await contents(r.root)).toEqual({
      'files/keep': F('K'),
      'files/mine.txt': F('M'),
      'files/new/x.txt': F('E'),
      'files/old': F('O'),
      'files/r.csv': F('E'),
    });
  });

  it('removes a folder the change created once it is empty again', async () => {
    const current = await edit(after, 'files/new/y.txt', null);
    const r = await revertChange(store, current, before, after);
    expect(r.reverted).toEqual(['files/new/x.txt', 'files/r.csv']);
    expect(await folders(store, r.root)).toEqual(new Set(['files']));
  });

  it('needs nothing where the recipient already restored the old value', async () => {
    const current = await edit(after, 'files/r.csv', 'A');
    const r = await revertChange(store, current, before, after);
    expect(r.kept).toEqual([]);
    expect(r.root).toBe(before);
  });

  it('restores what a MIRROR push removed, unless the name was taken since', async () => {
    const mirrored = await push(before, [await item(store, 'files', dir({ 'r.csv': file('B') }))], 'MIRROR');
    const current = await edit(mirrored, 'files/old', 'N');
    const r = await revertChange(store, current, before, mirrored);
    expect(r.reverted).toEqual(['files/keep', 'files/r.csv']);
    expect(r.kept).toEqual(['files/old']);
    expect(await contents(r.root)).toEqual({ 'files/keep': F('K'), 'files/old': F('N'), 'files/r.csv': F('A') });
  });

  it('puts a replaced file back where a folder stood, if the recipient added nothing in it', async () => {
    const base = await putRoot(store, { files: dir({ a: file('A') }) });
    const changed = await push(base, [await item(store, 'files/a', dir({ x: file('X') }))], 'OVERWRITE');
    const deletedInside = await edit(changed, 'files/a/x', null);
    expect(await contents((await revertChange(store, deletedInside, base, changed)).root)).toEqual({ 'files/a': F('A') });

    const addedInside = await edit(changed, 'files/a/mine', 'M');
    const r = await revertChange(store, addedInside, base, changed);
    expect(r.kept).toEqual(['files/a']);
    expect(await contents(r.root)).toEqual({ 'files/a/mine': F('M') });
  });
});

describe('retractItems', () => {
  let target: string;
  let items: IncomingItem[];
  let pushed: string;
  beforeEach(async () => {
    target = await putRoot(store, { files: dir({ mine: file('M'), w: dir({ own: file('O') }) }) });
    items = [
      await item(store, 'files/hw', dir({ 'a.txt': file('A'), sub: dir({ 'b.txt': file('B') }) })),
      await item(store, 'files/w/task.txt', file('T')),
      await item(store, 'files/deep/er/z.txt', file('Z')),
    ];
    pushed = await push(target, items, 'OVERWRITE');
  });

  it('removes everything delivered and unedited, with the folders it emptied', async () => {
    const r = await retractItems(store, pushed, items);
    expect(r).toEqual({
      root: target,
      removed: ['files/deep/er/z.txt', 'files/hw', 'files/w/task.txt'],
      kept: [],
    });
  });

  it('keeps edited entries and what the recipient added inside delivered folders', async () => {
    let current = await edit(pushed, 'files/hw/a.txt', 'E');
    current = await edit(current, 'files/hw/sub/mine.txt', 'M');
    current = await edit(current, 'files/w/task.txt', null);
    const r = await retractItems(store, current, items);
    expect(r.removed).toEqual(['files/deep/er/z.txt', 'files/hw/sub/b.txt']);
    expect(r.kept).toEqual(['files/hw/a.txt']);
    expect(await contents(r.root)).toEqual({
      'files/hw/a.txt': F('E'),
      'files/hw/sub/mine.txt': F('M'),
      'files/mine': F('M'),
      'files/w/own': F('O'),
    });
  });

  it('removes KEEP_BOTH copies that hold delivered content, and only those', async () => {
    const base = await putRoot(store, { files: dir({ 'r.csv': file('A'), 'r (incoming).csv': file('X'), a: file('A') }) });
    const delivered = [await item(store, 'files/r.csv', file('B')), await item(store, 'files/a/in.txt', file('I'))];
    const copied = await push(base, delivered, 'KEEP_BOTH');
    expect(Object.keys(await contents(copied))).toEqual(
      expect.arrayContaining(['files/r (incoming 2).csv', 'files/a (incoming)/in.txt']),
    );
    const r = await retractItems(store, copied, delivered);
    expect(r.removed).toEqual(['files/a (incoming)', 'files/r (incoming 2).csv']);
    expect(r.kept).toEqual(['files/r.csv']);
    expect(r.root).toBe(base);
  });

  it('changes nothing where nothing delivered remains', async () => {
    const r = await retractItems(store, target, items);
    expect(r).toEqual({ root: target, removed: [], kept: [] });
  });
});
