import fc from 'fast-check';
import { createMemoryTreeStore } from '../memory-tree-store';
import { isPrefixOf } from '../paths';
import { EMPTY_TREE_ID, editTree, getEntry, listDirectory, walkTree, type TreeEdit } from '../tree';
import type { TreeEntry, TreeStore } from '../types';
import { domainErrorOf, file, idOf } from './fixtures';

const put = (path: string, entry: TreeEntry): TreeEdit => ({ path: path.split('/'), entry });
const del = (path: string): TreeEdit => ({ path: path.split('/'), entry: null });

/** Every entry below `root` as `path → "KIND:id:size"`. */
async function contents(store: TreeStore, root: string): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  for await (const { path, entry } of walkTree(store, root)) {
    seen.set(path.join('/'), `${entry.kind}:${entry.id}:${entry.size}`);
  }
  return seen;
}

function recordingReads(store: TreeStore): TreeStore & { reads: string[] } {
  const reads: string[] = [];
  return { reads, get: (id) => (reads.push(id), store.get(id)), put: (entries) => store.put(entries) };
}

describe('editTree', () => {
  it('creates missing parent folders and sums sizes up the spine', async () => {
    const store = createMemoryTreeStore();
    const root = await editTree(store, EMPTY_TREE_ID, [
      put('files/w1/a.csv', file('x', 10)),
      put('files/w1/b', file('y', 5)),
      put('files/c', file('z', 1)),
    ]);
    expect(await getEntry(store, root, [])).toMatchObject({ size: 16 });
    expect(await getEntry(store, root, ['files'])).toMatchObject({ kind: 'DIRECTORY', size: 16 });
    expect(await getEntry(store, root, ['files', 'w1'])).toMatchObject({ kind: 'DIRECTORY', size: 15 });
    // The entry takes the name of the last path segment.
    expect(await getEntry(store, root, ['files', 'w1', 'a.csv'])).toEqual(file('a.csv', 10, 'x'));
  });

  it('keeps only name, kind, id and size of a put entry', async () => {
    const store = createMemoryTreeStore();
    const extra = { ...file('a', 1), note: 'not stored' } as TreeEntry;
    const root = await editTree(store, EMPTY_TREE_ID, [put('a', extra)]);
    expect(await getEntry(store, root, ['a'])).toEqual(file('a', 1));
  });

  it('deletes files and whole folders, and keeps folders left empty', async () => {
    const store = createMemoryTreeStore();
    const base = await editTree(store, EMPTY_TREE_ID, [
      put('f/a/x', file('x', 1)),
      put('f/a/y', file('y', 2)),
      put('f/b/z', file('z', 4)),
    ]);
    const one = await editTree(store, base, [del('f/a/x'), del('f/a/y'), del('f/b')]);
    expect([...(await contents(store, one)).keys()]).toEqual(['f', 'f/a']);
    expect(await getEntry(store, one, ['f', 'a'])).toMatchObject({ id: EMPTY_TREE_ID, size: 0 });
  });

  it('treats deleting a missing path as a no-op that writes nothing', async () => {
    const store = createMemoryTreeStore();
    const base = await editTree(store, EMPTY_TREE_ID, [put('f/a', file('a', 1))]);
    const putsBefore = store.puts;
    expect(await editTree(store, base, [del('f/zz'), del('nope/deeper/still'), del('f/a/below-a-file')])).toBe(base);
    expect(store.puts).toBe(putsBefore);
    expect(await editTree(store, base, [])).toBe(base);
  });

  it('rejects a put through an existing file with CONFLICT naming both paths', async () => {
    const store = createMemoryTreeStore();
    const base = await editTree(store, EMPTY_TREE_ID, [put('files/a.csv', file('a', 1))]);
    const error = await domainErrorOf(() => editTree(store, base, [put('files/a.csv/x/y', file('b', 1))]), 'CONFLICT');
    expect(error.message).toBe("cannot write 'files/a.csv/x/y': 'files/a.csv' is a file, not a folder");
    expect(error.details).toEqual({ path: 'files/a.csv/x/y', blockedBy: 'files/a.csv' });
    const table: TreeEntry = { name: 'g', kind: 'TABLE', id: idOf('g'), size: 1 };
    const throughTable = await domainErrorOf(
      () => editTree(store, EMPTY_TREE_ID, [put('tables/g', table), put('tables/g/x', file('x', 1))]),
      'CONFLICT',
    );
    expect(throughTable.message).toMatch(/'tables\/g' is a table/);
  });

  it('reports a conflict even when a later edit of the batch removes it', async () => {
    const store = createMemoryTreeStore();
    const overridden = [put('a/a', file('x', 1)), put('a/a/a', file('y', 1)), del('a')];
    await domainErrorOf(() => editTree(store, EMPTY_TREE_ID, overridden), 'CONFLICT');
    const base = await editTree(store, EMPTY_TREE_ID, [put('d/f', file('f', 1))]);
    await domainErrorOf(() => editTree(store, base, [put('d/f/g', file('g', 1)), put('d', file('d', 1))]), 'CONFLICT');
  });

  it('applies edits in order within one batch', async () => {
    const store = createMemoryTreeStore();
    // A file replaced by a folder after it was deleted, and a folder replaced by a file.
    const root = await editTree(store, EMPTY_TREE_ID, [
      put('a', file('a', 1)),
      del('a'),
      put('a/b', file('b', 2)),
      put('c/d', file('d', 3)),
      put('c', file('c', 4)),
    ]);
    expect([...(await contents(store, root)).keys()]).toEqual(['a', 'a/b', 'c']);
    expect(await getEntry(store, root, ['c'])).toEqual(file('c', 4));
  });

  it('edits inside a folder entry that the same batch put', async () => {
    const store = createMemoryTreeStore();
    const inner = await editTree(store, EMPTY_TREE_ID, [put('x', file('x', 7))]);
    const folder: TreeEntry = { name: 'ignored', kind: 'DIRECTORY', id: inner, size: 7 };
    const root = await editTree(store, EMPTY_TREE_ID, [put('d', folder), put('d/y', file('y', 1))]);
    expect((await listDirectory(store, root, ['d'])).map((e) => e.name)).toEqual(['x', 'y']);
    expect(await getEntry(store, root, ['d'])).toMatchObject({ size: 8 });
  });

  it('rejects an empty path and invalid names', async () => {
    const store = createMemoryTreeStore();
    const attempt = (edit: TreeEdit) => domainErrorOf(() => editTree(store, EMPTY_TREE_ID, [edit]), 'BAD_USER_INPUT');
    await attempt({ path: [], entry: file('a', 1) });
    await attempt({ path: ['ok', 'a/b'], entry: file('a', 1) });
    await attempt({ path: ['..', 'a'], entry: file('a', 1) });
    await attempt({ path: ['a'], entry: { ...file('a', 1), id: 'xyz' } });
  });

  it('writes each touched folder once and never reads untouched subtrees', async () => {
    const memory = createMemoryTreeStore();
    const base = await editTree(memory, EMPTY_TREE_ID, [
      put('files/big/old', file('old', 1)),
      put('files/other/x', file('x', 1)),
      put('tables/t', file('t', 1)),
    ]);
    const other = (await getEntry(memory, base, ['files', 'other']))!.id;
    const tables = (await getEntry(memory, base, ['tables']))!.id;
    const store = recordingReads(memory);
    const putsBefore = memory.puts;
    const edits = Array.from({ length: 10_000 }, (_, i) => put(`files/big/f${i}.txt`, file('f', 1, i)));
    const root = await editTree(store, base, edits);
    expect(memory.puts - putsBefore).toBe(3); // big, files, root
    expect(store.reads).not.toContain(other);
    expect(store.reads).not.toContain(tables);
    expect(store.reads).toHaveLength(3);
    expect(await getEntry(memory, root, ['files', 'big'])).toMatchObject({ size: 10_001 });
  });
});

