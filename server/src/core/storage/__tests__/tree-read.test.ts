import { createMemoryTreeStore } from '../memory-tree-store';
import { countFiles, directoryEntry, EMPTY_TREE_ID, getEntry, listDirectory, walkTree } from '../tree';
import type { TreeEntry, TreeStore } from '../types';
import { domainErrorOf, file, idOf } from './fixtures';

/** Builds a fixed workspace by hand (not with editTree, which is tested against these reads). */
async function sampleWorkspace() {
  const store = createMemoryTreeStore();
  const week1Entries = [file('b.txt', 5), file('a.csv', 10)];
  const week1 = directoryEntry('week1', await store.put(week1Entries), week1Entries);
  const filesEntries = [file('notes.txt', 3), week1, directoryEntry('empty', EMPTY_TREE_ID, [])];
  const files = directoryEntry('files', await store.put(filesEntries), filesEntries);
  const tablesEntries: TreeEntry[] = [{ name: 'grades', kind: 'TABLE', id: idOf('grades'), size: 100 }];
  const tables = directoryEntry('tables', await store.put(tablesEntries), tablesEntries);
  const root = await store.put([tables, files]);
  return { store, root, files, week1 };
}

/** Wraps a store to record which tree ids are read. */
function recordingReads(store: TreeStore): TreeStore & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    get: (id) => {
      reads.push(id);
      return store.get(id);
    },
    put: (entries) => store.put(entries),
  };
}

describe('getEntry', () => {
  it('gives a synthetic entry for the root with the total size', async () => {
    const { store, root } = await sampleWorkspace();
    expect(await getEntry(store, root, [])).toEqual({ name: '', kind: 'DIRECTORY', id: root, size: 118 });
    expect(await getEntry(store, EMPTY_TREE_ID, [])).toEqual({ name: '', kind: 'DIRECTORY', id: EMPTY_TREE_ID, size: 0 });
  });

  it('finds files and folders at any depth', async () => {
    const { store, root, week1 } = await sampleWorkspace();
    expect(await getEntry(store, root, ['files', 'week1', 'a.csv'])).toEqual(file('a.csv', 10));
    expect(await getEntry(store, root, ['files', 'week1'])).toEqual(week1);
    expect(week1.size).toBe(15);
  });

  it('returns null for missing paths and paths through a non-folder', async () => {
    const { store, root } = await sampleWorkspace();
    expect(await getEntry(store, root, ['files', 'nope'])).toBeNull();
    expect(await getEntry(store, root, ['files', 'nope', 'deeper'])).toBeNull();
    expect(await getEntry(store, root, ['files', 'notes.txt', 'x'])).toBeNull();
    expect(await getEntry(store, root, ['tables', 'grades', 'x'])).toBeNull();
  });
});

describe('listDirectory', () => {
  it('lists the root and nested folders', async () => {
    const { store, root } = await sampleWorkspace();
    expect((await listDirectory(store, root, [])).map((e) => e.name)).toEqual(['files', 'tables']);
    expect((await listDirectory(store, root, ['files', 'week1'])).map((e) => e.name)).toEqual(['a.csv', 'b.txt']);
    expect(await listDirectory(store, root, ['files', 'empty'])).toEqual([]);
  });

  it('reports a missing folder as NOT_FOUND and a file as BAD_USER_INPUT', async () => {
    const { store, root } = await sampleWorkspace();
    const missing = await domainErrorOf(() => listDirectory(store, root, ['files', 'x']), 'NOT_FOUND');
    expect(missing.message).toBe("no folder at 'files/x'");
    const notFolder = await domainErrorOf(() => listDirectory(store, root, ['files', 'notes.txt']), 'BAD_USER_INPUT');
    expect(notFolder.message).toBe("'files/notes.txt' is a file, not a folder");
    const table = await domainErrorOf(() => listDirectory(store, root, ['tables', 'grades']), 'BAD_USER_INPUT');
    expect(table.message).toMatch(/is a table/);
  });
});

describe('walkTree', () => {
  it('visits depth-first in canonical order, folders before their contents', async () => {
    const { store, root } = await sampleWorkspace();
    const visited: string[] = [];
    for await (const { path, entry } of walkTree(store, root)) visited.push(`${path.join('/')}:${entry.kind}`);
    expect(visited).toEqual([
      'files:DIRECTORY',
      'files/empty:DIRECTORY',
      'files/notes.txt:FILE',
      'files/week1:DIRECTORY',
      'files/week1/a.csv:FILE',
      'files/week1/b.txt:FILE',
      'tables:DIRECTORY',
      'tables/grades:TABLE',
    ]);
  });

  it('prefixes paths and reads only what it reaches', async () => {
    const { store, files } = await sampleWorkspace();
    const recording = recordingReads(store);
    const paths: string[][] = [];
    for await (const { path } of walkTree(recording, files.id, ['files'])) {
      paths.push(path);
      break;
    }
    expect(paths).toEqual([['files', 'empty']]);
    expect(recording.reads).toEqual([files.id]);
  });
});

describe('countFiles', () => {
  it('counts leaves of every kind below a tree', async () => {
    const { store, root, files } = await sampleWorkspace();
    expect(await countFiles(store, root)).toBe(4);
    expect(await countFiles(store, files.id)).toBe(3);
    expect(await countFiles(store, EMPTY_TREE_ID)).toBe(0);
  });

  it('remembers counts per tree id, so shared and repeated subtrees are read once', async () => {
    const store = createMemoryTreeStore();
    // Content unique to this test, so the module-level cache cannot already know it.
    const leafEntries = [file('x', 1, 'count-memo-x'), file('y', 1, 'count-memo-y')];
    const leaf = await store.put(leafEntries);
    const rootEntries = ['p', 'q', 'r'].map((name) => directoryEntry(name, leaf, leafEntries));
    const root = await store.put(rootEntries);
    const recording = recordingReads(store);
    expect(await countFiles(recording, root)).toBe(6);
    expect(recording.reads.sort()).toEqual([leaf, root].sort());
    expect(await countFiles(recording, root)).toBe(6);
    expect(recording.reads).toHaveLength(2);
  });
});
