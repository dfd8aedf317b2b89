import { createMemoryTreeStore, type MemoryTreeStore } from '../../../core/storage/memory-tree-store';
import { dir, file, putRoot, table } from '../../distributions/engine/__tests__/trees';
import { outermost, treeChanges } from '../tree-changes';

let store: MemoryTreeStore;
beforeEach(() => {
  store = createMemoryTreeStore();
});

const split = (...paths: string[]) => paths.map((p) => p.split('/'));
const short = (changes: { path: string; change: string }[]) => changes.map((c) => `${c.change} ${c.path}`);

describe('treeChanges', () => {
  it('lists added, modified and deleted leaves within the given paths only', async () => {
    const material = await putRoot(store, {
      files: dir({
        hw1: dir({ 'answers.md': file('A'), 'data.csv': file('D'), 'gone.txt': file('G') }),
        'notes.txt': file('N'),
      }),
    });
    const handedIn = await putRoot(store, {
      files: dir({
        hw1: dir({ 'answers.md': file('A2'), 'data.csv': file('D'), 'report.md': file('R'), extra: dir({ 'x.py': file('X') }) }),
        'notes.txt': file('N2'),
      }),
    });
    const { changes, truncated } = await treeChanges(store, material, handedIn, split('files/hw1'));
    expect(truncated).toBe(false);
    expect(short(changes)).toEqual(['MODIFIED files/hw1/answers.md', 'ADDED files/hw1/extra/x.py', 'DELETED files/hw1/gone.txt', 'ADDED files/hw1/report.md']);
    expect(changes[0].before?.id).not.toBe(changes[0].after?.id);
  });

  it('reports a hand-in path missing on either side as its leaves added or deleted', async () => {
    const material = await putRoot(store, { files: dir({ hw: dir({ 'a.txt': file('A') }) }) });
    const handedIn = await putRoot(store, { files: dir({ 'report.md': file('R') }) });
    const { changes } = await treeChanges(store, material, handedIn, split('files/hw', 'files/report.md'));
    expect(short(changes)).toEqual(['DELETED files/hw/a.txt', 'ADDED files/report.md']);
  });

  it('treats a file that became a folder (or a table) as deleted and added', async () => {
    const material = await putRoot(store, { files: dir({ x: file('X'), t: file('T') }) });
    const handedIn = await putRoot(store, { files: dir({ x: dir({ 'inner.txt': file('I') }), t: table('T') }) });
    const { changes } = await treeChanges(store, material, handedIn, split('files'));
    expect(short(changes)).toEqual(['DELETED files/t', 'ADDED files/t', 'DELETED files/x', 'ADDED files/x/inner.txt']);
  });

  it('compares a nested hand-in path once, and stops at the limit', async () => {
    const material = await putRoot(store, { files: dir({}) });
    const handedIn = await putRoot(store, { files: dir({ hw: dir({ 'a.txt': file('A'), 'b.txt': file('B'), 'c.txt': file('C') }) }) });
    const all = await treeChanges(store, material, handedIn, split('files/hw/a.txt', 'files/hw'));
    expect(short(all.changes)).toEqual(['ADDED files/hw/a.txt', 'ADDED files/hw/b.txt', 'ADDED files/hw/c.txt']);
    const cut = await treeChanges(store, material, handedIn, split('files/hw'), 2);
    expect(cut.truncated).toBe(true);
    expect(cut.changes).toHaveLength(2);
  });

  it('finds nothing when the hand-in equals the material', async () => {
    const root = await putRoot(store, { files: dir({ hw: dir({ 'a.txt': file('A') }) }) });
    expect((await treeChanges(store, root, root, split('files/hw'))).changes).toEqual([]);
  });
});

describe('outermost', () => {
  it('drops paths inside other paths and sorts', () => {
    expect(outermost(split('files/b', 'files/a/x', 'files/a', 'files/b/c/d'))).toEqual(split('files/a', 'files/b'));
  });
});