// ---- Model-based properties -------------------------------------------------

type Op = { path: string[]; entry: { seed: number; size: number } | null };

/** Files and folders as plain path sets, edited with the rules editTree must follow. */
class Model {
  files = new Map<string, { seed: number; size: number }>();
  dirs = new Set<string>();

  clone(): Model {
    const copy = new Model();
    copy.files = new Map(this.files);
    copy.dirs = new Set(this.dirs);
    return copy;
  }

  /** Returns false when the op is a put passing through a file. */
  apply(op: Op): boolean {
    const key = op.path.join('/');
    const prefixes = op.path.slice(0, -1).map((_, i) => op.path.slice(0, i + 1).join('/'));
    if (op.entry && prefixes.some((p) => this.files.has(p))) return false;
    for (const set of [this.files, this.dirs]) {
      for (const k of [...set.keys()]) if (k === key || k.startsWith(key + '/')) set.delete(k);
    }
    if (op.entry) {
      prefixes.forEach((p) => this.dirs.add(p));
      this.files.set(key, op.entry);
    }
    return true;
  }

  expected(): Map<string, string> {
    const out = new Map<string, string>();
    for (const dir of this.dirs) {
      let size = 0;
      for (const [k, f] of this.files) if (k.startsWith(dir + '/')) size += f.size;
      out.set(dir, `DIRECTORY:${size}`);
    }
    for (const [k, f] of this.files) out.set(k, `FILE:${idOf(f.seed)}:${f.size}`);
    return out;
  }
}

/** Drops tree ids from folder entries: they are checked through the from-scratch comparison instead. */
function withoutTreeIds(seen: Map<string, string>): Map<string, string> {
  return new Map([...seen].map(([k, v]) => [k, v.startsWith('DIRECTORY:') ? `DIRECTORY:${v.split(':')[2]}` : v]));
}

const toEdit = (op: Op): TreeEdit => ({ path: op.path, entry: op.entry && file('ignored', op.entry.size, op.entry.seed) });

const segment = fc.constantFrom('a', 'b', 'c');
const opArb: fc.Arbitrary<Op> = fc.record({
  path: fc.array(segment, { minLength: 1, maxLength: 4 }),
  // Few distinct ids, so the same blob lands in several places; one op in five is a delete.
  entry: fc.option(fc.record({ seed: fc.integer({ min: 0, max: 5 }), size: fc.integer({ min: 0, max: 1000 }) }), {
    freq: 4,
  }),
});

/** Builds the model's content from nothing in a scrambled order. */
async function buildFromScratch(store: TreeStore, model: Model, seed: number): Promise<string> {
  const edits: TreeEdit[] = [...model.files].map(([k, f]) => ({ path: k.split('/'), entry: file('x', f.size, f.seed) }));
  for (const dir of model.dirs) {
    const hasChildren = [...model.dirs, ...model.files.keys()].some((k) => k.startsWith(dir + '/'));
    if (!hasChildren) {
      edits.push({ path: dir.split('/'), entry: { name: 'x', kind: 'DIRECTORY', id: EMPTY_TREE_ID, size: 0 } });
    }
  }
  let state = seed;
  for (let i = edits.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [edits[i], edits[j]] = [edits[j], edits[i]];
  }
  return editTree(store, EMPTY_TREE_ID, edits);
}

const batchesArb = fc.array(fc.array(opArb, { maxLength: 15 }), { minLength: 1, maxLength: 4 });

describe('editTree properties', () => {
  it('matches a plain-map model across batches, with correct sizes and content-determined ids', async () => {
    await fc.assert(
      fc.asyncProperty(batchesArb, fc.nat(), async (batches, seed) => {
        const store = createMemoryTreeStore();
        let root = EMPTY_TREE_ID;
        let model = new Model();
        // Each batch is also replayed, so applying the same edits again is covered.
        for (const batch of batches.flatMap((b) => [b, b])) {
          const next = model.clone();
          const ok = batch.every((op) => next.apply(op));
          if (!ok) {
            await expect(editTree(store, root, batch.map(toEdit))).rejects.toMatchObject({ code: 'CONFLICT' });
            continue;
          }
          const newRoot = await editTree(store, root, batch.map(toEdit));
          expect(await editTree(store, root, batch.map(toEdit))).toBe(newRoot);
          expect(withoutTreeIds(await contents(store, newRoot))).toEqual(next.expected());
          expect(await buildFromScratch(store, next, seed)).toBe(newRoot);
          root = newRoot;
          model = next;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same root for any order of non-overlapping puts', async () => {
    const prefixFree = fc
      .uniqueArray(fc.array(segment, { minLength: 1, maxLength: 4 }), { selector: (p) => p.join('/'), maxLength: 20 })
      .map((paths) => paths.filter((p) => !paths.some((q) => q.length > p.length && isPrefixOf(p, q))));
    const scenario = prefixFree.chain((paths) => {
      const edits = paths.map((p, i) => ({ path: p, entry: file('n', i * 3, i % 4) }));
      const permutation = fc.shuffledSubarray(edits, { minLength: edits.length });
      return fc.tuple(fc.constant(edits), permutation, fc.array(opArb, { maxLength: 6 }));
    });
    await fc.assert(
      fc.asyncProperty(scenario, async ([edits, shuffled, baseOps]) => {
        const store = createMemoryTreeStore();
        const base = await editTree(store, EMPTY_TREE_ID, baseOps.map(toEdit)).catch(() => EMPTY_TREE_ID);
        const first = await editTree(store, base, edits).catch((e: { code?: string }) => e.code);
        const second = await editTree(store, base, shuffled).catch((e: { code?: string }) => e.code);
        expect(second).toBe(first);
      }),
    );
  });
});
